using System.CommandLine;
using System.Globalization;
using FactCheck.Review;
using FactCheck.Triage;
using Spectre.Console;

namespace FactCheck.Cli.Commands;

/// <summary>`factcheck train`: fits the triage classifier on review decisions and replaces the model only when the new one is not worse.</summary>
public static class TrainCommand
{
    /// <summary>Trained; the model was replaced, or kept because the new one was worse (the output says which).</summary>
    public const int Ok = 0;
    /// <summary>Nothing to train on: no labels, or labels of one class only. The model is left alone.</summary>
    public const int NoTrainingData = 1;
    /// <summary>A file could not be read or written.</summary>
    public const int FileError = 2;

    /// <summary>What to train on and where to put the model.</summary>
    public sealed record Settings
    {
        public string Labels { get; init; } = DecisionStore.DefaultPath;
        public string Out { get; init; } = ModelStore.DefaultDir;
        public int Folds { get; init; } = 5;
        public ulong Seed { get; init; } = 1;
        public bool Force { get; init; }
        public LogisticRegressionOptions Options { get; init; } = new();
        /// <summary>Train on the store's latest verdicts (--db, or the default store when --labels is not given); null: the Labels file.</summary>
        public string? Db { get; init; }
    }

    public static Command Create()
    {
        var labels = new Option<string?>("--labels") { Description = $"Decisions JSONL (default {DecisionStore.DefaultPath}); bootstrap labels come from `factcheck eval inject --labels-out` (scripts/train-triage.sh)" };
        var output = new Option<string>("--out") { Description = "Model folder (model.json, metadata.json)", DefaultValueFactory = _ => ModelStore.DefaultDir };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds", DefaultValueFactory = _ => 5 };
        var seed = new Option<ulong>("--seed") { Description = "Seed for the cross-validation folds (training itself is deterministic)", DefaultValueFactory = _ => 1 };
        var force = new Option<bool>("--force") { Description = "Replace the model even when the new one is worse" };
        var db = StoreOptions.DbOption();
        var cmd = new Command("train", "Train the triage classifier on review decisions (confirmed = real, dismissed = not; unsure skipped).");
        cmd.Options.Add(labels);
        cmd.Options.Add(output);
        cmd.Options.Add(folds);
        cmd.Options.Add(seed);
        cmd.Options.Add(force);
        cmd.Options.Add(db);
        cmd.SetAction(pr =>
        {
            var settings = new Settings
            {
                Labels = pr.GetValue(labels) ?? DecisionStore.DefaultPath,
                Out = pr.GetValue(output) ?? ModelStore.DefaultDir,
                Folds = pr.GetValue(folds), Seed = pr.GetValue(seed), Force = pr.GetValue(force),
                Db = pr.GetValue(labels) is null ? pr.GetValue(db) ?? FactCheck.Store.FactStore.DefaultLocation() : pr.GetValue(db),
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
        var now = clock.GetLocalNow();
        if (s.Folds < 2)
        {
            error.WriteLine($"error: --folds must be at least 2, not {s.Folds}");
            return FileError;
        }

        string source = s.Labels;

        var log = s.Db is { } db ? StoreLog(db, error, ref source) : new DecisionStore(s.Labels, d => error.WriteLine(d)).Read();
        if (log is null) return FileError;
        if (log.Diagnostics.Any(d => d.Level == Model.DiagnosticLevel.Error)) return FileError;
        var latest = log.Latest;
        var examples = TrainingData.FromDecisions(latest);
        int unsure = latest.Count - examples.Count;

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
                    var task = ctx.AddTask("training (cross-validation, then all labels)", maxValue: 1.0);
                    result = TriageTrainer.Train(examples, current, s.Folds, s.Seed, s.Options, now, s.Force, source,
                        new Reporter(p => task.Value = Math.Min(1.0, p)));
                    task.Value = 1.0;
                });
            outcome = result!;
        }
        else outcome = TriageTrainer.Train(examples, current, s.Folds, s.Seed, s.Options, now, s.Force, source);

        if (outcome.Status is TrainStatus.NoLabels or TrainStatus.OneClass)
        {
            var what = outcome.Status == TrainStatus.NoLabels
                ? (s.Db is not null || File.Exists(s.Labels) ? $"no confirmed or dismissed decisions in {source}" + (unsure > 0 ? $" ({unsure} unsure)" : "") : $"no decisions file {s.Labels}")
                : $"{source}: {outcome.Reason}";
            error.WriteLine($"error: cannot train: {what}. Review some findings first (factcheck review REPORT_DIR). The model in {s.Out} is unchanged.");
            return NoTrainingData;
        }

        output.WriteLine(string.Format(inv, "labels: {0}: {1} confirmed, {2} dismissed{3}", source, outcome.Positives, outcome.Negatives,
            unsure > 0 ? $", {unsure} unsure skipped" : ""));
        output.WriteLine(string.Format(inv, "{0}-fold stratified cross-validation (seed {1}), threshold 0.5{2}:", outcome.Folds, s.Seed,
            outcome.Folds < s.Folds ? $" (fewer folds than the {s.Folds} asked: only {Math.Min(outcome.Positives, outcome.Negatives)} of the smaller class)" : ""));
        WriteComparison(output, outcome.NewMetrics!, outcome.CurrentMetrics);

        if (outcome.Status == TrainStatus.Keep)
        {
            output.WriteLine($"kept the current model in {s.Out}: {outcome.Reason}; use --force to replace it anyway");
            return Ok;
        }
        if (ModelStore.Save(s.Out, outcome.Model!, outcome.Metadata!) is { } saveError)
        {
            error.WriteLine("error: " + saveError);
            return FileError;
        }
        output.WriteLine($"wrote {ModelStore.ModelPath(s.Out)}: {outcome.Reason}");
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
        w.WriteLine(string.Format(inv, "  {0,-10}{1,9}{2,10}", "", "new", current is null ? "" : "current"));
        Row("precision", candidate.Precision, current?.Precision);
        Row("recall", candidate.Recall, current?.Recall);
        Row("F1", candidate.F1, current?.F1);
        Row("AUC", candidate.Auc, current?.Auc);
        if (current is null) w.WriteLine("  (no current model)");
        else w.WriteLine("  (the current model is scored as it is on the same examples; if it was trained on some of them, its figures are optimistic)");

        void Row(string name, double a, double? b) =>
            w.WriteLine(string.Format(inv, "  {0,-10}{1,9:0.0000}{2,10}", name, a, b is { } v ? v.ToString("0.0000", inv) : ""));
    }

    private sealed class Reporter(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
