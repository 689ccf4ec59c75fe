using FactCheck.Checks;

namespace FactCheck.Review;

/// <summary>A reviewer's verdict on one finding, with the finding's rule and classifier features at the time of review.</summary>
public sealed record Decision(
    string FindingId,
    string Rule,
    Verdict Verdict,
    IReadOnlyDictionary<string, double> Features,
    string? Note,
    string Reviewer,
    DateTimeOffset Time)
{
    /// <summary>A decision on <paramref name="finding"/>, carrying its id, rule and features.</summary>
    public static Decision For(Finding finding, Verdict verdict, string? note, string reviewer, DateTimeOffset time) =>
        new(finding.Id, finding.Rule, verdict, finding.Features, note, reviewer, time);
}
