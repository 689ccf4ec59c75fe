using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace FactCheck.Triage;

/// <summary>The fixed, ordered feature names a model was trained on; a finding's feature dictionary becomes a dense vector over them
/// (names the model never saw are ignored, non-finite values count as 0).</summary>
public sealed class FeatureSpace
{
    public IReadOnlyList<string> Names { get; }
    private readonly Dictionary<string, int> index;

    public FeatureSpace(IEnumerable<string> names)
    {
        Names = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        index = Names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
    }

    public static FeatureSpace Of(IEnumerable<LabeledExample> examples) => new(examples.SelectMany(e => e.Features.Keys));

    public float[] Vector(IReadOnlyDictionary<string, double> features)
    {
        var v = new float[Math.Max(1, Names.Count)];
        foreach (var (k, x) in features)
            if (index.TryGetValue(k, out var i) && double.IsFinite(x)) v[i] = (float)x;
        return v;
    }
}

/// <summary>Fits and loads triage models with ML.NET: min-max normalized features, then one of three calibrated binary trainers,
/// then feature contribution calculation so every score comes with the features that moved it.</summary>
public static class MlTriage
{
    public const string Lbfgs = "lbfgs-logistic-regression";
    public const string FastTree = "fast-tree";
    public const string LightGbm = "light-gbm";
    /// <summary>The trainers cross-validation chooses from, simplest first (ties go to the simpler one).</summary>
    public static readonly IReadOnlyList<string> Trainers = [Lbfgs, FastTree, LightGbm];

    internal sealed class Row
    {
        public bool Label { get; set; }
        public float Weight { get; set; }
        public float[] Features { get; set; } = [];
    }

    internal sealed class Prediction
    {
        public float Probability { get; set; }
        public float Score { get; set; }
        public float[] FeatureContributions { get; set; } = [];
    }

    internal static SchemaDefinition Schema(int size)
    {
        var def = SchemaDefinition.Create(typeof(Row));
        def[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Math.Max(1, size));
        return def;
    }

    private static IDataView Load(MLContext ml, IEnumerable<LabeledExample> examples, FeatureSpace space) =>
        ml.Data.LoadFromEnumerable(examples.Select(e => new Row { Label = e.Label, Weight = (float)e.Weight, Features = space.Vector(e.Features) }).ToList(),
            Schema(space.Names.Count));

    /// <summary>Fits the named trainer on the examples (deterministic: fixed seed, one thread).</summary>
    public static MlTriageModel Fit(IReadOnlyList<LabeledExample> examples, string trainer, int seed = 1) => Fit(examples, trainer, seed, explain: true);

    private static MlTriageModel Fit(IReadOnlyList<LabeledExample> examples, string trainer, int seed, bool explain, FeatureSpace? fixedSpace = null)
    {
        var ml = new MLContext(seed: seed);
        var space = fixedSpace ?? FeatureSpace.Of(examples);
        var data = Load(ml, examples, space);
        var normalizer = ml.Transforms.NormalizeMinMax(nameof(Row.Features)).Fit(data);
        var normalized = normalizer.Transform(data);
        ITransformer scorer;
        ITransformer? contributions;
        int minLeaf = Math.Max(2, Math.Min(10, examples.Count / 20));
        switch (trainer)
        {
            case Lbfgs:
            {
                var t = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = nameof(Row.Label), FeatureColumnName = nameof(Row.Features), ExampleWeightColumnName = nameof(Row.Weight),
                    L2Regularization = 0.1f, L1Regularization = 0, NumberOfThreads = 1,
                }).Fit(normalized);
                scorer = t;
                contributions = explain ? ml.Transforms.CalculateFeatureContribution(t, 10, 10, normalize: false).Fit(t.Transform(normalized)) : null;
                break;
            }
            case FastTree:
            {
                var t = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                {
                    LabelColumnName = nameof(Row.Label), FeatureColumnName = nameof(Row.Features), ExampleWeightColumnName = nameof(Row.Weight),
                    NumberOfTrees = 40, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = minLeaf, LearningRate = 0.15, NumberOfThreads = 1, Seed = seed,
                }).Fit(normalized);
                scorer = t;
                contributions = explain ? ml.Transforms.CalculateFeatureContribution(t, 10, 10, normalize: false).Fit(t.Transform(normalized)) : null;
                break;
            }
            case LightGbm:
            {
                var t = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
                {
                    LabelColumnName = nameof(Row.Label), FeatureColumnName = nameof(Row.Features), ExampleWeightColumnName = nameof(Row.Weight),
                    NumberOfIterations = 40, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = minLeaf, LearningRate = 0.15, NumberOfThreads = 1, Seed = seed,
                    Silent = true, Deterministic = true,
                }).Fit(normalized);
                scorer = t;
                contributions = explain ? ml.Transforms.CalculateFeatureContribution(t, 10, 10, normalize: false).Fit(t.Transform(normalized)) : null;
                break;
            }
            default: throw new ArgumentException($"unknown trainer \"{trainer}\"; one of {string.Join(", ", Trainers)}");
        }
        var chain = contributions is null ? new TransformerChain<ITransformer>(normalizer, scorer) : new TransformerChain<ITransformer>(normalizer, scorer, contributions);
        return new MlTriageModel(ml, chain, space, trainer, explain);
    }

    /// <summary>Out-of-fold probabilities of the named trainer on the given folds (fold[i] in 0..k-1).</summary>
    public static double[] OutOfFold(IReadOnlyList<LabeledExample> examples, IReadOnlyList<int> fold, int k, string trainer, int seed = 1)
    {
        var p = new double[examples.Count];
        var space = FeatureSpace.Of(examples);
        for (int f = 0; f < k; f++)
        {
            var train = examples.Where((_, i) => fold[i] != f).ToList();
            var model = Fit(train, trainer, seed, explain: false, space);
            var held = Enumerable.Range(0, examples.Count).Where(i => fold[i] == f).ToList();
            var scored = model.Batch(held.Select(i => examples[i]).ToList());
            for (int j = 0; j < held.Count; j++) p[held[j]] = scored[j];
        }
        return p;
    }

    /// <summary>Stratified folds: each class shuffled with the seed and dealt round-robin, so every fold holds both classes when each
    /// class has at least k examples. (ML.NET's CrossValidate splits by a hash of a key column, which on small, unbalanced review
    /// sets leaves folds without a dismissed finding, where AUC is undefined.)</summary>
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

    /// <summary>Loads a model saved by <see cref="MlTriageModel.Save"/>.</summary>
    public static MlTriageModel Load(Stream zip, IReadOnlyList<string> featureNames, string trainer)
    {
        var ml = new MLContext(seed: 1);
        var model = ml.Model.Load(zip, out _);
        return new MlTriageModel(ml, model, new FeatureSpace(featureNames), trainer, explains: true);
    }

    internal static IDataView View(MLContext ml, IEnumerable<LabeledExample> examples, FeatureSpace space) => Load(ml, examples, space);
}

