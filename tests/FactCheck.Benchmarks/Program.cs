// FactCheck benchmarks
// ====================
// Temporal extraction throughput over the shared evaluation corpora (read in place, never copied into the repo):
//   - Tbaq:   all 256 TempEval-3 TBAQ documents, shared/eval/tempeval3/tbaq_docs.jsonl, lang en
//   - IdNews: all 568 Indonesian news articles, shared/eval/id_news/id_news_articles.jsonl, lang id
// The eval folder is found by walking up from the current directory (and from the program's directory) to the first
// shared/eval, or taken from $FACTCHECK_EVAL. Without it the program prints a message and exits 0 (skipped).
//
// Full BenchmarkDotNet run (the summary table has an MB/s column: UTF-8 megabytes of text / mean time):
//   dotnet run -c Release --project tests/FactCheck.Benchmarks -- --filter '*'
// Quick check without BenchmarkDotNet (one warm-up pass, then N timed passes per corpus, single-threaded, Stopwatch;
// prints MB/s per corpus; a rough number for quick comparisons, not a test):
//   dotnet run -c Release --project tests/FactCheck.Benchmarks -- --quick [N]      (N defaults to 5; also the best CPU ms of a pass)
// Check over the id_news clusters (analysis + all rules, and rules alone) for 50..568 articles, with MB/s:
//   dotnet run -c Release --project tests/FactCheck.Benchmarks -- --filter '*CheckBenchmarks*'
//   dotnet run -c Release --project tests/FactCheck.Benchmarks -- --quick-check [N]   (Stopwatch, time vs articles)
// Triage training (TriageTrainer.Train: ML.NET, 3 trainers x 5-fold cross-validation + final fit on 10,000 synthetic decisions,
// one thread; needs no eval data): `-- --quick-train` (Stopwatch, one run), or with BenchmarkDotNet:
//   dotnet run -c Release --project tests/FactCheck.Benchmarks -- --filter '*TrainingBenchmarks*'

using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using FactCheck.Benchmarks;

if (args.Length > 0 && args[0] == "--quick")
{
    int passes = 5;
    if (args.Length > 1 && (!int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out passes) || passes < 1))
    {
        Console.Error.WriteLine($"--quick takes a positive number of passes, not \"{args[1]}\"");
        return 2;
    }
    return Quick.Run(passes);
}

if (args.Length > 1 && args[0] == "--analysis-stages")
    return AnalysisStages.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2);

if (args.Length > 0 && args[0] == "--quick-check")
{
    int n = 3;
    if (args.Length > 1 && (!int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out n) || n < 1))
    {
        Console.Error.WriteLine($"--quick-check takes a positive number of passes, not \"{args[1]}\"");
        return 2;
    }
    return QuickCheck.Run(n);
}

if (args.Length > 0 && args[0] == "--quick-train")
{
    var examples = TrainingBenchmarks.Make(10_000, seed: 1);
    var sw = Stopwatch.StartNew();
    var outcome = FactCheck.Triage.TriageTrainer.Train(examples, null, 5, 1, DateTimeOffset.UnixEpoch);
    sw.Stop();
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "train on {0} decisions: {1:0.00} s; chosen {2}, AUC {3:0.0000}; trainers {4}",
        examples.Count, sw.Elapsed.TotalSeconds, outcome.Metadata!.Trainer, outcome.NewMetrics!.Auc,
        string.Join(", ", outcome.Metadata.TrainerAuc.Select(kv => $"{kv.Key} {kv.Value:0.0000}"))));
    return 0;
}

if (EvalCorpora.Find() is null && !args.Any(a => a.Contains("Training", StringComparison.Ordinal)))
{
    Console.WriteLine(EvalCorpora.MissingMessage);
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);
return 0;

/// <summary>Stopwatch timing of extraction over each corpus, without BenchmarkDotNet.</summary>
static class Quick
{
    public static int Run(int passes)
    {
        if (EvalCorpora.Shared is not { } corpora)
        {
            Console.WriteLine(EvalCorpora.MissingMessage);
            return 0;
        }
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"eval data: {corpora.Root}; {passes} timed passes after 1 warm-up, single-threaded");
        Console.WriteLine(string.Format(inv, "{0,-8}{1,6}{2,10}{3,10}{4,12}{5,12}{6,10}{7,10}{8,14}",
            "corpus", "docs", "MB", "mentions", "mean ms", "best ms", "MB/s", "best MB/s", "best cpu ms"));
        var bench = new ExtractionBenchmarks();
        bench.Setup();
        foreach (var name in new[] { nameof(ExtractionBenchmarks.Tbaq), nameof(ExtractionBenchmarks.IdNews) })
        {
            var articles = corpora[name];
            double mb = EvalCorpora.Utf8Bytes(articles) / 1e6;
            int mentions = bench.Run(articles); // warm-up (JIT, lazy rule compilation)
            var times = new double[passes];
            var cpu = new double[passes];
            var process = Process.GetCurrentProcess();
            for (int i = 0; i < passes; i++)
            {
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                bench.Run(articles);
                times[i] = sw.Elapsed.TotalMilliseconds;
                process.Refresh();
                cpu[i] = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
            }
            double mean = times.Average(), best = times.Min();
            // the process's CPU time of a pass (one thread working): less disturbed by other load on the machine than wall time
            Console.WriteLine(string.Format(inv, "{0,-8}{1,6}{2,10:0.000}{3,10}{4,12:0.00}{5,12:0.00}{6,10:0.00}{7,10:0.00}{8,14:0.0}",
                name, articles.Count, mb, mentions, mean, best, mb / (mean / 1000), mb / (best / 1000), cpu.Min()));
        }
        return 0;
    }
}
