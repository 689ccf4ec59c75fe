namespace FactCheck.Evaluation;

/// <summary>One gold or predicted temporal expression: document, half-open span [Start, End), TIMEX3 type and value.</summary>
public sealed record TimexItem(string Doc, int Start, int End, string Type, string Value)
{
    public int Length => End - Start;

    /// <summary>Characters shared with another item's span in the same document (0 when apart or in other documents).</summary>
    public int OverlapWith(TimexItem other) =>
        Doc == other.Doc ? Math.Max(0, Math.Min(End, other.End) - Math.Max(Start, other.Start)) : 0;
}

/// <summary>Precision, recall and F1 together with the counts they are computed from.</summary>
/// <remarks>
/// Zero denominators follow the TempEval-3 scorer: with neither gold nor predictions every figure is 1;
/// otherwise a zero denominator gives 0.
/// </remarks>
public sealed record PrfScore(int Correct, int Predicted, int Gold)
{
    private bool NothingToScore => Predicted == 0 && Gold == 0;
    public double Precision => NothingToScore ? 1 : Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => NothingToScore ? 1 : Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>TempEval-3 TIMEX3 scores for one document or a whole corpus.</summary>
/// <param name="Strict">Spans with exactly the same offsets.</param>
/// <param name="Relaxed">Spans that overlap, matched one-to-one.</param>
/// <param name="Value">Relaxed matches whose normalized values are equal: P = correct/predicted, R = correct/gold.</param>
/// <param name="Type">Relaxed matches whose types are equal, scored like <paramref name="Value"/>.</param>
public sealed record TimexScores(PrfScore Strict, PrfScore Relaxed, PrfScore Value, PrfScore Type)
{
    public int Gold => Relaxed.Gold;
    public int Predicted => Relaxed.Predicted;
    /// <summary>Share of relaxed matches with the right value (TE-3 "value accuracy"); 0 without matches.</summary>
    public double ValueAccuracy => Relaxed.Correct == 0 ? 0 : (double)Value.Correct / Relaxed.Correct;
    /// <summary>Share of relaxed matches with the right type (TE-3 "type accuracy"); 0 without matches.</summary>
    public double TypeAccuracy => Relaxed.Correct == 0 ? 0 : (double)Type.Correct / Relaxed.Correct;
}

/// <summary>Kinds of disagreement between gold and prediction.</summary>
public enum TimexErrorKind
{
    /// <summary>A gold expression that no prediction overlaps.</summary>
    Missed,
    /// <summary>A prediction that overlaps no gold expression.</summary>
    Spurious,
    /// <summary>Overlapping spans, different normalized values.</summary>
    WrongValue,
    /// <summary>Overlapping spans, different TIMEX3 types.</summary>
    WrongType,
    /// <summary>Overlapping spans with different offsets (a relaxed but not a strict match).</summary>
    WrongSpan,
}

/// <summary>One disagreement between gold and prediction, for error analysis.</summary>
public sealed record TimexError(TimexErrorKind Kind, string Doc, TimexItem? Gold, TimexItem? Predicted)
{
    public string? GoldValue => Gold?.Value;
    public string? PredictedValue => Predicted?.Value;
}

/// <summary>A gold expression paired with the prediction that relaxed-matched it.</summary>
public sealed record TimexMatch(TimexItem Gold, TimexItem Predicted)
{
    public bool ExactSpan => Gold.Start == Predicted.Start && Gold.End == Predicted.End;
    public bool ValueCorrect => TimexScorer.SameValue(Gold.Value, Predicted.Value);
    public bool TypeCorrect => TimexScorer.SameValue(Gold.Type, Predicted.Type);
}

/// <summary>Scores of one document.</summary>
public sealed record DocumentTimexScores(string Doc, TimexScores Scores);

/// <summary>The result of scoring: corpus totals, per-document scores, relaxed matches and every disagreement.</summary>
public sealed record TimexEvaluation(
    TimexScores Overall,
    IReadOnlyList<DocumentTimexScores> Documents,
    IReadOnlyList<TimexMatch> Matches,
    IReadOnlyList<TimexError> Errors)
{
    public int CountErrors(TimexErrorKind kind) => Errors.Count(e => e.Kind == kind);
}

/// <summary>Scores predicted temporal expressions against gold ones the way TempEval-3 does (strict, relaxed, value, type).</summary>
/// <remarks>
/// Strict: a gold and a prediction with identical offsets, one-to-one. Relaxed: any character overlap; each gold and each
/// prediction is used at most once, pairs taken greedily by largest overlap (ties: exact span first, then closest length,
/// then document order). Value and type are judged on relaxed matches only, comparing trimmed strings case-sensitively;
/// as in the TE-3 scorer, value P = correct values / predictions and value R = correct values / gold, so value F1 equals
/// value accuracy times relaxed F1. Corpus figures are micro-averaged (counts summed over documents).
/// </remarks>
public static class TimexScorer
{
    /// <summary>Scores all documents that appear in gold or predictions.</summary>
    public static TimexEvaluation Score(IEnumerable<TimexItem> gold, IEnumerable<TimexItem> predicted) =>
        Score(gold, predicted, documents: null);

