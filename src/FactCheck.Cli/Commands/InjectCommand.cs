using System.CommandLine;
using System.Globalization;
using FactCheck.Checks;
using FactCheck.Evaluation;
using FactCheck.Model;
using FactCheck.Readers;
using FactCheck.Review;
using Newtonsoft.Json.Linq;

namespace FactCheck.Cli.Commands;

/// <summary>`factcheck eval inject`: injects discrepancies into real same-event clusters and measures what check finds.</summary>
public static class InjectCommand
{
    public static Command Create()
    {
        var clusters = new Option<string>("--clusters") { Description = "Clusters JSONL: {cluster_id, article_ids: [...]}; or auto:N for consecutive groups of N articles (corpora without same-event clusters)", Required = true };
        var articles = new Option<string[]>("--articles") { Description = "Articles (JSONL, txt, html; files or folders)", Required = true, AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (the run is deterministic for a seed)", DefaultValueFactory = _ => 1 };
        var labels = new Option<string?>("--labels-out") { Description = "Write bootstrap decisions: findings at injected edits confirmed, findings caused by benign edits dismissed" };
        var verbose = new Option<bool>("--verbose") { Description = "List, on standard error, the findings on the untouched text, the injections that were missed and the benign edits that were flagged" };
        var weak = new Option<string>("--weak-negatives") { Description = "Rules whose findings on the untouched text are written as dismissed (weak labels), comma-separated", DefaultValueFactory = _ => "" };
        var rounds = new Option<int>("--rounds") { Description = "Edits of each kind per story: each round picks sites not used by an earlier one (a larger sample)", DefaultValueFactory = _ => 1 };
        var half = new Option<string>("--half") { Description = "Use the dev or test half of the clusters (split by hash of the cluster id), or all", DefaultValueFactory = _ => "all" };
        half.AcceptOnlyFromAmong("dev", "test", "all");
        var model = new Option<string?>("--model") { Description = "Triage model folder that scores the findings as check does (default: models/triage under the FactCheck home; \"none\": the rules' own scores)" };
        var limit = new Option<int>("--limit") { Description = "Use at most this many clusters (0: all)", DefaultValueFactory = _ => 0 };
        var cmd = new Command("inject", "Inject discrepancies (a weekday date typo; a date, a count and a name another article also states) and benign edits into one article of each story, and measure recall and precision.");
        cmd.Options.Add(clusters); cmd.Options.Add(articles); cmd.Options.Add(seed); cmd.Options.Add(labels); cmd.Options.Add(limit); cmd.Options.Add(weak); cmd.Options.Add(verbose); cmd.Options.Add(rounds);
        cmd.Options.Add(half); cmd.Options.Add(model);
        cmd.SetAction(pr => Run(pr.GetValue(clusters)!, pr.GetValue(articles)!, pr.GetValue(seed), pr.GetValue(labels), pr.GetValue(limit), Console.Out, Console.Error,
            pr.GetValue(weak)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), pr.GetValue(verbose), pr.GetValue(rounds),
            DevSplit.Parse(pr.GetValue(half)), pr.GetValue(model)));
        return cmd;
    }

    /// <summary>Runs the harness; prints per-kind recall, precision and the untouched-story findings; returns the exit code.</summary>
    public static int Run(string clustersPath, IReadOnlyList<string> articlePaths, int seed, string? labelsOut, int limit, TextWriter output, TextWriter error,
        IReadOnlyCollection<string>? weakNegatives = null, bool verbose = false, int rounds = 1, DevSplit.Half? half = null, string? modelDir = "none")
    {
        weakNegatives ??= [];
        int autoSize = clustersPath.StartsWith("auto:", StringComparison.Ordinal) && int.TryParse(clustersPath[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 2 ? size : 0;
        if (autoSize == 0 && !File.Exists(clustersPath)) { error.WriteLine($"error: {clustersPath}: no such file (or use auto:N)"); return 2; }
        var read = new ArticleReader().Read(articlePaths);
        foreach (var d in read.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error)) error.WriteLine(d);
        var byId = read.Articles.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var clusters = new List<(string, IReadOnlyList<string>)>();
        if (autoSize > 0)
            for (int i = 0; i + 1 < read.Articles.Count; i += autoSize)
                clusters.Add(($"auto{i / autoSize}", read.Articles.Skip(i).Take(autoSize).Select(a => a.Id).ToList()));
        int lineNo = 0;
        foreach (var line in autoSize > 0 ? [] : File.ReadLines(clustersPath))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var o = JObject.Parse(line);
                var ids = (o["article_ids"] as JArray ?? []).Values<string>().OfType<string>().ToList();
                clusters.Add((o.Value<string>("cluster_id") ?? $"line{lineNo}", ids));
            }
            catch (Newtonsoft.Json.JsonException e) { error.WriteLine($"error: {clustersPath}:{lineNo}: not JSON: {e.Message}"); }
        }
        if (half is { } h) clusters = clusters.Where(c => DevSplit.Of(c.Item1) == h).ToList();
        if (limit > 0) clusters = clusters.Take(limit).ToList();

