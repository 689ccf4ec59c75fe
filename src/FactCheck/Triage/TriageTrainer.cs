namespace FactCheck.Triage;

/// <summary>How a training run ended.</summary>
public enum TrainStatus
{
    /// <summary>No confirmed or dismissed decisions: nothing trained.</summary>
    NoLabels,
    /// <summary>Decisions of one class only: nothing trained.</summary>
    OneClass,
    /// <summary>No decision carries a feature beyond its rule: nothing trained.</summary>
    NoFeatures,
    /// <summary>The new model is not worse than the current one (or there was none, or forced): it should replace it.</summary>
    Replace,
    /// <summary>The new model is worse than the current one: keep the current one.</summary>
    Keep,
}

/// <summary>The result of <see cref="TriageTrainer.Train"/>: what to do, why, and both models' figures on the same examples.</summary>
public sealed record TrainOutcome(
    TrainStatus Status,
    string Reason,
    int Positives,
    int Negatives,
    int Folds,
    BinaryMetrics? NewMetrics,
    BinaryMetrics? CurrentMetrics,
    MlTriageModel? Model,
    ModelMetadata? Metadata)
{
    /// <summary>What the new model would do to a report (out-of-fold), in words.</summary>
    public TriageEffect? NewEffect { get; init; }
    /// <summary>What the current model does on the same examples, at its own threshold.</summary>
    public TriageEffect? CurrentEffect { get; init; }
}

/// <summary>Chooses an ML.NET trainer by stratified cross-validation, compares the result with the current model on the same
/// examples, calibrates the display threshold, and fits the chosen trainer on all labels.</summary>
public static class TriageTrainer
{
    /// <summary>Differences in AUC or F1 smaller than this count as equal.</summary>
    public const double Tie = 0.005;

    public static TrainOutcome Train(IReadOnlyList<LabeledExample> examples, StoredModel? current, int folds, ulong seed,
        DateTimeOffset trainedAt, bool force = false, string? source = null, IProgress<double>? progress = null,
        IReadOnlyList<string>? trainers = null)
    {
        int positives = examples.Count(e => e.Label), negatives = examples.Count - positives;
        if (examples.Count == 0)
            return new(TrainStatus.NoLabels, "no confirmed or dismissed decisions to train on", 0, 0, 0, null, null, null, null);
        if (positives == 0 || negatives == 0)
            return new(TrainStatus.OneClass,
                $"all {examples.Count} labeled decisions are {(positives == 0 ? "dismissed" : "confirmed")}; training needs both confirmed and dismissed findings",
                positives, negatives, 0, null, null, null, null);
        if (!examples.Any(e => e.Features.Keys.Any(k => !k.StartsWith("rule=", StringComparison.Ordinal))))
            return new(TrainStatus.NoFeatures,
                $"none of the {examples.Count} labeled decisions carries features (only their rule); a model trained on them would score every finding alike",
                positives, negatives, 0, null, null, null, null);

        int k = Math.Max(2, Math.Min(folds, Math.Min(positives, negatives)));
        var labels = examples.Select(e => e.Label).ToArray();
        var foldOf = MlTriage.StratifiedFolds(labels, k, seed);
        var tried = trainers ?? MlTriage.Trainers;
        // Tree learners need enough rows per leaf to mean anything; on tiny sets only the linear model is tried.
        if (examples.Count < 40) tried = tried.Where(t => t == MlTriage.Lbfgs).DefaultIfEmpty(MlTriage.Lbfgs).ToList();
        var auc = new Dictionary<string, double>();
        var oof = new Dictionary<string, (double[] P, BinaryMetrics M)>();
        int step = 0;
        foreach (var t in tried)
        {
            var p = MlTriage.OutOfFold(examples, foldOf, k, t, (int)seed);
            var m = BinaryMetrics.Evaluate(labels, p);
            auc[t] = m.Auc;
            oof[t] = (p, m);
            progress?.Report((double)++step / (tried.Count + 1));
        }
        // The best AUC wins; within a tie the lower log-loss (better calibrated), then the simpler trainer (listed first).
        var best = tried.OrderByDescending(t => Math.Round(oof[t].M.Auc / Tie))
            .ThenBy(t => Math.Round(oof[t].M.LogLoss, 3)).ThenBy(t => tried.ToList().IndexOf(t)).First();
        var (probs, metrics) = oof[best];
        // never below one half: a report does not show as likely what its own scorer rates more likely false (bootstrap labels,
        // nearly all confirmed, put the F1-best cut near 0.15)
        double threshold = Math.Max(MinDisplayThreshold, CalibrateThreshold(labels, probs));
        var effect = TriageEffect.Of(labels, probs, threshold);

        BinaryMetrics? currentMetrics = null;
        TriageEffect? currentEffect = null;
        if (current is not null)
        {
            var scores = examples.Select(e => current.Model.Predict(e.Features)).ToArray();
            currentMetrics = BinaryMetrics.Evaluate(labels, scores);
            currentEffect = TriageEffect.Of(labels, scores, current.Metadata.Threshold);
        }

        var (status, reason) = Compare(metrics, currentMetrics, force);
        var model = MlTriage.Fit(examples, best, (int)seed);
        progress?.Report(1.0);
        var metadata = new ModelMetadata
        {
            TrainingDataHash = TrainingData.Hash(examples), Positives = positives, Negatives = negatives,
            Reviewed = examples.Count(e => e.Weight >= 1), Bootstrap = examples.Count(e => e.Weight < 1),
            TrainedAt = trainedAt, Trainer = best, TrainerAuc = auc, Folds = k, Seed = seed, CrossValidated = metrics,
            Threshold = threshold, Effect = effect.Describe(), FeatureNames = model.Space.Names, Source = source,
            RuleLabels = RuleLabels(examples),
        };
        return new(status, reason, positives, negatives, k, metrics, currentMetrics, model, metadata) { NewEffect = effect, CurrentEffect = currentEffect };
    }

