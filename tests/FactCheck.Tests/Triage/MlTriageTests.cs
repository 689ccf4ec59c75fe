using FactCheck.Triage;

namespace FactCheck.Tests.Triage;

/// <summary>The ML.NET triage model: learning, explanations, saving and loading, metrics, folds and the display threshold.</summary>
public class MlTriageTests
{
    private static Dictionary<string, double> F(params (string Name, double Value)[] fs) =>
        fs.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);

    /// <summary>Positives have "kind=wrong" and a large day difference; negatives "kind=same" and a small one.</summary>
    private static List<LabeledExample> Separable(int n = 60)
    {
        var rng = new SplitMix64(7);
        var list = new List<LabeledExample>();
        for (int i = 0; i < n; i++)
        {
            bool pos = i % 2 == 0;
            var noise = F(("noise=" + rng.NextInt(5), 1));
            noise[pos ? "kind=wrong" : "kind=same"] = 1;
            noise["days.diff"] = pos ? 3 + rng.NextInt(30) : rng.NextInt(2);
            list.Add(new LabeledExample(noise, pos, "x" + i));
        }
        return list;
    }

    [TestCaseSource(typeof(MlTriage), nameof(MlTriage.Trainers))]
    public void EachTrainerLearnsASeparableToySet(string trainer)
    {
        var data = Separable(120);
        var model = MlTriage.Fit(data, trainer);

        var accuracy = data.Count(e => model.Predict(e.Features) >= 0.5 == e.Label) / (double)data.Count;

        Assert.That(accuracy, Is.EqualTo(1.0));
        Assert.That(model.Predict(F(("kind=wrong", 1), ("days.diff", 10))), Is.GreaterThan(0.8));
        Assert.That(model.Predict(F(("kind=same", 1), ("days.diff", 0))), Is.LessThan(0.2));
        Assert.That(model.Trainer, Is.EqualTo(trainer));
    }

    [Test]
    public void ScoresAreExplainedByTheFeaturesThatMovedThem()
    {
        var model = MlTriage.Fit(Separable(), MlTriage.Lbfgs);
        var s = model.Score(F(("kind=wrong", 1), ("days.diff", 20), ("noise=1", 1)), 2);
        Assert.That(s.Reasons, Has.Count.EqualTo(2));
        Assert.That(s.Reasons.Select(r => r.Feature), Is.SubsetOf(new[] { "kind=wrong", "days.diff", "kind=same" }));
        Assert.That(s.Reasons[0].Contribution, Is.GreaterThan(0), "the strongest reason pushes a real-looking finding up");
        Assert.That(Math.Abs(s.Reasons[0].Contribution), Is.GreaterThanOrEqualTo(Math.Abs(s.Reasons[1].Contribution)));
    }

    [Test]
    public void UnseenAndNonFiniteFeaturesAreIgnored()
    {
        var model = MlTriage.Fit(Separable(), MlTriage.Lbfgs);
        var baseline = model.Predict(F(("kind=wrong", 1)));
        Assert.That(model.Predict(F(("kind=wrong", 1), ("unseen", 3))), Is.EqualTo(baseline).Within(1e-6));
        Assert.That(model.Predict(F(("kind=wrong", 1), ("days.diff", double.NaN))), Is.EqualTo(baseline).Within(1e-6));
    }

    [Test]
    public void SavedModelLoadsAndPredictsTheSame()
    {
        var data = Separable();
        var model = MlTriage.Fit(data, MlTriage.FastTree);
        using var zip = new MemoryStream();
        model.Save(zip);
        zip.Position = 0;
        var back = MlTriage.Load(zip, model.Space.Names, model.Trainer);
        foreach (var e in data)
            Assert.That(back.Predict(e.Features), Is.EqualTo(model.Predict(e.Features)).Within(1e-6));
    }

    [Test]
    public void TrainingIsDeterministic()
    {
        var data = Separable(200);
        foreach (var t in MlTriage.Trainers)
        {
            var a = MlTriage.Fit(data, t);
            var b = MlTriage.Fit(data, t);
            Assert.That(data.Select(e => b.Predict(e.Features)), Is.EqualTo(data.Select(e => a.Predict(e.Features))), t);
        }
    }

    [Test]
    public void PrecisionRecallF1AndAucFromMlNet()
    {
        bool[] labels = [true, true, true, false, false];
        double[] scores = [0.9, 0.6, 0.4, 0.7, 0.1];
        var m = BinaryMetrics.Evaluate(labels, scores);
        Assert.That((m.TruePositives, m.FalsePositives, m.TrueNegatives, m.FalseNegatives), Is.EqualTo((2, 1, 1, 1)));
        Assert.That(m.Precision, Is.EqualTo(2.0 / 3));
        Assert.That(m.Recall, Is.EqualTo(2.0 / 3));
        Assert.That(m.F1, Is.EqualTo(2.0 / 3).Within(1e-12));
        Assert.That(m.Accuracy, Is.EqualTo(0.6));
        // pairs (p, n): (0.9,0.7) (0.9,0.1) (0.6,0.1) (0.4,0.1) right, (0.6,0.7) (0.4,0.7) wrong: 4/6
        Assert.That(m.Auc, Is.EqualTo(4.0 / 6).Within(1e-6));
        Assert.That(BinaryMetrics.Evaluate([false, false, true, true], [0.1, 0.2, 0.8, 0.9]).Auc, Is.EqualTo(1.0).Within(1e-9));
        Assert.That(BinaryMetrics.Evaluate([false, false, true, true], [0.9, 0.8, 0.2, 0.1]).Auc, Is.EqualTo(0.0).Within(1e-9));
    }

    [Test]
    public void FoldsAreStratifiedAndSeeded()
    {
        var labels = Enumerable.Range(0, 103).Select(i => i % 4 == 0).ToArray(); // 26 positives, 77 negatives
        var folds = MlTriage.StratifiedFolds(labels, 5, seed: 1);
        for (int f = 0; f < 5; f++)
        {
            int pos = labels.Where((l, i) => l && folds[i] == f).Count();
            Assert.That(pos, Is.InRange(5, 6), $"fold {f} positives");
            Assert.That(folds.Count(x => x == f), Is.InRange(20, 21), $"fold {f} size");
        }
        Assert.That(MlTriage.StratifiedFolds(labels, 5, seed: 1), Is.EqualTo(folds));
        Assert.That(MlTriage.StratifiedFolds(labels, 5, seed: 2), Is.Not.EqualTo(folds));
    }

    [Test]
    public void ThresholdCutsHalfwayBetweenCleanlySeparatedClasses()
    {
        bool[] labels = [true, true, true, false, false];
        Assert.That(TriageTrainer.CalibrateThreshold(labels, [0.9, 0.85, 0.8, 0.2, 0.1]), Is.InRange(0.4, 0.6));
        // one false finding scored high: the cut stays where F1 is best
        Assert.That(TriageTrainer.CalibrateThreshold(labels, [0.9, 0.85, 0.3, 0.95, 0.1]), Is.InRange(0.15, 0.3));
    }

    [Test]
    public void EffectSaysWhatTheModelWouldDoInWords()
    {
        var labels = Enumerable.Range(0, 200).Select(i => i % 4 != 0).ToArray(); // 150 real
        var scores = labels.Select((l, i) => l ? (i == 1 ? 0.2 : 0.8) : (i == 0 ? 0.9 : 0.1)).ToArray();
        var e = TriageEffect.Of(labels, scores, 0.5);
        Assert.That(e.RealHidden, Is.EqualTo(1));
        Assert.That(e.Describe(), Does.Contain("of the 100 highest-scored findings, 99 are real").And.Contain("hide 1 of the 150 real findings (1 in 150)"));
    }
}
