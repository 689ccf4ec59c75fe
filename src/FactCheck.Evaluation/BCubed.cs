namespace FactCheck.Evaluation;

/// <summary>B-cubed precision, recall and F1 of a clustering (Bagga and Baldwin 1998), averaged over the scored items.</summary>
public sealed record BCubedScore(double Precision, double Recall, int Items)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"B-cubed P {Precision:P1} R {Recall:P1} F1 {F1:P1} over {Items} items");
}

/// <summary>
/// Scores predicted clusters against gold clusters. Items are strings; the gold map names the items that are scored
/// (item -> gold cluster) and the predicted map gives the predicted cluster of every item, scored or not.
/// For a scored item, precision is the share of its predicted cluster that is in its gold cluster (predicted members
/// without gold, such as articles of another corpus mixed in, count as wrong), and recall the share of its gold cluster
/// that is in its predicted cluster. An item without a prediction is a singleton.
/// </summary>
public static class BCubed
{
    public static BCubedScore Score(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> gold)
    {
        const string Singleton = "\u0000singleton:";
        string Pred(string item) => predicted.TryGetValue(item, out var c) ? c : Singleton + item;
        var predSize = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in predicted.Values) predSize[c] = predSize.GetValueOrDefault(c) + 1;
        var goldSize = new Dictionary<string, int>(StringComparer.Ordinal);
        var overlap = new Dictionary<(string, string), int>();
        foreach (var (item, g) in gold)
        {
            goldSize[g] = goldSize.GetValueOrDefault(g) + 1;
            overlap[(Pred(item), g)] = overlap.GetValueOrDefault((Pred(item), g)) + 1;
        }
        double precision = 0, recall = 0;
        foreach (var (item, g) in gold)
        {
            var pc = Pred(item);
            int both = overlap[(pc, g)];
            precision += (double)both / predSize.GetValueOrDefault(pc, 1);
            recall += (double)both / goldSize[g];
        }
        int n = gold.Count;
        return n == 0 ? new BCubedScore(1, 1, 0) : new BCubedScore(precision / n, recall / n, n);
    }
}
