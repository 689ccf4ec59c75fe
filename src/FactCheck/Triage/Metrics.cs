using Microsoft.ML;
using Microsoft.ML.Data;

namespace FactCheck.Triage;

/// <summary>Binary classification quality at a threshold, plus the threshold-free ROC AUC (computed by ML.NET's evaluator).</summary>
public sealed record BinaryMetrics(int Positives, int Negatives, int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives, double Auc)
{
    /// <summary>TP / (TP + FP); 0 when nothing was predicted positive.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    /// <summary>TP / (TP + FN); 0 when there are no positives.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double Accuracy => Positives + Negatives == 0 ? 0 : (double)(TruePositives + TrueNegatives) / (Positives + Negatives);
    /// <summary>Mean log-loss of the probabilities (ML.NET's), lower is better; NaN when not computed.</summary>
    public double LogLoss { get; init; } = double.NaN;

    /// <summary>Metrics of probabilities against labels with ML.NET's binary evaluator; predicted positive when p >= threshold.
    /// Both classes must be present (AUC is undefined otherwise).</summary>
    public static BinaryMetrics Evaluate(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities, double threshold = 0.5)
    {
        if (labels.Count != probabilities.Count) throw new ArgumentException("labels and scores differ in length");
        var ml = new MLContext(seed: 1);
        var rows = labels.Select((l, i) =>
        {
            double p = Math.Clamp(probabilities[i], 1e-7, 1 - 1e-7);
            return new ScoredRow { Label = l, Probability = (float)p, Score = (float)Math.Log(p / (1 - p)), PredictedLabel = p >= threshold };
        }).ToList();
        var m = ml.BinaryClassification.Evaluate(ml.Data.LoadFromEnumerable(rows));
        var cm = m.ConfusionMatrix; // rows: actual positive, actual negative; columns: predicted positive, negative
        int tp = (int)cm.Counts[0][0], fn = (int)cm.Counts[0][1], fp = (int)cm.Counts[1][0], tn = (int)cm.Counts[1][1];
        return new BinaryMetrics(tp + fn, fp + tn, tp, fp, tn, fn, m.AreaUnderRocCurve) { LogLoss = m.LogLoss };
    }

    private sealed class ScoredRow
    {
        public bool Label { get; set; }
        public float Score { get; set; }
        public float Probability { get; set; }
        public bool PredictedLabel { get; set; }
    }
}

/// <summary>What a model would do to a report, in a fact-checker's words: how many of the highest-scored findings are real,
/// and at the display threshold how many real findings it would hide and how many false ones it would still show.</summary>
public sealed record TriageEffect(int TopN, int RealInTopN, double Threshold, int Shown, int RealShown, int RealHidden, int Real)
{
    public static TriageEffect Of(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities, double threshold, int topN = 100)
    {
        var order = Enumerable.Range(0, labels.Count).OrderByDescending(i => probabilities[i]).ThenBy(i => i).ToList();
        int n = Math.Min(topN, labels.Count);
        int realTop = order.Take(n).Count(i => labels[i]);
        int shown = 0, realShown = 0, realHidden = 0;
        for (int i = 0; i < labels.Count; i++)
        {
            bool show = probabilities[i] >= threshold;
            if (show) { shown++; if (labels[i]) realShown++; }
            else if (labels[i]) realHidden++;
        }
        return new TriageEffect(n, realTop, threshold, shown, realShown, realHidden, labels.Count(l => l));
    }

    /// <summary>"of the 100 highest-scored findings, 82 are real; at the report's threshold 0.40 it would show 120 findings
    /// (96 real) and hide 1 real finding in 25".</summary>
    public string Describe()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        string hide = RealHidden == 0 ? "hide no real finding"
            : $"hide {RealHidden} of the {Real} real findings (1 in {Math.Max(1, (int)Math.Round((double)Real / RealHidden))})";
        return string.Format(inv, "of the {0} highest-scored findings, {1} are real; at the report's threshold {2:0.00} it would show {3} findings ({4} real) and {5}",
            TopN, RealInTopN, Threshold, Shown, RealShown, hide);
    }
}
