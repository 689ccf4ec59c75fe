using System.Collections.Concurrent;
using System.Globalization;
using FactCheck.Checks;
using FactCheck.Lang;
using FactCheck.Model;
using FactCheck.Quantities;
using FactCheck.Temporal;
using FactCheck.Text;
using Newtonsoft.Json.Linq;

namespace FactCheck.Align;

/// <summary>The words the slot builder needs of one language, from data/lang/&lt;lang&gt;/slots.json.</summary>
public sealed class SlotLexicon
{
    private static readonly ConcurrentDictionary<string, Lazy<SlotLexicon>> cache = new(StringComparer.OrdinalIgnoreCase);

    public string Lang { get; }
    /// <summary>Function words (lower case) left out of a slot's context.</summary>
    public HashSet<string> Function { get; }
    /// <summary>Counting words between a number and what it counts ("orang" in "tujuh orang tersangka").</summary>
    public IReadOnlySet<string> Classifiers { get; }
    /// <summary>Words skipped when looking for the head noun after a number ("more than", "American").</summary>
    public IReadOnlySet<string> Skip { get; }
    /// <summary>Words joining the two ends of a range ("to", "hingga", "sampai").</summary>
    public IReadOnlySet<string> RangeWords { get; }
    /// <summary>Words that open a span right before a value ("mulai", "sejak", "since"): the value starts a range.</summary>
    public IReadOnlySet<string> RangeStart { get; }
    /// <summary>Words before a date that is when a text was quoted or retrieved ("dikutip", "accessed").</summary>
    public IReadOnlySet<string> Access { get; }
    /// <summary>Speech words before a quote's dateline ("ujar", "kata"): a weekday date ending the sentence after one is the
    /// quote's date, not a fact to compare.</summary>
    public IReadOnlySet<string> Speech { get; }
    /// <summary>Words just before a quote's dateline written without its weekday ("ujar Yakup di Senayan, pada 16 Juni 2025."):
    /// with a comma, the only leads after which such a date is taken as the dateline.</summary>
    public IReadOnlySet<string> DatelineLead { get; }
    /// <summary>Words that write one as the indefinite article ("seorang", "sebuah"): such a one is no stated count.</summary>
    public IReadOnlySet<string> Indefinite { get; }
    /// <summary>Units of time that are what a number counts when no duration was read ("berusia 31 tahun": years of age).</summary>
    public IReadOnlySet<string> TimeUnits { get; }
    /// <summary>Phrases that say a date or time is the place's own ("waktu setempat", "local time"), which may be a day
    /// off the date another outlet gives in its own time zone.</summary>
    public IReadOnlyList<string> LocalTime { get; }
    /// <summary>Phrases that say a figure is so far ("hingga saat ini", "so far"): a running count.</summary>
    public IReadOnlyList<string> Running { get; }
    /// <summary>Prefixes of verbs that may follow a counting word ("di": "orang dilaporkan tewas").</summary>
    public IReadOnlyList<string> VerbPrefixes { get; }
    /// <summary>Stems read as another stem of the same meaning in context (slots.json "synonyms").</summary>
    public IReadOnlyDictionary<string, string> Synonyms { get; }
    /// <summary>A stem as context reads it: its synonym group's first word, else itself.</summary>
    public string Same(string stem) => Synonyms.TryGetValue(stem, out var same) ? same : stem;
    /// <summary>One-word titles (the entity rules' role phrases: "President", "Gov", "Gubernur"): written capitalized before a
    /// name they are still the event's word, not part of the name ("President Obama said" beside "the president said").</summary>
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> titles;
    public bool IsTitle(ReadOnlySpan<char> word) => titles.Contains(word);
    /// <summary>Words before a person's age ("berusia", "aged"), words after one ("itu": "pemain 17 tahun itu"), and whether
    /// the language sets an age off by commas after a name ("Mattis, 68,").</summary>
    public HashSet<string> AgeLead { get; }
    public HashSet<string> AgeFollow { get; }
    public bool AgeApposition { get; }
    /// <summary>Nouns of a person right before a span of years that is then the person's age ("remaja 18 tahun", "pria 42 tahun").</summary>
    public HashSet<string> AgePerson { get; }
    /// <summary>Words that say a figure was brought up to date ("bertambah menjadi", "rose to").</summary>
    public IReadOnlyList<string> Update { get; }
    /// <summary><see cref="LocalTime"/>, <see cref="Running"/> and <see cref="Update"/> (in this order), each searched for at
    /// once in a sentence (ignoring case) by <see cref="SlotBuilder"/>.</summary>
    internal IReadOnlyList<System.Buffers.SearchValues<string>> PhraseSearch { get; }
    /// <summary>Words right after a count that make it a part of a larger one ("three other women", "53 others", "dua
    /// korban lainnya"): a part and a whole are two facts.</summary>
    public IReadOnlySet<string> Part { get; }
    /// <summary>Whether a noun's modifiers come before it ("two black senators"; slots.json "head_final"), so the head of
    /// a count is the end of the words after it, not the first.</summary>
    public bool HeadFinal { get; }
    /// <summary>The suffix of a plural noun where the language marks one ("s"), and endings that look like it on singular
    /// words ("ss", "us", "is", "news"); null for a language without a plural suffix.</summary>
    public string? PluralSuffix { get; }
    public IReadOnlyList<string> NotPlural { get; }
    /// <summary>Whether words glued by scraping are split into the article's own words for context ("split_glued").</summary>
    public bool SplitGlued { get; }
    /// <summary>Stems of words that tell facts of one kind apart ("dituntut" and "divonis", "killed" and "wounded"), each
    /// mapped to its group and member: a slot whose clause says one and a slot whose clause says another are two facts.</summary>
    public IReadOnlyDictionary<string, string> Contrasts { get; }
    public JArray Examples { get; }
    public JArray Negative { get; }

