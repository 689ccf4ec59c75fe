namespace FactCheck.Triage;

/// <summary>One training example: a finding's features and whether it was a real discrepancy.</summary>
public sealed record LabeledExample(IReadOnlyDictionary<string, double> Features, bool Label, string? Id = null);

/// <summary>A trained model that turns features into the probability of the positive class (ML.NET's ITransformer, in small).</summary>
public interface ITransformer
{
    /// <summary>Probability that the example with these features is positive (a real discrepancy).</summary>
    double Predict(IReadOnlyDictionary<string, double> features);
}

/// <summary>A learning algorithm with its settings (ML.NET's IEstimator, in small): fits a model to labeled examples.</summary>
public interface IEstimator<out TModel> where TModel : ITransformer
{
    /// <summary>Trains on the examples; <paramref name="progress"/> gets the fraction done, 0 to 1.</summary>
    TModel Fit(IReadOnlyList<LabeledExample> examples, IProgress<double>? progress = null);
}
