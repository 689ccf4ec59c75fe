namespace FactCheck.Triage;

/// <summary>Settings of the triage logistic regression.</summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>L2 penalty λ on the weights (not the bias); the loss is mean log-loss + λ/2·|w|².</summary>
    public double L2 { get; init; } = 1e-3;
    /// <summary>Hash buckets are 2^HashBits.</summary>
    public int HashBits { get; init; } = 16;
    public uint HashSeed { get; init; } = 0x5EED_F00Du;
    public int MaxIterations { get; init; } = 200;
    /// <summary>Stop when the largest gradient component is below this.</summary>
    public double Tolerance { get; init; } = 1e-6;
}

/// <summary>L2-regularized logistic regression on hashed features, trained by full-batch L-BFGS (deterministic).</summary>
public sealed class LogisticRegression(LogisticRegressionOptions? options = null) : IEstimator<LogisticModel>
{
    public LogisticRegressionOptions Options { get; } = options ?? new();

    public LogisticModel Fit(IReadOnlyList<LabeledExample> examples, IProgress<double>? progress = null)
    {
        var o = Options;
        var hasher = new FeatureHasher(o.HashBits, o.HashSeed);
        var scales = FeatureVectorizer.FitScales(examples.Select(e => e.Features));
        var vectorizer = new FeatureVectorizer(hasher, scales);

        // Only buckets that occur in training can get a non-zero weight (elsewhere the gradient is the
        // penalty alone), so optimize over the occurring buckets, compacted to 0..m-1; index m is the bias.
        var vectors = examples.Select(e => vectorizer.Vectorize(e.Features)).ToArray();
        var compact = new Dictionary<int, int>();
        foreach (var (idx, _) in vectors)
            foreach (var i in idx)
                compact.TryAdd(i, compact.Count);
        var bucketOf = new int[compact.Count];
        foreach (var (bucket, c) in compact) bucketOf[c] = bucket;
        var rows = vectors.Select(v => (Index: v.Index.Select(i => compact[i]).ToArray(), v.Value)).ToArray();
        var labels = examples.Select(e => e.Label ? 1.0 : 0.0).ToArray();
        int m = compact.Count, n = rows.Length;
        double lambda = o.L2;

        double Objective(double[] w, double[] grad)
        {
            Array.Clear(grad);
            double loss = 0, bias = w[m];
            for (int r = 0; r < n; r++)
            {
                var (idx, val) = rows[r];
                double z = bias;
                for (int k = 0; k < idx.Length; k++) z += w[idx[k]] * val[k];
                // log(1 + e^z) - y·z, computed without overflow.
                loss += (z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z))) - labels[r] * z;
                double err = Sigmoid(z) - labels[r];
                for (int k = 0; k < idx.Length; k++) grad[idx[k]] += err * val[k];
                grad[m] += err;
            }
            double inv = n > 0 ? 1.0 / n : 0;
            double penalty = 0;
            for (int j = 0; j < m; j++)
            {
                grad[j] = grad[j] * inv + lambda * w[j];
                penalty += w[j] * w[j];
            }
            grad[m] *= inv;
            return loss * inv + 0.5 * lambda * penalty;
        }

        var result = Lbfgs.Minimize(Objective, new double[m + 1], o.MaxIterations, o.Tolerance, progress: progress);
        var weights = new SortedDictionary<int, double>();
        for (int j = 0; j < m; j++)
            if (result.X[j] != 0) weights[bucketOf[j]] = result.X[j];
        progress?.Report(1.0);
        return new LogisticModel(o.HashBits, o.HashSeed, result.X[m], weights, scales)
        {
            Iterations = result.Iterations, Converged = result.Converged, TrainingLoss = result.Value,
        };
    }

    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}

/// <summary>A trained triage model: bias, weights by hash bucket, and the per-feature scales learned in training.</summary>
public sealed record LogisticModel(
    int HashBits,
    uint HashSeed,
    double Bias,
    IReadOnlyDictionary<int, double> Weights,
    IReadOnlyDictionary<string, double> Scales) : ITransformer
{
    public int Iterations { get; init; }
    public bool Converged { get; init; }
    public double TrainingLoss { get; init; }

    private FeatureVectorizer? vectorizer;
    private FeatureVectorizer Vectorizer => vectorizer ??= new FeatureVectorizer(new FeatureHasher(HashBits, HashSeed), Scales);

    public double Predict(IReadOnlyDictionary<string, double> features)
    {
        var (idx, val) = Vectorizer.Vectorize(features);
        double z = Bias;
        for (int k = 0; k < idx.Length; k++)
            if (Weights.TryGetValue(idx[k], out var w)) z += w * val[k];
        return LogisticRegression.Sigmoid(z);
    }
}
