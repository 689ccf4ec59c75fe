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
        var limit = new Option<int>("--limit") { Description = "Use at most this many clusters (0: all)", DefaultValueFactory = _ => 0 };
        var cmd = new Command("inject", "Inject discrepancies (date typo, cross-source date, count, name) into one article of each cluster and measure recall and precision.");
        cmd.Options.Add(clusters); cmd.Options.Add(articles); cmd.Options.Add(seed); cmd.Options.Add(labels); cmd.Options.Add(limit); cmd.Options.Add(weak); cmd.Options.Add(verbose);
        cmd.SetAction(pr => Run(pr.GetValue(clusters)!, pr.GetValue(articles)!, pr.GetValue(seed), pr.GetValue(labels), pr.GetValue(limit), Console.Out, Console.Error,
            pr.GetValue(weak)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), pr.GetValue(verbose)));
        return cmd;
    }

    /// <summary>Runs the harness; prints per-kind recall, precision and the untouched-cluster findings; returns the exit code.</summary>
    public static int Run(string clustersPath, IReadOnlyList<string> articlePaths, int seed, string? labelsOut, int limit, TextWriter output, TextWriter error,
        IReadOnlyCollection<string>? weakNegatives = null, bool verbose = false)
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
        if (limit > 0) clusters = clusters.Take(limit).ToList();

        var report = new InjectionHarness(new ArticleAnalyzer(), new Checker(), seed).Run(clusters, byId);
        output.WriteLine($"clusters used: {report.Clusters}; findings on the untouched clusters: {report.UntouchedFindings} ({string.Join(", ", report.UntouchedByRule.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))})");
        output.WriteLine($"{"kind",-18} {"injected",8} {"detected",8} {"recall",7}  other-findings");
        foreach (var g in report.Injections.GroupBy(i => i.Kind).OrderBy(g => g.Key))
        {
            int n = g.Count(), hit = g.Count(i => i.Hits.Count > 0), other = g.Sum(i => i.Other.Count);
            var label = g.First().Benign ? "flagged" : "detected";
            output.WriteLine($"{g.Key,-18} {n,8} {hit,8} {(n == 0 ? 0 : 100.0 * hit / n),6:F1}%  {other}  ({label})");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"injected discrepancies: recall {100 * report.Recall:F1}% ({report.Detected}/{report.Injected}), precision {100 * report.Precision:F1}%; benign edits flagged: {report.BenignFlagged}/{report.Benign}"));

        if (verbose)
        {
            foreach (var f in report.Untouched) error.WriteLine($"UNTOUCHED {f.Rule}: {f.Message}");
            foreach (var i in report.Injections.Where(i => i.Benign ? i.Hits.Count + i.Other.Count > 0 : i.Hits.Count == 0))
                error.WriteLine($"{i.Kind} {i.Doc}: \"{i.Before}\" -> \"{i.After}\"; other: {string.Join(" | ", i.Other.Concat(i.Hits).Select(f => f.Rule + ": " + f.Message))}");
        }

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
}