    private SlotLexicon(string lang, JObject o)
    {
        Lang = lang;
        static HashSet<string> Set(JToken? t) => new((t as JArray ?? []).Values<string>().OfType<string>().Select(s => s.ToLowerInvariant()), StringComparer.Ordinal);
        Function = Set(o["function"]);
        Classifiers = Set(o["classifiers"]);
        Skip = Set(o["skip"]);
        RangeWords = Set(o["range"]);
        RangeStart = Set(o["range_start"]);
        Access = Set(o["access"]);
        Speech = Set(o["speech"]);
        DatelineLead = Set(o["dateline_lead"]);
        Indefinite = Set(o["indefinite"]);
        TimeUnits = Set(o["time_units"]);
        LocalTime = Set(o["local_time"]).ToList();
        Running = Set(o["running"]).ToList();
        VerbPrefixes = Set(o["verb_prefixes"]).ToList();
        AgeLead = Set(o["age_lead"]);
        AgeFollow = Set(o["age_follow"]);
        AgePerson = Set(o["age_person"]);
        AgeApposition = o.Value<bool?>("age_apposition") ?? false;
        Update = Set(o["update"]).ToList();
        PhraseSearch = [.. new[] { LocalTime, Running, Update }.Select(l => System.Buffers.SearchValues.Create([.. l], StringComparison.OrdinalIgnoreCase))];
        Part = Set(o["part"]);
        SplitGlued = o.Value<bool?>("split_glued") ?? false;
        HeadFinal = o.Value<bool?>("head_final") ?? false;
        PluralSuffix = o["plural"]?.Value<string>("suffix");
        NotPlural = Set(o["plural"]?["not"]).ToList();
        var contrasts = new Dictionary<string, string>(StringComparer.Ordinal);
        int g = 0;
        foreach (var group in o["contrasts"] as JArray ?? [])
        {
            g++;
            int m = 0;
            foreach (var member in group as JArray ?? [])
            {
                m++;
                foreach (var w in (member.Type == JTokenType.Array ? member.Values<string>() : [member.Value<string>()]).OfType<string>())
                    contrasts.TryAdd(Stemmer.Stem(w.ToLowerInvariant(), lang), $"{g}:{m}");
            }
        }
        Contrasts = contrasts;
        // words that say one thing in news ("pemain", "pesepakbola"; "wounded", "injured"): each is read as its group's first word
        var synonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in o["synonyms"] as JArray ?? [])
        {
            var words = (group as JArray ?? []).Values<string>().OfType<string>().Select(w => Stemmer.Stem(w.ToLowerInvariant(), lang)).ToList();
            foreach (var w in words.Skip(1)) if (w != words[0]) synonyms.TryAdd(w, words[0]);
        }
        Synonyms = synonyms;
        titles = new HashSet<string>(Entities.EntityGrammar.Get(lang).Phrases.Where(p => p.Class == "role" && p.Words.Length == 1).Select(p => p.Words[0]),
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        Examples = o["examples"] as JArray ?? [];
        Negative = o["negative"] as JArray ?? [];
    }

    /// <summary>The lexicon of a language; an empty one when the language has no slots.json.</summary>
    public static SlotLexicon Get(string lang) => cache.GetOrAdd(lang, l => new Lazy<SlotLexicon>(() =>
    {
        var path = Path.Combine(DataPaths.Lang(l), "slots.json");
        return new SlotLexicon(l, File.Exists(path) ? LanguagePack.ReadJson(path) : new JObject());
    })).Value;
}

/// <summary>Turns an analyzed article's stated dates, clock times, counts, money and percentages into slots with their context.</summary>
public static class SlotBuilder
{
    /// <summary>Context words this many tokens or fewer from the value are "near".</summary>
    public const int NearTokens = 5;
    /// <summary>Context words are taken this many tokens either side of the value, inside its sentence.</summary>
    public const int FarTokens = 18;

