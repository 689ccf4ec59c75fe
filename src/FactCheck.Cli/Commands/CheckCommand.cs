using System.CommandLine;
using FactCheck.Checks;
using FactCheck.Model;
using FactCheck.Output;
using FactCheck.Readers;
using Spectre.Console;
using FactCheck.Cli;

namespace FactCheck.Cli.Commands;

/// <summary>`factcheck check PATHS... --out DIR [--fail-on high|medium|low] [--format claimreview] [--labels PATH]`: reads,
/// analyzes and checks articles, and writes report.json, report.md and report.html.</summary>
public static class CheckCommand
{
    /// <summary>Every input was read and no finding reached --fail-on.</summary>
    public const int Ok = ExitCodes.Ok;
    /// <summary>Some input could not be read (it is listed in the report; the others were checked).</summary>
    public const int InputFailed = ExitCodes.InputFailed;
    /// <summary>The reports could not be written.</summary>
    public const int WriteFailed = ExitCodes.WriteFailed;
    /// <summary>Some finding is at or above the --fail-on severity (also when some input failed: 3 wins over 1).</summary>
    public const int FindingsReachedFailOn = ExitCodes.FindingsReachedFailOn;

    /// <summary>Articles from which the analysis is collected (a full, compacting garbage collection) once the report is built.</summary>
    public const int ReleaseAnalysisFrom = 2000;

    /// <summary>Articles from which a progress bar is shown (when the output is a terminal).</summary>
    public const int ProgressThreshold = 20;

    /// <summary>Where review decisions come from, given the --labels path (the DecisionStore by default).</summary>
    public static Func<string, IDecisionSource> DecisionSourceFactory { get; set; } = path => new FactCheck.Review.DecisionStore(path, d => Console.Error.WriteLine(d));

    public static Command Create()
    {
        var cmd = new Command("check", "Check articles for inconsistent dates and write a discrepancy report. " +
            "Exit codes: 0 ok, 1 some input failed, 2 reports not written, 3 findings reached --fail-on (also when an input failed), 64 usage error.");
        var paths = CliOptions.Paths();
        var output = new Option<string>("--out") { Description = "Folder for report.json, report.md, report.html", Required = true };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 3 when a finding has this severity or higher" };
        failOn.AcceptOnlyFromAmong("high", "medium", "low");
        var format = new Option<string[]>("--format") { Description = "Extra outputs: claimreview (schema.org ClaimReview JSON-LD of confirmed findings)", AllowMultipleArgumentsPerToken = true };
        format.AcceptOnlyFromAmong("claimreview");
        var labels = new Option<string>("--labels") { Description = "Review decisions (JSONL) applied to findings by id", DefaultValueFactory = _ => FactCheck.Lang.DataPaths.DecisionsFile };
        var lang = new Option<string>("--lang") { Description = "auto (the document's lang or detected), id, or en", DefaultValueFactory = _ => "auto" };
        lang.AcceptOnlyFromAmong("auto", "id", "en");
        var model = new Option<string>("--model") { Description = "Triage model folder; without a model each finding's score is its rule's prior", DefaultValueFactory = _ => FactCheck.Triage.ModelStore.DefaultDir };
        var threshold = new Option<double?>("--threshold") { Description = "Display threshold: findings scored below it are folded under \"N more, less likely\" (default: the model's calibrated threshold)" };
        var generated = new Option<string?>("--generated") { Description = "The report's \"generated\" stamp (default: the latest publication date of the input)" };
        var db = StoreOptions.DbOption();
        var threads = CliOptions.Threads();
        var maxDoc = CliOptions.MaxDocMb();
        cmd.Arguments.Add(paths);
        foreach (var o in new Option[] { output, failOn, format, labels, lang, model, threshold, generated, db, threads, maxDoc }) cmd.Options.Add(o);
        cmd.SetAction(pr => Run(new CheckRequest(pr.GetValue(paths)!, pr.GetValue(output)!)
        {
            FailOn = pr.GetValue(failOn), ClaimReview = (pr.GetValue(format) ?? []).Contains("claimreview"),
            Labels = pr.GetValue(labels), LabelsGiven = pr.GetResult(labels) is { Implicit: false },
            Lang = pr.GetValue(lang) ?? "auto", Generated = pr.GetValue(generated), Model = pr.GetValue(model),
            Db = pr.GetValue(db) ?? FactCheck.Store.FactStore.DefaultLocation(), DbGiven = pr.GetResult(db) is { Implicit: false },
            Threads = pr.GetValue(threads), Limits = CliOptions.Limits(pr.GetValue(maxDoc)),
            ModelGiven = pr.GetResult(model) is { Implicit: false }, Threshold = pr.GetValue(threshold),
        }, Console.Out, Console.Error));
        return cmd;
    }

