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

    private (int Rc, string Out, string Err) Train(bool force = false, int folds = 5, bool rollback = false, string? bootstrap = null)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int rc = TrainCommand.Run(new TrainCommand.Settings { Labels = labels, Out = modelDir, Folds = folds, Force = force, Rollback = rollback, Bootstrap = bootstrap }, o, e, new FixedClock(T0));
        return (rc, o.ToString(), e.ToString());
    }

    /// <summary>Decisions where a large day difference means confirmed; <paramref name="flip"/> of them get the opposite label.</summary>
    private void WriteDecisions(int n, double flip = 0, bool oneClass = false, int unsure = 0, bool idFeature = false, bool noFeatures = false, string? path = null, string reviewer = "t")
    {
        var store = new DecisionStore(path ?? labels);
        var rng = new SplitMix64(5);
        for (int i = 0; i < n; i++)
        {
            bool real = oneClass || i % 2 == 0;
            double diff = real ? 3 + rng.NextInt(20) : rng.NextInt(2);
            bool label = rng.NextDouble() < flip ? !real : real;
            var features = new Dictionary<string, double> { ["days.diff"] = diff, [real ? "kind=a" : "kind=b"] = 1 };
            if (idFeature) features["id=f" + i] = 1;
            if (noFeatures) features.Clear();
            store.Append(new Decision("f" + i, "cross-source-date", label ? Verdict.Confirmed : Verdict.Dismissed, features, null, reviewer, T0));
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

    private Dictionary<string, byte[]> Snapshot() => Directory.GetFiles(modelDir, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(modelDir, f), File.ReadAllBytes);

    [Test]
    public void FeaturelessOrOneClassTrainingLeavesAWorkingModelByteIdentical()
    {
        WriteDecisions(60);
        Assert.That(Train().Rc, Is.EqualTo(TrainCommand.Ok));
        var before = Snapshot();

        File.Delete(labels);
        WriteDecisions(60, noFeatures: true);
        var (rc, _, err) = Train(force: true);
        Assert.That(rc, Is.EqualTo(TrainCommand.NoTrainingData));
        Assert.That(err, Does.Contain("carries features").And.Contain("unchanged"));
        Assert.That(Snapshot(), Is.EqualTo(before));

        File.Delete(labels);
        WriteDecisions(30, oneClass: true);
        Assert.That(Train(force: true).Rc, Is.EqualTo(TrainCommand.NoTrainingData));
        Assert.That(Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void ReplacingKeepsTheOldModelAndRollbackRestoresIt()
    {
        WriteDecisions(60);
        Assert.That(Train().Rc, Is.EqualTo(TrainCommand.Ok));
        var first = File.ReadAllBytes(ModelStore.ModelPath(modelDir));
        var firstMeta = File.ReadAllBytes(ModelStore.MetadataPath(modelDir));

        File.Delete(labels);
        WriteDecisions(80);
        var (rc, output, _) = Train(force: true);
        Assert.That(rc, Is.EqualTo(TrainCommand.Ok));
        Assert.That(output, Does.Contain("--rollback"));
        Assert.That(ModelStore.History(modelDir), Has.Count.EqualTo(1));
        Assert.That(File.ReadAllBytes(ModelStore.MetadataPath(modelDir)), Is.Not.EqualTo(firstMeta));

        var back = Train(rollback: true);
        Assert.That(back.Rc, Is.EqualTo(TrainCommand.Ok), back.Err);
        Assert.That(File.ReadAllBytes(ModelStore.ModelPath(modelDir)), Is.EqualTo(first));
        Assert.That(File.ReadAllBytes(ModelStore.MetadataPath(modelDir)), Is.EqualTo(firstMeta));
        Assert.That(ModelStore.History(modelDir), Is.Empty);
        Assert.That(Train(rollback: true).Rc, Is.EqualTo(TrainCommand.FileError), "nothing left to roll back to");
    }

    [Test]
    public void BootstrapLabelsAreMergedAndReviewersDecisionsWin()
    {
        var boot = Path.Combine(dir, "bootstrap.jsonl");
        WriteDecisions(40, path: boot, reviewer: "bootstrap");
        // a reviewer overturns two bootstrap labels and adds one new decision
        var store = new DecisionStore(labels);
        var f = new Dictionary<string, double> { ["days.diff"] = 1, ["kind=b"] = 1 };
        store.Append(new Decision("f0", "cross-source-date", Verdict.Dismissed, f, null, "ana", T0));
        store.Append(new Decision("f2", "cross-source-date", Verdict.Dismissed, f, null, "ana", T0));
        store.Append(new Decision("new", "cross-source-date", Verdict.Dismissed, f, null, "ana", T0));

        var (rc, output, err) = Train(bootstrap: boot);

        Assert.That(rc, Is.EqualTo(TrainCommand.Ok), err);
        Assert.That(output, Does.Contain("18 confirmed, 23 dismissed").And.Contain("3 reviewers' decisions at weight 1, 38 bootstrap labels"));
        var meta = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(ModelStore.MetadataPath(modelDir)));
        Assert.That((int)meta["counts"]!["reviewed"]!, Is.EqualTo(3));
        Assert.That((int)meta["counts"]!["bootstrap"]!, Is.EqualTo(38));
    }

    [Test]
    public void SaysInPlainWordsWhatTheModelWouldDo()
    {
        WriteDecisions(60);
        var (rc, output, _) = Train();
        Assert.That(rc, Is.EqualTo(TrainCommand.Ok));
        Assert.That(output, Does.Contain("of the 60 highest-scored findings, 30 are real").And.Contain("at the report's threshold"));
        Assert.That(output, Does.Contain("chosen: "));
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
        Assert.That(model!.Model.Predict(new Dictionary<string, double> { ["days.diff"] = 10, ["kind=a"] = 1, ["rule=cross-source-date"] = 1 }), Is.GreaterThan(0.9));
        var metaText = File.ReadAllText(Path.Combine(modelDir, ModelStore.MetadataFile));
        Assert.That(metaText, Does.Contain("\"trainedAt\": \"2025-06-01T09:00:00+00:00\""));
        var meta = Newtonsoft.Json.Linq.JObject.Parse(metaText);
        Assert.That((int)meta["counts"]!["confirmed"]!, Is.EqualTo(30));
        Assert.That((string)meta["trainingDataHash"]!, Has.Length.EqualTo(64));
        Assert.That((double)meta["crossValidation"]!["auc"]!, Is.EqualTo(1.0));
        Assert.That((string)meta["trainer"]!, Is.AnyOf(MlTriage.Trainers.ToArray()));
        Assert.That((double)meta["threshold"]!, Is.InRange(0.05, 0.95));
        Assert.That(meta["features"]!.Values<string>(), Does.Contain("days.diff"));
    }

    [Test]
    public void KeepsTheCurrentModelWhenTheNewOneIsWorseUnlessForced()
    {
        // Noisy labels plus a feature unique to each decision: a model trained on them memorizes them, so on
        // the same decisions it scores far better than a new model does out of fold.
        WriteDecisions(60, flip: 0.4, idFeature: true);
        Assert.That(Train().Rc, Is.EqualTo(TrainCommand.Ok));
        var good = File.ReadAllBytes(ModelStore.ModelPath(modelDir));

        var (rc, output, _) = Train();
        Assert.That(rc, Is.EqualTo(TrainCommand.Ok));
        Assert.That(output, Does.Contain("kept the current model").And.Contain("--force"));
        Assert.That(output, Does.Contain("current"));
        Assert.That(File.ReadAllBytes(ModelStore.ModelPath(modelDir)), Is.EqualTo(good));

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
    public void CompareReplacesOnlyWhenNeitherAucNorF1Drops()
    {
        static BinaryMetrics M(double auc, int tp) => new(10, 10, tp, 10 - tp, 10, 10 - tp, auc);
        // higher AUC but a lower F1 is worse for the report (issue #9: it used to replace here)
        Assert.That(TriageTrainer.Compare(M(0.9, 5), M(0.8, 9), force: false).Status, Is.EqualTo(TrainStatus.Keep));
        Assert.That(TriageTrainer.Compare(M(0.9, 9), M(0.8, 9), force: false).Status, Is.EqualTo(TrainStatus.Replace));
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
