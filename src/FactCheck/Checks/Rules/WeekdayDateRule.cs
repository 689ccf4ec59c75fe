using System.Globalization;
using FactCheck.Temporal;

namespace FactCheck.Checks.Rules;

/// <summary>weekday-date (high): a stated weekday that the stated day, month and year contradict, with ranked corrections: a one-field
/// typo of the date, the same date with the weekday as the typo, and dates other sources in the run state. A date whose year was not
/// written ("Rabu (20/6)") is checked against the years within a few months of publication and flagged only when none fits.</summary>
/// <remarks>Message: "{date} was a {actual}, not a {stated} ({word}); {best} was a {stated} and fits the article ({reasons})".
/// A sequence opener whose date goes back in time, and a date after publication, are folded in here as further reasons.</remarks>
public sealed class WeekdayDateRule : ArticleRule
{
    public const string RuleId = "weekday-date";
    public override string Id => RuleId;
    public override Severity Severity => Severity.High;
    public override double Prior => 0.9;

    /// <summary>An inferred year is tried for each year whose date lies within this many days of publication.</summary>
    public const int InferredYearDays = 120;

    public override IEnumerable<Finding> CheckArticle(AnalyzedArticle a, CheckContext context)
    {
        Dictionary<DateOnly, string>? sources = null;
        foreach (var m in a.Temporal)
        {
            if (MentionFacts.WeekdayMismatch(m))
                yield return Build(a, m, context, sources ??= SourceDates(a, context), inferredYear: false);
            else if (InferredYearMismatch(a, m))
                yield return Build(a, m, context, sources ??= SourceDates(a, context), inferredYear: true);
        }
    }

    /// <summary>True when this rule reports the mention: its weekday contradicts its date, written in full or with the year
    /// left out (the cross-source rules leave such a date to it: one card for one slip).</summary>
    public static bool Reports(AnalyzedArticle a, TemporalMention m) => MentionFacts.WeekdayMismatch(m) || InferredYearMismatch(a, m);

    /// <summary>A weekday, day and month written without a year, where no year within <see cref="InferredYearDays"/> of publication fits the weekday.</summary>
    public static bool InferredYearMismatch(AnalyzedArticle a, TemporalMention m)
    {
        if (m.Kind != TemporalKind.Date || m.Invalid is not null || m.Date is not { } d || a.PublishedDate is not { } pub) return false;
        if (!m.Stated.HasFlag(DateFields.Weekday) || m.StatedWeekday is not { } w) return false;
        if (!m.Stated.HasFlag(DateFields.Day) || !m.Stated.HasFlag(DateFields.Month) || m.Stated.HasFlag(DateFields.Year) || !m.Inferred.HasFlag(DateFields.Year)) return false;
        bool anyInWindow = false;
        for (int y = pub.Year - 1; y <= pub.Year + 1; y++)
        {
            if (d.Day > DateTime.DaysInMonth(y, d.Month)) continue;
            var c = new DateOnly(y, d.Month, d.Day);
            if (Math.Abs(c.DayNumber - pub.DayNumber) > InferredYearDays) continue;
            anyInWindow = true;
            if (DateText.IsoWeekday(c) == w) return false;
        }
        return anyInWindow;
    }

    /// <summary>Dates other documents of the run state with a weekday that fits them: date -> "Kompas writes Rabu (18/6/2025)".</summary>
    private static Dictionary<DateOnly, string> SourceDates(AnalyzedArticle a, CheckContext context)
    {
        var map = new Dictionary<DateOnly, string>();
        foreach (var other in context.Articles)
        {
            if (ReferenceEquals(other, a) || other.Id == a.Id) continue;
            foreach (var e in MentionFacts.Events(other))
                if (e.Stated.HasFlag(DateFields.Weekday))
                    map.TryAdd(e.Date!.Value, $"{other.Article.Source ?? other.Id} writes \"{e.Text}\"");
        }
        return map;
    }