    /// <summary>The slots of one article in text order. Boilerplate, invalid dates, durations, sets and vague
    /// references (PRESENT_REF) give none; a year that is also a quantity is one date slot.</summary>
    public static IReadOnlyList<Slot> Build(AnalyzedArticle a)
    {
        var lex = SlotLexicon.Get(a.Lang);
        var text = a.Article.Text;
        var tokens = a.Tokens;
        var slots = new List<Slot>();
        var texts = new Dictionary<(int, int), string>();
        var said = new Dictionary<(int, int), bool>();
        var glue = lex.SplitGlued ? new GluedWords(a, lex) : null;
        var scratch = new ContextScratch();
        int sentences = Math.Max(1, a.Sentences.Count);
        // each claim's alignment key, computed once: it tags the claim's time and quantity slots
        var keyed = a.Claims.Where(c => c.Relation != "said").Select(c => (Claim: c, Key: ClaimAligner.KeyOf(c))).ToList();
        var claimTimes = new Dictionary<int, string>();
        var claimQty = new Dictionary<int, string>();
        foreach (var (c, key) in keyed)
        {
            if (c.Time is { } t) claimTimes.TryAdd(t.Start, key);
            if (c.Quantity is { } q) claimQty.TryAdd(q.Start, key);
        }

        foreach (var m in a.Temporal)
        {
            if (a.Article.IsBoilerplate(m.Start) || m.Invalid is not null) continue;
            if (WordBefore(a, m.Start, 2, lex.Access)) continue; // "dikutip Rabu (18/6/2025)": when it was quoted
            // "ujar Cindy di Jakarta, Selasa (17/6/2025).": when the speaker spoke or was quoted, which each outlet dates by its
            // own day; weekday-date still checks the date against its weekday
            // (a date in full without its weekday too, after "pada" or a comma: "ujar Yakup di Senayan, pada 16 Juni 2025.")
            if ((m.StatedWeekday is not null || (MentionFacts.FullyStated(m) && LedBy(a, m.Start, lex.DatelineLead))) && !m.Relative
                && EndsSentence(a, m.End) && WordBefore(a, m.Start, 8, lex.Speech, a.SentenceAt(m.Start).Start)) continue;
            // "Selasa (17/6/2025) kemarin": the relative word restates the day written in full; a day and month whose year is
            // only inferred ("14 Juni hingga 31 Agustus 2025", "19 Juni-3 Juli 2025") states a day of its own
            if (m.Relative && m.Kind == TemporalKind.Date && !m.Stated.HasFlag(DateFields.Day) && StatesAbsoluteDate(a, m)) continue;
            var slot = m.Kind switch
            {
                TemporalKind.Date => DateSlot(a, m),
                // "on Friday evening", "Minggu malam (10/1/2021)": a part of the day and no clock reading; the day it names is
                // the fact to compare ("on Friday" in another article), the part of the day is no clock time
                TemporalKind.Time => TimeSlot(a, m) ?? (PartOfDay(m) && m.Date is not null ? DateSlot(a, m) : null),
                TemporalKind.Duration => DurationSlot(a, m),
                _ => null,
            };
            if (slot is null) continue;
            slot = WithContext(a, lex, slot, m.Start, m.End, sentences, texts, said, glue, scratch) with { Relation = claimTimes.GetValueOrDefault(m.Start) };
            slots.Add(slot);
            // "Kamis (19/6/2025) pukul 10.00 WIB": the day it states is a date fact too, beside the clock reading
            if (slot.Kind == SlotKind.Time && m.Date is { } day && m.Stated.HasFlag(DateFields.Day) && !m.Relative)
                slots.Add(slot with { Kind = SlotKind.Date, Value = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Date = day, Granularity = Granularity.Day,
                    YearInferred = m.Inferred.HasFlag(DateFields.Year) });
        }
        foreach (var q in a.QuantityMentions)
        {
            if (a.Article.IsBoilerplate(q.Start)) continue;
            if (OverlapsTemporal(a.Temporal, q.Start, q.End)) continue;
            if (AfterClass(a, q.Start, "month")) continue; // "Sept. 11 hijackers": the day of a date, not a count
            var kind = q.Kind switch { QuantityKind.Money => SlotKind.Money, QuantityKind.Percent => SlotKind.Percent, _ => SlotKind.Count };
            if (kind == SlotKind.Count && q.Value < 2 && q.Unit is null) continue;
            // "seorang jemaah", "sebuah rumah": one written as the indefinite article is "a pilgrim", not a stated count
            if (kind == SlotKind.Count && q.Value == 1 && q.Qualifier is null && FirstWord(q.Text) is { } first && lex.Indefinite.Contains(first)) continue;
            if (q.Unit == "fraction") continue;
            var slot = new Slot
            {
                Doc = a.Id, Source = a.Article.Source, Kind = kind, Start = q.Start, End = q.End, Text = q.Text,
                Value = q.Value.ToString("R", CultureInfo.InvariantCulture), Number = q.Value, Low = q.Low, High = q.High,
                Qualifier = q.Qualifier, Unit = q.Unit, Quantity = q,
                Near = [], Far = [], Entities = [], Sentence = "", SentenceStart = 0,
            };
            slot = WithContext(a, lex, slot, q.Start, q.End, sentences, texts, said, glue, scratch);
            // "sekitar 50 persen sampai 70 persen": the range word the quantity rules read as "up to" closes the range the figure
            // right before it opens; the end is the figure itself, not a bound
            if (slot.RangePart is null && FirstWord(q.Text) is { } lead && lex.RangeWords.Contains(lead) && slots.Count > 0
                && slots[^1] is { RangePart: "start" } opened && opened.Kind == kind && opened.End <= q.Start && q.Start - opened.End <= 2)
                slot = slot with { RangePart = "end", Qualifier = null, Low = q.Value, High = q.Value };
            var head = kind == SlotKind.Count ? HeadOf(a, lex, q.Start, q.End) : kind == SlotKind.Money ? ListKey(a, q.Start) : null;
            slots.Add(slot with { Head = head, GenericHead = head is not null && lex.Classifiers.Contains(head), Relation = claimQty.GetValueOrDefault(q.Start) });
        }
        // values that only a claim frame carries (frames built elsewhere, without the mentions): slots too
        var taken = slots.Select(x => x.Start).ToHashSet();
        foreach (var (c, key) in keyed)
        {
            if (c.Negated) continue;
            if (c.Time is { Invalid: null } t && taken.Add(t.Start) && (t.Kind == TemporalKind.Date ? DateSlot(a, t) : TimeSlot(a, t)) is { } ts)
                slots.Add(WithContext(a, lex, ts, t.Start, t.End, sentences, texts, said, glue, scratch) with { Relation = key });
            if (c.Quantity is { Value: { } v } q && taken.Add(q.Start))
            {
                var (lo, hi, _, _) = QuantityInterval.Of(v, q.Qualifier);
                var kind = q.Kind switch { "money" => SlotKind.Money, "percent" => SlotKind.Percent, _ => SlotKind.Count };
                var qs = new Slot
                {
                    Doc = a.Id, Source = a.Article.Source, Kind = kind, Start = q.Start, End = q.End, Text = q.Text,
                    Value = v.ToString("R", CultureInfo.InvariantCulture), Number = v, Low = lo, High = hi, Qualifier = q.Qualifier, Unit = q.Unit,
                    Near = [], Far = [], Entities = [], Sentence = "", SentenceStart = 0,
                };
                slots.Add(WithContext(a, lex, qs, q.Start, q.End, sentences, texts, said, glue, scratch) with { Relation = key });
            }
        }
        slots.Sort((x, y) => x.Start.CompareTo(y.Start));
        // a person's age ("berusia 31 tahun", "pemain 17 tahun itu", "Budi (42)", "Mattis, 68,") is a fact of its own kind: it
        // compares with ages, not with other spans of years
        for (int i = 0; i < slots.Count; i++)
            if (slots[i].Kind == SlotKind.Count && IsAge(a, lex, slots[i])) slots[i] = slots[i] with { Head = "age", Unit = "age" };
        // values in a paragraph that also says "hari ini" / "today" belong to the article's own day
        // ("hari ini", "kemarin", "today": a relative day without a weekday; "on Tuesday" names its own day)
        var paragraphs = new List<(TextSpan Span, int Anchor)>();
        foreach (var t in a.Temporal)
        {
            if (!(t.Relative && t.Kind == TemporalKind.Date && t.Date is not null && t.StatedWeekday is null) || a.Article.IsBoilerplate(t.Start)) continue;
            if (paragraphs.Count > 0 && paragraphs[^1].Span.Contains(t.Start)) { paragraphs[^1] = (paragraphs[^1].Span, -1); continue; } // two anchors: any slot
            paragraphs.Add((Paragraph(a.Article.Text, t.Start), t.Start));
        }
        if (paragraphs.Count > 0)
            for (int i = 0; i < slots.Count; i++)
            {
                var s = slots[i];
                var p = Within(paragraphs, x => x.Span.Start, 0, s.Start + 1).LastOrDefault();
                if (p.Span.Contains(s.Start) && p.Anchor != s.Start) slots[i] = s with { AnchoredToPublication = true };
            }
        return slots;
    }

    private static TextSpan Paragraph(string text, int position)
    {
        int a = position <= 0 ? 0 : text.LastIndexOf('\n', position - 1) + 1;
        int b = text.IndexOf('\n', position);
        return new TextSpan(a, b < 0 ? text.Length : b);
    }

    /// <summary>True when nothing but punctuation and quotation marks follows the position up to its sentence's end.</summary>
    private static bool EndsSentence(AnalyzedArticle a, int end)
    {
        var s = a.SentenceAt(Math.Max(0, end - 1));
        var text = a.Article.Text;
        for (int i = end; i < s.End && i < text.Length; i++)
            if (char.IsLetterOrDigit(text[i])) return false;
        return true;
    }

    /// <summary>True when one of the words is among the <paramref name="within"/> words before a position (and not before
    /// <paramref name="from"/>).</summary>
    private static bool WordBefore(AnalyzedArticle a, int start, int within, IReadOnlySet<string> words, int from = 0)
    {
        if (words.Count == 0) return false;
        var tokens = a.Tokens;
        for (int k = LowerBound(tokens, start) - 1, seen = 0; k >= 0 && seen < within && tokens[k].Start >= from; k--)
        {
            if (tokens[k].Type == TokenType.Punct) continue;
            seen++;
            if (words.Contains(a.Article.Text[tokens[k].Start..tokens[k].End].ToLowerInvariant())) return true;
        }
        return false;
    }

    /// <summary>True when the mention's sentence states a date in full (day, month and year).</summary>
    private static bool StatesAbsoluteDate(AnalyzedArticle a, TemporalMention m)
    {
        var s = a.SentenceAt(m.Start);
        // the same day written in full, or a date right before the relative word ("Selasa (17/6/2025) kemarin", even with a
        // slipped year) or right after it in apposition ("mulai hari ini, Kamis (19/6/2025)" in an article published the next
        // morning: the day written is what the text states); another day in the sentence ("on Wednesday released ... the
        // Sept. 11, 2012, attack") is another fact
        foreach (var t in Within(a.Temporal, x => x.Start, s.Start, s.End))
            if (!ReferenceEquals(t, m) && t.End <= s.End && MentionFacts.FullyStated(t)
                && (t.Date == m.Date || t.End <= m.Start && m.Start - t.End <= 3 || Apposed(a, m, t))) return true;
        return false;
    }

