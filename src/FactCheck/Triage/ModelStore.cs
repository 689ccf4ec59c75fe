using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Triage;

/// <summary>What a model was trained on and how well it did: written beside the model as metadata.json.</summary>
public sealed record ModelMetadata
{
    /// <summary>SHA-256 (hex) of the labeled examples used, in canonical form (see <see cref="TrainingData.Hash"/>).</summary>
    public required string TrainingDataHash { get; init; }
    public required int Positives { get; init; }
    public required int Negatives { get; init; }
    /// <summary>How many examples were reviewers' decisions (the rest are bootstrap labels).</summary>
    public int Reviewed { get; init; }
    public int Bootstrap { get; init; }
    public required DateTimeOffset TrainedAt { get; init; }
    /// <summary>The ML.NET trainer chosen by cross-validation.</summary>
    public required string Trainer { get; init; }
    /// <summary>Pooled out-of-fold ROC AUC of every trainer tried.</summary>
    public IReadOnlyDictionary<string, double> TrainerAuc { get; init; } = new Dictionary<string, double>();
    public required int Folds { get; init; }
    public required ulong Seed { get; init; }
    /// <summary>Cross-validated metrics of the chosen trainer (pooled out-of-fold predictions, threshold 0.5).</summary>
    public required BinaryMetrics CrossValidated { get; init; }
    /// <summary>The report's display threshold, calibrated on the out-of-fold probabilities.</summary>
    public required double Threshold { get; init; }
    /// <summary>What the model would do, in words (see <see cref="TriageEffect.Describe"/>).</summary>
    public string? Effect { get; init; }
    /// <summary>The ordered feature names of the model's input vector.</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }
    /// <summary>Where the labels came from.</summary>
    public string? Source { get; init; }
    /// <summary>Labels per rule (confirmed, dismissed), from the examples' "rule=" feature. Empty for models written before it
    /// was recorded: then every rule counts as known.</summary>
    public IReadOnlyDictionary<string, (int Confirmed, int Dismissed)> RuleLabels { get; init; } = new Dictionary<string, (int, int)>();

    /// <summary>Fewest labeled findings of a rule for the model to score that rule's findings; below it the rule's own
    /// estimate stands (a model that has seen no real cross-source finding has nothing to say about one).</summary>
    public const int MinLabelsPerRule = 10;

    /// <summary>True when the model scores some rule's findings (its threshold then is the report's).</summary>
    public bool KnowsAnyRule => RuleLabels.Count == 0 || RuleLabels.Keys.Any(Knows);

    /// <summary>True when the model was trained on enough findings of the rule.</summary>
    public bool Knows(string rule) => RuleLabels.Count == 0
        || RuleLabels.TryGetValue(rule, out var c) && c.Confirmed + c.Dismissed >= MinLabelsPerRule;
}

/// <summary>A loaded model with its metadata.</summary>
public sealed record StoredModel(ITriageModel Model, ModelMetadata Metadata);

/// <summary>Reads and writes a triage model folder: model.zip (ML.NET, mlContext.Model.Save) and metadata.json; earlier models are
/// kept under history/ (newest last) so `train --rollback` can restore them.</summary>
public static class ModelStore
{
    public const string DefaultDirName = "models/triage";
    public const string ModelFile = "model.zip";
    public const string MetadataFile = "metadata.json";
    public const string HistoryDir = "history";
    public const string Format = "factcheck-triage-mlnet/1";

    /// <summary>The default model folder: models/triage under the FactCheck home (see <see cref="Lang.DataPaths.Home"/>).</summary>
    public static string DefaultDir => Path.Combine(Lang.DataPaths.Home, "models", "triage");

    public static string ModelPath(string dir) => Path.Combine(dir, ModelFile);
    public static string MetadataPath(string dir) => Path.Combine(dir, MetadataFile);

