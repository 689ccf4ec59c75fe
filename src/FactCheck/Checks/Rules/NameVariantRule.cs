using System.Globalization;
using System.Text;
using FactCheck.Entities;
using FactCheck.Lang;

namespace FactCheck.Checks.Rules;

/// <summary>
/// name-variant and cross-source-name: a name spelled two ways for one entity in a story ("DDos-Guar" beside "DDos-Guard").
/// The reference spelling is the one most articles of the story use, then the one written most often, then the
/// gazetteer's; a fix never proposes the rarer spelling. A spelling used by two or more articles is a name in its own
/// right, not a slip. Not variants: legal forms, short and long forms, plurals and other inflections (Democrat, Democrats,
/// Democratic), accents (Raul, Raúl), different acronyms, and words glued by scraping ("Iriantoke", "Keuangan2").
/// The finding is cross-source-name when the article with the variant never writes the reference spelling itself.
/// </summary>
public sealed class NameVariantRule : ICheckRule
{
    public string Id => "name-variant";
    /// <summary>The id of findings whose reference spelling comes from other articles only.</summary>
    public const string CrossSourceId = "cross-source-name";
    public Severity Severity => Severity.Low;
    public double Prior => 0.6;

    private sealed record Spelling(string Text, List<(AnalyzedArticle Doc, EntityMention M)> Uses)
    {
        public int Docs => Uses.Select(u => u.Doc.Id).Distinct().Count();
        public bool In(string doc) => Uses.Any(u => u.Doc.Id == doc);
    }

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var byName = NameSpellings(context).ToList();
        foreach (var f in byName) yield return f;
        foreach (var f in WordSlips(context, byName)) yield return f;
    }

    /// <summary>Spellings of one linked entity (whole mentions) compared with each other.</summary>
    private IEnumerable<Finding> NameSpellings(CheckContext context)
    {
        // link the names of all articles together, so that unknown names spelled two ways across sources meet
        var flat = context.Articles.SelectMany(a => a.EntityMentions.Select(m => (Doc: a, Mention: m))).ToList();
        var linked = new EntityLinker().LinkMentions(flat.Select(x => x.Mention));
        var byEntity = new Dictionary<string, Dictionary<string, Spelling>>(StringComparer.Ordinal);
        for (int i = 0; i < flat.Count; i++)
        {
            var m = linked[i];
            if (!byEntity.TryGetValue(m.EntityId, out var spellings)) byEntity[m.EntityId] = spellings = new(StringComparer.Ordinal);
            if (!spellings.TryGetValue(m.Text, out var sp)) spellings[m.Text] = sp = new Spelling(m.Text, []);
            sp.Uses.Add((flat[i].Doc, m));
        }

        // the words of the spellings that are ranked, counted in the story's text on the first tie that needs them
        Dictionary<string, int>? wordCounts = null;
        int Support(string name) => WordSupport(name, wordCounts ??= context.WordCounts(byEntity.Values.Where(sp => sp.Count >= 2)
            .SelectMany(sp => sp.Keys).SelectMany(NameWordsOf).Select(w => w.ToLowerInvariant())));
        foreach (var (entityId, spellings) in byEntity.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (spellings.Count < 2) continue;
            var canonical = spellings.Values.First().Uses[0].M.Canonical;
            // the gazetteer's names of the entity (a linked cluster's canonical that no gazetteer entry backs is only its
            // first spelling, which may be the slip: "Plams Beach Gardens")
            var canonicals = spellings.Values.SelectMany(x => x.Uses).Where(u => u.M.Rule == "gazetteer").Select(u => u.M.Canonical).Distinct().ToList();
            var ranked = Rank(spellings.Values, canonical, Support);
            for (int vi = 1; vi < ranked.Count; vi++)
            {
                var variant = ranked[vi];
                if (variant.Docs >= 2) continue; // a spelling two articles use is a name in its own right
                if (IsAlias(variant)) continue;  // a spelling the gazetteer knows ("Amerika Serikat", "AS", "U.S.")
                var lang = variant.Uses[0].Doc.Lang;
                int words = WordCount(variant.Text);
                // compared with spellings at least as long: "Trump" does not make "Doanld Trump" a short form
                var comparable = ranked.Where(o => o != variant && WordCount(o.Text) >= words).ToList();
                if (comparable.Any(o => IsBenign(variant.Text, o.Text, lang))) continue;
                if (canonicals.Any(c => WordCount(c) >= words && IsBenign(variant.Text, c, lang))) continue;
                // the reference: the closest better-supported spelling (ranked before the variant), close enough to be a slip of it
                var vkey = Similarity.Key(variant.Text);
                var reference = ranked.Take(vi).Where(o => WordCount(o.Text) >= words)
                    .Select(o => (o, r: Similarity.Ratio(vkey, Similarity.Key(o.Text)))).Where(x => x.r >= 0.75)
                    .OrderByDescending(x => x.r).Select(x => x.o).FirstOrDefault();
                if (reference is null) continue;
                // "Kota Baru" beside "Kota Batu": the differing word is one the story writes in lower case, a word of the language
                if (DiffersByLowerCaseWord(variant.Text, reference.Text, context)) continue;
                var (doc, mention) = variant.Uses[0];
                bool sameArticle = reference.In(doc.Id);
                var refUse = reference.Uses.FirstOrDefault(u => u.Doc.Id == doc.Id);
                if (refUse.M is null) refUse = reference.Uses[0];
                bool tie = reference.Docs == variant.Docs && reference.Uses.Count == variant.Uses.Count;
                var where = sameArticle
                    ? (reference.Docs > 1 ? $"elsewhere in this article and in {reference.Docs - 1} other article{(reference.Docs == 2 ? "" : "s")}" : "elsewhere in this article")
                    : $"in {Who(reference)}";
                var why = tie
                    ? $"written \"{reference.Text}\" {where}; each spelling is used as often, so either may be right"
                    : $"written \"{reference.Text}\" {where} ({reference.Uses.Count} time{(reference.Uses.Count == 1 ? "" : "s")} in {reference.Docs} article{(reference.Docs == 1 ? "" : "s")}, against {variant.Uses.Count} in 1)";
                var sim = Similarity.Ratio(Similarity.Key(variant.Text), Similarity.Key(reference.Text));
                var rule = sameArticle ? Id : CrossSourceId;
                yield return new Finding
                {
                    Id = Finding.MakeId(Id, doc.Id, entityId, variant.Text),
                    Rule = rule, Severity = Severity, Score = Prior,
                    Message = $"\"{variant.Text}\" looks like a misspelling of \"{reference.Text}\" ({(canonicals.Count > 0 ? canonicals[0] + ", " : "")}similarity {sim.ToString("0.00", CultureInfo.InvariantCulture)}), {why}",
                    Evidence = [Evidence(doc, mention, "flagged"), Evidence(refUse.Doc, refUse.M, "reference")],
                    Suggestions = [new Suggestion(entityId, reference.Text, why, tie ? 0.5 : (double)reference.Docs / (reference.Docs + 1))],
                    Features = new Dictionary<string, double>(StringComparer.Ordinal)
                    {
                        ["rule=" + rule] = 1, ["lang=" + doc.Lang] = 1, ["kind=" + mention.Kind.ToString().ToLowerInvariant()] = 1,
                        ["similarity"] = Math.Round(sim, 4), ["variant_count"] = variant.Uses.Count,
                        ["correct_in_same_doc"] = reference.Uses.Count(u => u.Doc.Id == doc.Id),
                        ["correct_in_other_docs"] = reference.Uses.Count(u => u.Doc.Id != doc.Id),
                        ["reference_docs"] = reference.Docs, ["tie"] = tie ? 1 : 0,
                        ["cross_source"] = sameArticle ? 0 : 1,
                    },
                };
            }
        }
    }

    /// <summary>The spellings of one entity, best supported first: in more articles, written more often, a known alias,
    /// its rarest word commoner in the story (<see cref="WordSupport"/>), closer to the alias, the canonical name, then
    /// by text. The texts differ, so the order is total; the word support, which counts the words of the whole story,
    /// is worked out only for spellings that tie on everything before it.</summary>
    private static List<Spelling> Rank(IEnumerable<Spelling> spellings, string canonical, Func<string, int> support)
    {
        var keys = spellings.Select(s => new RankKey(s, s.Docs, s.Uses.Count, IsAlias(s), s.Uses.Max(u => u.M.Similarity),
            string.Equals(s.Text, canonical, StringComparison.OrdinalIgnoreCase))).ToArray();
        int Compare(RankKey a, RankKey b)
        {
            int c = b.Docs.CompareTo(a.Docs);
            if (c == 0) c = b.Uses.CompareTo(a.Uses);
            if (c == 0) c = b.Alias.CompareTo(a.Alias);
            if (c == 0) c = b.Support(support).CompareTo(a.Support(support));
            // then the spelling whose words the language's news writes ("Paris Saint-Germain", not "Saant-Germain")
            if (c == 0) c = b.Known().CompareTo(a.Known());
            if (c == 0) c = b.MaxSimilarity.CompareTo(a.MaxSimilarity);
            if (c == 0) c = b.IsCanonical.CompareTo(a.IsCanonical);
            if (c == 0) c = string.CompareOrdinal(a.S.Text, b.S.Text);
            return c;
        }
        Array.Sort(keys, Compare);
        return keys.Select(k => k.S).ToList();
    }

    private sealed record RankKey(Spelling S, int Docs, int Uses, bool Alias, double MaxSimilarity, bool IsCanonical)
    {
        private int? support;
        private double? known;
        public int Support(Func<string, int> of) => support ??= of(S.Text);
        /// <summary>How well the language's news knows the spelling's words, asked only on a tie.</summary>
        public double Known() => known ??= NewsWords.Get(S.Uses[0].Doc.Lang).Known(S.Text);
    }

    /// <summary>One capitalized word written inside a capitalized run (a name, a title, a body's name), with its neighbours in the run.</summary>
    private sealed record WordUse(AnalyzedArticle Doc, int Start, int End, int RunStart, int RunEnd, string Word, string? Prev, string? Next);

    /// <summary>
    /// Slips inside names whatever the mentions' spans: a capitalized word the story writes only once, one edit (a letter
    /// left out, added, changed or two swapped) from a capitalized word the story writes more often, next to the same
    /// word of the name ("Ted Cuz" beside "Ted Cruz", "Jakarta Uara" beside "Jakarta Utara", "President Obmaa" beside
    /// "President Obama"). The fix is the commoner word. Not slips: a word the story also writes in lower case (a word of
    /// the language: "Judge More"), inflections and other benign differences (<see cref="IsBenign"/>), acronyms, and
    /// the pairs of names.json. Runs the spelling check of whole names flagged already are not flagged twice.
    /// </summary>
    private IEnumerable<Finding> WordSlips(CheckContext context, IReadOnlyList<Finding> already)
    {
        // how often each word is written in the story, in any case; a word is letters glued together ("McConnell" is
        // two tokens, one word)
        var words = context.Articles.Select(a =>
        {
            var list = new List<(int Start, int End, bool Joined)>(context.WordsOf(a).Count); // no more words than word tokens
            list.AddRange(Words(context, a));
            return list;
        }).ToList();
        var counts = CountWords(context, words);
        var uses = UsesByWord(context, words);
        // references blocked by first letter: a slip keeps the first letter
        var byInitial = uses.Where(kv => kv.Key.Length >= 3)
            .GroupBy(kv => kv.Key[0]).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList());
        foreach (var (word, list) in uses.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (list.Count != 1 || counts.GetValueOrDefault(word) != 1 || word.Length < 3) continue;
            var u = list[0];
            if (!byInitial.TryGetValue(word[0], out var candidates)) continue;
            var lang = u.Doc.Lang;
            var grammar = EntityGrammar.Get(lang);
            if (grammar.IsNotName(u.Word)) continue;
            var refs = References(u, word, candidates, uses, counts, lang);
            if (refs.Count == 0) continue;
            // two references as common as each other: no telling which one was meant
            if (refs.Count > 1 && counts.GetValueOrDefault(refs[1].Word) == counts.GetValueOrDefault(refs[0].Word)) continue;
            var (rword, ruses) = refs[0];
            // each written once: the slip is the one that looks less like the words of the story; the other pair member
            // is flagged from its own side when it is the likelier slip
            bool tie = counts.GetValueOrDefault(rword) == 1;
            if (tie && !LooksSlipped(word, rword, counts, lang)) continue;
            var doc = u.Doc;
            var text = doc.Article.Text;
            int start = u.RunStart, end = u.RunEnd;
            if (already.Any(f => f.Evidence.Any(e => e.Doc == doc.Id && e.Start < end && start < e.End))) continue;
            var refUse = ruses.FirstOrDefault(x => x.Doc.Id == doc.Id) ?? ruses[0];
            bool sameArticle = refUse.Doc.Id == doc.Id;
            var run = text[start..end];
            var fixedRun = text[start..u.Start] + refUse.Word + text[u.End..end];
            int refCount = counts.GetValueOrDefault(rword);
            var refDocs = uses[rword].Select(x => x.Doc.Id).Distinct().ToList();
            int rs = refUse.RunStart, re = refUse.RunEnd;
            var refRun = refUse.Doc.Article.Text[rs..re];
            var where = sameArticle ? $"\"{refRun}\" elsewhere in this article" : $"\"{refRun}\" in {refUse.Doc.Article.Source ?? refUse.Doc.Id}";
            var why = tie
                ? $"the story writes \"{u.Word}\" only here and \"{refUse.Word}\" only in {where}, so either may be right"
                : $"the story writes \"{u.Word}\" only here and \"{refUse.Word}\" {refCount} times (in {refDocs.Count} article{(refDocs.Count == 1 ? "" : "s")}), as in {where}";
            var sim = Similarity.Ratio(word, rword);
            var rule = sameArticle ? Id : CrossSourceId;
            yield return new Finding
            {
                Id = Finding.MakeId(Id, doc.Id, "word:" + rword, run),
                Rule = rule, Severity = Severity, Score = Prior,
                Message = $"\"{run}\" looks like a misspelling of \"{fixedRun}\" (similarity of the words {sim.ToString("0.00", CultureInfo.InvariantCulture)}): {why}",
                Evidence =
                [
                    WordEvidence(doc, start, end, "flagged"),
                    WordEvidence(refUse.Doc, rs, re, "reference"),
                ],
                Suggestions = [new Suggestion("word:" + rword, fixedRun, why, tie ? 0.5 : (double)refCount / (refCount + 1))],
                Features = new Dictionary<string, double>(StringComparer.Ordinal)
                {
                    ["rule=" + rule] = 1, ["lang=" + doc.Lang] = 1, ["kind=word"] = 1,
                    ["similarity"] = Math.Round(sim, 4), ["variant_count"] = 1,
                    ["correct_in_same_doc"] = uses[rword].Count(x => x.Doc.Id == doc.Id),
                    ["correct_in_other_docs"] = uses[rword].Count(x => x.Doc.Id != doc.Id),
                    ["reference_docs"] = refDocs.Count, ["tie"] = tie ? 1 : 0,
                    ["cross_source"] = sameArticle ? 0 : 1,
                },
            };
        }
    }

    /// <summary>The capitalized words of the story's runs by their lower-case form, in article and text order; a use's word
    /// is lowered into a buffer and looked up through a span, so a string is made only for a word not seen before.</summary>
    private static Dictionary<string, List<WordUse>> UsesByWord(CheckContext context, List<List<(int Start, int End, bool Joined)>> words)
    {
        var uses = new Dictionary<string, List<WordUse>>(StringComparer.Ordinal);
        var lookup = uses.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buf = stackalloc char[64];
        for (int ai = 0; ai < words.Count; ai++)
            foreach (var u in CapitalizedWords(context.Articles[ai], words[ai]))
            {
                var key = CheckContext.LowerInto(u.Word, buf);
                if (!lookup.TryGetValue(key, out var list)) uses[key.ToString()] = list = [];
                list.Add(u);
            }
        return uses;
    }

    /// <summary>The references of a word the story writes once: commoner words one edit away that are written next to the
    /// same word of a name, not a benign difference, commonest first. The words one edit away are found with a plain loop,
    /// and the rest is worked out only for the few words that have any.</summary>
    private static List<(string Word, List<WordUse> Uses)> References(WordUse u, string word, List<string> candidates,
        Dictionary<string, List<WordUse>> uses, Dictionary<string, int> counts, string lang)
    {
        List<string>? near = null;
        foreach (var r in candidates)
            if (r != word && Math.Abs(r.Length - word.Length) <= 1 && Similarity.EditDistance(word, r, 1) == 1) (near ??= []).Add(r);
        if (near is null) return [];
        return near.Select(r => (Word: r, Uses: uses[r].Where(x => (u.Prev is not null && x.Prev == u.Prev) || (u.Next is not null && x.Next == u.Next)).ToList()))
            .Where(x => x.Uses.Count > 0 && !IsBenign(u.Word, x.Uses[0].Word, lang))
            .OrderByDescending(x => counts.GetValueOrDefault(x.Word)).ThenBy(x => x.Word, StringComparer.Ordinal).ToList();
    }

    /// <summary>How often each word (lower case) is written in the story: each word is lowered into a buffer and counted
    /// through a span lookup, so a string is made only for a word not seen before.</summary>
    private static Dictionary<string, int> CountWords(CheckContext context, List<List<(int Start, int End, bool Joined)>> words)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buf = stackalloc char[64];
        for (int ai = 0; ai < words.Count; ai++)
        {
            var text = context.Articles[ai].Article.Text;
            foreach (var (start, end, _) in words[ai])
            {
                var lower = CheckContext.LowerInto(text.AsSpan(start, end - start), buf);
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(lookup, lower, out _)++;
            }
        }
        return counts;
    }

    /// <summary>True when the two names differ in one word only and the variant's word is one the story also writes in lower case.</summary>
    private static bool DiffersByLowerCaseWord(string variant, string reference, CheckContext context)
    {
        var v = variant.Split(' ', StringSplitOptions.RemoveEmptyEntries); var r = reference.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (v.Length != r.Length) return false;
        var diff = Enumerable.Range(0, v.Length).Where(i => !string.Equals(v[i], r[i], StringComparison.OrdinalIgnoreCase)).ToList();
        return diff.Count == 1 && LowerCaseWords(context).Contains(v[diff[0]].ToLowerInvariant());
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CheckContext, HashSet<string>> lowerCaseWords = new();

    /// <summary>The words the story writes in lower case somewhere (lowered).</summary>
    private static HashSet<string> LowerCaseWords(CheckContext context) => lowerCaseWords.GetValue(context, c =>
    {
        // each word is lowered into a buffer and added through a span lookup: a string only for a word not in the set yet
        var set = new HashSet<string>(StringComparer.Ordinal);
        var add = set.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buf = stackalloc char[64];
        foreach (var a in c.Articles)
        {
            var text = a.Article.Text;
            foreach (var t in c.WordsOf(a))
            {
                if (!char.IsLower(text[t.Start])) continue;
                add.Add(CheckContext.LowerInto(text.AsSpan(t.Start, t.Length), buf));
            }
        }
        return set;
    });

    /// <summary>Of two words one edit apart and written as often, whether <paramref name="word"/> is the slip: beside a word
    /// the language's news writes often (<see cref="CommonNewsWord"/>) and the other never, the other; else a letter
    /// left out is a commoner slip than one added, unless the longer word doubles a letter ("Ronnald"); of two words
    /// of one length, the one the language's news never writes when it writes the other (data/lang/&lt;lang&gt;/words.tsv),
    /// else the one whose letter pairs the story writes less ("Airwyas", not "Airways").</summary>
    private static bool LooksSlipped(string word, string other, Dictionary<string, int> counts, string lang)
    {
        var news = NewsWords.Get(lang);
        int nw = news.Count(word), no = news.Count(other);
        if (word.Length != other.Length)
        {
            // a word the language's news writes often beside one it never writes is the right one, a letter added or not
            // ("Provinisi" beside "Provinsi", 25 times in the sample); a rare word is no proof (a name may be a brand less a
            // letter: "Mehta" beside "Meta")
            if (nw == 0 && no >= CommonNewsWord) return true;
            if (no == 0 && nw >= CommonNewsWord) return false;
            var (shorter, longer) = word.Length < other.Length ? (word, other) : (other, word);
            int k = 0;
            while (k < shorter.Length && shorter[k] == longer[k]) k++;
            bool doubled = (k > 0 && longer[k] == longer[k - 1]) || (k + 1 < longer.Length && longer[k] == longer[k + 1]);
            return doubled ? word == longer : word == shorter;
        }
        // of one length (a letter changed or two swapped), a word of the language's news beside one it never writes is
        // the right one ("Penuntut" beside "Penuntun", "Saint" beside "Saant"); not for a letter left out or added, where a
        // person's name may be a common word less one letter ("Mehta" beside "Meta")
        if ((nw == 0) != (no == 0)) return nw == 0;
        var pairs = LetterPairs(counts);
        double Score(string w)
        {
            double sum = 0;
            var padded = "^" + w + "$";
            for (int i = 0; i + 1 < padded.Length; i++) sum += Math.Log(1 + pairs.GetValueOrDefault(padded.Substring(i, 2)));
            return sum;
        }
        double a = Score(word), b = Score(other);
        return a < b || (a == b && string.CompareOrdinal(word, other) < 0);
    }

    /// <summary>Times a word is written in the language's news sample (words.tsv) for it to count as a common word there.</summary>
    private const int CommonNewsWord = 10;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Dictionary<string, int>, Dictionary<string, int>> letterPairs = new();

    /// <summary>How often each pair of letters (with ^ and $ for the ends of a word) occurs in the words of the story.</summary>
    private static Dictionary<string, int> LetterPairs(Dictionary<string, int> counts) => letterPairs.GetValue(counts, c =>
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (w, n) in c)
        {
            var padded = "^" + w + "$";
            for (int i = 0; i + 1 < padded.Length; i++) { var p = padded.Substring(i, 2); d[p] = d.GetValueOrDefault(p) + n; }
        }
        return d;
    });

    /// <summary>The words of an article as char spans, a name's short head kept with the rest ("McConnell", "DeSantis"), with whether the word follows the previous one after spaces only, on one line.</summary>
    private static IEnumerable<(int Start, int End, bool Joined)> Words(CheckContext context, AnalyzedArticle a)
    {
        int start = -1, end = 0;
        bool joined = false;
        foreach (var t in context.WordsOf(a))
        {
            // a short head glued to a capital is one name ("Mc|Connell", "De|Santis"); longer parts are words glued by
            // scraping ("Gregorius|Ronald")
            if (start >= 0 && t.Glued && end - start <= 3) { end = t.End; continue; }
            if (start >= 0) yield return (start, end, joined);
            (start, end, joined) = (t.Start, t.End, t.Joined);
        }
        if (start >= 0) yield return (start, end, joined);
    }

    /// <summary>The capitalized words of an article (outside boilerplate) that stand in a run of two or more capitalized
    /// words, with the words next to them in the run.</summary>
    private static IEnumerable<WordUse> CapitalizedWords(AnalyzedArticle a, List<(int Start, int End, bool Joined)> words)
    {
        var text = a.Article.Text;
        bool NameWord(int i) => char.IsUpper(text[words[i].Start]) && words[i].End - words[i].Start >= 2 && !a.Article.IsBoilerplate(words[i].Start);
        // the words of a run as strings, each made once though it is one use's word and its neighbours' Prev and Next
        var run = new List<string>();
        for (int i = 0; i < words.Count;)
        {
            if (!NameWord(i)) { i++; continue; }
            int j = i + 1;
            while (j < words.Count && NameWord(j) && words[j].Joined) j++;
            if (j - i >= 2)
            {
                run.Clear();
                for (int k = i; k < j; k++) run.Add(text[words[k].Start..words[k].End]);
                for (int k = i; k < j; k++)
                {
                    var word = run[k - i];
                    if (!IsWordOfName(word)) continue;
                    yield return new WordUse(a, words[k].Start, words[k].End, words[i].Start, words[j - 1].End, word,
                        k > i ? run[k - i - 1] : null, k + 1 < j ? run[k - i + 1] : null);
                }
            }
            i = j;
        }
    }

    /// <summary>A word as names are written: a capital, then lower-case letters, with at most one more capital inside a
    /// name ("Cruz", "Utara", "McConnell", "DeSantis"; not "DPR", "KotaDepok2", "Rp300").</summary>
    private static bool IsWordOfName(string w)
    {
        if (w.Length < 2 || !char.IsUpper(w[0])) return false;
        int inner = 0;
        for (int i = 1; i < w.Length; i++)
        {
            if (char.IsLower(w[i])) continue;
            // an inner capital between lower-case letters: "McConnell", "DeSantis"
            if (!char.IsUpper(w[i]) || ++inner > 1 || !char.IsLower(w[i - 1]) || i + 1 >= w.Length || !char.IsLower(w[i + 1]) || i > 3) return false;
        }
        return true;
    }

    private static Evidence WordEvidence(AnalyzedArticle a, int start, int end, string role)
    {
        var s = a.SentenceAt(start);
        var text = a.Article.Text[start..end];
        return new Evidence(a.Id, start, end, text)
        {
            Sentence = a.SentenceText(s), SentenceStart = s.Start, Value = text, Source = a.Article.Source, Role = role,
        };
    }

    /// <summary>True when the gazetteer matched the spelling exactly: one of the entity's known names.</summary>
    private static bool IsAlias(Spelling s) => s.Uses.Any(u => u.M.Similarity >= 1.0 && u.M.Rule == "gazetteer");

    /// <summary>How often the spelling's rarest word occurs in the story's text (a slip like "Saant" or "Plams" occurs only
    /// inside the slipped name; "Saint", "Palm" occur elsewhere too): breaks a tie between two spellings.</summary>
    private static int WordSupport(string name, Dictionary<string, int> counts)
    {
        int min = int.MaxValue;
        foreach (var w in NameWordsOf(name))
            min = Math.Min(min, counts.GetValueOrDefault(w.ToLowerInvariant()));
        return min == int.MaxValue ? 0 : min;
    }

    /// <summary>The words of a name as <see cref="WordSupport"/> counts them.</summary>
    private static string[] NameWordsOf(string name) => name.Split([' ', '-', '.', ','], StringSplitOptions.RemoveEmptyEntries);

    private static int WordCount(string name) => name.Split(separators, StringSplitOptions.RemoveEmptyEntries).Count(w => !legalForms.Contains(w));

    private static string Who(Spelling s)
    {
        var names = s.Uses.Select(u => u.Doc.Article.Source ?? u.Doc.Id).Distinct().ToList();
        return names.Count <= 3 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(3))} and {names.Count - 3} more";
    }

    private static readonly char[] separators = [' ', '\u00a0', '\t', '\n', '-', '.', ','];
    private static readonly HashSet<string> legalForms = new(StringComparer.OrdinalIgnoreCase) { "pt", "tbk", "inc", "corp", "ltd", "co", "plc", "persero", "llc" };
    /// <summary>Endings that make another form of the same word (Democrat, Democrats, Democratic; Arabia, Arabian).</summary>
    private static readonly string[] inflections = ["s", "es", "'s", "’s", "n", "an", "ian", "ic", "ics", "ism", "ist", "ists", "er", "ers", "ese", "i", "nya"];
    /// <summary>Short words that scraping glues to the end of a name ("Iriantoke", "Santosodi").</summary>
    private static readonly HashSet<string> glued = new(StringComparer.OrdinalIgnoreCase) { "ke", "di", "dan", "yang", "dari", "pada", "itu", "ini", "the", "and", "of", "to", "in", "on" };

    /// <summary>Differences that are not misspellings: a legal form (PT, Tbk), a short form or a longer form of the same
    /// name, an inflection or derivation of a word, accents, a different acronym ("PT BNI Sekuritas" is not "PT BCA
    /// Sekuritas"), or a word or number glued on by scraping.</summary>
    public static bool IsBenign(string variant, string canonical, string lang = "")
    {
        static string[] Words(string s) => Fold(s).Split(separators, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !legalForms.Contains(w)).Select(w => w.ToLowerInvariant()).ToArray();
        var v = Words(variant); var c = Words(canonical);
        if (v.SequenceEqual(c)) return true;
        // a space lost or added by scraping: "TPU Jatisari" / "TPU Jati Sari", "KotaDepok", "PTBlue BirdTbk"
        if (string.Concat(v) == string.Concat(c)) return true;
        static string Letters(string s) => new(Fold(s).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        if (Letters(variant) == Letters(canonical)) return true;
        // glued words: "PrabowoSubianto" beside "Prabowo", "MikrotransJaklingko" beside "Jaklingko"
        if (SplitCamel(variant) is { } sv && sv != variant && IsBenign(sv, canonical, lang)) return true;
        if (SplitCamel(canonical) is { } sc && sc != canonical && IsBenign(variant, sc, lang)) return true;
        // both right: different words or accepted spellings (data/lang/<lang>/names.json)
        if (v.Length == c.Length && v.Zip(c).All(p => p.First == p.Second || NameWords.Get(lang).Distinct(p.First, p.Second) || NameWords.Get(lang).SameSpelling(p.First, p.Second))
            && v.Zip(c).Any(p => p.First != p.Second)) return true;
        // an abbreviation of the other: "BNPB", "OJK", "Jabar" (Jawa Barat), "Kemenperin" (Kementerian Perindustrian), "U.S."
        if (Abbreviates(variant, c) || Abbreviates(canonical, v)) return true;
        if (v.All(c.Contains) || c.All(v.Contains)) return true;
        if (v.Length == c.Length && v.Zip(c).All(p => p.First == p.Second || Inflected(p.First, p.Second))) return true;
        // one side is the other with a word or number glued to its last word ("Iriantoke", "Keuangan2")
        if (v.Length == c.Length && v.Length > 0 && v[..^1].SequenceEqual(c[..^1]) && (Glued(v[^1], c[^1]) || Glued(c[^1], v[^1]))) return true;
        var vw = variant.Split(' ', StringSplitOptions.RemoveEmptyEntries); var cw = canonical.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (vw.Length == cw.Length)
            for (int i = 0; i < vw.Length; i++)
                if (!string.Equals(vw[i], cw[i], StringComparison.OrdinalIgnoreCase) && (IsAcronym(vw[i]) || IsAcronym(cw[i]))) return true;
        // a short form in another inflection: "Democrat" for "Democratic Party"
        var (fewer, more) = v.Length <= c.Length ? (v, c) : (c, v);
        if (fewer.Length < more.Length && fewer.All(w => more.Any(m => m == w || Inflected(w, m)))) return true;
        return false;
    }

    /// <summary>The name with a space put where a lower-case letter is glued to an upper-case one ("PrabowoSubianto").</summary>
    private static string? SplitCamel(string s)
    {
        var sb = new StringBuilder(s.Length + 4);
        for (int i = 0; i < s.Length; i++)
        {
            if (i > 0 && char.IsUpper(s[i]) && char.IsLower(s[i - 1])) sb.Append(' ');
            sb.Append(s[i]);
        }
        return sb.ToString();
    }

    /// <summary>True when a one-word name is made of letters of a longer name, in order, starting with its first letter and
    /// taking from at least two of its words: an acronym or a syllable abbreviation.</summary>
    private static bool Abbreviates(string shortName, string[] longWords)
    {
        var letters = new string(Fold(shortName).Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        if (letters.Length < 2 || longWords.Length < 2 || shortName.Contains(' ')) return false;
        var full = longWords.Where(w => !glued.Contains(w)).ToArray();
        if (full.Length < 2 || full[0].Length == 0 || letters[0] != full[0][0]) return false;
        // an abbreviation is much shorter than what it abbreviates ("DDos-Guar" is no abbreviation of "DDoS Guard")
        if (letters.Length > 0.7 * full.Sum(w => w.Length) || shortName.Contains('-')) return false;
        int wi = 0, ci = 0, wordsUsed = 0; bool usedThis = false;
        foreach (var ch in letters)
        {
            while (wi < full.Length)
            {
                if (ci < full[wi].Length && full[wi][ci] == ch) { ci++; if (!usedThis) { usedThis = true; wordsUsed++; } break; }
                if (ci < full[wi].Length) ci++;
                else { wi++; ci = 0; usedThis = false; }
            }
            if (wi >= full.Length) return false;
        }
        return wordsUsed >= 2;
    }

    private static bool Inflected(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (shorter.Length < 3) return false;
        foreach (var end in inflections)
            if (longer.Length == shorter.Length + end.Length && longer.StartsWith(shorter, StringComparison.Ordinal) && longer.EndsWith(end, StringComparison.Ordinal)) return true;
        // Democrat / Democratic / Democrats share the stem up to the last letters: both forms of one word
        int common = 0;
        while (common < shorter.Length && shorter[common] == longer[common]) common++;
        if (common >= 5 && common >= shorter.Length - 1)
        {
            var restA = a[common..]; var restB = b[common..];
            if ((restA.Length == 0 || inflections.Contains(restA)) && (restB.Length == 0 || inflections.Contains(restB))) return true;
        }
        return false;
    }

    private static bool Glued(string withGlue, string word) =>
        withGlue.Length > word.Length && withGlue.StartsWith(word, StringComparison.Ordinal) &&
        (glued.Contains(withGlue[word.Length..]) || withGlue[word.Length..].All(char.IsDigit));

    private const string Accented = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŠšŽžĆćČčĐđŁłŃńŚśŹźŻżĞğİıŞş";
    private const string Plain    = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyySsZzCcCcDdLlNnSsZzZzGgIiSs";

    /// <summary>The text without accents (Raúl -> Raul); a table, since the invariant-globalization build has no
    /// Unicode decomposition to lean on.</summary>
    private static string Fold(string s)
    {
        if (s.All(ch => ch < 128)) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            int k = Accented.IndexOf(ch);
            if (k >= 0) sb.Append(Plain[k]);
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(ch);
        }
        return sb.ToString();
    }

    private static bool IsAcronym(string w) => w.Length <= 5 && w.Count(char.IsUpper) >= 2 && w.All(ch => char.IsUpper(ch) || char.IsDigit(ch));

    private static Evidence Evidence(AnalyzedArticle a, EntityMention m, string role)
    {
        var s = a.SentenceAt(m.Start);
        return new Evidence(a.Id, m.Start, m.End, m.Text)
        {
            Sentence = a.SentenceText(s), SentenceStart = s.Start, Value = m.EntityId, Source = a.Article.Source, Role = role,
        };
    }
}