    /// <summary>True when <paramref name="day"/> follows the relative day <paramref name="relative"/> in apposition, only a
    /// comma, a space or an opening bracket between them ("hari ini, Kamis (19/6/2025)", "today (June 19)").</summary>
    private static bool Apposed(AnalyzedArticle a, TemporalMention relative, TemporalMention day) =>
        relative.Relative && relative.Kind == TemporalKind.Date && !relative.Stated.HasFlag(DateFields.Day)
        && day.Start >= relative.End && day.Start - relative.End <= 3
        && !a.Article.Text.AsSpan(relative.End, day.Start - relative.End).ContainsAnyExcept(" ,(");

    /// <summary>The relative day that the date mention starting at <paramref name="start"/> stands in apposition to, if any.</summary>
    private static TemporalMention? ApposedTo(AnalyzedArticle a, int start)
    {
        TemporalMention? day = null;
        foreach (var t in Within(a.Temporal, x => x.Start, start, start + 1)) if (t.Start == start) { day = t; break; }
        if (day is null) return null;
        foreach (var t in Within(a.Temporal, x => x.Start, Math.Max(0, start - 40), start))
            if (t.End <= start && Apposed(a, t, day)) return t;
        return null;
    }

    /// <summary>The key of a list line ("Harga emas Antam 500 gram: Rp938.820.000" -> "500 gram"): the words just before a
    /// colon that stands right before the value; null when the value does not follow a colon.</summary>
    private static string? ListKey(AnalyzedArticle a, int start)
    {
        var tokens = a.Tokens;
        var text = a.Article.Text;
        int k = LowerBound(tokens, start) - 1;
        if (k < 1 || tokens[k].Type != TokenType.Punct || text[tokens[k].Start] != ':') return null;
        int from = k - 1;
        while (from > 0 && k - from < 2 && tokens[from - 1].Type != TokenType.Punct && text.IndexOf('\n', tokens[from - 1].End, tokens[from].Start - tokens[from - 1].End) < 0) from--;
        return text[tokens[from].Start..tokens[k - 1].End].ToLowerInvariant();
    }

