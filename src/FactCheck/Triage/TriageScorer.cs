using FactCheck.Checks;

namespace FactCheck.Triage;

/// <summary>Scores findings with the trained triage model, or with a per-rule prior when there is no model.</summary>
public sealed class TriageScorer(ITransformer? model, IReadOnlyDictionary<string, double> rulePriors, double defaultPrior = 0.5)
{
    public ITransformer? Model { get; } = model;
    /// <summary>Why no model is in use (missing or broken file), when there is none.</summary>
    public string? ModelProblem { get; init; }

    /// <summary>Loads dir/model.json when present; a missing or broken model means the rule priors are used (see <see cref="ModelProblem"/>).</summary>
    public static TriageScorer Load(string modelDir, IReadOnlyDictionary<string, double> rulePriors, double defaultPrior = 0.5)
    {
        var (model, error) = ModelStore.Load(modelDir);
        return new TriageScorer(model, rulePriors, defaultPrior) { ModelProblem = error };
    }

    /// <summary>Probability that the finding is a real discrepancy.</summary>
    public double Score(Finding f) => Model is { } m
        ? m.Predict(TriageFeatures.WithRule(f.Features, f.Rule))
        : rulePriors.TryGetValue(f.Rule, out var p) ? p : defaultPrior;
}