    private Finding Build(AnalyzedArticle a, TemporalMention m, CheckContext context, IReadOnlyDictionary<DateOnly, string> sources, bool inferredYear)
    {
        var options = context.Options;
        var pack = MentionFacts.Pack(a);
        var stated = m.Date!.Value;
        // an inferred year: the extractor may have chosen a year that fits the weekday; check and correct in the year nearest publication
        if (inferredYear && a.PublishedDate is { } pubDate && stated.Day <= DateTime.DaysInMonth(pubDate.Year, stated.Month))
            stated = Enumerable.Range(pubDate.Year - 1, 3).Where(y => stated.Day <= DateTime.DaysInMonth(y, stated.Month))
                .Select(y => new DateOnly(y, stated.Month, stated.Day)).MinBy(c => Math.Abs(c.DayNumber - pubDate.DayNumber));
        int wd = m.StatedWeekday!.Value;
        var written = inferredYear ? null : DateText.Written(m, pack.Lexicon, pack.Temporal.DateOrder, stated);
        var ctx = MentionFacts.ContextOf(a, m);
        var candidates = DateCandidates.Generate(stated.Day, stated.Month, stated.Year, wd, written, pack.Lexicon,
            inferredYear ? 1 : options.YearWindow, ctx.Published?.Year).ToList();
        var word = DateText.StatedWeekdayWord(m, pack.Lexicon);
        int actual = DateText.IsoWeekday(stated);
        var actualWord = WeekdayWord(actual, pack.Lexicon, word);
        if (!inferredYear) candidates.Add(new DateCandidate(stated, "weekday", word, actualWord, 0));
        var ranked = DateCandidates.Rank(candidates, ctx, stated, sources).Take(options.MaxSuggestions).ToList();

        var pub = ctx.Published;
        string Was(DateOnly d) => pub is { } p && d > p ? "is" : "was";
        var msg = inferredYear
            ? $"{stated.ToString("d MMM", CultureInfo.InvariantCulture)} is not a {DateText.WeekdayName(wd)} ({word}) in any year near publication" +
              $" ({DateText.Short(pub!.Value)}); the year is not written, and in {stated.Year} (inferred) it {Was(stated)} a {DateText.WeekdayName(actual)}"
            : $"{DateText.Short(stated)} {Was(stated)} a {DateText.WeekdayName(actual)}, not a {DateText.WeekdayName(wd)} ({word})";
        if (ranked.Count > 0)
        {
            var best = ranked[0];
            msg += best.Candidate.Field == "weekday"
                ? $"; perhaps the weekday is the typo ({actualWord} {DateText.Short(stated)})"
                : $"; {DateText.Short(best.Date)} {Was(best.Date)} a {DateText.WeekdayName(wd)}";
            if (best.Support.Count > 0) msg += $" and fits the article ({string.Join("; ", best.Support)})";
        }
        var folded = new List<string>();
        bool outOfOrder = ctx.SequenceMarker is not null && ctx.LastPrevious is { } prev && stated < prev;
        if (outOfOrder)
            folded.Add($"the sentence opens with \"{ctx.SequenceMarker}\" yet {DateText.Short(stated)} is before the previous event ({DateText.Short(ctx.LastPrevious!.Value)})");
        int? daysAfter = pub is { } pd ? stated.DayNumber - pd.DayNumber : null;
        bool afterPub = !inferredYear && daysAfter >= options.AfterPublicationDays && !ctx.FutureMarker;
        if (afterPub) folded.Add($"{DateText.Short(stated)} is {daysAfter} days after publication ({DateText.Short(pub!.Value)})");
        if (folded.Count > 0) msg += "; also, " + string.Join(", and ", folded);

        var suggestions = ranked.Select(r => new Suggestion(DateText.Iso(r.Date),
            r.Candidate.Field == "weekday" ? ReplaceWeekday(m.Text, word, actualWord)
                : written?.Rewrite(r.Date.Day, r.Date.Month, r.Date.Year, pack.Lexicon) ?? DateText.Iso(r.Date),
            DateCandidates.Reason(r) + (inferredYear && r.Candidate.Field != "year" ? $"; the year {r.Date.Year} is inferred" : ""),
            Math.Round(r.Score, 4))).ToList();

        var evidence = new List<Evidence> { MentionFacts.EvidenceOf(a, m) };
        foreach (var e in MentionFacts.Events(a))
            if (ranked.Count > 0 && (ctx.Previous.Contains(e.Date!.Value) && e.End <= m.Start || e.Date == ctx.Next && e.Start >= m.End))
                evidence.Add(MentionFacts.EvidenceOf(a, e));

        var f = MentionFacts.Features(Id, Severity, a, m);
        f["suggestion_count"] = ranked.Count;
        f["has_neighbor_support"] = ranked.Count > 0 && ranked[0].NeighborSupport ? 1 : 0;
        f["neighbor_count"] = ctx.Previous.Count + (ctx.Next is null ? 0 : 1);
        f["top_suggestion_score"] = ranked.Count > 0 ? Math.Round(ranked[0].Score, 4) : 0;
        if (ranked.Count > 0) f["top_suggestion_field=" + ranked[0].Candidate.Field] = 1;
        if (ranked.Count > 0) f["top_suggestion_typo"] = ranked[0].Candidate.Typo;
        if (ranked.Count > 0 && pub is { } p2) f["top_suggestion_days_from_publication"] = ranked[0].Date.DayNumber - p2.DayNumber;
        if (ranked.Count > 0 && sources.ContainsKey(ranked[0].Date)) f["top_suggestion_other_source"] = 1;
        if (inferredYear) f["year_inferred"] = 1;
        f["sequence_marker"] = ctx.SequenceMarker is null ? 0 : 1;
        f["out_of_order"] = outOfOrder ? 1 : 0;
        f["after_publication"] = afterPub ? 1 : 0;
        f["weekday_offset"] = ((wd - actual) % 7 + 7) % 7;

        return new Finding
        {
            Id = MentionFacts.IdOf(Id, a, m), Rule = Id, Severity = Severity, Score = Prior, Message = msg,
            Evidence = evidence, Suggestions = suggestions, Features = f,
        };
    }

    /// <summary>The lexicon's word for a weekday, capitalized like the written one.</summary>
    private static string WeekdayWord(int isoWeekday, Lang.Lexicon lexicon, string like)
    {
        var form = lexicon.EntriesOf("weekday").Where(e => e.Number == isoWeekday).Select(e => e.Form).OrderByDescending(f => f.Length > 3).FirstOrDefault()
            ?? DateText.WeekdayName(isoWeekday);
        if (like.Length > 0 && char.IsUpper(like[0])) form = char.ToUpperInvariant(form[0]) + form[1..];
        return form;
    }

    private static string ReplaceWeekday(string text, string word, string replacement)
    {
        int i = text.IndexOf(word, StringComparison.Ordinal);
        return i < 0 ? replacement + " " + text : text[..i] + replacement + text[(i + word.Length)..];
    }
}
