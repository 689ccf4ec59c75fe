using BenchmarkDotNet.Attributes;
using FactCheck.Model;
using FactCheck.Temporal;

namespace FactCheck.Benchmarks;

/// <summary>Temporal extraction over whole corpora: all TBAQ documents (English) and all Indonesian news articles.</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ExtractionBenchmarks
{
    private readonly TemporalExtractor extractor = new();
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

    /// <summary>Extracts from every article; returns the mention count so the work cannot be optimized away.</summary>
    public int Run(IReadOnlyList<Article> articles)
    {
        int mentions = 0;
        foreach (var a in articles) mentions += extractor.Extract(a).Count;
        return mentions;
    }
}
