using System.CommandLine;
using System.Globalization;
using FactCheck.Lang;
using FactCheck.Review;
using FactCheck.Triage;
using Spectre.Console;

namespace FactCheck.Cli.Commands;

/// <summary>`factcheck train`: fits the triage classifier (ML.NET) on review decisions merged with the bootstrap labels, says what
/// it would do next to the current model, and replaces the model only when the new one is not worse; `--rollback` restores the previous one.</summary>
public static class TrainCommand
{
    /// <summary>Trained (replaced, or kept because the new one was worse: the output says which), or rolled back.</summary>
    public const int Ok = 0;
    /// <summary>Nothing to train on: no labels, labels of one class only, or labels without features. The model is left alone.</summary>
    public const int NoTrainingData = 1;
    /// <summary>A file could not be read or written, or there is nothing to roll back to.</summary>
    public const int FileError = 2;

    /// <summary>What to train on and where to put the model.</summary>
    public sealed record Settings
    {
        /// <summary>Reviewers' decisions (JSONL).</summary>
        public string Labels { get; init; } = DataPaths.DecisionsFile;
        /// <summary>Bootstrap labels merged in at a lower weight; null: none.</summary>
        public string? Bootstrap { get; init; }
        public string Out { get; init; } = ModelStore.DefaultDir;
        public int Folds { get; init; } = 5;
        public ulong Seed { get; init; } = 1;
        public bool Force { get; init; }
        public bool Rollback { get; init; }
        /// <summary>Trainers to choose from (default all of <see cref="MlTriage.Trainers"/>).</summary>
        public IReadOnlyList<string>? Trainers { get; init; }
        /// <summary>Train on the store's latest verdicts (--db, or the default store when --labels is not given); null: the Labels file.</summary>
        public string? Db { get; init; }
    }

    public static Command Create()
    {
        var labels = new Option<string?>("--labels") { Description = $"Decisions JSONL (default {DataPaths.DecisionsFile})" };
        var bootstrap = new Option<string?>("--bootstrap") { Description = $"Bootstrap labels merged in at weight {TrainingData.BootstrapWeight} (default {DataPaths.BootstrapFile} when it exists; scripts/train-triage.sh makes them)" };
        var noBootstrap = new Option<bool>("--no-bootstrap") { Description = "Train on the decisions alone" };
        var output = new Option<string>("--out") { Description = "Model folder (model.zip, metadata.json, history/)", DefaultValueFactory = _ => ModelStore.DefaultDir };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds", DefaultValueFactory = _ => 5 };
        var seed = new Option<ulong>("--seed") { Description = "Seed for the folds and the trainers", DefaultValueFactory = _ => 1 };
        var force = new Option<bool>("--force") { Description = "Replace the model even when the new one is worse" };
        var db = StoreOptions.DbOption();
        var rollback = new Option<bool>("--rollback") { Description = "Restore the previous model from history/ and stop" };
        var cmd = new Command("train", "Train the triage classifier on review decisions (confirmed = real, dismissed = not; unsure skipped).");
        foreach (var o in new Option[] { labels, bootstrap, noBootstrap, output, folds, seed, force, rollback, db }) cmd.Options.Add(o);
        cmd.SetAction(pr =>
        {
            var labelsPath = pr.GetValue(labels);
            if (labelsPath is not null && !File.Exists(labelsPath))
            {
                Console.Error.WriteLine($"error: --labels {labelsPath}: no such file; the model is unchanged");
                return FileError;
            }
            var bootstrapPath = pr.GetValue(bootstrap);
            if (bootstrapPath is not null && !File.Exists(bootstrapPath))
            {
                Console.Error.WriteLine($"error: --bootstrap {bootstrapPath}: no such file; the model is unchanged");
                return FileError;
            }
            if (bootstrapPath is null && !pr.GetValue(noBootstrap) && File.Exists(DataPaths.BootstrapFile)) bootstrapPath = DataPaths.BootstrapFile;
            var settings = new Settings
            {
                Labels = labelsPath ?? DataPaths.DecisionsFile, Bootstrap = pr.GetValue(noBootstrap) ? null : bootstrapPath,
                Out = pr.GetValue(output) ?? ModelStore.DefaultDir,
                Folds = pr.GetValue(folds), Seed = pr.GetValue(seed), Force = pr.GetValue(force), Rollback = pr.GetValue(rollback),
                // the store by default; an explicit --labels file trains on that file (unless --db is given too)
                Db = labelsPath is not null ? pr.GetValue(db) : pr.GetValue(db) ?? FactCheck.Store.FactStore.DefaultLocation(),
            };
            var progress = Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive ? null : AnsiConsole.Console;
            return Run(settings, Console.Out, Console.Error, TimeProvider.System, progress);
        });
        return cmd;
    }