/// <summary>A trained ML.NET triage model behind the <see cref="ITriageModel"/> seam.</summary>
public sealed class MlTriageModel : ITriageModel
{
    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly Lazy<PredictionEngine<MlTriage.Row, MlTriage.Prediction>> engine;

    private readonly bool explains;

    internal MlTriageModel(MLContext ml, ITransformer model, FeatureSpace space, string trainer, bool explains)
    {
        this.explains = explains;
        this.ml = ml;
        this.model = model;
        Space = space;
        Trainer = trainer;
        engine = new(() => ml.Model.CreatePredictionEngine<MlTriage.Row, MlTriage.Prediction>(model, inputSchemaDefinition: MlTriage.Schema(space.Names.Count)));
    }

    public FeatureSpace Space { get; }
    public string Trainer { get; }

    /// <summary>Probabilities of many examples in one pass (ML.NET Transform), for cross-validation.</summary>
    internal double[] Batch(IReadOnlyList<LabeledExample> examples)
    {
        var scored = model.Transform(MlTriage.View(ml, examples, Space));
        return scored.GetColumn<float>("Probability").Select(p => double.IsFinite(p) ? (double)p : 0.5).ToArray();
    }

    public TriageScore Score(IReadOnlyDictionary<string, double> features, int reasons = 3)
    {
        if (!explains) return new TriageScore(Batch([new LabeledExample(features, false)])[0], []);
        var p = engine.Value.Predict(new MlTriage.Row { Features = Space.Vector(features), Weight = 1 });
        double prob = double.IsFinite(p.Probability) ? p.Probability : 0.5;
        if (reasons <= 0 || Space.Names.Count == 0) return new TriageScore(prob, []);
        var top = p.FeatureContributions.Select((c, i) => (c, i)).Where(t => t.c != 0 && t.i < Space.Names.Count)
            .OrderByDescending(t => Math.Abs(t.c)).ThenBy(t => t.i).Take(reasons)
            .Select(t => new ScoreReason(Space.Names[t.i], features.TryGetValue(Space.Names[t.i], out var v) ? v : 0, Math.Round(t.c, 4)))
            .ToList();
        return new TriageScore(prob, top);
    }

    /// <summary>Writes the ML.NET model (transforms, trainer, calibrator, contributions) with mlContext.Model.Save.</summary>
    public void Save(Stream zip)
    {
        var schema = SchemaDefinitionView();
        ml.Model.Save(model, schema, zip);
    }

    private DataViewSchema SchemaDefinitionView() =>
        ml.Data.LoadFromEnumerable(new List<MlTriage.Row>(), MlTriage.Schema(Space.Names.Count)).Schema;
}
