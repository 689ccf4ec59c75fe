using FactCheck.Temporal;

namespace FactCheck.Checks.Rules;

/// <summary>weekday-date (high): a stated weekday that the stated day, month and year contradict, with ranked one-field corrections.</summary>
/// <remarks>Message: "{date} was a {actual}, not a {stated} ({word}); {best} was a {stated} and fits the article ({reasons})".
/// A sequence opener whose date goes back in time, and a date after publication, are folded in here as further reasons.</remarks>
public sealed class WeekdayDateRule : ArticleRule
{
    public const string RuleId = "weekday-date";
    public override string Id => RuleId;
    public override Severity Severity => Severity.High;
    public override double Prior => 0.9;

    public override IEnumerable<Finding> CheckArticle(AnalyzedArticle a, CheckContext context)
    {
        foreach (var m in a.Temporal)
            if (MentionFacts.WeekdayMismatch(m))
                yield return Build(a, m, context.Options);
    }

    private Finding Build(AnalyzedArticle a, TemporalMention m, CheckOptions options)
    {
        var pack = MentionFacts.Pack(a);
        var stated = m.Date!.Value;
        int wd = m.StatedWeekday!.Value;
        var written = DateText.Written(m, pack.Lexicon, pack.Temporal.DateOrder, stated);
        var ctx = MentionFacts.ContextOf(a, m);
        var candidates = DateCandidates.Generate(stated.Day, stated.Month, stated.Year, wd, written, pack.Lexicon,
            options.YearWindow, ctx.Published?.Year);
        var ranked = DateCandidates.Rank(candidates, ctx).Take(options.MaxSuggestions).ToList();

        var word = DateText.StatedWeekdayWord(m, pack.Lexicon);
        var pub = ctx.Published;
        string Was(DateOnly d) => pub is { } p && d > p ? "is" : "was";
        var msg = $"{DateText.Short(stated)} {Was(stated)} a {DateText.WeekdayName(DateText.IsoWeekday(stated))}, not a {DateText.WeekdayName(wd)} ({word})";
        if (ranked.Count > 0)
        {
            var best = ranked[0];
            msg += $"; {DateText.Short(best.Date)} {Was(best.Date)} a {DateText.WeekdayName(wd)}";
            if (best.Support.Count > 0) msg += $" and fits the article ({string.Join("; ", best.Support)})";
        }
        var folded = new List<string>();
        bool outOfOrder = ctx.SequenceMarker is not null && ctx.LastPrevious is { } prev && stated < prev;
        if (outOfOrder)
            folded.Add($"the sentence opens with \"{ctx.SequenceMarker}\" yet {DateText.Short(stated)} is before the previous event ({DateText.Short(ctx.LastPrevious!.Value)})");
        int? daysAfter = pub is { } pd ? stated.DayNumber - pd.DayNumber : null;
        bool afterPub = daysAfter >= options.AfterPublicationDays && !ctx.FutureMarker;
        if (afterPub) folded.Add($"{DateText.Short(stated)} is {daysAfter} days after publication ({DateText.Short(pub!.Value)})");
        if (folded.Count > 0) msg += "; also, " + string.Join(", and ", folded);

        var suggestions = ranked.Select(r => new Suggestion(DateText.Iso(r.Date),
            written?.Rewrite(r.Date.Day, r.Date.Month, r.Date.Year, pack.Lexicon) ?? DateText.Iso(r.Date),
            DateCandidates.Reason(r), Math.Round(r.Score, 4))).ToList();

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
        f["sequence_marker"] = ctx.SequenceMarker is null ? 0 : 1;
        f["out_of_order"] = outOfOrder ? 1 : 0;
        f["after_publication"] = afterPub ? 1 : 0;
        f["weekday_offset"] = ((wd - DateText.IsoWeekday(stated)) % 7 + 7) % 7;

        return new Finding
        {
            Id = MentionFacts.IdOf(Id, a, m), Rule = Id, Severity = Severity, Score = Prior, Message = msg,
            Evidence = evidence, Suggestions = suggestions, Features = f,
        };
    }
}
