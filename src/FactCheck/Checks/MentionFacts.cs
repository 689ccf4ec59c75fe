using System.Globalization;
using FactCheck.Lang;
using FactCheck.Temporal;

namespace FactCheck.Checks;

/// <summary>What the temporal rules ask of mentions: which are fully stated dates, which disagree with their weekday, and the evidence.</summary>
public static class MentionFacts
{
    /// <summary>A real day-granularity date whose day, month and year the text all stated (an inferred year never counts).</summary>
    public static bool FullyStated(TemporalMention m) =>
        m.Kind == TemporalKind.Date && m.Invalid is null && m.Date is not null &&
        (m.Stated & (DateFields.Year | DateFields.Month | DateFields.Day)) == (DateFields.Year | DateFields.Month | DateFields.Day) &&
        (m.Inferred & (DateFields.Year | DateFields.Month | DateFields.Day)) == 0;

    /// <summary>A fully stated date with a stated weekday that the calendar contradicts.</summary>
    /// <remarks>A numeric date that reads two ways (1/10/2021 month-first or day-first) is not flagged when the other reading fits.</remarks>
    public static bool WeekdayMismatch(TemporalMention m) =>
        FullyStated(m) && m.Stated.HasFlag(DateFields.Weekday) && m.StatedWeekday is { } w && DateText.IsoWeekday(m.Date!.Value) != w &&
        !(m.AlternativeValue is { } alt && DateOnly.TryParseExact(alt, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var other) &&
          DateText.IsoWeekday(other) == w);

    /// <summary>The article's event dates: fully stated, weekday-consistent dates in text order.</summary>
    /// <remarks>Computed once per article and shared (the rules ask for it once per mention).</remarks>
    public static IReadOnlyList<TemporalMention> Events(AnalyzedArticle a) => events.GetValue(a, ComputeEvents);

    private static IReadOnlyList<TemporalMention> ComputeEvents(AnalyzedArticle a) =>
        a.Temporal.Where(m => FullyStated(m) && !WeekdayMismatch(m)).ToList();

    /// <summary>The evidence for a mention: its span, value, the sentence around it, and the article's source.</summary>
    public static Evidence EvidenceOf(AnalyzedArticle a, TemporalMention m)
    {
        var s = a.SentenceAt(m.Start);
        // a window of the sentence around the span (the whole sentence when it is short): a finding on a very long sentence
        // must not copy all of it, or many findings in one sentence grow with its square (FactCheck.Output.EvidenceWindow)
        int end = Math.Max(s.End, Math.Min(a.Article.Text.Length, m.End)), from = s.Start;
        int radius = FactCheck.Output.EvidenceWindow.Radius;
        if (end - from > 2 * radius)
        {
            from = Math.Max(s.Start, m.Start - radius - 1);
            end = Math.Min(end, m.End + radius + 1);
        }
        return new Evidence(a.Id, m.Start, m.End, m.Text)
        {
            Sentence = a.Article.Text[from..end], SentenceStart = from,
            Value = m.Invalid is null ? m.Value : null, Source = a.Article.Source,
        };
    }

    /// <summary>A stable id from content: rule, document, the sentence, the span text and its value (never offsets or run order).</summary>
    public static string IdOf(string rule, AnalyzedArticle a, TemporalMention m, params string[] extra)
    {
        var sentence = a.SentenceText(a.SentenceAt(m.Start));
        if (sentence.Length < 1024) return Finding.MakeId(rule, [a.Id, sentence, m.Text, m.Value, .. extra]);
        // the same id as Finding.MakeId, but the hash of the (long) sentence prefix is computed once per sentence and cloned,
        // so many findings in one long sentence cost the length of the sentence once, not once each
        var memo = idPrefix;
        if (memo is null || !ReferenceEquals(memo.Sentence, sentence) || memo.Rule != rule || memo.Doc != a.Id)
        {
            var h = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            h.AppendData(System.Text.Encoding.UTF8.GetBytes(rule + "\u001f" + a.Id + "\u001f" + sentence + "\u001f"));
            idPrefix = memo = new IdPrefix(rule, a.Id, sentence, h);
        }
        using var clone = memo.Hash.Clone();
        clone.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Join("\u001f", [m.Text, m.Value, .. extra])));
        var bytes = clone.GetHashAndReset();
        return rule + "-" + Convert.ToHexString(bytes, 0, 6).ToLowerInvariant();
    }

    private sealed record IdPrefix(string Rule, string Doc, string Sentence, System.Security.Cryptography.IncrementalHash Hash);
    [ThreadStatic] private static IdPrefix? idPrefix;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AnalyzedArticle, IReadOnlyList<TemporalMention>> events = new();

    private static IReadOnlyList<TemporalMention> EventsOnce(AnalyzedArticle a) => Events(a);

    /// <summary>The language pack of the article (English when the language has none).</summary>
    public static LanguagePack Pack(AnalyzedArticle a)
    {
        try { return LanguagePack.Get(a.Lang); }
        catch (ArgumentException) { return LanguagePack.Get("en"); }
    }

    /// <summary>The context of a mention for ranking corrections: publication, up to two previous and one next event date,
    /// the sentence's sequence opener and plan marker.</summary>
    public static DateContext ContextOf(AnalyzedArticle a, TemporalMention m)
    {
        var events = EventsOnce(a);
        // events are in text order: the last two ending before the mention and the first starting after it, by binary search
        int lo = 0, hi = events.Count;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (events[mid].End <= m.Start) lo = mid + 1; else hi = mid; }
        var prev = new List<DateOnly>(2);
        for (int k = Math.Max(0, lo - 2); k < lo; k++) if (events[k].End <= m.Start) prev.Add(events[k].Date!.Value);
        DateOnly? next = null;
        for (int k = Math.Max(0, lo - 1); k < events.Count; k++) if (events[k].Start >= m.End) { next = events[k].Date; break; }
        var words = CheckWords.Get(a.Lang);
        var sentence = a.SentenceText(a.SentenceAt(m.Start));
        return new DateContext(a.PublishedDate, prev, next, words.Sequence.Opening(sentence), words.Future.Anywhere(sentence) is not null);
    }

    /// <summary>Common classifier features: rule, severity, language, days from publication, stated field count.</summary>
    public static Dictionary<string, double> Features(string rule, Severity severity, AnalyzedArticle a, TemporalMention m)
    {
        var f = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["rule=" + rule] = 1, ["severity=" + severity.ToString().ToLowerInvariant()] = 1, ["lang=" + a.Lang] = 1,
            ["stated_field_count"] = CountBits((int)(m.Stated & (DateFields.Year | DateFields.Month | DateFields.Day | DateFields.Weekday))),
            ["has_publication"] = a.PublishedDate is null ? 0 : 1,
        };
        if (a.PublishedDate is { } p && m.Date is { } d) f["days_from_publication"] = d.DayNumber - p.DayNumber;
        return f;
    }

    private static int CountBits(int v) { int c = 0; while (v != 0) { c += v & 1; v >>= 1; } return c; }

    internal static string Inv(int v) => v.ToString(CultureInfo.InvariantCulture);
}
