using FactCheck.Align;
using FactCheck.Model;

namespace FactCheck.Checks;

/// <summary>Tunable thresholds of the checks.</summary>
public sealed record CheckOptions
{
    /// <summary>A stated date this many days after publication or more (and no plan marker) is flagged.</summary>
    public int AfterPublicationDays { get; init; } = 2;
    /// <summary>A stated year this far (in years) from the article's time frame is flagged.</summary>
    public int YearOutlierYears { get; init; } = 2;
    /// <summary>Years around the stated year tried when proposing a weekday-date correction.</summary>
    public int YearWindow { get; init; } = 3;
    /// <summary>Suggestions kept per finding.</summary>
    public int MaxSuggestions { get; init; } = 5;

    public static CheckOptions Default { get; } = new();
}

/// <summary>Everything a rule sees: all analyzed articles of the run, the options, and the fact table (aligned once).</summary>
public sealed record CheckContext(IReadOnlyList<AnalyzedArticle> Articles, CheckOptions Options)
{
    public CheckContext(IReadOnlyList<AnalyzedArticle> articles) : this(articles, CheckOptions.Default) { }

    private IReadOnlyList<FactRow>? facts;

    /// <summary>Claims of all articles aligned into fact rows by blocking keys; computed on first use.</summary>
    public IReadOnlyList<FactRow> Facts => facts ??= ClaimAligner.Align(Articles.SelectMany(a => a.Claims.Select(c => (c, a.Article.Source))));

    private IReadOnlyList<IReadOnlyList<Slot>>? slotsByArticle;
    private IReadOnlyList<Slot>? slots;
    private IReadOnlyList<SlotGroup>? groups;

    /// <summary>The stated values of each article with their context (in article order); built on first use.</summary>
    public IReadOnlyList<IReadOnlyList<Slot>> SlotsByArticle
    {
        get => slotsByArticle ??= Articles.Select(a => a.Slots ?? SlotBuilder.Build(a)).ToList();
        init => slotsByArticle = value;
    }
    public IReadOnlyList<Slot> Slots => slots ??= SlotsByArticle.SelectMany(s => s).ToList();

    private Dictionary<AnalyzedArticle, IReadOnlyList<Slot>>? slotsOf;

    /// <summary>The slots of one article of the context, as <see cref="SlotsByArticle"/> holds them (built once).</summary>
    public IReadOnlyList<Slot> SlotsOf(AnalyzedArticle a)
    {
        if (slotsOf is null)
        {
            slotsOf = new(ReferenceEqualityComparer.Instance);
            for (int i = 0; i < Articles.Count; i++) slotsOf.TryAdd(Articles[i], SlotsByArticle[i]);
        }
        return slotsOf.TryGetValue(a, out var s) ? s : a.Slots ?? SlotBuilder.Build(a);
    }

    /// <summary>Slots of different articles aligned by context into facts; computed on first use. The articles of a
    /// context are one story: the checker makes one context per story.</summary>
    public IReadOnlyList<SlotGroup> SlotGroups => groups ??= new SlotAligner(AlignOptions).Align(SlotsByArticle);

    private Dictionary<AnalyzedArticle, ArticleWords>? words;

    /// <summary>The word tokens of an article of the context: those the check pipeline kept from the analysis, else made once
    /// from its tokens (tokenized again when they were dropped).</summary>
    public ArticleWords WordsOf(AnalyzedArticle a)
    {
        if (a.Words is { } kept) return kept;
        words ??= new(ReferenceEqualityComparer.Instance);
        if (!words.TryGetValue(a, out var w))
            words[a] = w = ArticleWords.Of(a.Article.Text, a.Tokens.Count > 0 ? a.Tokens : FactCheck.Text.Tokenizer.Tokenize(a.Article.Text));
        return w;
    }

    /// <summary>How often each of <paramref name="words"/> (lower case) is written as a word in the articles of the context
    /// (any case; 0 for a word never written). Each token is lowered into a buffer and looked up only when its length and
    /// first letter are those of some asked word, so a story is scanned once for all the words a rule asks about.</summary>
    public Dictionary<string, int> WordCounts(IEnumerable<string> words)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        ulong lengths = 0; // bit L: some word has length L (63: longer)
        var firsts = new HashSet<char>();
        foreach (var w in words)
        {
            if (w.Length == 0 || !d.TryAdd(w, 0)) continue;
            lengths |= 1UL << Math.Min(w.Length, 63);
            firsts.Add(w[0]);
        }
        if (d.Count == 0) return d;
        var lookup = d.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buf = stackalloc char[64];
        foreach (var a in Articles)
        {
            var text = a.Article.Text;
            foreach (var t in WordsOf(a))
            {
                if ((lengths & (1UL << Math.Min(t.Length, 63))) == 0) continue;
                var lower = LowerInto(text.AsSpan(t.Start, t.Length), buf);
                if (!firsts.Contains(lower[0])) continue;
                if (lookup.TryGetValue(lower, out var count)) lookup[lower] = count + 1;
            }
        }
        return d;
    }

    /// <summary>The word lowered (invariant) into <paramref name="buf"/>, or into a new array when it is longer: the word
    /// counts look words up through a span this way, making a string only for a word they add.</summary>
    internal static ReadOnlySpan<char> LowerInto(ReadOnlySpan<char> word, Span<char> buf)
    {
        Span<char> lower = word.Length <= buf.Length ? buf[..word.Length] : new char[word.Length];
        FactCheck.Text.Lower.Invariant(word, lower);
        return lower;
    }

    /// <summary>Options of the value-blind slot aligner.</summary>
    public AlignOptions AlignOptions { get; init; } = AlignOptions.Default;
}

/// <summary>One consistency check: a stable kebab-case id, a default severity and a prior score until a classifier exists.</summary>
public interface ICheckRule
{
    /// <summary>Stable kebab-case id (weekday-date): names the finding, the reviewer's decision and the classifier's features.</summary>
    string Id { get; }
    Severity Severity { get; }
    /// <summary>Probability that a finding of this rule is a real discrepancy, before any model.</summary>
    double Prior { get; }
    IEnumerable<Finding> Check(CheckContext context);
}

/// <summary>A rule that looks at one article at a time.</summary>
public abstract class ArticleRule : ICheckRule
{
    public abstract string Id { get; }
    public abstract Severity Severity { get; }
    public abstract double Prior { get; }

    public IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var a in context.Articles)
            foreach (var f in CheckArticle(a, context))
                yield return f;
    }

    public abstract IEnumerable<Finding> CheckArticle(AnalyzedArticle article, CheckContext context);
}

/// <summary>Where reviewers' earlier verdicts come from (the decision store): finding id -> verdict and note.</summary>
public interface IDecisionSource
{
    IReadOnlyDictionary<string, (Verdict verdict, string? note)> Load();
}

/// <summary>What a check run produced: findings (severity, then score, best first) and diagnostics.</summary>
public sealed record CheckResult(IReadOnlyList<Finding> Findings, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The fact table of each story (story order): its claim rows, then the facts its articles state alike by the slot
    /// aligner; each row carries its story.</summary>
    public IReadOnlyList<FactRow> Facts { get; init; } = [];
}
