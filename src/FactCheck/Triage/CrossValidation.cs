namespace FactCheck.Triage;

/// <summary>Out-of-fold predictions of a k-fold cross-validation and their metrics.</summary>
public sealed record CrossValidationResult(int Folds, IReadOnlyList<int> FoldOf, IReadOnlyList<double> Scores, BinaryMetrics Metrics);

/// <summary>Stratified, seeded k-fold cross-validation.</summary>
public static class CrossValidation
{
    /// <summary>
    /// The fold (0..k-1) of each example: each class is shuffled with the seed and dealt round-robin, so every fold
    /// gets its share of each class (sizes differ by at most one per class).
    /// </summary>
    public static int[] StratifiedFolds(IReadOnlyList<bool> labels, int k, ulong seed)
    {
        if (k < 2) throw new ArgumentOutOfRangeException(nameof(k), "at least 2 folds");
        var fold = new int[labels.Count];
        var rng = new SplitMix64(seed);
        int next = 0;
        foreach (var cls in new[] { true, false })
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == cls).ToList();
            rng.Shuffle(members);
            foreach (var i in members) fold[i] = next++ % k;
        }
        return fold;
    }

    /// <summary>Fits on k-1 folds and predicts the held-out one, k times; metrics are computed on all out-of-fold predictions pooled.</summary>
    public static CrossValidationResult Run<TModel>(IEstimator<TModel> estimator, IReadOnlyList<LabeledExample> examples, int k, ulong seed,
        IProgress<double>? progress = null) where TModel : ITransformer
    {
        var labels = examples.Select(e => e.Label).ToArray();
        var foldOf = StratifiedFolds(labels, k, seed);
        var scores = new double[examples.Count];
        for (int f = 0; f < k; f++)
        {
            var train = examples.Where((_, i) => foldOf[i] != f).ToList();
            int done = f;
            var model = estimator.Fit(train, progress is null ? null : new Progress(p => progress.Report((done + p) / k)));
            for (int i = 0; i < examples.Count; i++)
                if (foldOf[i] == f) scores[i] = model.Predict(examples[i].Features);
        }
        progress?.Report(1.0);
        return new CrossValidationResult(k, foldOf, scores, Metrics.Evaluate(labels, scores));
    }

    /// <summary>Synchronous IProgress (System.Progress posts to a context, which would reorder reports).</summary>
    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