    private static Slot? DateSlot(AnalyzedArticle a, TemporalMention m)
    {
        var v = m.Value;
        if (m.Date is { } d)
        {
            bool yearInferred = m.Inferred.HasFlag(DateFields.Year) && !m.Relative;
            return Base(a, m, SlotKind.Date, yearInferred ? d.ToString("--MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                with { Date = d, YearInferred = yearInferred, Relative = m.Relative, Granularity = Granularity.Day };
        }
        if (v.Length == 7 && v[4] == '-' && char.IsDigit(v[0]) && char.IsDigit(v[5]) && m.Mod is null or "START" or "MID" or "END")
        {
            // "in January" without a year: which January is inferred (and easily wrong), so only the month compares
            bool yearInferred = !m.Stated.HasFlag(DateFields.Year) && !(m.Relative && m.Stated == DateFields.None);
            return Base(a, m, SlotKind.Date, yearInferred ? "--" + v[5..] : v) with { Granularity = Granularity.Month, Relative = m.Relative, YearInferred = yearInferred };
        }
        // "awal tahun 2025", "akhir 2024", "early 2019": part of a stated year is in that year (and "awal Juni" in June)
        if (v.Length == 4 && v.All(char.IsDigit) && m.Mod is null or "START" or "MID" or "END" && m.Stated.HasFlag(DateFields.Year))
            return Base(a, m, SlotKind.Date, v) with { Granularity = Granularity.Year, Relative = m.Relative };
        // "20 tahun lalu", "eight years ago": a number of years stated, so the year it counts back to compares (between articles
        // of one day; "tahun lalu", "last year", states no number and stays out)
        if (v.Length == 4 && v.All(char.IsDigit) && m.Relative && m.Mod is null && m.Rule.EndsWith("date-n-units-ago", StringComparison.Ordinal))
            return Base(a, m, SlotKind.Date, v) with { Granularity = Granularity.Year, Relative = true };
        return null;
    }

    /// <summary>A duration with a number ("tiga tahun", "48 jam", "12 years") is a count of its unit: it compares with
    /// durations of the same unit ("3 tahun" is "tiga tahun"; "2 minggu" and "14 hari" are not compared). A bound
    /// ("hingga 35 menit", "maksimal lima tahun", "lebih dari tiga bulan") is a qualified count, as a quantity's is.</summary>
    private static Slot? DurationSlot(AnalyzedArticle a, TemporalMention m)
    {
        var v = m.Value;
        if (v.Length < 3 || v[0] != 'P' || m.Mod is not (null or "APPROX" or "MORE_THAN" or "LESS_THAN" or "EQUAL_OR_LESS" or "EQUAL_OR_MORE")) return null;
        // "Peraturan Nomor 34 Tahun 2017": the number of a regulation and its year, no span of 34 years
        if (AfterClass(a, m.Start, "idprefix")) return null;
        bool clock = v[1] == 'T';
        int i = clock ? 2 : 1, j = i;
        while (j < v.Length && (char.IsDigit(v[j]) || v[j] == '.')) j++;
        // one number and one unit ("P3Y", "PT48H"); "PXY" (years, no number) and "P1Y6M" are left out
        if (j == i || j != v.Length - 1 || !char.IsLetter(v[j])) return null;
        if (!double.TryParse(v[i..j], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < 2) return null;
        var unit = "duration:" + (clock ? "T" : "") + v[j];
        // about, or a bound: the interval a quantity's qualifier allows ("sekitar tujuh pekan" is 10% either way, as "sekitar 7
        // orang" is, so two spans qualified alike compare their numbers)
        var (low, high, _, _) = QuantityInterval.Of(n, m.Mod);
        return Base(a, m, SlotKind.Count, n.ToString("R", CultureInfo.InvariantCulture)) with
        {
            Number = n, Low = low, High = high, Unit = unit, Qualifier = m.Mod,
        };
    }

    /// <summary>A time of day told by its part ("2013-08-28TEV": evening, night, morning), not by the clock.</summary>
    private static bool PartOfDay(TemporalMention m)
    {
        int t = m.Value.IndexOf('T');
        return t >= 0 && t + 1 < m.Value.Length && char.IsAsciiLetterUpper(m.Value[t + 1]);
    }

    /// <summary>A clock time compares by its clock reading ("pukul 01.00 WIB" is 01:00 whichever day the article appeared).</summary>
    private static Slot? TimeSlot(AnalyzedArticle a, TemporalMention m)
    {
        int t = m.Value.IndexOf('T');
        if (t < 0 || m.Value.Length < t + 6 || !char.IsDigit(m.Value[t + 1])) return null;
        return Base(a, m, SlotKind.Time, m.Value.Substring(t + 1, 5));
    }

    private static Slot Base(AnalyzedArticle a, TemporalMention m, SlotKind kind, string value) => new()
    {
        Doc = a.Id, Source = a.Article.Source, Kind = kind, Start = m.Start, End = m.End, Text = m.Text, Value = value, Mention = m,
        Near = [], Far = [], Entities = [], Sentence = "", SentenceStart = 0,
    };

    /// <summary>True when the word before a position (a dot between may follow it) is of a lexicon class: a month name
    /// ("Sept. 11", "Juni 20"), an identifier word ("Nomor 34 Tahun 2017", "No. 4 tahun 2025").</summary>
    private static bool AfterClass(AnalyzedArticle a, int start, string cls)
    {
        var tokens = a.Tokens;
        int k = LowerBound(tokens, start) - 1;
        if (k >= 0 && tokens[k].Type == TokenType.Punct && a.Article.Text[tokens[k].Start] == '.') k--;
        if (k < 0 || tokens[k].Type != TokenType.Word) return false;
        var lexicon = MentionFacts.Pack(a).Lexicon;
        return lexicon.TryGet(cls, tokens[k].Span(a.Article.Text), out _);
    }

    /// <summary>Whether a value opens or closes a range: "from 1967 to 1979", "2010-2013", "18 hingga 20 Juni".</summary>
    private static string? RangePart(AnalyzedArticle a, SlotLexicon lex, int start, int end, bool date)
    {
        var tokens = a.Tokens;
        var text = a.Article.Text;
        int before = LowerBound(tokens, start) - 1, after = LowerBound(tokens, end);
        static bool Dash(string text, Token t) => t.Type == TokenType.Punct && text[t.Start] is '-' or '–' or '—';
        bool Word(int k) => k >= 0 && k < tokens.Count && HasLower(lex.RangeWords, tokens[k].Span(text));
        // a range word joins two values: "from 2017 to 2022", "18 hingga 20 Juni"; a value on the other side of it is a number, a
        // name (a month, a weekday) or a number word; "three weeks to reach a deal" and "naik hingga 200 juta" are no ranges
        bool Value(int k)
        {
            if (k < 0 || k >= tokens.Count) return false;
            var t = tokens[k];
            return t.Type == TokenType.Number || t.Type == TokenType.Word && (t.Capitalized || MentionFacts.Pack(a).Lexicon.TryGet("numw", text[t.Start..t.End], out _));
        }
        if (before >= 0 && (Dash(text, tokens[before]) || Word(before) && Value(before - 1))) return "end";
        if (after < tokens.Count && (Dash(text, tokens[after]) || Word(after) && Value(after + 1))) return "start";
        // a day in apposition to a relative one ("mulai hari ini, Kamis (19/6/2025)") is led by the word before the relative one
        if (date && ApposedTo(a, start) is { } relative) before = LowerBound(tokens, relative.Start) - 1;
        // a word that opens a span ("dibuka mulai 19 Juni", "sejak 2017", "since 2009"): the start of a range whose end is not written
        if (before >= 0 && tokens[before].Type == TokenType.Word && HasLower(lex.RangeStart, tokens[before].Span(text))) return "start";
        // a date right after a range word ("beroperasi hingga 13 Juli", "until June 30"): the end of a span whose start is not
        // written (a figure "naik hingga 200 juta" is a bound, not an end)
        if (date && Word(before)) return "end";
        return null;
    }

    private static Slot WithContext(AnalyzedArticle a, SlotLexicon lex, Slot slot, int start, int end, int sentenceCount, Dictionary<(int, int), string> texts,
        Dictionary<(int, int), bool> said, GluedWords? glue, ContextScratch scratch)
    {
        var text = a.Article.Text;
        var s = a.SentenceAt(start);
        var tokens = a.Tokens;
        int first = LowerBound(tokens, s.Start), last = LowerBound(tokens, s.End);
        int at = LowerBound(tokens, start), after = LowerBound(tokens, end);
        // the working lists are the article's, emptied per slot; the slot keeps exact-size copies
        var near = scratch.Near; near.Clear();
        var far = scratch.Far; far.Clear();
        for (int i = Math.Max(first, at - FarTokens); i < Math.Min(last, after + FarTokens); i++)
        {
            if (i >= at && i < after) continue;
            var t = tokens[i];
            if (t.Type != TokenType.Word) continue;
            int dist = i < at ? at - i : i - after + 1;
            var w = t.Span(text);
            // a short prefix glued by a hyphen ("e-mails", "re-election", "co-founder") is one word with it: "emails"
            if (t.Length < 3 && i + 2 < Math.Min(last, after + FarTokens) && (i + 2 < at || i >= after) && Hyphened(text, tokens, i))
            {
                w = string.Concat(w, tokens[i + 2].Span(text));
                i += 2;
            }
            if (w.Length < 3 || IsFunction(lex, w)) continue;
            var list = dist <= NearTokens ? near : far;
            // words glued by scraping ("perjalanankeretaapi"): the words of the article it is made of
            if (glue?.Split(w) is { } parts)
            {
                foreach (var part in parts)
                {
                    var ps = lex.Same(Stemmer.Stem(part, a.Lang));
                    if (ps.Length >= 3 && !lex.Function.Contains(ps) && !list.Contains(ps)) list.Add(ps);
                }
                continue;
            }
            var stem = Stemmer.Stem(w, a.Lang);
            if (stem.Length < 3 || lex.Function.Contains(stem)) continue;
            stem = lex.Same(stem);
            // a capitalized word inside the sentence is (part of) a name: marked, so that names weigh less than event words
            if (t.Capitalized && i > first && !lex.IsTitle(w)) stem = scratch.Marked(stem);
            if (!list.Contains(stem)) list.Add(stem);
        }
        far.RemoveAll(near.Contains);
        List<string>? contrast = null;
        if (lex.Contrasts.Count > 0)
        {
            void Contrasts(List<string> words)
            {
                foreach (var w in words)
                    if (lex.Contrasts.TryGetValue(w, out var c) && !(contrast ??= []).Contains(c)) contrast.Add(c);
            }
            Contrasts(near);
            Contrasts(far);
        }
        // the entities of the sentence, each once, in text order (a plain loop: this runs for every slot)
        var ents = scratch.Entities; ents.Clear();
        var mentions = a.EntityMentions;
        for (int i = LowerBound(mentions, e => e.Start, s.Start); i < mentions.Count && mentions[i].Start < s.End; i++)
            if (mentions[i].End <= s.End && !ents.Contains(mentions[i].EntityId)) ents.Add(mentions[i].EntityId);
        // the sentence's index by binary search (the last sentence starting at or before the value)
        int lo = 0, hi = a.Sentences.Count - 1, index = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (a.Sentences[mid].Start <= start) { index = mid; lo = mid + 1; } else hi = mid - 1;
        }
        // the dates and clock times the sentence states besides the value; for a figure also a stated year or month, its period
        // ("US$ 4,1 miliar pada tahun 2024" beside "Januari sampai Maret 2025": figures of two periods are two facts)
        // (not a relative day the value stands in apposition to: "hari ini, Kamis (19/6/2025)" states one day)
        bool figure = slot.Kind is SlotKind.Count or SlotKind.Money or SlotKind.Percent;
        var apposed = slot.Kind == SlotKind.Date ? ApposedTo(a, start) : null;
        var frame = scratch.Frame; frame.Clear();
        var temporal = a.Temporal;
        for (int i = LowerBound(temporal, x => x.Start, s.Start); i < temporal.Count && temporal[i].Start < s.End; i++)
        {
            var t = temporal[i];
            if (t.End <= s.End && !(t.Start < end && start < t.End) && t.Invalid is null && !ReferenceEquals(t, apposed)
                && scratch.FrameValue(t, figure) is { } value && !frame.Contains(value))
                frame.Add(value);
        }
        // a figure whose sentence states no clock time takes the clock time stated last before it in its paragraph ("pukul
        // 09.02 WIB, IHSG ... Adapun nilai transaksi hingga saat ini mencapai Rp 521 miliar"): market figures move by the hour
        if (slot.Kind is SlotKind.Count or SlotKind.Money or SlotKind.Percent && !frame.Exists(f => f.Contains('T')))
        {
            var para = Paragraph(text, start);
            TemporalMention? clock = null;
            for (int i = LowerBound(temporal, x => x.Start, para.Start); i < temporal.Count && temporal[i].Start < start; i++)
                if (temporal[i] is { Kind: TemporalKind.Time, Invalid: null } t && t.End <= start) clock = t;
            if (clock is not null) frame.Add(clock.Value);
        }
        return slot with
        {
            // exact-size arrays, not the growing lists: a large check keeps every slot until alignment
            Published = a.PublishedDate, RangePart = RangePart(a, lex, start, end, slot.Kind is SlotKind.Date), Frame = frame.ToArray(), ToldRelative = apposed is not null, Contrasts = contrast?.ToArray() ?? [],
            LocalTime = lex.LocalTime.Count > 0 && slot.Kind is SlotKind.Date or SlotKind.Time && Says(said, text, s, lex, 0),
            Running = lex.Running.Count > 0 && slot.Kind is SlotKind.Count or SlotKind.Money or SlotKind.Percent && Says(said, text, s, lex, 1),
            Updating = lex.Update.Count > 0 && slot.Kind is SlotKind.Count or SlotKind.Money or SlotKind.Percent && Says(said, text, s, lex, 2),
            Part = lex.Part.Count > 0 && slot.Kind == SlotKind.Count && PartWord(text, end, s.End, lex.Part),
            Near = near.ToArray(), Far = far.ToArray(), Entities = ents.ToArray(), Sentence = SentenceText(texts, text, s.Start, Math.Max(s.End, Math.Min(text.Length, end))), SentenceStart = s.Start,
            Position = sentenceCount <= 1 ? 0 : (double)index / (sentenceCount - 1),
        };
    }

    /// <summary>Per-article working state of <see cref="WithContext"/>: lists emptied for each slot, and strings every slot
    /// of a sentence would otherwise make again (a name word's "^" form, a date's frame value).</summary>
    private sealed class ContextScratch
    {
        public readonly List<string> Near = [], Far = [], Entities = [], Frame = [];
        private readonly Dictionary<string, string> marked = new(StringComparer.Ordinal);
        private readonly Dictionary<TemporalMention, string?>[] frames = [new(ReferenceEqualityComparer.Instance), new(ReferenceEqualityComparer.Instance)];

        /// <summary>"^" + the stem: a capitalized word inside a sentence, part of a name.</summary>
        public string Marked(string stem)
        {
            if (!marked.TryGetValue(stem, out var m)) marked[stem] = m = "^" + stem;
            return m;
        }

        /// <summary><see cref="SlotBuilder.FrameValue"/>, once per mention and reading.</summary>
        public string? FrameValue(TemporalMention t, bool period)
        {
            var memo = frames[period ? 1 : 0];
            if (!memo.TryGetValue(t, out var v)) memo[t] = v = SlotBuilder.FrameValue(t, period);
            return v;
        }
    }

    /// <summary>True when token <paramref name="i"/> is a word glued by a hyphen to the word after it ("e-mails").</summary>
    private static bool Hyphened(string text, IReadOnlyList<Token> tokens, int i) =>
        tokens[i + 1].Type == TokenType.Punct && text[tokens[i + 1].Start] == '-' && !tokens[i + 1].SpaceBefore
        && tokens[i + 2].Type == TokenType.Word && !tokens[i + 2].SpaceBefore;

    /// <summary>True when one of the two words after the value (within its clause) is a word of a part ("other", "lainnya").</summary>
    private static bool PartWord(string text, int from, int sentenceEnd, IReadOnlySet<string> part)
    {
        int i = from, words = 0;
        sentenceEnd = Math.Min(sentenceEnd, text.Length);
        while (words < 2 && i < sentenceEnd)
        {
            while (i < sentenceEnd && text[i] == ' ') i++;
            int w = i;
            while (i < sentenceEnd && char.IsLetter(text[i])) i++;
            if (i == w) return false; // punctuation or a digit ends the clause's reach
            if (HasLower(part, text.AsSpan(w, i - w))) return true;
            words++;
        }
        return false;
    }

    /// <summary>A mention as a time frame: a clock time, a day, or (for a figure) a stated year or month; null otherwise.</summary>
    private static string? FrameValue(TemporalMention t, bool period) => t.Kind switch
    {
        TemporalKind.Time => t.Value,
        TemporalKind.Date when t.Date is { } d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TemporalKind.Date when period && t.Stated.HasFlag(DateFields.Year) && !t.Relative && t.Value.Length is 4 or 7 && char.IsAsciiDigit(t.Value[0]) => t.Value,
        _ => null,
    };

    /// <summary>True when the sentence holds one of the phrases of list <paramref name="which"/> of
    /// <see cref="SlotLexicon.PhraseSearch"/> as whole words; asked once per sentence and list, since every slot of the
    /// sentence asks again.</summary>
    private static bool Says(Dictionary<(int, int), bool> said, string text, TextSpan s, SlotLexicon lex, int which)
    {
        if (!said.TryGetValue((s.Start, which), out var yes))
        {
            var phrases = which switch { 0 => lex.LocalTime, 1 => lex.Running, _ => lex.Update };
            said[(s.Start, which)] = yes = SaysPhrase(text, s.Start, s.End, phrases, lex.PhraseSearch[which]);
        }
        return yes;
    }

    /// <summary>True when the text between two positions holds one of the phrases as whole words: each place where some
    /// phrase starts (found for all of them at once by <paramref name="search"/>) is tried with each phrase.</summary>
    private static bool SaysPhrase(string text, int start, int end, IReadOnlyList<string> phrases, System.Buffers.SearchValues<string> search)
    {
        var span = text.AsSpan(start, Math.Min(end, text.Length) - start);
        int from = 0;
        while (from < span.Length)
        {
            int i = span[from..].IndexOfAny(search);
            if (i < 0) break;
            int at = from + i;
            foreach (var p in phrases)
            {
                if (!span[at..].StartsWith(p, StringComparison.OrdinalIgnoreCase)) continue;
                int after = at + p.Length;
                if ((at == 0 || !char.IsLetterOrDigit(span[at - 1])) && (after >= span.Length || !char.IsLetterOrDigit(span[after]))) return true;
            }
            from = at + 1;
        }
        return false;
    }

    /// <summary>The first word of a text, lower-cased.</summary>
    private static string? FirstWord(string text)
    {
        var t = text.AsSpan().TrimStart();
        int end = 0;
        while (end < t.Length && char.IsLetter(t[end])) end++;
        return end == 0 ? null : t[..end].ToString().ToLowerInvariant();
    }

    /// <summary>True when the token just before a position is a comma or one of the words ("pada").</summary>
    private static bool LedBy(AnalyzedArticle a, int start, IReadOnlySet<string> words)
    {
        var tokens = a.Tokens;
        int k = LowerBound(tokens, start) - 1;
        if (k < 0) return false;
        var t = a.Article.Text.AsSpan(tokens[k].Start, tokens[k].End - tokens[k].Start);
        return t is "," || (tokens[k].Type != TokenType.Punct && HasLower(words, t));
    }

    /// <summary>The index of the first item (in order of <paramref name="start"/>) that starts at or after a position.</summary>
    private static int LowerBound<T>(IReadOnlyList<T> items, Func<T, int> start, int position)
    {
        int lo = 0, hi = items.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (start(items[mid]) < position) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int LowerBound(IReadOnlyList<Token> tokens, int position) => LowerBound(tokens, t => t.Start, position);

    /// <summary>The items (in order of <paramref name="start"/>) that start in [from, to).</summary>
    private static IEnumerable<T> Within<T>(IReadOnlyList<T> items, Func<T, int> start, int from, int to)
    {
        for (int i = LowerBound(items, start, from); i < items.Count && start(items[i]) < to; i++) yield return items[i];
    }

    /// <summary>True when a temporal mention overlaps [start, end) (mentions in text order; a few before may reach in).</summary>
    private static bool OverlapsTemporal(IReadOnlyList<TemporalMention> temporal, int start, int end)
    {
        for (int i = Math.Max(0, LowerBound(temporal, t => t.Start, start) - 4); i < temporal.Count && temporal[i].Start < end; i++)
            if (start < temporal[i].End) return true;
        return false;
    }

    /// <summary>One string per sentence, shared by the slots of that sentence.</summary>
    private static string SentenceText(Dictionary<(int, int), string> texts, string text, int start, int end)
    {
        if (!texts.TryGetValue((start, end), out var t)) texts[(start, end)] = t = text[start..end];
        return t;
    }

    /// <summary>True when the set (of lower-cased words) holds the word lower-cased; lowered into a buffer and looked up
    /// through a span, not as two new strings (every slot asks for the words around it).</summary>
    private static bool HasLower(IReadOnlySet<string> set, ReadOnlySpan<char> w)
    {
        if (set is not HashSet<string> hs || w.Length > 64) return set.Contains(w.ToString().ToLowerInvariant());
        Span<char> lower = stackalloc char[w.Length];
        Lower.Invariant(w, lower);
        return hs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower);
    }

    private static bool IsFunction(SlotLexicon lex, ReadOnlySpan<char> w) => HasLower(lex.Function, w);

    /// <summary>True when a count is a person's age: a whole number of years up to 120 after an age word ("berusia", "aged"),
    /// or followed by a demonstrative ("pemain 17 tahun itu"), or in parentheses after a name ("Budi (42)"), or set off by
    /// commas after a name where the language writes ages so ("Mattis, 68, had said").</summary>
    private static bool IsAge(AnalyzedArticle a, SlotLexicon lex, Slot s)
    {
        if (s.Number is not { } n || n < 1 || n > 999 || n != Math.Floor(n) || s.Qualifier is not null && s.Qualifier != "APPROX") return false;
        bool years = s.Unit == "duration:Y" || s.Head == "tahun" || s.Head == "year";
        bool bare = s.Unit is null && s.Head is null;
        if (!years && !bare) return false;
        var text = a.Article.Text;
        var tokens = a.Tokens;
        int first = LowerBound(tokens, s.Start), after = LowerBound(tokens, s.End);
        string Word(int k) => k >= 0 && k < tokens.Count && tokens[k].Type == TokenType.Word ? text[tokens[k].Start..tokens[k].End].ToLowerInvariant() : "";
        char Punct(int k) => k >= 0 && k < tokens.Count && tokens[k].Type == TokenType.Punct ? text[tokens[k].Start] : '\0';
        // the number's own token: the slot's first number token
        int num = first;
        while (num < after && tokens[num].Type != TokenType.Number) num++;
        if (num >= after) return false;
        // a word that says "aged" makes it an age whatever the number (a slipped "berusia 138 tahun" is still an age stated);
        // the weaker cues only for a plausible one
        if (lex.AgeLead.Contains(Word(num - 1)) || lex.AgeLead.Contains(Word(num - 2)) && Word(num - 1).Length > 0 && lex.Function.Contains(Word(num - 1))) return true;
        if (n > 120) return false;
        if (years && (lex.AgeFollow.Contains(Word(after)) || lex.AgePerson.Contains(Word(num - 1)))) return true;
        bool named = num >= 2 && tokens[num - 2].Type == TokenType.Word && tokens[num - 2].Capitalized;
        if (bare && named && Punct(num - 1) == '(' && Punct(num + 1) == ')') return true;
        if (bare && named && lex.AgeApposition && Punct(num - 1) == ',' && Punct(num + 1) == ',') return true;
        return false;
    }

    /// <summary>True when a word bears a verb prefix of the language that the stemmer strips ("dilaporkan" -> "lapor").</summary>
    private static bool IsVerb(SlotLexicon lex, string w, string lang)
    {
        foreach (var p in lex.VerbPrefixes)
            if (w.Length >= p.Length + 4 && w.StartsWith(p, StringComparison.Ordinal) && !Stemmer.Stem(w, lang).StartsWith(p, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The stem of the noun a number counts: the mention's own last content word ("36 senators"), else the first
    /// content word after it, past counting words ("tujuh orang tersangka"), skipped words ("2,000 American troops") and
    /// number words ("a dozen advisers", "hundreds of thousands of people"); in a language whose modifiers come first, the
    /// end of the words after it (<see cref="PhraseHead"/>: "two black senators", "90 Georgetown University faculty").</summary>
    public static string? HeadOf(AnalyzedArticle a, SlotLexicon lex, int start, int end)
    {
        var text = a.Article.Text;
        var tokens = a.Tokens;
        var lexicon = MentionFacts.Pack(a).Lexicon;
        bool NumberWord(string w) => lexicon.TryGet("numw", w, out _) || lexicon.TryGet("mult", w, out _);
        string? classifier = null;
        for (int k = LowerBound(tokens, end) - 1; k >= 0 && tokens[k].Start >= start; k--)
        {
            var t = tokens[k];
            if (t.Type == TokenType.Number) break;
            if (t.Type != TokenType.Word) continue;
            var w = text[t.Start..t.End].ToLowerInvariant();
            if (lex.Classifiers.Contains(w)) { classifier = w; break; }
            if (lex.Function.Contains(w) || lex.Skip.Contains(w) || NumberWord(w)) break;
            return Stemmer.Stem(w, a.Lang);
        }
        int i = LowerBound(tokens, end);
        for (int seen = 0; i < tokens.Count && seen < 4; i++, seen++)
        {
            var t = tokens[i];
            if (t.Type != TokenType.Word) break;
            var w = text[t.Start..t.End].ToLowerInvariant();
            if (lex.Classifiers.Contains(w)) { classifier ??= w; continue; }
            if (lex.TimeUnits.Contains(w)) return Stemmer.Stem(w, a.Lang);
            // "42 orang dilaporkan tewas": a verb after the counting word; the counting word says what is counted
            if (classifier is not null && IsVerb(lex, w, a.Lang)) return classifier;
            if (lex.Skip.Contains(w) || NumberWord(w)) continue;
            if (lex.Function.Contains(w)) break;
            return Stemmer.Stem(PhraseHead(a, lex, i) ?? w, a.Lang);
        }
        return classifier;
    }

    /// <summary>Where the language puts a noun's modifiers before it (slots.json "head_final"), the head of the words that
    /// follow token <paramref name="i"/> without punctuation between, up to three, before a function word: the last plural
    /// (a word ending in the plural suffix, not a singular such as "news", "bus"): "two black senators", "12 Russian
    /// intelligence officers"; else, after a name, the first word in lower case: "90 Georgetown University faculty". Null
    /// when neither is, or the language puts modifiers after the noun.</summary>
    private static string? PhraseHead(AnalyzedArticle a, SlotLexicon lex, int i)
    {
        if (!lex.HeadFinal) return null;
        var text = a.Article.Text;
        var tokens = a.Tokens;
        string? plural = null, afterName = null;
        for (int k = i; k < tokens.Count && k < i + 3 && tokens[k].Type == TokenType.Word; k++)
        {
            var w = text[tokens[k].Start..tokens[k].End].ToLowerInvariant();
            if (k > i && lex.Function.Contains(w)) break;
            if (lex.PluralSuffix is { } suffix && w.Length > suffix.Length + 2 && w.EndsWith(suffix, StringComparison.Ordinal) && !lex.NotPlural.Any(w.EndsWith)) plural = w;
            if (k > i && afterName is null && tokens[i].Capitalized && !tokens[k].Capitalized) afterName = w;
        }
        return plural ?? afterName;
    }
}

/// <summary>
/// Words glued together by scraping ("perjalanankeretaapi", "berikandiskonkhusus", "Groupterkait"), split into the words
/// of the article they are made of. A long word written only once is split when it is wholly made of two to four words the
/// article writes on their own (each three letters or more; a function word of the language may close it: "Israelke");
/// the split with the fewest parts wins. Per article: the article's own words are the vocabulary, so no dictionary is
/// needed and a word the article uses again is never split.
/// </summary>
internal sealed class GluedWords
{
    private const int MinLength = 9, MaxParts = 4;
    private readonly AnalyzedArticle article;
    private readonly SlotLexicon lex;
    private Dictionary<string, int>? counts;
    private Dictionary<string, List<string>?>? splits;

    public GluedWords(AnalyzedArticle a, SlotLexicon lex) { article = a; this.lex = lex; }

    /// <summary>How often each lower-cased word is written in the article; counted on the first long word asked about
    /// (a string only per distinct word).</summary>
    private Dictionary<string, int> Counts()
    {
        if (counts is not null) return counts;
        // sized for the article's distinct words at once (about a third of its tokens in news), not grown by rehashing
        counts = new Dictionary<string, int>(article.Tokens.Count / 3, StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var text = article.Article.Text;
        Span<char> lower = stackalloc char[64];
        ReadOnlySpan<Token> tokens = article.Tokens as Token[] ?? [.. article.Tokens];
        foreach (var t in tokens)
        {
            // a part is three letters or more (a shorter one is a function word, looked up in the lexicon)
            if (t.Type != TokenType.Word || t.Length < 3 || t.Length > 64) continue;
            int n = Lower.Invariant(text.AsSpan(t.Start, t.Length), lower);
            if (n < 0) continue;
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(lookup, lower[..n], out _)++;
        }
        return counts;
    }

    /// <summary>The words a glued word is made of, or null when it is not one; each word is split once per article (every
    /// slot of its sentence asks again).</summary>
    public IReadOnlyList<string>? Split(ReadOnlySpan<char> word)
    {
        if (word.Length < MinLength || word.Length > 64) return null;
        foreach (var c in word) if (!char.IsLetter(c)) return null;
        Span<char> lower = stackalloc char[64];
        int n = Lower.Invariant(word, lower);
        if (n < 0) return null;
        var key = lower[..n];
        var known = (splits ??= new(StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();
        if (known.TryGetValue(key, out var done)) return done;
        return known[key] = Segment(key);
    }

    /// <summary>The fewest parts of the article's own words a lower-cased word is made of (two to four), or null.</summary>
    private List<string>? Segment(ReadOnlySpan<char> w)
    {
        var counts = Counts();
        var words = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (words.TryGetValue(w, out var uses) && uses > 1) return null;
        // fewest parts ending at each position: best[i] = (parts, previous cut)
        int n = w.Length;
        Span<(int Parts, int From)> best = stackalloc (int, int)[n + 1];
        for (int i = 1; i <= n; i++) best[i] = (int.MaxValue, -1);
        best[0] = (0, -1);
        for (int i = 1; i <= n; i++)
            for (int j = Math.Max(0, i - 40); j <= i - 2; j++)
            {
                if (best[j].Parts == int.MaxValue || best[j].Parts >= MaxParts) continue;
                var part = w[j..i];
                // a short function word only at the end ("Israelke"): at the start "di", "ke" are prefixes of real words
                if (part.Length == n || !Known(part, i == n, words)) continue;
                if (best[j].Parts + 1 < best[i].Parts) best[i] = (best[j].Parts + 1, j);
            }
        if (best[n].Parts is < 2 or > MaxParts) return null;
        var parts = new List<string>();
        for (int i = n; i > 0; i = best[i].From) parts.Add(w[best[i].From..i].ToString());
        parts.Reverse();
        return parts;
    }

    private bool Known(ReadOnlySpan<char> part, bool last, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> words) =>
        part.Length >= 3 ? words.ContainsKey(part) : last && lex.Function.GetAlternateLookup<ReadOnlySpan<char>>().Contains(part);
}
