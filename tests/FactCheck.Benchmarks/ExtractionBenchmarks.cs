using BenchmarkDotNet.Attributes;
using FactCheck.Checks;
using FactCheck.Model;
using FactCheck.Temporal;

namespace FactCheck.Benchmarks;

/// <summary>Extraction over whole corpora (all TBAQ documents, English; all Indonesian news articles): temporal alone, and the
/// whole analysis (tokens, sentences, temporal, quantities, entities, claim frames).</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ExtractionBenchmarks
{
    private readonly TemporalExtractor extractor = new();
    private readonly ArticleAnalyzer analyzer = new();
    private IReadOnlyList<Article> tbaq = [];
    private IReadOnlyList<Article> idNews = [];

    [GlobalSetup]
    public void Setup()
    {
        if (EvalCorpora.Shared is not { } corpora)
        {
            Console.WriteLine(EvalCorpora.MissingMessage);
            return;
        }
        tbaq = corpora.Tbaq;
        idNews = corpora.IdNews;
    }

    /// <summary>256 TempEval-3 TBAQ documents, lang en.</summary>
    [Benchmark]
    public int Tbaq() => Run(tbaq);

    /// <summary>568 Indonesian news articles, lang id.</summary>
    [Benchmark]
    public int IdNews() => Run(idNews);

    /// <summary>The whole analysis of the 256 TBAQ documents.</summary>
    [Benchmark]
    public int TbaqAll() => RunAll(tbaq);

    /// <summary>The whole analysis of the 568 Indonesian news articles.</summary>
    [Benchmark]
    public int IdNewsAll() => RunAll(idNews);

    /// <summary>Analyzes every article; returns the number of mentions and claims.</summary>
    public int RunAll(IReadOnlyList<Article> articles)
    {
        int n = 0;
        foreach (var a in articles)
        {
            var x = analyzer.Analyze(a);
            n += x.Temporal.Count + x.QuantityMentions.Count + x.EntityMentions.Count + x.Claims.Count;
        }
        return n;
    }

    /// <summary>Extracts from every article; returns the mention count so the work cannot be optimized away.</summary>
    public int Run(IReadOnlyList<Article> articles)
    {
        int mentions = 0;
        foreach (var a in articles) mentions += extractor.Extract(a).Count;
        return mentions;
    }
}
