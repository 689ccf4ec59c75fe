using FactCheck.Claims;
using FactCheck.Lang;
using FactCheck.Model;
using FactCheck.Temporal;
using FactCheck.Text;

namespace FactCheck.Checks;

/// <summary>An article with everything the checks look at: tokens, sentences and mentions (quantities, entities and claims when their stages run).</summary>
public sealed record AnalyzedArticle
{
    public required Article Article { get; init; }
    public IReadOnlyList<Token> Tokens { get; init; } = [];
    /// <summary>Sentence spans in text order.</summary>
    public IReadOnlyList<TextSpan> Sentences { get; init; } = [];
    /// <summary>Temporal mentions in text order.</summary>
    public IReadOnlyList<TemporalMention> Temporal { get; init; } = [];
    /// <summary>Quantity mentions (filled once the quantity stage plugs in).</summary>
    public IReadOnlyList<ClaimArgument> Quantities { get; init; } = [];
    /// <summary>Entity mentions (filled once the entity stage plugs in).</summary>
    public IReadOnlyList<ClaimArgument> Entities { get; init; } = [];
    /// <summary>Claim frames (filled once the claim stage plugs in).</summary>
    public IReadOnlyList<ClaimFrame> Claims { get; init; } = [];
    /// <summary>Messages from the analysis (not-a-date warnings, unknown language).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public string Id => Article.Id;
    public string Lang => Article.Lang;

    /// <summary>The publication date in the article's own time zone, when known.</summary>
    public DateOnly? PublishedDate => Article.Published is { } p ? DateOnly.FromDateTime(p.DateTime) : null;

    /// <summary>The sentence containing a position (binary search); a one-character span at the position when none does.</summary>
    public TextSpan SentenceAt(int position)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = Sentences[mid];
            if (position < s.Start) hi = mid - 1;
            else if (position >= s.End) lo = mid + 1;
            else return s;
        }
        // between sentences (e.g. a dateline line): the line around the position
        var text = Article.Text;
        int a = position <= 0 ? 0 : text.LastIndexOf('\n', Math.Min(position, text.Length) - 1) + 1;
        int b = text.IndexOf('\n', Math.Min(position, text.Length));
        return new TextSpan(a, b < 0 ? text.Length : b);
    }

    public string SentenceText(TextSpan s) => Article.Text[s.Start..s.End];
}

/// <summary>Runs the analysis stages over an article: tokenizer, sentence splitter, temporal extractor.</summary>
public sealed class ArticleAnalyzer
{
    private readonly SentenceSplitter splitter;

    public ArticleAnalyzer(SentenceSplitter? splitter = null) => this.splitter = splitter ?? SentenceSplitter.Default;

    public AnalyzedArticle Analyze(Article article)
    {
        var diagnostics = new List<Diagnostic>();
        LanguagePack pack;
        try { pack = LanguagePack.Get(article.Lang); }
        catch (ArgumentException)
        {
            diagnostics.Add(Diagnostic.Warning(article.Origin, $"document {article.Id}: no rules for language \"{article.Lang}\", read as English"));
            pack = LanguagePack.Get("en");
        }
        var tokens = Tokenizer.Tokenize(article.Text);
        var temporal = TemporalExtractor.Extract(article, pack.Temporal, tokens, diagnostics);
        return new AnalyzedArticle
        {
            Article = article, Tokens = tokens, Sentences = splitter.Split(article.Text),
            Temporal = temporal.Mentions, Diagnostics = diagnostics,
        };
    }
}