    /// <summary>Runs a training; <paramref name="progressConsole"/> shows a progress bar when given (an interactive terminal).</summary>
    public static int Run(Settings s, TextWriter output, TextWriter error, TimeProvider clock, IAnsiConsole? progressConsole = null)
    {
        var inv = CultureInfo.InvariantCulture;
        if (s.Rollback)
        {
            if (ModelStore.Rollback(s.Out, out var restored) is { } rollbackError)
            {
                error.WriteLine("error: " + rollbackError);
                return FileError;
            }
            output.WriteLine($"restored the previous model ({restored}) into {s.Out}");
            return Ok;
        }
        var now = clock.GetLocalNow();
        if (s.Folds < 2)
        {
            error.WriteLine($"error: --folds must be at least 2, not {s.Folds}");
            return FileError;
        }

        string storeSource = s.Labels;
        var log = s.Db is { } db ? StoreLog(db, error, ref storeSource) : new DecisionStore(s.Labels, d => error.WriteLine(d)).Read();
        if (log is null) return FileError;
        if (log.Diagnostics.Any(d => d.Level == Model.DiagnosticLevel.Error)) return FileError;
        IReadOnlyDictionary<string, Decision>? boot = null;
        bool sameFile = s.Bootstrap is not null && Path.GetFullPath(s.Bootstrap) == Path.GetFullPath(s.Labels);
        if (s.Bootstrap is not null && !sameFile)
        {
            var bl = new DecisionStore(s.Bootstrap, d => error.WriteLine(d)).Read();
            if (bl.Diagnostics.Any(d => d.Level == Model.DiagnosticLevel.Error)) return FileError;
            boot = bl.Latest;
        }
        var latest = log.Latest;
        var examples = TrainingData.Merge(latest, boot);
        int unsure = latest.Values.Count(d => d.Verdict == Checks.Verdict.Unsure);
        string source = storeSource + (boot is null ? "" : " + " + s.Bootstrap);

        var (current, currentProblem) = ModelStore.Load(s.Out);
        if (current is null && File.Exists(ModelStore.ModelPath(s.Out)))
            error.WriteLine($"warning: {currentProblem}; it will be replaced");

        TrainOutcome outcome;
        if (progressConsole is not null && examples.Count > 0)
        {
            TrainOutcome? result = null;
            progressConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("training (cross-validating each trainer, then all labels)", maxValue: 1.0);
                    result = TriageTrainer.Train(examples, current, s.Folds, s.Seed, now, s.Force, source,
                        new Reporter(p => task.Value = Math.Min(1.0, p)), s.Trainers);
                    task.Value = 1.0;
                });
            outcome = result!;
        }
        else outcome = TriageTrainer.Train(examples, current, s.Folds, s.Seed, now, s.Force, source, trainers: s.Trainers);

        if (outcome.Status is TrainStatus.NoLabels or TrainStatus.OneClass or TrainStatus.NoFeatures)
        {
            var what = outcome.Status == TrainStatus.NoLabels
                ? (s.Db is not null || File.Exists(s.Labels) ? $"no confirmed or dismissed decisions in {source}" + (unsure > 0 ? $" ({unsure} unsure)" : "") : $"no decisions file {s.Labels}")
                : $"{source}: {outcome.Reason}";
            error.WriteLine($"error: cannot train: {what}. Review some findings first (factcheck review REPORT_DIR). The model in {s.Out} is unchanged.");
            return NoTrainingData;
        }

        int reviewed = examples.Count(e => e.Weight >= 1), bootCount = examples.Count - reviewed;
        output.WriteLine(string.Format(inv, "labels: {0}: {1} confirmed, {2} dismissed{3}{4}", source, outcome.Positives, outcome.Negatives,
            unsure > 0 ? $", {unsure} unsure skipped" : "",
            bootCount > 0 ? $" ({reviewed} reviewers' decisions at weight 1, {bootCount} bootstrap labels at weight {TrainingData.BootstrapWeight.ToString(inv)})" : ""));
        var meta = outcome.Metadata!;
        output.WriteLine(string.Format(inv, "{0}-fold stratified cross-validation (seed {1}){2}; trainers tried (ROC AUC): {3}; chosen: {4}",
            outcome.Folds, s.Seed,
            outcome.Folds < s.Folds ? $" (fewer folds than the {s.Folds} asked: only {Math.Min(outcome.Positives, outcome.Negatives)} of the smaller class)" : "",
            string.Join(", ", meta.TrainerAuc.Select(kv => $"{kv.Key} {kv.Value:0.0000}")), meta.Trainer));
        output.WriteLine("what the new model would do (on held-out folds): " + outcome.NewEffect!.Describe());
        if (outcome.CurrentEffect is { } ce)
            output.WriteLine("what the current model does on the same findings: " + ce.Describe());
        WriteComparison(output, outcome.NewMetrics!, outcome.CurrentMetrics);

        if (outcome.Status == TrainStatus.Keep)
        {
            output.WriteLine($"kept the current model in {s.Out}: {outcome.Reason}; use --force to replace it anyway");
            return Ok;
        }
        if (ModelStore.Save(s.Out, outcome.Model!, meta) is { } saveError)
        {
            error.WriteLine("error: " + saveError);
            return FileError;
        }
        output.WriteLine($"wrote {ModelStore.ModelPath(s.Out)} (display threshold {meta.Threshold.ToString("0.00", inv)}): {outcome.Reason}" +
            (current is not null ? $"; the previous model is kept in {Path.Combine(s.Out, ModelStore.HistoryDir)} (train --rollback restores it)" : ""));
        return Ok;
    }

    /// <summary>The store's latest verdicts as a decision log, or null (with a message) when the store cannot be read.</summary>
    private static DecisionLog? StoreLog(string db, TextWriter error, ref string source)
    {
        var (store, problem) = StoreOptions.Open(db, error);
        if (store is null) { error.WriteLine("error: " + problem); return null; }
        using (store)
        {
            try
            {
                source = store.Describe;
                return new DecisionLog(store.Latest().Values.OrderBy(d => d.Time).ToList(), []);
            }
            catch (FactCheck.Store.StoreException e) { error.WriteLine("error: " + e.Message); return null; }
        }
    }

    private static void WriteComparison(TextWriter w, BinaryMetrics candidate, BinaryMetrics? current)
    {
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine("replacement rule: the new model replaces the current one only if neither its AUC nor its F1 is lower (by more than 0.005) on the same findings");
        w.WriteLine(string.Format(inv, "  {0,-10}{1,9}{2,10}", "", "new", current is null ? "" : "current"));
        Row("precision", candidate.Precision, current?.Precision);
        Row("recall", candidate.Recall, current?.Recall);
        Row("F1", candidate.F1, current?.F1);
        Row("AUC", candidate.Auc, current?.Auc);
        if (current is null) w.WriteLine("  (no current model)");
        else w.WriteLine("  (the current model is scored as it is on the same findings; if it was trained on some of them, its figures are optimistic)");

        void Row(string name, double a, double? b) =>
            w.WriteLine(string.Format(inv, "  {0,-10}{1,9:0.0000}{2,10}", name, a, b is { } v ? v.ToString("0.0000", inv) : ""));
    }

    private sealed class Reporter(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
