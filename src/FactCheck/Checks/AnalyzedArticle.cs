using FactCheck.Claims;
using FactCheck.Entities;
using FactCheck.Quantities;
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
    /// <summary>Quantities as claim arguments (value, unit, qualifier), in text order.</summary>
    public IReadOnlyList<ClaimArgument> Quantities { get; init; } = [];
    /// <summary>Entities as claim arguments (canonical name and id), in text order.</summary>
    public IReadOnlyList<ClaimArgument> Entities { get; init; } = [];
    /// <summary>The entity mentions as extracted: surface form, similarity to the canonical name, role.</summary>
    public IReadOnlyList<EntityMention> EntityMentions { get; init; } = [];
    /// <summary>The quantity mentions as extracted, with their intervals.</summary>
    public IReadOnlyList<QuantityMention> QuantityMentions { get; init; } = [];
    /// <summary>Claim frames: who did what, to whom, when, how many, per sentence.</summary>
    public IReadOnlyList<ClaimFrame> Claims { get; init; } = [];
    /// <summary>The stated values with their context, for cross-source alignment (built with the analysis, so that the
    /// tokens need not be kept); null when the article was assembled without them.</summary>
    public IReadOnlyList<FactCheck.Align.Slot>? Slots { get; init; }
    /// <summary>The word tokens in compact form, which the check pipeline keeps for the story rules when it drops the tokens;
    /// null when not kept (the rules then take them from the tokens). Not part of the cluster's payload: a silo makes
    /// them again from the text.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public ArticleWords? Words { get; init; }
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

    /// <summary>The text of a sentence; the last one asked for is kept, so the many mentions of one long sentence share one
    /// string (and the word lists' memo of it) instead of copying it each time.</summary>
    public string SentenceText(TextSpan s)
    {
        var m = lastSentence;
        if (m is not null && m.Span == s) return m.Text;
        var text = Article.Text[s.Start..s.End];
        lastSentence = new SentenceMemo(s, text);
        return text;
    }

    private sealed record SentenceMemo(TextSpan Span, string Text);
    private SentenceMemo? lastSentence;
}

/// <summary>Runs the analysis stages over an article: tokenizer, sentences, temporal, quantity and entity extraction, claim frames.</summary>
public sealed class ArticleAnalyzer
{
    private readonly SentenceSplitter splitter;
    private readonly EntityExtractor entities;

    public ArticleAnalyzer(SentenceSplitter? splitter = null, EntityExtractor? entities = null)
    {
        this.splitter = splitter ?? SentenceSplitter.Default;
        this.entities = entities ?? new EntityExtractor();
    }

    public AnalyzedArticle Analyze(Article article)
    {
        var diagnostics = new List<Diagnostic>();
        var pack = LanguagePack.For(article, diagnostics);
        var tokens = Tokenizer.Tokenize(article.Text);
        var sentences = splitter.Split(article.Text);
        var temporal = TemporalExtractor.Extract(article, pack.Temporal, tokens, diagnostics).Mentions;
        var quantities = QuantityExtractor.Extract(article, pack.Quantity, tokens, temporal);
        var names = entities.Extract(article, tokens);
        var qtyArgs = quantities.Select(ToArgument).ToList();
        var entityArgs = names.Select(ToArgument).ToList();
        var claims = ClaimBuilder.For(pack.Lang).Build(article, tokens, sentences, temporal, entityArgs, qtyArgs).ToList();
        claims.AddRange(ClaimBuilder.RoleFrames(article, sentences,
            names.Where(n => n.Role is not null).Select(n => (ToArgument(n), n.Role!, n.RoleValue ?? n.Role!.ToLowerInvariant(), n.RoleOf)), entityArgs, pack.Lang));
        var analyzed = new AnalyzedArticle
        {
            Article = article, Tokens = tokens, Sentences = sentences, Temporal = temporal,
            Quantities = qtyArgs, Entities = entityArgs, EntityMentions = names, QuantityMentions = quantities,
            Claims = claims, Diagnostics = diagnostics,
        };
        return analyzed with { Slots = FactCheck.Align.SlotBuilder.Build(analyzed) };
    }

    /// <summary>An entity mention as a claim argument: kind in lower case, canonical name and stable id.</summary>
    public static ClaimArgument ToArgument(EntityMention m) =>
        new(m.Start, m.End, m.Text, KindName(m.Kind)) { Canonical = m.Canonical, EntityId = m.EntityId };

    // the kinds' lower-case names, made once (an argument is made for every mention of every article)
    private static readonly string[] entityKinds = Enum.GetValues<EntityKind>().Select(k => k.ToString().ToLowerInvariant()).ToArray();
    private static readonly string[] quantityKinds = Enum.GetValues<QuantityKind>().Select(k => k.ToString().ToLowerInvariant()).ToArray();
    private static string KindName(EntityKind k) => (uint)k < (uint)entityKinds.Length ? entityKinds[(int)k] : k.ToString().ToLowerInvariant();
    private static string KindName(QuantityKind k) => (uint)k < (uint)quantityKinds.Length ? quantityKinds[(int)k] : k.ToString().ToLowerInvariant();

    /// <summary>A quantity mention as a claim argument: kind, value, unit and qualifier.</summary>
    public static ClaimArgument ToArgument(QuantityMention m) =>
        new(m.Start, m.End, m.Text, KindName(m.Kind))
        {
            Value = m.Value, Unit = m.Unit, Qualifier = m.Qualifier, Low = m.Low, High = m.High,
            Canonical = m.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + (m.Unit is null ? "" : " " + m.Unit),
        };
}