    /// <summary>What to check and where to write.</summary>
    public sealed record CheckRequest(IReadOnlyList<string> Paths, string Out)
    {
        public string? FailOn { get; init; }
        public bool ClaimReview { get; init; }
        public string? Labels { get; init; }
        /// <summary>True when --labels was given explicitly: a missing file is then worth a warning.</summary>
        public bool LabelsGiven { get; init; }
        public string Lang { get; init; } = "auto";
        public string? Generated { get; init; }
        /// <summary>Triage model folder; null or missing: scores are the rules' priors.</summary>
        public string? Model { get; init; }
        /// <summary>True when --model was given explicitly: a missing model is then an error, not a fallback to the priors.</summary>
        public bool ModelGiven { get; init; }
        /// <summary>Display threshold; null: the model's calibrated one (0.5 without a model).</summary>
        public double? Threshold { get; init; }
        public bool Progress { get; init; } = true;
        /// <summary>The store (--db) that receives the run and gives the verdicts; null: none (the --labels file only).</summary>
        public string? Db { get; init; }
        /// <summary>True when --db was given explicitly: a store that cannot be opened is then an error, not a warning.</summary>
        public bool DbGiven { get; init; }
        /// <summary>Analysis threads; 0: every core. The report is the same for any number.</summary>
        public int Threads { get; init; }
        public ReadLimits? Limits { get; init; }
    }

