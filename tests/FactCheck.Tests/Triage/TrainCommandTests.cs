using FactCheck.Checks;
using FactCheck.Cli.Commands;
using FactCheck.Review;
using FactCheck.Triage;

namespace FactCheck.Tests.Triage;

public class TrainCommandTests
{
    private string dir = null!;
    private string labels = null!;
    private string modelDir = null!;
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [SetUp]
    public void CreateDir()
    {
        dir = Path.Combine(Path.GetTempPath(), "factcheck-train-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        labels = Path.Combine(dir, "decisions.jsonl");
        modelDir = Path.Combine(dir, "model");
    }

    [TearDown]
    public void DeleteDir() => Directory.Delete(dir, recursive: true);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    private (int Rc, string Out, string Err) Train(bool force = false, int folds = 5)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int rc = TrainCommand.Run(new TrainCommand.Settings { Labels = labels, Out = modelDir, Folds = folds, Force = force }, o, e, new FixedClock(T0));
        return (rc, o.ToString(), e.ToString());
    }

    /// <summary>Decisions where a large day difference means confirmed; <paramref name="flip"/> of them get the opposite label.</summary>
    private void WriteDecisions(int n, double flip = 0, bool oneClass = false, int unsure = 0, bool idFeature = false)
    {
        var store = new DecisionStore(labels);
        var rng = new SplitMix64(5);
        for (int i = 0; i < n; i++)
        {
            bool real = oneClass || i % 2 == 0;
            double diff = real ? 3 + rng.NextInt(20) : rng.NextInt(2);
            bool label = rng.NextDouble() < flip ? !real : real;
            var features = new Dictionary<string, double> { ["days.diff"] = diff, [real ? "kind=a" : "kind=b"] = 1 };
            if (idFeature) features["id=f" + i] = 1;
            store.Append(new Decision("f" + i, "cross-source-date", label ? Verdict.Confirmed : Verdict.Dismissed, features, null, "t", T0));
        }
        for (int i = 0; i < unsure; i++)
            store.Append(new Decision("u" + i, "cross-source-date", Verdict.Unsure, new Dictionary<string, double>(), null, "t", T0));
    }

    [Test]
    public void NoLabelsFileSaysSoAndLeavesTheModelAlone()
    {
        Directory.CreateDirectory(modelDir);
        File.WriteAllText(ModelStore.ModelPath(modelDir), "old model");

        var (rc, _, err) = Train();

        Assert.That(rc, Is.EqualTo(TrainCommand.NoTrainingData));
        Assert.That(err, Does.Contain("no decisions file").And.Contain("unchanged"));
        Assert.That(File.ReadAllText(ModelStore.ModelPath(modelDir)), Is.EqualTo("old model"));
    }

    [Test]
    public void OnlyUnsureDecisionsCountAsNoLabels()
    {
        WriteDecisions(0, unsure: 3);
        var (rc, _, err) = Train();
        Assert.That(rc, Is.EqualTo(TrainCommand.NoTrainingData));
        Assert.That(err, Does.Contain("no confirmed or dismissed decisions").And.Contain("3 unsure"));
        Assert.That(Directory.Exists(modelDir), Is.False);
    }

    [Test]
    public void OneClassSaysSoAndLeavesTheModelAlone()
    {
        Directory.CreateDirectory(modelDir);
        File.WriteAllText(ModelStore.ModelPath(modelDir), "old model");
        WriteDecisions(10, oneClass: true);

        var (rc, _, err) = Train();

        Assert.That(rc, Is.EqualTo(TrainCommand.NoTrainingData));
        Assert.That(err, Does.Contain("all 10 labeled decisions are confirmed"));
        Assert.That(File.ReadAllText(ModelStore.ModelPath(modelDir)), Is.EqualTo("old model"));
    }

