using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FactCheck.Checks;
using FactCheck.Review;

namespace FactCheck.Triage;

/// <summary>Turns review decisions into training examples: confirmed = 1, dismissed = 0, unsure skipped.</summary>
public static class TrainingData
{
    /// <summary>How much a bootstrap label (an injected discrepancy or a weak negative) counts beside a reviewer's decision (1).</summary>
    public const double BootstrapWeight = 0.25;

    /// <summary>Examples from the latest decision of each finding, in id order; the rule is added as the feature "rule=RULE".</summary>
    public static IReadOnlyList<LabeledExample> FromDecisions(IReadOnlyDictionary<string, Decision> latest, double weight = 1) =>
        latest.Values
            .Where(d => d.Verdict != Verdict.Unsure)
            .OrderBy(d => d.FindingId, StringComparer.Ordinal)
            .Select(d => new LabeledExample(TriageFeatures.WithRule(d.Features, d.Rule), d.Verdict == Verdict.Confirmed, d.FindingId) { Weight = weight })
            .ToList();

    /// <summary>Reviewers' decisions merged with bootstrap labels: a finding a reviewer decided takes the reviewer's verdict
    /// (weight 1); the other bootstrap labels stay, at <see cref="BootstrapWeight"/>. Decisions by the reviewer "bootstrap" count as bootstrap.</summary>
    public static IReadOnlyList<LabeledExample> Merge(IReadOnlyDictionary<string, Decision> reviewed, IReadOnlyDictionary<string, Decision>? bootstrap)
    {
        var all = new Dictionary<string, (Decision D, double W)>(StringComparer.Ordinal);
        foreach (var (id, d) in bootstrap ?? new Dictionary<string, Decision>()) all[id] = (d, BootstrapWeight);
        foreach (var (id, d) in reviewed) all[id] = (d, d.Reviewer == "bootstrap" ? BootstrapWeight : 1);
        return all.Values
            .Where(x => x.D.Verdict != Verdict.Unsure)
            .OrderBy(x => x.D.FindingId, StringComparer.Ordinal)
            .Select(x => new LabeledExample(TriageFeatures.WithRule(x.D.Features, x.D.Rule), x.D.Verdict == Verdict.Confirmed, x.D.FindingId) { Weight = x.W })
            .ToList();
    }

    /// <summary>
    /// SHA-256 (lowercase hex) of the examples in a canonical form: one line per example in the given order,
    /// "id TAB label TAB weight TAB name=value,name=value..." with names sorted and values in round-trip format.
    /// Reviewer, note and time are left out, so the same labels always hash the same.
    /// </summary>
    public static string Hash(IReadOnlyList<LabeledExample> examples)
    {
        var sb = new StringBuilder();
        foreach (var e in examples)
        {
            sb.Append(e.Id).Append('\t').Append(e.Label ? '1' : '0').Append('\t').Append(e.Weight.ToString("R", CultureInfo.InvariantCulture)).Append('\t');
            sb.AppendJoin(',', e.Features.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => kv.Key + "=" + kv.Value.ToString("R", CultureInfo.InvariantCulture)));
            sb.Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()))).ToLowerInvariant();
    }
}

/// <summary>Feature conventions shared by the checks (which emit features), training and scoring.</summary>
public static class TriageFeatures
{
    /// <summary>The features plus "rule=RULE" -> 1, when not already there.</summary>
    public static IReadOnlyDictionary<string, double> WithRule(IReadOnlyDictionary<string, double> features, string rule)
    {
        var key = "rule=" + rule;
        if (string.IsNullOrEmpty(rule) || features.ContainsKey(key)) return features;
        var copy = new Dictionary<string, double>(features, StringComparer.Ordinal) { [key] = 1 };
        return copy;
    }
}