/// <summary>Pairs of words of a language that look like slips of one another but are both right, from
/// data/lang/&lt;lang&gt;/names.json, with the examples the tests run.</summary>
public sealed class NameWords
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<NameWords>> cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(string, string)> pairs = [];
    private readonly List<(string Old, string New)> spellings;
    public IReadOnlyList<(string Variant, string Reference)> Examples { get; }
    public IReadOnlyList<(string Variant, string Reference)> Negative { get; }
    /// <summary>Stories the tests run through the whole rule: the texts of the articles, the run flagged and its fix.</summary>
    public IReadOnlyList<(IReadOnlyList<string> Texts, string Flagged, string Fix)> StoryExamples { get; }
    /// <summary>Stories where the rule must raise nothing.</summary>
    public IReadOnlyList<IReadOnlyList<string>> StoryNegative { get; }

    private NameWords(Newtonsoft.Json.Linq.JObject o)
    {
        static IEnumerable<(string, string)> Pairs(Newtonsoft.Json.Linq.JToken? t) =>
            (t as Newtonsoft.Json.Linq.JArray ?? []).OfType<Newtonsoft.Json.Linq.JArray>().Where(p => p.Count == 2)
                .Select(p => ((string?)p[0] ?? "", (string?)p[1] ?? ""));
        spellings = Pairs(o["spelling"]).Select(p => (p.Item1.ToLowerInvariant(), p.Item2.ToLowerInvariant())).ToList();
        foreach (var (a, b) in Pairs(o["distinct"])) { pairs.Add((a.ToLowerInvariant(), b.ToLowerInvariant())); pairs.Add((b.ToLowerInvariant(), a.ToLowerInvariant())); }
        Examples = Pairs(o["examples"]).ToList();
        Negative = Pairs(o["negative"]).ToList();
        static IReadOnlyList<string> Texts(Newtonsoft.Json.Linq.JToken e) => (e["texts"] as Newtonsoft.Json.Linq.JArray ?? []).Values<string>().OfType<string>().ToList();
        StoryExamples = (o["story_examples"] as Newtonsoft.Json.Linq.JArray ?? []).OfType<Newtonsoft.Json.Linq.JObject>()
            .Select(e => (Texts(e), (string?)e["flagged"] ?? "", (string?)e["fix"] ?? "")).ToList();
        StoryNegative = (o["story_negative"] as Newtonsoft.Json.Linq.JArray ?? []).OfType<Newtonsoft.Json.Linq.JObject>().Select(Texts).ToList();
    }

    /// <summary>True when the two (lower-case) words are one word in an old and a new spelling ("moenaf", "munaf"): equal once
    /// each old form of names.json "spelling" is replaced by its new one.</summary>
    public bool SameSpelling(string a, string b) => spellings.Count > 0 && a != b && Modern(a) == Modern(b);

    private string Modern(string w)
    {
        foreach (var (old, now) in spellings) w = w.Replace(old, now, StringComparison.Ordinal);
        return w;
    }

    /// <summary>True when the two (lower-case) words are both right.</summary>
    public bool Distinct(string a, string b) => pairs.Contains((a, b));

    /// <summary>The words of a language; none when it has no names.json.</summary>
    public static NameWords Get(string lang) => cache.GetOrAdd(lang, l => new Lazy<NameWords>(() =>
    {
        var path = l.Length == 0 ? "" : Path.Combine(FactCheck.Lang.DataPaths.Lang(l), "names.json");
        return new NameWords(path.Length > 0 && File.Exists(path) ? FactCheck.Lang.LanguagePack.ReadJson(path) : new Newtonsoft.Json.Linq.JObject());
    })).Value;
}
