using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using FactCheck.Checks;
using FactCheck.Model;
using Newtonsoft.Json.Linq;

namespace FactCheck.Benchmarks;

/// <summary>`check` over the Indonesian news clusters: analysis (tokens, sentences, temporal mentions) plus all rules, and the
/// rules alone, for growing numbers of articles (cluster members first, so the cross-source rules have same-event pairs).</summary>
[MemoryDiagnoser]
[Config(typeof(CheckThroughputConfig))]
public class CheckBenchmarks
{
    /// <summary>Article counts measured; 568 is the whole corpus.</summary>
    [Params(50, 100, 200, 400, 568)]
    public int Articles { get; set; }

    private IReadOnlyList<Article> articles = [];
    private IReadOnlyList<AnalyzedArticle> analyzed = [];
    private readonly ArticleAnalyzer analyzer = new();
    private readonly Checker checker = new();

    [GlobalSetup]
    public void Setup()
    {
        articles = CheckCorpus.Take(Articles);
        analyzed = articles.Select(analyzer.Analyze).ToList();
    }

    /// <summary>Analyze every article, then run every rule over the run: what `factcheck check` does before writing reports.</summary>
    [Benchmark]
    public int AnalyzeAndCheck() => checker.Check(articles.Select(analyzer.Analyze).ToList()).Findings.Count;

    /// <summary>The rules alone over articles analyzed once in setup.</summary>
    [Benchmark]
    public int CheckOnly() => checker.Check(analyzed).Findings.Count;
}

/// <summary>The id_news articles ordered cluster by cluster (clusters of id_news_clusters.jsonl first, then the rest by id).</summary>
public static class CheckCorpus
{
    public const string ClustersPath = "id_news/id_news_clusters.jsonl";
    private static readonly Lazy<IReadOnlyList<Article>> ordered = new(Load);

    public static IReadOnlyList<Article> All => ordered.Value;

    public static IReadOnlyList<Article> Take(int n) => All.Take(n).ToList();

    /// <summary>UTF-8 bytes of the first n articles.</summary>
    public static long Bytes(int n) => EvalCorpora.Utf8Bytes(Take(n));

    private static IReadOnlyList<Article> Load()
    {
        if (EvalCorpora.Shared is not { } corpora) return [];
        var byId = corpora.IdNews.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        var result = new List<Article>();
        var seen = new HashSet<string>();
        var clusters = Path.Combine(corpora.Root, ClustersPath);
        if (File.Exists(clusters))
            foreach (var line in File.ReadLines(clusters))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                foreach (var id in JObject.Parse(line)["article_ids"]?.Values<string>() ?? [])
                    if (id is not null && byId.TryGetValue(id, out var a) && seen.Add(id)) result.Add(a);
            }
        result.AddRange(corpora.IdNews.Where(a => seen.Add(a.Id)).OrderBy(a => a.Id, StringComparer.Ordinal));
        return result;
    }
}

/// <summary>The MB/s column for check: the bytes of the first Articles articles of the check corpus.</summary>
public sealed class CheckThroughputConfig : ManualConfig
{
    public CheckThroughputConfig() =>
        AddColumn(new ThroughputColumn(c => c.Parameters["Articles"] is int n ? CheckCorpus.Bytes(n) : null));
}

/// <summary>Stopwatch timing of check for growing article counts, without BenchmarkDotNet (`--quick-check [N]`).</summary>
public static class QuickCheck
{
    public static int Run(int passes)
    {
        if (CheckCorpus.All.Count == 0)
        {
            Console.WriteLine(EvalCorpora.MissingMessage);
            return 0;
        }
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"check over id_news (cluster members first); {passes} timed passes after 1 warm-up, single-threaded");
        Console.WriteLine(string.Format(inv, "{0,8}{1,10}{2,10}{3,14}{4,10}{5,14}{6,12}", "articles", "MB", "findings", "analyze+check", "MB/s", "check only ms", "ms/article"));
        var analyzer = new ArticleAnalyzer();
        var checker = new Checker();
        foreach (var n in new[] { 50, 100, 200, 400, CheckCorpus.All.Count })
        {
            var arts = CheckCorpus.Take(n);
            double mb = EvalCorpora.Utf8Bytes(arts) / 1e6;
            var analyzed = arts.Select(analyzer.Analyze).ToList();
            int findings = checker.Check(analyzed).Findings.Count; // warm-up
            var full = new double[passes];
            var only = new double[passes];
            for (int i = 0; i < passes; i++)
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                checker.Check(arts.Select(analyzer.Analyze).ToList());
                full[i] = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                checker.Check(analyzed);
                only[i] = sw.Elapsed.TotalMilliseconds;
            }
            double mean = full.Average();
            Console.WriteLine(string.Format(inv, "{0,8}{1,10:0.000}{2,10}{3,14:0.0}{4,10:0.00}{5,14:0.00}{6,12:0.000}",
                n, mb, findings, mean, mb / (mean / 1000), only.Average(), mean / n));
        }
        return 0;
    }
}
