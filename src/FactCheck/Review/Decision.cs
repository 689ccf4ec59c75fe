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
    /// <summary>What the reviewer was shown when deciding (article, span, value, the first suggested fix); null on decisions
    /// written before it was recorded, and on bootstrap labels.</summary>
    public DecisionContext? Shown { get; init; }

    /// <summary>A decision on <paramref name="finding"/>, carrying its id, rule, features and what was shown. Bootstrap labels
    /// (reviewer "bootstrap") keep features only, never article text (they ship in the repository; see models/triage/README.md).</summary>
    public static Decision For(Finding finding, Verdict verdict, string? note, string reviewer, DateTimeOffset time) =>
        new(finding.Id, finding.Rule, verdict, finding.Features, note, reviewer, time) { Shown = reviewer == "bootstrap" ? null : DecisionContext.Of(finding) };
}

/// <summary>What a finding showed the reviewer: the first evidence's article, span and value, the message, the score and the fix on top.</summary>
public sealed record DecisionContext(string Doc, int Start, int End, string Text)
{
    public string? Value { get; init; }
    public string? Message { get; init; }
    public double? Score { get; init; }
    /// <summary>The first suggestion (value and text), when there was one.</summary>
    public string? Fix { get; init; }
    public string? FixText { get; init; }

    public static DecisionContext? Of(Finding f) => f.Evidence.Count == 0 ? null
        : new DecisionContext(f.Evidence[0].Doc, f.Evidence[0].Start, f.Evidence[0].End, f.Evidence[0].Text)
        {
            Value = f.Evidence[0].Value, Message = f.Message, Score = f.Score,
            Fix = f.Suggestions.Count > 0 ? f.Suggestions[0].Value : null, FixText = f.Suggestions.Count > 0 ? f.Suggestions[0].Text : null,
        };
}
