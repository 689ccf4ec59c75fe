namespace FactCheck.Triage;

/// <summary>One training example: a finding's features, whether it was a real discrepancy, and how much it counts
/// (a reviewer's decision weighs more than a bootstrap label).</summary>
public sealed record LabeledExample(IReadOnlyDictionary<string, double> Features, bool Label, string? Id = null)
{
    public double Weight { get; init; } = 1;
}

/// <summary>One feature's share in a score: its value and how far it moved the model's raw score (log-odds for the linear model).</summary>
public sealed record ScoreReason(string Feature, double Value, double Contribution);

/// <summary>A probability with the features that moved it most, largest effect first.</summary>
public sealed record TriageScore(double Probability, IReadOnlyList<ScoreReason> Reasons);

/// <summary>The seam between the checker and the learner: `check`, `review` and `train` see only this, never ML.NET types.</summary>
public interface ITriageModel
{
    /// <summary>Which trainer made the model (lbfgs-logistic-regression, fast-tree, light-gbm).</summary>
    string Trainer { get; }

    /// <summary>Probability that a finding with these features is a real discrepancy, and the features that moved it most.</summary>
    TriageScore Score(IReadOnlyDictionary<string, double> features, int reasons = 3);
}

public static class TriageModelExtensions
{
    public static double Predict(this ITriageModel model, IReadOnlyDictionary<string, double> features) => model.Score(features, 0).Probability;
}
