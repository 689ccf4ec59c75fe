namespace FactCheck.Checks.Rules;

/// <summary>narrative-order (medium): a sentence opening with a sequence marker (Berlanjut, Kemudian, Then, After that) whose
/// stated date is before the previous stated event date. Folded into weekday-date when that rule already flags the date.</summary>
/// <remarks>Message: "the sentence opens with \"{marker}\" but its date {date} is before the previous event ({previous})".</remarks>
public sealed class NarrativeOrderRule : ArticleRule
{
    public const string RuleId = "narrative-order";
    public override string Id => RuleId;
    public override Severity Severity => Severity.Medium;
    public override double Prior => 0.6;

    public override IEnumerable<Finding> CheckArticle(AnalyzedArticle a, CheckContext context)
    {
        var words = CheckWords.Get(a.Lang);
        var events = MentionFacts.Events(a);
        foreach (var s in a.Sentences)
        {
            var marker = words.Sequence.Opening(a.Article.Text, s.Start, s.End);
            if (marker is null) continue;
            var m = a.Temporal.FirstOrDefault(x => x.Start >= s.Start && x.Start < s.End && MentionFacts.FullyStated(x));
            if (m is null || MentionFacts.WeekdayMismatch(m)) continue; // weekday-date reports it, with this as a reason
            var prev = events.LastOrDefault(e => e.End <= s.Start);
            if (prev is null || m.Date >= prev.Date) continue;
            var d = m.Date!.Value; var p = prev.Date!.Value;
            var f = MentionFacts.Features(Id, Severity, a, m);
            f["days_before_previous"] = p.DayNumber - d.DayNumber;
            f["suggestion_count"] = 0;
            yield return new Finding
            {
                Id = MentionFacts.IdOf(Id, a, m), Rule = Id, Severity = Severity, Score = Prior,
                Message = $"the sentence opens with \"{marker}\" but its date {DateText.Short(d)} is before the previous event ({DateText.Short(p)})",
                Evidence = [MentionFacts.EvidenceOf(a, m), MentionFacts.EvidenceOf(a, prev)], Features = f,
            };
        }
    }
}