    /// <summary>Loads dir/model.zip with its metadata: the model, or null and an error when it is missing or broken.</summary>
    public static (StoredModel? Model, string? Error) Load(string dir)
    {
        var path = ModelPath(dir);
        if (!File.Exists(path)) return (null, $"{path}: no model");
        try
        {
            var meta = MetadataFromJson(ParseJson(File.ReadAllText(MetadataPath(dir))));
            using var s = File.OpenRead(path);
            return (new StoredModel(MlTriage.Load(s, meta.FeatureNames, meta.Trainer), meta), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not StackOverflowException)
        {
            return (null, $"{path}: not a triage model: {e.Message}");
        }
    }

    /// <summary>Writes model.zip and metadata.json, each through a temporary file then a rename, after moving the current pair into
    /// history/NNNN/; returns an error message or null.</summary>
    public static string? Save(string dir, MlTriageModel model, ModelMetadata metadata)
    {
        try
        {
            Directory.CreateDirectory(dir);
            if (File.Exists(ModelPath(dir))) Archive(dir);
            var tmp = ModelPath(dir) + ".tmp";
            using (var s = File.Create(tmp)) model.Save(s);
            File.Move(tmp, ModelPath(dir), overwrite: true);
            WriteAtomic(MetadataPath(dir), ToJson(metadata).ToString(Formatting.Indented) + "\n");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"{dir}: cannot write model: {e.Message}";
        }
    }

    /// <summary>The folders of earlier models, oldest first.</summary>
    public static IReadOnlyList<string> History(string dir)
    {
        var h = Path.Combine(dir, HistoryDir);
        if (!Directory.Exists(h)) return [];
        return Directory.GetDirectories(h).Where(d => File.Exists(ModelPath(d))).Order(StringComparer.Ordinal).ToList();
    }

    private static void Archive(string dir)
    {
        var history = History(dir);
        int next = history.Count == 0 ? 1 : int.Parse(Path.GetFileName(history[^1])[..4], CultureInfo.InvariantCulture) + 1;
        var target = Path.Combine(dir, HistoryDir, next.ToString("0000", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(target);
        File.Copy(ModelPath(dir), ModelPath(target), overwrite: true);
        if (File.Exists(MetadataPath(dir))) File.Copy(MetadataPath(dir), MetadataPath(target), overwrite: true);
    }

    /// <summary>Restores the newest model in history/ (byte for byte) and removes it from the history; returns an error or null.</summary>
    public static string? Rollback(string dir, out string? restored)
    {
        restored = null;
        var history = History(dir);
        if (history.Count == 0) return $"{dir}: no earlier model in {Path.Combine(dir, HistoryDir)} to roll back to";
        var last = history[^1];
        try
        {
            File.Copy(ModelPath(last), ModelPath(dir) + ".tmp", overwrite: true);
            File.Move(ModelPath(dir) + ".tmp", ModelPath(dir), overwrite: true);
            if (File.Exists(MetadataPath(last))) File.Copy(MetadataPath(last), MetadataPath(dir), overwrite: true);
            Directory.Delete(last, recursive: true);
            restored = Path.GetFileName(last);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{dir}: cannot roll back: {e.Message}";
        }
    }

    public static JObject ToJson(ModelMetadata m) => new()
    {
        ["format"] = Format,
        ["trainer"] = m.Trainer,
        ["trainingDataHash"] = m.TrainingDataHash,
        ["source"] = m.Source,
        ["counts"] = new JObject { ["confirmed"] = m.Positives, ["dismissed"] = m.Negatives, ["reviewed"] = m.Reviewed, ["bootstrap"] = m.Bootstrap },
        ["trainedAt"] = m.TrainedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        ["threshold"] = Math.Round(m.Threshold, 4),
        ["effect"] = m.Effect,
        ["trainerAuc"] = new JObject(m.TrainerAuc.Select(kv => new JProperty(kv.Key, double.IsNaN(kv.Value) ? null : Math.Round(kv.Value, 4)))),
        ["crossValidation"] = new JObject
        {
            ["folds"] = m.Folds, ["seed"] = m.Seed, ["threshold"] = 0.5,
            ["precision"] = Math.Round(m.CrossValidated.Precision, 4), ["recall"] = Math.Round(m.CrossValidated.Recall, 4),
            ["f1"] = Math.Round(m.CrossValidated.F1, 4),
            ["auc"] = double.IsNaN(m.CrossValidated.Auc) ? null : Math.Round(m.CrossValidated.Auc, 4),
            ["logLoss"] = double.IsNaN(m.CrossValidated.LogLoss) ? null : Math.Round(m.CrossValidated.LogLoss, 4),
            ["accuracy"] = Math.Round(m.CrossValidated.Accuracy, 4),
            ["truePositives"] = m.CrossValidated.TruePositives, ["falsePositives"] = m.CrossValidated.FalsePositives,
            ["trueNegatives"] = m.CrossValidated.TrueNegatives, ["falseNegatives"] = m.CrossValidated.FalseNegatives,
        },
        ["rules"] = new JObject(m.RuleLabels.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new JProperty(kv.Key, new JObject { ["confirmed"] = kv.Value.Confirmed, ["dismissed"] = kv.Value.Dismissed }))),
        ["features"] = new JArray(m.FeatureNames),
    };

    public static ModelMetadata MetadataFromJson(JObject o)
    {
        if (o.Value<string>("format") != Format) throw new FormatException($"metadata format is not \"{Format}\"");
        var cv = o["crossValidation"] as JObject ?? throw new FormatException("no crossValidation");
        int tp = cv.Value<int>("truePositives"), fp = cv.Value<int>("falsePositives"), tn = cv.Value<int>("trueNegatives"), fn = cv.Value<int>("falseNegatives");
        var counts = o["counts"] as JObject ?? throw new FormatException("no counts");
        return new ModelMetadata
        {
            Trainer = o.Value<string>("trainer") ?? throw new FormatException("no trainer"),
            TrainingDataHash = o.Value<string>("trainingDataHash") ?? "",
            Source = o.Value<string>("source"),
            Positives = counts.Value<int>("confirmed"), Negatives = counts.Value<int>("dismissed"),
            Reviewed = counts.Value<int?>("reviewed") ?? 0, Bootstrap = counts.Value<int?>("bootstrap") ?? 0,
            TrainedAt = DateTimeOffset.Parse(o.Value<string>("trainedAt") ?? throw new FormatException("no trainedAt"), CultureInfo.InvariantCulture),
            Threshold = o.Value<double?>("threshold") ?? 0.5,
            Effect = o.Value<string>("effect"),
            TrainerAuc = (o["trainerAuc"] as JObject ?? []).Properties().ToDictionary(p => p.Name, p => p.Value.Type == JTokenType.Null ? double.NaN : p.Value.Value<double>()),
            Folds = cv.Value<int>("folds"), Seed = cv.Value<ulong>("seed"),
            CrossValidated = new BinaryMetrics(tp + fn, fp + tn, tp, fp, tn, fn, cv.Value<double?>("auc") ?? double.NaN) { LogLoss = cv.Value<double?>("logLoss") ?? double.NaN },
            FeatureNames = (o["features"] as JArray ?? throw new FormatException("no features")).Select(t => t.Value<string>()!).ToList(),
            RuleLabels = (o["rules"] as JObject ?? []).Properties().ToDictionary(p => p.Name,
                p => (p.Value.Value<int?>("confirmed") ?? 0, p.Value.Value<int?>("dismissed") ?? 0), StringComparer.Ordinal),
        };
    }

    /// <summary>Parses without turning ISO dates into DateTime, so "trainedAt" keeps its offset.</summary>
    public static JObject ParseJson(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    private static void WriteAtomic(string path, string text)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, text);
        File.Move(tmp, path, overwrite: true);
    }
}