    /// <summary>Scores the given documents (plus any others that appear in gold or predictions), in that order.</summary>
    public static TimexEvaluation Score(IEnumerable<TimexItem> gold, IEnumerable<TimexItem> predicted, IEnumerable<string>? documents)
    {
        var goldByDoc = Group(gold);
        var predByDoc = Group(predicted);
        var docOrder = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in (documents ?? []).Concat(goldByDoc.Keys).Concat(predByDoc.Keys))
            if (seen.Add(d)) docOrder.Add(d);

        var docs = new List<DocumentTimexScores>(docOrder.Count);
        var matches = new List<TimexMatch>();
        var errors = new List<TimexError>();
        int g = 0, p = 0, strict = 0, relaxed = 0, value = 0, type = 0;
        foreach (var doc in docOrder)
        {
            var gs = goldByDoc.GetValueOrDefault(doc) ?? [];
            var ps = predByDoc.GetValueOrDefault(doc) ?? [];
            var scores = ScoreDocument(doc, gs, ps, matches, errors);
            docs.Add(new DocumentTimexScores(doc, scores));
            g += scores.Gold;
            p += scores.Predicted;
            strict += scores.Strict.Correct;
            relaxed += scores.Relaxed.Correct;
            value += scores.Value.Correct;
            type += scores.Type.Correct;
        }
        var overall = new TimexScores(new(strict, p, g), new(relaxed, p, g), new(value, p, g), new(type, p, g));
        return new TimexEvaluation(overall, docs, matches, errors);
    }

    /// <summary>Equality of normalized values (and types): trimmed, case-sensitive.</summary>
    public static bool SameValue(string? a, string? b) =>
        string.Equals((a ?? "").Trim(), (b ?? "").Trim(), StringComparison.Ordinal);

    private static Dictionary<string, List<TimexItem>> Group(IEnumerable<TimexItem> items)
    {
        var byDoc = new Dictionary<string, List<TimexItem>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!byDoc.TryGetValue(item.Doc, out var list)) byDoc[item.Doc] = list = [];
            list.Add(item);
        }
        foreach (var list in byDoc.Values)
            list.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return byDoc;
    }

    private static TimexScores ScoreDocument(string doc, List<TimexItem> gold, List<TimexItem> pred,
        List<TimexMatch> allMatches, List<TimexError> errors)
    {
        int strict = CountStrict(gold, pred);

        // Relaxed: all overlapping pairs, best first, each side used once.
        var pairs = new List<(int G, int P, int Overlap, bool Exact, int LengthDiff)>();
        for (int i = 0; i < gold.Count; i++)
            for (int j = 0; j < pred.Count; j++)
            {
                int overlap = gold[i].OverlapWith(pred[j]);
                if (overlap <= 0) continue;
                bool exact = gold[i].Start == pred[j].Start && gold[i].End == pred[j].End;
                pairs.Add((i, j, overlap, exact, Math.Abs(gold[i].Length - pred[j].Length)));
            }
        pairs.Sort((a, b) =>
        {
            int c = b.Overlap.CompareTo(a.Overlap);
            if (c == 0) c = b.Exact.CompareTo(a.Exact);
            if (c == 0) c = a.LengthDiff.CompareTo(b.LengthDiff);
            if (c == 0) c = a.G.CompareTo(b.G);
            if (c == 0) c = a.P.CompareTo(b.P);
            return c;
        });
        var goldMatch = new int[gold.Count];
        var predUsed = new bool[pred.Count];
        Array.Fill(goldMatch, -1);
        foreach (var (gi, pj, _, _, _) in pairs)
        {
            if (goldMatch[gi] >= 0 || predUsed[pj]) continue;
            goldMatch[gi] = pj;
            predUsed[pj] = true;
        }

        int relaxed = 0, value = 0, type = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            if (goldMatch[i] < 0)
            {
                errors.Add(new TimexError(TimexErrorKind.Missed, doc, gold[i], null));
                continue;
            }
            var m = new TimexMatch(gold[i], pred[goldMatch[i]]);
            allMatches.Add(m);
            relaxed++;
            if (m.ValueCorrect) value++;
            else errors.Add(new TimexError(TimexErrorKind.WrongValue, doc, m.Gold, m.Predicted));
            if (m.TypeCorrect) type++;
            else errors.Add(new TimexError(TimexErrorKind.WrongType, doc, m.Gold, m.Predicted));
            if (!m.ExactSpan)
                errors.Add(new TimexError(TimexErrorKind.WrongSpan, doc, m.Gold, m.Predicted));
        }
        for (int j = 0; j < pred.Count; j++)
            if (!predUsed[j])
                errors.Add(new TimexError(TimexErrorKind.Spurious, doc, null, pred[j]));

        int g = gold.Count, p = pred.Count;
        return new TimexScores(new(strict, p, g), new(relaxed, p, g), new(value, p, g), new(type, p, g));
    }

    /// <summary>Gold and predictions with identical offsets, each used at most once.</summary>
    private static int CountStrict(List<TimexItem> gold, List<TimexItem> pred)
    {
        var available = new Dictionary<(int, int), int>();
        foreach (var p in pred)
            available[(p.Start, p.End)] = available.GetValueOrDefault((p.Start, p.End)) + 1;
        int strict = 0;
        foreach (var g in gold)
        {
            if (available.GetValueOrDefault((g.Start, g.End)) is > 0 and var n)
            {
                available[(g.Start, g.End)] = n - 1;
                strict++;
            }
        }
        return strict;
    }
}
