using FactCheck.Checks;
using FactCheck.Lang;
using FactCheck.Model;
using FactCheck.Output;
using FactCheck.Quantities;
using FactCheck.Readers;
using FactCheck.Temporal;
using FactCheck.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Pipeline;

/// <summary>Which mentions `extract` prints.</summary>
public sealed record ExtractOptions
{
    public bool Temporal { get; init; } = true;
    public bool Quantity { get; init; } = true;
    public bool Entity { get; init; } = true;
    public bool Claims { get; init; }
    /// <summary>"auto" keeps each document's language; "id" or "en" overrides it.</summary>
    public string Lang { get; init; } = "auto";
    /// <summary>Serialize rows to JSON lines in the worker (jsonl output) instead of returning JSON objects.</summary>
    public bool Lines { get; init; }

    /// <summary>Only the stages the printed kinds need run: temporal alone needs no entities, quantities or claims.</summary>
    public bool NeedsFullAnalysis => Entity || Claims || Quantity;
}

/// <summary>One document's extraction result: its mentions as JSON objects in print order and the analysis messages.</summary>
/// <summary>One document's extraction result: its mentions in print order, as JSON objects or (with
/// <see cref="ExtractOptions.Lines"/>) already serialized as JSON lines, and the analysis messages.</summary>
public sealed record ExtractedDocument(IReadOnlyList<JObject> Rows, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The rows as JSON lines (jsonl output), serialized on the worker thread.</summary>
    public IReadOnlyList<string>? Lines { get; init; }
}

/// <summary>The work of `extract` on one document, safe to run on many threads at once (the rule programs are compiled once
/// per language and shared; every per-document state is local).</summary>
public sealed class ExtractionWork(ExtractOptions options)
{
    private readonly ArticleAnalyzer analyzer = new();

    /// <summary>Finishes a read item (the reader's deferred work) and extracts from it, on the calling (worker) thread.</summary>
    public ExtractedDocument Run(ReadItem item)
    {
        Article article;
        try { article = item.Resolve()!; }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var u = item.Unfinished!;
            return new ExtractedDocument([], [Diagnostic.Error(u.Origin, $"document \"{u.Id}\": analysis failed: {e.GetType().Name}: {e.Message}")]);
        }
        return Run(article);
    }

    public ExtractedDocument Run(Article article)
    {
        var a = options.Lang == "auto" ? article : article with { Lang = options.Lang };
        try { return options.NeedsFullAnalysis ? Full(a) : TemporalOnly(a); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {   // one document's failure must not lose the others
            return new ExtractedDocument([], [Diagnostic.Error(a.Origin, $"document \"{a.Id}\": analysis failed: {e.GetType().Name}: {e.Message}")]);
        }
    }

    private ExtractedDocument TemporalOnly(Article a)
    {
        var diagnostics = new List<Diagnostic>();
        var pack = LanguagePack.For(a, diagnostics);
        var tokens = Tokenizer.Tokenize(a.Text);
        var temporal = TemporalExtractor.Extract(a, pack.Temporal, tokens, diagnostics).Mentions;
        var sorted = new List<TemporalMention>(temporal);
        sorted.Sort((x, y) => x.Start.CompareTo(y.Start));   // the permutation the JObject rows got before
        if (options.Lines) return new ExtractedDocument([], diagnostics) { Lines = sorted.Select(TemporalJsonWriter.ToLine).ToList() };
        return new ExtractedDocument(sorted.Select(MentionJson.ToJson).ToList(), diagnostics);
    }

    private ExtractedDocument Full(Article a)
    {
        var result = analyzer.Analyze(a);
        var rows = new List<JObject>();
        if (options.Temporal) rows.AddRange(result.Temporal.Select(MentionJson.ToJson));
        if (options.Quantity) rows.AddRange(result.QuantityMentions.Select(MentionJson.ToJson));
        if (options.Entity) rows.AddRange(result.EntityMentions.Select(MentionJson.ToJson));
        rows.Sort((x, y) => x.Value<int>("start").CompareTo(y.Value<int>("start")));
        if (options.Claims) rows.AddRange(result.Claims.Select(MentionJson.ToJson));
        if (options.Lines) return new ExtractedDocument([], result.Diagnostics) { Lines = rows.Select(o => o.ToString(Formatting.None)).ToList() };
        return new ExtractedDocument(rows, result.Diagnostics);
    }
}