    [Test]
    public void TrainsAndWritesModelAndMetadata()
    {
        WriteDecisions(60, unsure: 2);

        var (rc, output, err) = Train();

        Assert.That(rc, Is.EqualTo(TrainCommand.Ok), err);
        Assert.That(output, Does.Contain("30 confirmed, 30 dismissed, 2 unsure skipped"));
        Assert.That(output, Does.Match(@"AUC\s+1\.0000"));
        Assert.That(output, Does.Contain("there is no current model"));
        var (model, error) = ModelStore.Load(modelDir);
        Assert.That(error, Is.Null);
        Assert.That(model!.Predict(new Dictionary<string, double> { ["days.diff"] = 10, ["kind=a"] = 1, ["rule=cross-source-date"] = 1 }), Is.GreaterThan(0.9));
        var metaText = File.ReadAllText(Path.Combine(modelDir, ModelStore.MetadataFile));
        Assert.That(metaText, Does.Contain("\"trainedAt\": \"2025-06-01T09:00:00+00:00\""));
        var meta = Newtonsoft.Json.Linq.JObject.Parse(metaText);
        Assert.That((int)meta["counts"]!["confirmed"]!, Is.EqualTo(30));
        Assert.That((string)meta["trainingDataHash"]!, Has.Length.EqualTo(64));
        Assert.That((double)meta["crossValidation"]!["auc"]!, Is.EqualTo(1.0));
    }

    [Test]
    public void KeepsTheCurrentModelWhenTheNewOneIsWorseUnlessForced()
    {
        // Noisy labels plus a feature unique to each decision: a model trained on them memorizes them, so on
        // the same decisions it scores far better than a new model does out of fold.
        WriteDecisions(60, flip: 0.4, idFeature: true);
        Assert.That(Train().Rc, Is.EqualTo(TrainCommand.Ok));
        var good = File.ReadAllText(ModelStore.ModelPath(modelDir));

        var (rc, output, _) = Train();
        Assert.That(rc, Is.EqualTo(TrainCommand.Ok));
        Assert.That(output, Does.Contain("kept the current model").And.Contain("--force"));
        Assert.That(output, Does.Contain("current"));
        Assert.That(File.ReadAllText(ModelStore.ModelPath(modelDir)), Is.EqualTo(good));

        var old = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(ModelStore.ModelPath(modelDir), old);
        var forced = Train(force: true);
        Assert.That(forced.Rc, Is.EqualTo(TrainCommand.Ok));
        Assert.That(forced.Out, Does.Contain("forced").And.Contain("wrote"));
        Assert.That(File.GetLastWriteTimeUtc(ModelStore.ModelPath(modelDir)), Is.GreaterThan(old));
    }

    [Test]
    public void ReplacesTheModelWhenTheNewOneIsNotWorse()
    {
        WriteDecisions(60);
        Assert.That(Train().Rc, Is.EqualTo(TrainCommand.Ok));
        var old = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(ModelStore.ModelPath(modelDir), old);

        var (rc, output, _) = Train(); // same labels: equal AUC and F1, so not worse

        Assert.That(rc, Is.EqualTo(TrainCommand.Ok));
        Assert.That(output, Does.Contain("not worse"));
        Assert.That(File.GetLastWriteTimeUtc(ModelStore.ModelPath(modelDir)), Is.GreaterThan(old));
    }

    [Test]
    public void CompareRanksByAucThenF1()
    {
        static BinaryMetrics M(double auc, int tp) => new(10, 10, tp, 10 - tp, 10, 10 - tp, auc);
        Assert.That(TriageTrainer.Compare(M(0.9, 5), M(0.8, 9), force: false).Status, Is.EqualTo(TrainStatus.Replace));
        Assert.That(TriageTrainer.Compare(M(0.8, 9), M(0.9, 5), force: false).Status, Is.EqualTo(TrainStatus.Keep));
        Assert.That(TriageTrainer.Compare(M(0.9, 7), M(0.9, 5), force: false).Status, Is.EqualTo(TrainStatus.Replace));
        Assert.That(TriageTrainer.Compare(M(0.9, 5), M(0.9, 7), force: false).Status, Is.EqualTo(TrainStatus.Keep));
        Assert.That(TriageTrainer.Compare(M(0.9, 5), M(0.9, 7), force: true).Status, Is.EqualTo(TrainStatus.Replace));
        Assert.That(TriageTrainer.Compare(M(0.5, 5), null, force: false).Status, Is.EqualTo(TrainStatus.Replace));
    }

    [Test]
    public void BrokenCurrentModelIsReplacedWithAWarning()
    {
        WriteDecisions(40);
        Directory.CreateDirectory(modelDir);
        File.WriteAllText(ModelStore.ModelPath(modelDir), "{not json");
        var (rc, _, err) = Train();
        Assert.That(rc, Is.EqualTo(TrainCommand.Ok));
        Assert.That(err, Does.Contain("not a triage model"));
        Assert.That(ModelStore.Load(modelDir).Error, Is.Null);
    }
}
