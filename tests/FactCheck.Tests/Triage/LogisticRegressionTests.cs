using FactCheck.Triage;

namespace FactCheck.Tests.Triage;

public class LogisticRegressionTests
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

    [Test]
    public void LearnsASeparableToySet()
    {
        var data = Separable();
        var model = new LogisticRegression().Fit(data);

        var accuracy = data.Count(e => model.Predict(e.Features) >= 0.5 == e.Label) / (double)data.Count;

        Assert.That(accuracy, Is.EqualTo(1.0));
        Assert.That(model.Predict(F(("kind=wrong", 1), ("days.diff", 10))), Is.GreaterThan(0.9));
        Assert.That(model.Predict(F(("kind=same", 1), ("days.diff", 0))), Is.LessThan(0.1));
    }

    private static List<LabeledExample> Xor(bool withInteraction)
    {
        var list = new List<LabeledExample>();
        for (int rep = 0; rep < 10; rep++)
            foreach (var (a, b) in new[] { (0, 0), (0, 1), (1, 0), (1, 1) })
            {
                var f = F(("a", a), ("b", b));
                if (withInteraction) f["a*b"] = a * b;
                list.Add(new LabeledExample(f, (a ^ b) == 1));
            }
        return list;
    }

    [Test]
    public void XorWithoutInteractionFailsGracefully()
    {
        var data = Xor(withInteraction: false);
        var model = new LogisticRegression().Fit(data);

        var scores = data.Select(e => model.Predict(e.Features)).ToList();

        // A linear model cannot separate XOR: every score is finite and none is confident.
        Assert.That(scores, Has.All.Matches<double>(double.IsFinite));
        Assert.That(scores, Has.All.InRange(0.2, 0.8));
        var accuracy = data.Count(e => model.Predict(e.Features) >= 0.5 == e.Label) / (double)data.Count;
        Assert.That(accuracy, Is.LessThanOrEqualTo(0.75));
    }

    [Test]
    public void XorWithAnInteractionFeatureIsLearned()
    {
        var data = Xor(withInteraction: true);
        var model = new LogisticRegression(new LogisticRegressionOptions { L2 = 1e-4 }).Fit(data);

        var accuracy = data.Count(e => model.Predict(e.Features) >= 0.5 == e.Label) / (double)data.Count;

        Assert.That(accuracy, Is.EqualTo(1.0));
    }

    [Test]
    public void EmptyAndConstantInputsDoNotBreak()
    {
        var model = new LogisticRegression().Fit([new LabeledExample(F(), true), new LabeledExample(F(), false)]);
        Assert.That(model.Predict(F(("unseen", 3))), Is.EqualTo(0.5).Within(1e-6));
        Assert.That(model.Predict(F(("x", double.NaN))), Is.EqualTo(0.5).Within(1e-6));
    }

    [Test]
    public void TrainingIsDeterministic()
    {
        var data = Separable(200);
        var m1 = new LogisticRegression().Fit(data);
        var m2 = new LogisticRegression().Fit(data);
        Assert.That(m1.Bias, Is.EqualTo(m2.Bias));
        Assert.That(m1.Weights, Is.EqualTo(m2.Weights));

        var cv1 = CrossValidation.Run(new LogisticRegression(), data, 5, seed: 3);
        var cv2 = CrossValidation.Run(new LogisticRegression(), data, 5, seed: 3);
        Assert.That(cv1.Scores, Is.EqualTo(cv2.Scores));
        Assert.That(cv1.FoldOf, Is.EqualTo(cv2.FoldOf));
        var cv3 = CrossValidation.Run(new LogisticRegression(), data, 5, seed: 4);
        Assert.That(cv3.FoldOf, Is.Not.EqualTo(cv1.FoldOf));
    }

    [Test]
    public void ModelRoundTripsThroughJson()
    {
        var data = Separable();
        var model = new LogisticRegression().Fit(data);
        var back = ModelStore.FromJson(ModelStore.ToJson(model));
        foreach (var e in data)
            Assert.That(back.Predict(e.Features), Is.EqualTo(model.Predict(e.Features)).Within(1e-12));
    }

    [Test]
    public void HashingIsStableAndSeeded()
    {
        // Fixed values: a change here changes every shipped model's meaning.
        Assert.That(FeatureHasher.Hash("rule=weekday-date", 0), Is.EqualTo(1155923716u));
        Assert.That(new FeatureHasher(16).Bucket("rule=weekday-date"), Is.EqualTo(38402));
        Assert.That(FeatureHasher.Hash("a", 1), Is.Not.EqualTo(FeatureHasher.Hash("a", 2)));
        var h = new FeatureHasher(16);
        Assert.That(h.Bucket("rule=weekday-date"), Is.InRange(0, 65535));
        var buckets = Enumerable.Range(0, 1000).Select(i => h.Bucket("f" + i)).Distinct().Count();
        Assert.That(buckets, Is.GreaterThan(985)); // few collisions among 1000 names in 65536 buckets
    }
}
