using FactCheck.Temporal;

namespace FactCheck.Checks.Rules;

/// <summary>invalid-date (high): a date that does not exist ("31/2/2021": February 2021 has 28 days), with the nearest real dates.</summary>
/// <remarks>Message: "{text} is not a real date: {why}; {best} {fits}".</remarks>
public sealed class InvalidDateRule : ArticleRule
{
    public const string RuleId = "invalid-date";
    public override string Id => RuleId;
    public override Severity Severity => Severity.High;
    public override double Prior => 0.85;

    public override IEnumerable<Finding> CheckArticle(AnalyzedArticle a, CheckContext context)
    {
        foreach (var m in a.Temporal)
            if (m.Invalid is not null)
                yield return Build(a, m, context);
    }

    /// <summary>The real date nearest an impossible day-month-year (31 Jun -> 30 Jun), as the anchor for "nearest day first".</summary>
    private static DateOnly? NearestReal(int day, int month, int year) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 ? new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month))) : null;

    /// <summary>Readings the run supports: a date this article states elsewhere, every day of a month the same sentence speaks of
    /// ("1 Juli hingga 31 Juni" reads as July), and dates other sources state.</summary>
    private static Dictionary<DateOnly, string> SupportedDates(AnalyzedArticle a, TemporalMention m, CheckContext context)
    {
        var map = new Dictionary<DateOnly, string>();
        var sentence = a.SentenceAt(m.Start);
        foreach (var e in a.Temporal)
        {
            if (ReferenceEquals(e, m) || e.Kind != TemporalKind.Date || e.Invalid is not null || e.Date is not { } d) continue;
            if (e.Start >= sentence.Start && e.End <= sentence.End && e.Stated.HasFlag(DateFields.Month))
                for (int day = 1; day <= DateTime.DaysInMonth(d.Year, d.Month); day++)
                    map.TryAdd(new DateOnly(d.Year, d.Month, day), $"the same sentence speaks of {d.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} (\"{e.Text}\")");
            map.TryAdd(d, $"the article also states {DateText.Short(d)} (\"{e.Text}\")");
        }
        foreach (var other in context.Articles)
        {
            if (ReferenceEquals(other, a) || other.Id == a.Id) continue;
            foreach (var e in MentionFacts.Events(other))
                map.TryAdd(e.Date!.Value, $"{other.Article.Source ?? other.Id} writes \"{e.Text}\"");
        }
        return map;
    }

    private Finding Build(AnalyzedArticle a, TemporalMention m, CheckContext context)
    {
        var options = context.Options;
        var pack = MentionFacts.Pack(a);
        var written = DateText.Written(m, pack.Lexicon, pack.Temporal.DateOrder);
        var numbers = written is null ? null : DateText.Numbers(written, pack.Lexicon);
        // An impossible date is a slip at a month's end, often a deadline or a period's end: a reading shortly after publication
        // is as plausible as one before it.
        var ctx = MentionFacts.ContextOf(a, m) with { FutureMarker = true };
        IReadOnlyList<RankedCandidate> ranked = [];
        int? weekday = m.Stated.HasFlag(DateFields.Weekday) ? m.StatedWeekday : null;
        if (numbers is { } n)
            ranked = DateCandidates.Rank(DateCandidates.Generate(n.Day, n.Month, n.Year, weekday, written, pack.Lexicon, options.YearWindow, ctx.Published?.Year), ctx,
                    NearestReal(n.Day, n.Month, n.Year), SupportedDates(a, m, context))
                .Take(options.MaxSuggestions).ToList();

        var shown = written?.Text ?? m.Text;
        var msg = $"{shown} is not a real date: {m.Invalid}";
        if (ranked.Count > 0)
        {
            var best = ranked[0];
            msg += $"; {DateText.Short(best.Date)}" + (weekday is { } w ? $" is a {DateText.WeekdayName(w)}" : " is the nearest real date");
            if (best.Support.Count > 0) msg += $" and fits the article ({string.Join("; ", best.Support)})";
        }
        var f = MentionFacts.Features(Id, Severity, a, m);
        f["suggestion_count"] = ranked.Count;
        f["has_neighbor_support"] = ranked.Count > 0 && ranked[0].NeighborSupport ? 1 : 0;
        f["weekday_stated"] = weekday is null ? 0 : 1;
        return new Finding
        {
            Id = MentionFacts.IdOf(Id, a, m), Rule = Id, Severity = Severity, Score = Prior, Message = msg,
            Evidence = [MentionFacts.EvidenceOf(a, m)],
            Suggestions = ranked.Select(r => new Suggestion(DateText.Iso(r.Date),
                written?.Rewrite(r.Date.Day, r.Date.Month, r.Date.Year, pack.Lexicon) ?? DateText.Iso(r.Date),
                DateCandidates.Reason(r), Math.Round(r.Score, 4))).ToList(),
            Features = f,
        };
    }
}
