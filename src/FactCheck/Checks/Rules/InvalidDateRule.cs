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
                yield return Build(a, m, context.Options);
    }

    private Finding Build(AnalyzedArticle a, TemporalMention m, CheckOptions options)
    {
        var pack = MentionFacts.Pack(a);
        var written = DateText.Written(m, pack.Lexicon, pack.Temporal.DateOrder);
        var numbers = written is null ? null : DateText.Numbers(written, pack.Lexicon);
        var ctx = MentionFacts.ContextOf(a, m);
        IReadOnlyList<RankedCandidate> ranked = [];
        int? weekday = m.Stated.HasFlag(DateFields.Weekday) ? m.StatedWeekday : null;
        if (numbers is { } n)
            ranked = DateCandidates.Rank(DateCandidates.Generate(n.Day, n.Month, n.Year, weekday, written, pack.Lexicon, options.YearWindow, ctx.Published?.Year), ctx)
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
