using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Triage;

/// <summary>What a model was trained on and how well it did: written beside the model as metadata.json.</summary>
public sealed record ModelMetadata
{
    /// <summary>SHA-256 (hex) of the labeled decisions used, in canonical form (see <see cref="TrainingData.Hash"/>).</summary>
    public required string TrainingDataHash { get; init; }
    public required int Positives { get; init; }
    public required int Negatives { get; init; }
    public required DateTimeOffset TrainedAt { get; init; }
    public required LogisticRegressionOptions Hyperparameters { get; init; }
    public required int Folds { get; init; }
    public required ulong Seed { get; init; }
    /// <summary>Cross-validated metrics (pooled out-of-fold predictions, threshold 0.5).</summary>
    public required BinaryMetrics CrossValidated { get; init; }
    /// <summary>Where the labels came from (a decisions file, or "bootstrap: ...").</summary>
    public string? Source { get; init; }
}

/// <summary>Reads and writes a triage model folder: model.json (weights) and metadata.json.</summary>
public static class ModelStore
{
    public const string DefaultDir = "models/triage";
    public const string ModelFile = "model.json";
    public const string MetadataFile = "metadata.json";
    public const string Format = "factcheck-triage-logreg/1";

    public static string ModelPath(string dir) => Path.Combine(dir, ModelFile);

    /// <summary>Loads dir/model.json: the model, or null and an error when it is missing or broken.</summary>
    public static (LogisticModel? Model, string? Error) Load(string dir)
    {
        var path = ModelPath(dir);
        if (!File.Exists(path)) return (null, $"{path}: no model");
        try { return (FromJson(JObject.Parse(File.ReadAllText(path))), null); }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or ArgumentException or IOException or OverflowException)
        {
            return (null, $"{path}: not a triage model: {e.Message}");
        }
    }

    /// <summary>Writes model.json and metadata.json, each through a temporary file then a rename, so a crash leaves the old files.</summary>
    public static string? Save(string dir, LogisticModel model, ModelMetadata metadata)
    {
        try
        {
            Directory.CreateDirectory(dir);
            WriteAtomic(Path.Combine(dir, ModelFile), ToJson(model).ToString(Formatting.Indented) + "\n");
            WriteAtomic(Path.Combine(dir, MetadataFile), ToJson(metadata).ToString(Formatting.Indented) + "\n");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"{dir}: cannot write model: {e.Message}";
        }
    }

    public static JObject ToJson(LogisticModel m) => new()
    {
        ["format"] = Format,
        ["hashBits"] = m.HashBits,
        ["hashSeed"] = m.HashSeed,
        ["featureTransform"] = "sign(v)*ln(1+|v|) / scale[name], clipped to [-4,4]",
        ["bias"] = m.Bias,
        ["weights"] = new JObject(m.Weights.OrderBy(kv => kv.Key).Select(kv => new JProperty(kv.Key.ToString(CultureInfo.InvariantCulture), kv.Value))),
        ["scales"] = new JObject(m.Scales.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new JProperty(kv.Key, kv.Value))),
    };

    public static LogisticModel FromJson(JObject o)
    {
        if (o.Value<string>("format") != Format) throw new FormatException($"format is not \"{Format}\"");
        int bits = o.Value<int?>("hashBits") ?? throw new FormatException("no hashBits");
        if (bits is < 1 or > 30) throw new FormatException("hashBits out of range");
        var weights = new SortedDictionary<int, double>();
        foreach (var (k, v) in o["weights"] as JObject ?? throw new FormatException("no weights"))
        {
            int bucket = int.Parse(k, NumberStyles.None, CultureInfo.InvariantCulture);
            if (bucket >= 1 << bits) throw new FormatException($"weight bucket {bucket} out of range");
            weights[bucket] = v!.Value<double>();
        }
        var scales = new Dictionary<string, double>(StringComparer.Ordinal);
        if (o["scales"] is JObject so) foreach (var (k, v) in so) scales[k] = v!.Value<double>();
        return new LogisticModel(bits, o.Value<uint?>("hashSeed") ?? throw new FormatException("no hashSeed"),
            o.Value<double?>("bias") ?? throw new FormatException("no bias"), weights, scales);
    }

    public static JObject ToJson(ModelMetadata m) => new()
    {
        ["trainingDataHash"] = m.TrainingDataHash,
        ["source"] = m.Source,
        ["counts"] = new JObject { ["confirmed"] = m.Positives, ["dismissed"] = m.Negatives },
        ["trainedAt"] = m.TrainedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        ["hyperparameters"] = new JObject
        {
            ["algorithm"] = "L2-regularized logistic regression, full-batch L-BFGS",
            ["l2"] = m.Hyperparameters.L2, ["hashBits"] = m.Hyperparameters.HashBits, ["hashSeed"] = m.Hyperparameters.HashSeed,
            ["maxIterations"] = m.Hyperparameters.MaxIterations, ["tolerance"] = m.Hyperparameters.Tolerance,
        },
        ["crossValidation"] = new JObject
        {
            ["folds"] = m.Folds, ["seed"] = m.Seed, ["threshold"] = 0.5,
            ["precision"] = Math.Round(m.CrossValidated.Precision, 4), ["recall"] = Math.Round(m.CrossValidated.Recall, 4),
            ["f1"] = Math.Round(m.CrossValidated.F1, 4),
            ["auc"] = double.IsNaN(m.CrossValidated.Auc) ? null : Math.Round(m.CrossValidated.Auc, 4),
            ["accuracy"] = Math.Round(m.CrossValidated.Accuracy, 4),
            ["truePositives"] = m.CrossValidated.TruePositives, ["falsePositives"] = m.CrossValidated.FalsePositives,
            ["trueNegatives"] = m.CrossValidated.TrueNegatives, ["falseNegatives"] = m.CrossValidated.FalseNegatives,
        },
    };

    private static void WriteAtomic(string path, string text)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, text);
        File.Move(tmp, path, overwrite: true);
    }
}
