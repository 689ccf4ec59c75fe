using FactCheck.Checks;
using FactCheck.Model;
using FactCheck.Readers;

namespace FactCheck.Pipeline;

/// <summary>What the read-and-analyze stage of `check` produced: what was read (articles and diagnostics, in input order)
/// and the analyzed articles in the same order.</summary>
public sealed record AnalysisRun(ReadResult Read, IReadOnlyList<AnalyzedArticle> Analyzed);

/// <summary>
/// The read and analyze stages of `check`: a reader streams the inputs, the analyzer runs on every core, and the results are
/// collected in input order, so a run with any thread count gives the same report as a single-threaded one. The tokens
/// (but for their words, compactly), quantity mentions and claim-argument lists of each analyzed article are dropped once it is analyzed (no check rule reads
/// them), which keeps a large run's memory down.
/// </summary>
public static class AnalysisPipeline
{
    public static AnalysisRun Run(IEnumerable<ReadItem> items, string lang = "auto", int threads = 0,
        Action<Diagnostic>? onDiagnostic = null, Action? onArticle = null)
    {
        var analyzed = new List<AnalyzedArticle>();
        var read = Run(new ArticleAnalyzer(), items, lang, threads, analyzed.Add, onDiagnostic, onArticle);
        return new AnalysisRun(read, analyzed);
    }

    /// <summary>Reads and analyzes as <see cref="Run(IEnumerable{ReadItem}, string, int, Action{Diagnostic}?, Action?)"/> does
    /// and checks each story the input names as soon as its articles are analyzed (<see cref="StoryStream"/>). The run's
    /// articles are those <see cref="StoryStream.Complete"/> returned; group them and give the grouping to
    /// <see cref="StoryStream.Check"/>.</summary>
    public static (AnalysisRun Run, StoryStream Stories) RunChecking(IEnumerable<ReadItem> items, Checker checker, string lang = "auto",
        int threads = 0, Action<Diagnostic>? onDiagnostic = null, Action? onArticle = null)
    {
        var analyzer = new ArticleAnalyzer();
        var stream = new StoryStream(checker, a => AnalyzeArticle(analyzer, a), threads);
        var read = Run(analyzer, items, lang, threads, stream.Add, onDiagnostic, onArticle);
        return (new AnalysisRun(read, stream.Complete()), stream);
    }

    private static ReadResult Run(ArticleAnalyzer analyzer, IEnumerable<ReadItem> items, string lang, int threads,
        Action<AnalyzedArticle> keep, Action<Diagnostic>? onDiagnostic, Action? onArticle)
    {
        var articles = new List<Article>();
        var diagnostics = new List<Diagnostic>();
        OrderedPipeline.Run(items,
            item => item.HasArticle ? (item.Diagnostic, Analyze(analyzer, item, lang)) : (item.Diagnostic, null),
            r =>
            {
                if (r.Diagnostic is { } d) { diagnostics.Add(d); onDiagnostic?.Invoke(d); }
                if (r.Item2 is not { } an) return;
                articles.Add(an.Article);
                foreach (var ad in an.Diagnostics) onDiagnostic?.Invoke(ad);
                keep(an);
                onArticle?.Invoke();
            },
            threads <= 0 ? OrderedPipeline.DefaultThreads : threads);
        return new ReadResult(articles, diagnostics);
    }

    /// <summary>One article analyzed as `check` analyzes it (also the cluster's workers): what no check rule reads is dropped as
    /// soon as the article is analyzed: tokens (their words are kept in compact form, <see cref="ArticleWords"/>), the
    /// quantity mentions and the argument lists the claims were built from (the claims, temporal and entity mentions and
    /// sentences stay).</summary>
    public static AnalyzedArticle AnalyzeForCheck(ArticleAnalyzer analyzer, Article a)
    {
        var r = analyzer.Analyze(a);
        return r with { Words = ArticleWords.Of(r.Article.Text, r.Tokens), Tokens = [], QuantityMentions = [], Quantities = [], Entities = [] };
    }

    private static AnalyzedArticle Analyze(ArticleAnalyzer analyzer, ReadItem item, string lang)
    {
        var a = item.Article ?? item.Unfinished!;
        try
        {
            a = item.Resolve()!;   // the reader's deferred work (language, boilerplate) runs here, on a worker
            if (lang != "auto") a = a with { Lang = lang };
        }
        catch (Exception e) when (e is not OutOfMemoryException) { return Failed(a, e); }
        return AnalyzeArticle(analyzer, a);
    }

    /// <summary>A read article analyzed for the check; a failure is the article with its error (one document's failure must
    /// not lose the others: it is checked with what it has, nothing).</summary>
    private static AnalyzedArticle AnalyzeArticle(ArticleAnalyzer analyzer, Article a)
    {
        try { return AnalyzeForCheck(analyzer, a); }
        catch (Exception e) when (e is not OutOfMemoryException) { return Failed(a, e); }
    }

    private static AnalyzedArticle Failed(Article a, Exception e) => new()
    {
        Article = a,
        Diagnostics = [Diagnostic.Error(a.Origin, $"document \"{a.Id}\": analysis failed: {e.GetType().Name}: {e.Message}")],
    };
}
