namespace FactCheck.Triage;

/// <summary>Binary classification quality at a threshold, plus the threshold-free ROC AUC.</summary>
public sealed record BinaryMetrics(int Positives, int Negatives, int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives, double Auc)
{
    /// <summary>TP / (TP + FP); 0 when nothing was predicted positive.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    /// <summary>TP / (TP + FN); 0 when there are no positives.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double Accuracy => Positives + Negatives == 0 ? 0 : (double)(TruePositives + TrueNegatives) / (Positives + Negatives);
}

/// <summary>Precision, recall, F1 and rank-based ROC AUC.</summary>
public static class Metrics
{
    /// <summary>Metrics of scores against labels; an example is predicted positive when its score is at least the threshold.</summary>
    public static BinaryMetrics Evaluate(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double threshold = 0.5)
    {
        if (labels.Count != scores.Count) throw new ArgumentException("labels and scores differ in length");
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < labels.Count; i++)
        {
            bool predicted = scores[i] >= threshold;
            if (labels[i]) { if (predicted) tp++; else fn++; }
            else { if (predicted) fp++; else tn++; }
        }
        return new BinaryMetrics(tp + fn, fp + tn, tp, fp, tn, fn, Auc(labels, scores));
    }

    /// <summary>
    /// ROC AUC as the Mann-Whitney statistic: the chance that a random positive scores above a random negative,
    /// ties counting one half (tied scores get their mean rank). NaN when either class is empty.
    /// </summary>
    public static double Auc(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        int n = labels.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => scores[i]).ToArray();
        double rankSumPositive = 0;
        long positives = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) end++;
            double meanRank = (start + end) / 2.0 + 1; // ranks are 1-based
            for (int k = start; k <= end; k++)
                if (labels[order[k]]) { rankSumPositive += meanRank; positives++; }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        return (rankSumPositive - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }
}
