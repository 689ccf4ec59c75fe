namespace FactCheck.Triage;

/// <summary>How a training run ended.</summary>
public enum TrainStatus
{
    /// <summary>No confirmed or dismissed decisions: nothing trained.</summary>
    NoLabels,
    /// <summary>Decisions of one class only: nothing trained.</summary>
    OneClass,
    /// <summary>The new model is not worse than the current one (or there was none, or forced): it should replace it.</summary>
    Replace,
    /// <summary>The new model is worse than the current one: keep the current one.</summary>
    Keep,
}

/// <summary>The result of <see cref="TriageTrainer.Train"/>: what to do, why, and the metrics of both models on the same folds.</summary>
public sealed record TrainOutcome(
    TrainStatus Status,
    string Reason,
    int Positives,
    int Negatives,
    int Folds,
    BinaryMetrics? NewMetrics,
    BinaryMetrics? CurrentMetrics,
    LogisticModel? Model,
    ModelMetadata? Metadata);

/// <summary>Cross-validates a new triage model, compares it with the current one on the same folds, and fits it on all labels.</summary>
public static class TriageTrainer
{
    private const double Tie = 1e-9;

    /// <param name="examples">Labeled examples (see <see cref="TrainingData.FromDecisions"/>).</param>
    /// <param name="current">The model in use now, if any; it is scored as it is on the held-out folds (not refitted).</param>
    /// <param name="folds">Number of stratified cross-validation folds.</param>
    /// <param name="seed">Seed of the folds (the fit itself is deterministic).</param>
    /// <param name="options">Regularization, hashing and solver settings.</param>
    /// <param name="trainedAt">The training date written into the metadata (the caller's clock).</param>
    /// <param name="force">Replace the current model even when the new one is worse.</param>
    /// <param name="source">Where the labels came from, for the metadata.</param>
    /// <param name="progress">Reports the fraction done while training.</param>
    public static TrainOutcome Train(IReadOnlyList<LabeledExample> examples, ITransformer? current, int folds, ulong seed,
        LogisticRegressionOptions options, DateTimeOffset trainedAt, bool force = false, string? source = null, IProgress<double>? progress = null)
    {
        int positives = examples.Count(e => e.Label), negatives = examples.Count - positives;
        if (examples.Count == 0)
            return new(TrainStatus.NoLabels, "no confirmed or dismissed decisions to train on", 0, 0, 0, null, null, null, null);
        if (positives == 0 || negatives == 0)
            return new(TrainStatus.OneClass,
                $"all {examples.Count} labeled decisions are {(positives == 0 ? "dismissed" : "confirmed")}; training needs both confirmed and dismissed findings",
                positives, negatives, 0, null, null, null, null);

        // Every fold needs at least one example of each class for the comparison to mean anything.
        int k = Math.Max(2, Math.Min(folds, Math.Min(positives, negatives)));
        var estimator = new LogisticRegression(options);
        IProgress<double>? cvProgress = progress is null ? null : new Relay(p => progress.Report(p * k / (k + 1)));
        var cv = CrossValidation.Run(estimator, examples, k, seed, cvProgress);

        BinaryMetrics? currentMetrics = null;
        if (current is not null)
        {
            var scores = examples.Select(e => current.Predict(e.Features)).ToArray();
            currentMetrics = Metrics.Evaluate(examples.Select(e => e.Label).ToArray(), scores);
        }

        var (status, reason) = Compare(cv.Metrics, currentMetrics, force);
        var model = estimator.Fit(examples, progress is null ? null : new Relay(p => progress.Report((k + p) / (k + 1))));
        var metadata = new ModelMetadata
        {
            TrainingDataHash = TrainingData.Hash(examples), Positives = positives, Negatives = negatives, TrainedAt = trainedAt,
            Hyperparameters = options, Folds = k, Seed = seed, CrossValidated = cv.Metrics, Source = source,
        };
        return new(status, reason, positives, negatives, k, cv.Metrics, currentMetrics, model, metadata);
    }

    /// <summary>Replace when there is no current model, when forced, or when the new model is not worse: higher AUC, or equal AUC and F1 not lower.</summary>
    public static (TrainStatus Status, string Reason) Compare(BinaryMetrics candidate, BinaryMetrics? current, bool force)
    {
        if (current is null) return (TrainStatus.Replace, "there is no current model");
        string detail = $"AUC {candidate.Auc:0.000000} vs {current.Auc:0.000000}, F1 {candidate.F1:0.000000} vs {current.F1:0.000000}";
        bool better;
        if (double.IsNaN(current.Auc) || candidate.Auc > current.Auc + Tie) better = true;
        else if (candidate.Auc < current.Auc - Tie) better = false;
        else better = candidate.F1 >= current.F1 - Tie;
        if (better) return (TrainStatus.Replace, $"the new model is not worse ({detail})");
        if (force) return (TrainStatus.Replace, $"forced, although the new model is worse ({detail})");
        return (TrainStatus.Keep, $"the new model is worse ({detail})");
    }

    private sealed class Relay(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