    /// <summary>The lowest display threshold a trained model gets.</summary>
    public const double MinDisplayThreshold = 0.5;

    /// <summary>Confirmed and dismissed examples per rule (the "rule=" feature).</summary>
    public static IReadOnlyDictionary<string, (int Confirmed, int Dismissed)> RuleLabels(IReadOnlyList<LabeledExample> examples)
    {
        var counts = new Dictionary<string, (int Confirmed, int Dismissed)>(StringComparer.Ordinal);
        foreach (var e in examples)
            foreach (var (k, v) in e.Features)
            {
                if (v == 0 || !k.StartsWith("rule=", StringComparison.Ordinal)) continue;
                var c = counts.GetValueOrDefault(k[5..]);
                counts[k[5..]] = e.Label ? (c.Confirmed + 1, c.Dismissed) : (c.Confirmed, c.Dismissed + 1);
            }
        return counts;
    }

    /// <summary>The display threshold: on a 0.05 grid from 0.05 to 0.95, the thresholds whose out-of-fold F1 is highest; of those the
    /// middle one (so a clean separation puts the cut halfway between the classes). 0.5 when nothing is predicted positive.</summary>
    public static double CalibrateThreshold(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities)
    {
        var f1 = new List<(double T, double F1)>();
        for (int g = 1; g <= 19; g++)
        {
            double t = Math.Round(g * 0.05, 2);
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < labels.Count; i++)
            {
                bool shown = probabilities[i] >= t;
                if (shown && labels[i]) tp++;
                else if (shown) fp++;
                else if (labels[i]) fn++;
            }
            f1.Add((t, tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn)));
        }
        double best = f1.Max(x => x.F1);
        if (best <= 0) return 0.5;
        var top = f1.Where(x => x.F1 >= best - 1e-9).Select(x => x.T).ToList();
        return top[(top.Count - 1) / 2];
    }

    /// <summary>The stated criterion: the new model replaces the current one only when it is not worse on either figure: its
    /// cross-validated AUC and its F1 (threshold 0.5) are each at least the current model's minus <see cref="Tie"/>, on the same
    /// examples. With no current model it replaces; with <paramref name="force"/> it replaces anyway.</summary>
    public static (TrainStatus Status, string Reason) Compare(BinaryMetrics candidate, BinaryMetrics? current, bool force)
    {
        if (current is null) return (TrainStatus.Replace, "there is no current model");
        string detail = $"AUC {candidate.Auc:0.0000} vs {current.Auc:0.0000}, F1 {candidate.F1:0.0000} vs {current.F1:0.0000}";
        bool aucOk = double.IsNaN(current.Auc) || candidate.Auc >= current.Auc - Tie;
        bool f1Ok = candidate.F1 >= current.F1 - Tie;
        if (aucOk && f1Ok) return (TrainStatus.Replace, $"the new model is not worse ({detail})");
        var worse = !aucOk && !f1Ok ? "AUC and F1" : !aucOk ? "AUC" : "F1";
        if (force) return (TrainStatus.Replace, $"forced, although the new model's {worse} is lower ({detail})");
        return (TrainStatus.Keep, $"the new model is worse: lower {worse} ({detail})");
    }
}