    /// <summary>Runs the check; returns the exit code.</summary>
    public static int Run(CheckRequest req, TextWriter stdout, TextWriter stderr)
    {
        if (req.ModelGiven && req.Model is { } givenModel && !File.Exists(FactCheck.Triage.ModelStore.ModelPath(givenModel)))
        {
            stderr.WriteLine($"error: --model {givenModel}: no triage model there ({FactCheck.Triage.ModelStore.ModelFile} missing); reports not written");
            return WriteFailed;
        }
        if (req.LabelsGiven && req.Labels is { } givenLabels && !File.Exists(givenLabels))
        {
            stderr.WriteLine($"error: --labels {givenLabels}: no such file; reports not written");
            return WriteFailed;
        }
        if (req.Threshold is { } th && th is < 0 or > 1)
        {
            stderr.WriteLine($"error: --threshold must be between 0 and 1, not {th}");
            return WriteFailed;
        }
        var timings = new StageTimings(stderr);
        if (Build(req, stdout, stderr, timings) is not { } built) return WriteFailed;
        var (report, findings, ruleFailed, articleCount, store) = built;
        using var _ = store;
        // the report is all that is written and stored: a large run lets its analyzed articles (most of its heap) go now,
        // before the writers and the store allocate as much again (the 20,000-article check peaked there); they lived only
        // in Build's frame, so nothing of this one (a local, a deconstruction's temporary) still holds them. The collection keeps
        // the memory it frees for the writers (an aggressive one gave it back to the system, and the writers then faulted
        // it in again page by page: 20k, 337k -> 255k page faults)
        if (articleCount >= ReleaseAnalysisFrom) GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        timings.Stage("facts");
        // the run is stored beside the report writers (they keep about two cores busy only part of the time): its JSON and
        // rows are made and written in one transaction, committed once the reports are written and rolled back if they fail
        var reportsWritten = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var storing = CheckStore.Start(store, report, reportsWritten.Task);
        try
        {
            ReportWriter.Write(report, req.Out, req.ClaimReview, CheckStore.ClaimReviewOptions(store));
            reportsWritten.SetResult(true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {req.Out}: cannot write the reports: {e.Message}");
            reportsWritten.SetResult(false);
            try { storing?.Wait(); } catch (AggregateException) { }
            return WriteFailed;
        }
        finally { reportsWritten.TrySetResult(false); }   // any other failure of the writers: the run is not committed either

        timings.Stage("write");
        if (!CheckStore.Save(store, storing, stdout, stderr) && req.DbGiven) return WriteFailed;
        timings.Stage("store");
        PrintSummary(report, stdout, req.Out);
        // precedence: a finding at --fail-on (3) wins over a failed input or rule (1), so a CI gate cannot pass because an
        // input also failed; the failed inputs are still listed on stderr and in the report; a dismissed finding never counts
        if (req.FailOn is { } fo && Enum.TryParse<Severity>(fo, true, out var level) && findings.Any(f => f.Severity >= level && f.Verdict != Verdict.Dismissed))
        {
            if (report.Failed > 0) stderr.WriteLine($"error: {report.Failed} input(s) failed (exit code 3 for --fail-on {fo} takes precedence over 1)");
            return FindingsReachedFailOn;
        }
        if (report.Failed > 0) return InputFailed;
        // a rule that failed on some story: its findings may be missing, so the run did not succeed
        if (ruleFailed) return InputFailed;
        return Ok;
    }

    /// <summary>What <see cref="Build"/> hands on to the writers: the report, its findings, whether a rule failed, how many
    /// articles were analyzed, and the open store (or null).</summary>
    private sealed record Built(Report Report, IReadOnlyList<Finding> Findings, bool RuleFailed, int ArticleCount, FactCheck.Store.FactStore? Store);

    /// <summary>Reads, analyzes and checks, scores the findings, applies the reviewers' decisions and builds the report; null
    /// when the store given with --db cannot be opened. The analyzed articles are referenced from this frame only, so they
    /// can be collected as soon as it returns.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Built? Build(CheckRequest req, TextWriter stdout, TextWriter stderr, StageTimings timings)
    {
        var checker = new Checker();
        var (read, analyzed, checking) = ReadAndAnalyze(req, checker, stdout, stderr);
        timings.Stage("analyze");

        var stories = new FactCheck.Stories.StoryGrouper { Threads = req.Threads }.Group(analyzed);
        timings.Stage("stories");
        var result = checking.Check(stories);
        timings.Stage("check");
        foreach (var d in result.Diagnostics) stderr.WriteLine(d);
        var (findings, threshold) = Score(result.Findings, checker, req.Model, req.Threshold, stderr);
        timings.Stage("score");
        var store = CheckStore.Open(req, stderr, out var storeFailed);
        if (storeFailed) return null;
        if (store is not null && !req.LabelsGiven) findings = Checker.ApplyDecisions(findings, store.Load());
        else if (req.Labels is { } labels && File.Exists(labels))
            findings = Checker.ApplyDecisions(findings, DecisionSourceFactory(labels).Load());
        findings = findings.Select(f => f with { Shown = f.Verdict == Verdict.Confirmed || f.Verdict != Verdict.Dismissed && f.Score >= threshold }).ToList();

        timings.Stage("decisions");
        var report = Report.Build(read, analyzed, findings, req.Generated, stories, result.Facts) with { Threshold = threshold };
        bool ruleFailed = result.Diagnostics.Any(d => d.Level == DiagnosticLevel.Error);
        return new Built(report, findings, ruleFailed, analyzed.Count, store);
    }

    /// <summary>Reads and analyzes on every core (FactCheck.Pipeline.AnalysisPipeline), printing diagnostics as they come, with a
    /// progress bar on a terminal; the stories the input names are checked as their articles come (FactCheck.Pipeline.StoryStream).</summary>
    private static (ReadResult, IReadOnlyList<AnalyzedArticle>, FactCheck.Pipeline.StoryStream) ReadAndAnalyze(CheckRequest req, Checker checker,
        TextWriter stdout, TextWriter stderr)
    {
        var items = new ArticleReader(req.Limits).Stream(req.Paths);
        bool bar = req.Progress && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        (FactCheck.Pipeline.AnalysisRun Run, FactCheck.Pipeline.StoryStream Stories) Analyze(Action? onArticle) =>
            FactCheck.Pipeline.AnalysisPipeline.RunChecking(items, checker, req.Lang, req.Threads, d => stderr.WriteLine(d), onArticle);
        (FactCheck.Pipeline.AnalysisRun Run, FactCheck.Pipeline.StoryStream Stories)? run = null;
        if (bar)
            AnsiConsole.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask("analyzing");
                task.IsIndeterminate = true;
                run = Analyze(() => task.Increment(1));
            });
        else run = Analyze(null);
        var (analysis, stream) = run!.Value;
        return (analysis.Read, analysis.Analyzed, stream);
    }

    /// <summary>Scores findings with the triage model when one loads (then reorders; each score with the features that moved it),
    /// else leaves the rules' priors and says so; returns the display threshold (given, the model's calibrated one, or 0.5).</summary>
    private static (IReadOnlyList<Finding> Findings, double Threshold) Score(IReadOnlyList<Finding> findings, Checker checker, string? modelDir, double? threshold, TextWriter stderr)
    {
        if (modelDir is null) return (findings, threshold ?? 0.5);
        var scorer = FactCheck.Triage.TriageScorer.Load(modelDir, checker);
        if (scorer.Model is null)
        {
            stderr.WriteLine($"warning: {scorer.ModelProblem}; scores are the rules' priors");
            return (findings, threshold ?? 0.5);
        }
        var scored = Checker.Order(findings.Select(scorer.Rescore));
        return (scored, threshold ?? scorer.Threshold);
    }

    private static void PrintSummary(Report r, TextWriter w, string outDir)
    {
        w.WriteLine($"{r.Articles.Count(a => a.Ok)} articles checked, {r.Failed} failed; {r.Findings.Count} findings: " +
                    $"{r.Count(Severity.High)} high, {r.Count(Severity.Medium)} medium, {r.Count(Severity.Low)} low" +
                    (r.Threshold is { } t ? $"; {r.ShownFindings.Count()} shown at threshold {t.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}" : ""));
        foreach (var f in r.ShownFindings.Take(5))
        {
            var doc = f.Evidence.Count > 0 ? f.Evidence[0].Doc : "";
            var sugg = f.Suggestions.Count > 0 ? $" -> {f.Suggestions[0].Text}" : "";
            w.WriteLine(SafeText.Terminal($"  {f.Severity.ToString().ToUpperInvariant(),-6} {f.Rule,-17} {doc}: {f.Message}{sugg}"));
        }
        int more = r.Findings.Count - Math.Min(5, r.ShownFindings.Count());
        if (more > 0) w.WriteLine($"  ... {more} more in {Path.Combine(outDir, "report.md")}");
        w.WriteLine($"reports: {Path.Combine(outDir, "report.json")}, report.md, report.html");
    }
}
