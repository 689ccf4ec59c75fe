using FactCheck.Triage;

namespace FactCheck.Tests.Triage;

public class MetricsTests
{
    [Test]
    public void AucOfPerfectReversedAndRandomRankings()
    {
        bool[] labels = [false, false, true, true];
        Assert.That(Metrics.Auc(labels, [0.1, 0.2, 0.8, 0.9]), Is.EqualTo(1.0));
        Assert.That(Metrics.Auc(labels, [0.9, 0.8, 0.2, 0.1]), Is.EqualTo(0.0));
        // One of four positive-negative pairs misordered: 3/4.
        Assert.That(Metrics.Auc(labels, [0.1, 0.85, 0.8, 0.9]), Is.EqualTo(0.75));
    }

    [Test]
    public void AucCountsTiesAsOneHalf()
    {
        Assert.That(Metrics.Auc([false, true], [0.5, 0.5]), Is.EqualTo(0.5));
        Assert.That(Metrics.Auc([false, false, true, true], [0.5, 0.5, 0.5, 0.5]), Is.EqualTo(0.5));
        // pairs: (n0.2,p0.5)=1, (n0.2,p0.9)=1, (n0.5,p0.5)=0.5, (n0.5,p0.9)=1 -> 3.5/4
        Assert.That(Metrics.Auc([false, false, true, true], [0.2, 0.5, 0.5, 0.9]), Is.EqualTo(0.875));
    }

    [Test]
    public void AucMatchesPairCountingOnRandomData()
    {
        var rng = new SplitMix64(11);
        var labels = Enumerable.Range(0, 300).Select(_ => rng.NextInt(3) == 0).ToArray();
        var scores = labels.Select(l => Math.Round(rng.NextDouble() + (l ? 0.3 : 0), 1)).ToArray(); // rounding makes many ties
        double pairs = 0, wins = 0;
        for (int i = 0; i < labels.Length; i++)
            for (int j = 0; j < labels.Length; j++)
                if (labels[i] && !labels[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
        Assert.That(Metrics.Auc(labels, scores), Is.EqualTo(wins / pairs).Within(1e-12));
    }

    [Test]
    public void AucIsNaNWithOneClass() =>
        Assert.That(Metrics.Auc([true, true], [0.1, 0.2]), Is.NaN);

    [Test]
    public void PrecisionRecallF1AtThreshold()
    {
        bool[] labels = [true, true, true, false, false];
        double[] scores = [0.9, 0.6, 0.4, 0.7, 0.1];
        var m = Metrics.Evaluate(labels, scores);
        Assert.That((m.TruePositives, m.FalsePositives, m.TrueNegatives, m.FalseNegatives), Is.EqualTo((2, 1, 1, 1)));
        Assert.That(m.Precision, Is.EqualTo(2.0 / 3));
        Assert.That(m.Recall, Is.EqualTo(2.0 / 3));
        Assert.That(m.F1, Is.EqualTo(2.0 / 3).Within(1e-12));
        Assert.That(m.Accuracy, Is.EqualTo(0.6));
    }

    [Test]
    public void NothingPredictedPositiveGivesZeroNotNaN()
    {
        var m = Metrics.Evaluate([true, false], [0.1, 0.2]);
        Assert.That(m.Precision, Is.EqualTo(0));
        Assert.That(m.F1, Is.EqualTo(0));
    }

    [Test]
    public void FoldsAreStratifiedAndSeeded()
    {
        var labels = Enumerable.Range(0, 103).Select(i => i % 4 == 0).ToArray(); // 26 positives, 77 negatives
        var folds = CrossValidation.StratifiedFolds(labels, 5, seed: 1);

        for (int f = 0; f < 5; f++)
        {
            int pos = labels.Where((l, i) => l && folds[i] == f).Count();
            int all = folds.Count(x => x == f);
            Assert.That(pos, Is.InRange(5, 6), $"fold {f} positives");
            Assert.That(all, Is.InRange(20, 21), $"fold {f} size");
        }
        Assert.That(CrossValidation.StratifiedFolds(labels, 5, seed: 1), Is.EqualTo(folds));
        Assert.That(CrossValidation.StratifiedFolds(labels, 5, seed: 2), Is.Not.EqualTo(folds));
    }
}
