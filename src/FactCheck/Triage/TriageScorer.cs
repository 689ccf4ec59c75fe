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

    /// <summary>The display threshold: the model's calibrated one when the model scores some rule's findings, else 0.5 (the
    /// rules' own estimates are shown when more likely real than not).</summary>
    public double Threshold => Metadata is { KnowsAnyRule: true } m ? m.Threshold : 0.5;

    /// <summary>As <see cref="Load(string, IReadOnlyDictionary{string, double}, double)"/> with the checker's rules' priors.</summary>
    public static TriageScorer Load(string modelDir, Checker checker) => Load(modelDir, checker.Rules.ToDictionary(r => r.Id, r => r.Prior));

    /// <summary>Loads dir/model.zip when present; a missing or broken model means the rule priors are used (see <see cref="ModelProblem"/>).</summary>
    public static TriageScorer Load(string modelDir, IReadOnlyDictionary<string, double> rulePriors, double defaultPrior = 0.5)
    {
        var (stored, error) = ModelStore.Load(modelDir);
        return new TriageScorer(stored?.Model, rulePriors, defaultPrior) { ModelProblem = error, Metadata = stored?.Metadata };
    }

    /// <summary>The finding with its score from <see cref="Explain"/> (rounded to 4 places) and the reasons: how `check` and
    /// the cluster score every finding.</summary>
    public Finding Rescore(Finding f)
    {
        var s = Explain(f);
        return f with { Score = Math.Round(s.Probability, 4), Explanation = s.Reasons };
    }

    /// <summary>Probability that the finding is a real discrepancy.</summary>
    public double Score(Finding f) => Explain(f).Probability;

    /// <summary>The probability with the features that moved it most (none when scored by the rule's prior). A rule the model
    /// was trained on too few findings of (see <see cref="ModelMetadata.Knows"/>) keeps the score its rule gave the finding
    /// from its own evidence.</summary>
    public TriageScore Explain(Finding f, int reasons = 3) => Model is { } m && (Metadata?.Knows(f.Rule) ?? true)
        ? m.Score(TriageFeatures.WithRule(f.Features, f.Rule), reasons)
        : Model is not null ? new TriageScore(f.Score, [])
        : new TriageScore(rulePriors.TryGetValue(f.Rule, out var p) ? p : defaultPrior, []);
}
