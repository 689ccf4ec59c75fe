using System.Security.Cryptography;
using System.Text;

namespace FactCheck.Checks;

/// <summary>How much a finding matters to a fact-checker.</summary>
public enum Severity { Low, Medium, High }

/// <summary>A reviewer's verdict on a finding.</summary>
public enum Verdict { Confirmed, Dismissed, Unsure }

/// <summary>A span of one document that a finding rests on, with the sentence around it.</summary>
public sealed record Evidence(string Doc, int Start, int End, string Text)
{
    /// <summary>The sentence containing the span, for showing evidence side by side.</summary>
    public string? Sentence { get; init; }
    /// <summary>Offset of <see cref="Sentence"/> in the document text.</summary>
    public int SentenceStart { get; init; }
    /// <summary>The normalized value the span stands for (2020-01-10, 12000000, ddos-guard).</summary>
    public string? Value { get; init; }
    /// <summary>The source (outlet) of the document, when known.</summary>
    public string? Source { get; init; }
    /// <summary>What this span is to the finding: "flagged" (the disputed value), "reference" (what the finding compares it
    /// with), "same reading" (another source agreeing with the flagged value); null for in-article context.</summary>
    public string? Role { get; init; }
}

/// <summary>A proposed correction, best first, with why it was ranked there.</summary>
public sealed record Suggestion(string Value, string Text, string Reason, double Score);

/// <summary>A disagreement found inside one article or between sources.</summary>
public sealed record Finding
{
    /// <summary>Stable id derived from the rule and the evidence content, so a decision made on one run applies to the next.</summary>
    public required string Id { get; init; }
    /// <summary>Stable rule id, kebab-case (weekday-date, cross-source-date, name-variant...).</summary>
    public required string Rule { get; init; }
    public required Severity Severity { get; init; }
    /// <summary>Probability that this is a real discrepancy (triage classifier, or the rule's prior).</summary>
    public double Score { get; init; }
    public required string Message { get; init; }
    public required IReadOnlyList<Evidence> Evidence { get; init; }
    public IReadOnlyList<Suggestion> Suggestions { get; init; } = [];
    /// <summary>Features for the triage classifier: "name" -> value (categorical features as "name=value" -> 1).</summary>
    public IReadOnlyDictionary<string, double> Features { get; init; } = new Dictionary<string, double>();
    /// <summary>The reviewer's verdict from earlier decisions, when there is one.</summary>
    public Verdict? Verdict { get; init; }
    public string? ReviewNote { get; init; }
    /// <summary>The story (group of articles about one event) the finding was found in, when the run grouped stories.</summary>
    public string? Story { get; init; }
    /// <summary>Whether the report shows the finding above the fold: its score reached the display threshold, or a reviewer confirmed it.</summary>
    public bool Shown { get; init; } = true;
    /// <summary>The features that moved the triage score most (empty when the score is the rule's prior).</summary>
    public IReadOnlyList<FactCheck.Triage.ScoreReason> Explanation { get; init; } = [];

    /// <summary>A stable id: the rule plus a short hash of the given content parts (document ids, texts, values).</summary>
    public static string MakeId(string rule, params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(rule + "\u001f" + string.Join("\u001f", parts)));
        return rule + "-" + Convert.ToHexString(bytes, 0, 6).ToLowerInvariant();
    }
}
