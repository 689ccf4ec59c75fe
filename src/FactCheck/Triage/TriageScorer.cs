using FactCheck.Checks;

namespace FactCheck.Triage;

/// <summary>Scores findings with the trained triage model, or with a per-rule prior when there is no model.</summary>
public sealed class TriageScorer(ITriageModel? model, IReadOnlyDictionary<string, double> rulePriors, double defaultPrior = 0.5)
{
    public ITriageModel? Model { get; } = model;
    /// <summary>The model's metadata (threshold, trainer), when loaded from a folder.</summary>
    public ModelMetadata? Metadata { get; init; }
    /// <summary>Why no model is in use (missing or broken file), when there is none.</summary>
    public string? ModelProblem { get; init; }

    /// <summary>The display threshold: the model's calibrated one, else 0.5.</summary>
    public double Threshold => Metadata?.Threshold ?? 0.5;

    /// <summary>Loads dir/model.zip when present; a missing or broken model means the rule priors are used (see <see cref="ModelProblem"/>).</summary>
    public static TriageScorer Load(string modelDir, IReadOnlyDictionary<string, double> rulePriors, double defaultPrior = 0.5)
    {
        var (stored, error) = ModelStore.Load(modelDir);
        return new TriageScorer(stored?.Model, rulePriors, defaultPrior) { ModelProblem = error, Metadata = stored?.Metadata };
    }

    /// <summary>Probability that the finding is a real discrepancy.</summary>
    public double Score(Finding f) => Explain(f).Probability;

    /// <summary>The probability with the features that moved it most (none when scored by the rule's prior).</summary>
    public TriageScore Explain(Finding f, int reasons = 3) => Model is { } m
        ? m.Score(TriageFeatures.WithRule(f.Features, f.Rule), reasons)
        : new TriageScore(rulePriors.TryGetValue(f.Rule, out var p) ? p : defaultPrior, []);
}