        var checker = new Checker();
        Func<Finding, Finding>? scorer = null;
        double? threshold = null;
        if (modelDir != "none")
        {
            var dir = modelDir ?? FactCheck.Triage.ModelStore.DefaultDir;
            var triage = FactCheck.Triage.TriageScorer.Load(dir, checker);
            if (triage.Model is null) { error.WriteLine($"error: {triage.ModelProblem}"); return 2; }
            scorer = f => f with { Score = Math.Round(triage.Explain(f).Probability, 4) };
            threshold = triage.Threshold;
        }
        var report = new InjectionHarness(new ArticleAnalyzer(), checker, seed, Math.Max(1, rounds)) { Scorer = scorer, Threshold = threshold }.Run(clusters, byId);
        output.WriteLine($"seed {seed}, rounds {Math.Max(1, rounds)} (each round: at most one edit of each kind per story, at a site not used before)");
        Print(report, output, error, verbose);

        if (labelsOut is not null)
        {
            var time = DateTimeOffset.UnixEpoch; // bootstrap labels carry no wall-clock time, so the file is reproducible
            var decisions = new List<Decision>();
            foreach (var i in report.Injections)
            {
                if (!i.Benign) decisions.AddRange(i.Hits.Select(f => Decision.For(f, Verdict.Confirmed, $"injected {i.Kind}", "bootstrap", time)));
                else decisions.AddRange(i.Hits.Concat(i.Other).Select(f => Decision.For(f, Verdict.Dismissed, $"benign {i.Kind}", "bootstrap", time)));
            }
            decisions.AddRange(report.Untouched.Where(f => weakNegatives.Contains(f.Rule))
                .Select(f => Decision.For(f, Verdict.Dismissed, "untouched text, presumed benign (weak label)", "bootstrap", time)));
            // one decision per finding id, the first written wins (an injected hit before a weak label)
            decisions = decisions.GroupBy(d => d.FindingId).Select(g => g.First()).ToList();
            if (File.Exists(labelsOut)) File.Delete(labelsOut);
            var err = new DecisionStore(labelsOut).AppendAll(decisions);
            if (err is not null) { error.WriteLine($"error: {labelsOut}: {err}"); return 2; }
            output.WriteLine($"labels: {decisions.Count} decisions written to {labelsOut}");
        }
        return 0;
    }

    /// <summary>The figures: per kind the sites, how many were detected (benign: flagged) and the share; precision; the untouched-story findings.</summary>
    public static void Print(InjectionReport report, TextWriter output, TextWriter error, bool verbose)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"stories used: {report.Clusters}; findings on the untouched stories: {report.UntouchedFindings}" +
            (report.UntouchedFindings == 0 ? "" : $" ({string.Join(", ", report.UntouchedByRule.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"))})"));
        if (report.Threshold is { } t)
            output.WriteLine(string.Create(inv, $"scored by the triage model; display threshold {t:0.00}: {report.UntouchedShown} of the untouched findings shown ({string.Join(", ", report.Untouched.Where(report.Shown).GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))})"));
        output.WriteLine($"{"kind",-20} {"sites",6} {"found",6} {"share",7}  other-findings" + (report.Threshold is null ? "" : "  shown"));
        foreach (var kind in Enum.GetValues<InjectionKind>())
        {
            var g = report.Injections.Where(i => i.Kind == kind).ToList();
            int n = g.Count, hit = g.Count(i => i.Benign ? i.Flagged : i.Detected), other = g.Sum(i => i.Other.Count);
            string shown = report.Threshold is null || InjectionHarness.IsBenign(kind) ? "" : string.Create(inv, $"  shown {report.ShownDetectedOf(kind)} ({(n == 0 ? 0 : 100.0 * report.ShownDetectedOf(kind) / n):F1}%)");
            output.WriteLine(string.Create(inv, $"{kind,-20} {n,6} {hit,6} {(n == 0 ? 0 : 100.0 * hit / n),6:F1}%  {other}  ({(InjectionHarness.IsBenign(kind) ? "flagged" : "detected")}){shown}"));
            if (kind is InjectionKind.DateNoWeekday or InjectionKind.Count && n > 0)
            {
                output.WriteLine("    by form: " + string.Join(", ", g.GroupBy(i => i.Form).OrderByDescending(f => f.Count()).ThenBy(f => f.Key, StringComparer.Ordinal)
                    .Select(f => $"{f.Key} {f.Count(i => i.Detected)}/{f.Count()}")));
                // the sites whose sentence shares two or more content words with the other article's sentence of that value:
                // more often one fact told twice than two facts that share a value (the harness's reading, not the checker's)
                var told = g.Where(i => i.SharedWords >= 2).ToList();
                int toldHit = told.Count(i => i.Detected), toldShown = told.Count(i => i.Hits.Any(report.Shown));
                output.WriteLine(string.Create(inv, $"    sentences sharing 2+ content words: {told.Count} sites, {toldHit} detected ({(told.Count == 0 ? 0 : 100.0 * toldHit / told.Count):F1}%)")
                    + (report.Threshold is null ? "" : string.Create(inv, $", shown {toldShown} ({(told.Count == 0 ? 0 : 100.0 * toldShown / told.Count):F1}%)"))
                    + string.Create(inv, $"; sharing fewer: {n - told.Count} sites, {g.Count(i => i.SharedWords < 2 && i.Detected)} detected"));
            }
        }
        output.WriteLine(string.Create(inv,
            $"injected discrepancies: recall {100 * report.Recall:F1}% ({report.Detected}/{report.Injected}), precision {100 * report.Precision:F1}%; benign edits flagged: {report.BenignFlagged}/{report.Benign} ({100 * report.BenignFlaggedShare:F1}%)"));
        if (!verbose) return;
        // article text (names, sentences, ids) reaches the terminal: escape sequences and control characters removed
        void Say(string line) => error.WriteLine(FactCheck.Output.SafeText.Terminal(line));
        foreach (var f in report.Untouched)
            Say($"UNTOUCHED {f.Rule} {f.Score.ToString("0.00", inv)}{(report.Shown(f) ? "" : " (folded)")}: {f.Message}" + string.Concat(f.Evidence.Select(e => $"\n    [{e.Doc}] \"{e.Text}\" in: {Snippet(e.Sentence ?? e.Text)}")));
        // what scored each detection: the hit with the best score, its rule and the features that set it
        foreach (var i in report.Injections.Where(i => !i.Benign && i.Detected))
        {
            var best = i.Hits.MaxBy(f => f.Score)!;
            Say($"DETECTED {i.Kind} {i.Form} {best.Rule} {best.Score.ToString("0.00", inv)}{(report.Shown(best) ? "" : " (folded)")} [{i.Doc}@{i.Start}] \"{Snippet(i.Before)}\" -> \"{Snippet(i.After)}\"{(i.SharedWords >= 0 ? $" shared={i.SharedWords}" : "")} {{{Features(best)}}}");
        }
        foreach (var f in report.Untouched)
            Say($"UNTOUCHED-FEATURES {f.Rule} {f.Score.ToString("0.00", inv)} {{{Features(f)}}}");
        foreach (var i in report.Injections.Where(i => i.Benign ? i.Flagged : !i.Detected))
            Say($"{(i.Benign ? "FLAGGED" : "MISSED")} {i.Kind} {i.Form} [{i.Doc}@{i.Start}] \"{Snippet(i.Before)}\" -> \"{Snippet(i.After)}\"" +
                (i.AlsoIn is null ? "" : $" (also in [{i.AlsoIn}@{i.AlsoStart}]: \"{i.AlsoText}\")") + (i.SharedWords >= 0 ? $" shared={i.SharedWords}" : "") +
                string.Concat(i.Hits.Concat(i.Other).Select(f => $"\n    {f.Rule}: {f.Message}")));
    }

    private static string Features(Finding f) =>
        string.Join(" ", f.Features.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value.ToString("0.###", CultureInfo.InvariantCulture)}"));

    private static string Snippet(string s) => (s.Length > 160 ? s[..157] + "..." : s).Replace('\n', ' ');
}
