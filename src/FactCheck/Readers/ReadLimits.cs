using FactCheck.Model;

namespace FactCheck.Readers;

/// <summary>Size limits of one run's input: a document (a .txt or .html file, or one JSONL line's text) and a JSONL
/// file (read as a stream, so it may be much larger). Inputs beyond a limit are refused with a message, never read.</summary>
public sealed record ReadLimits
{
    /// <summary>Largest document, in bytes of the file or characters of a JSONL "text" (default 8 MB).</summary>
    public long MaxDocumentBytes { get; init; } = 8L * 1024 * 1024;
    /// <summary>Largest JSONL file (default 4 GB); its lines are read one at a time.</summary>
    public long MaxFileBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    public static ReadLimits Default { get; } = new();

    /// <summary>"8 MB", "512 KB": a size for messages.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB"
        : bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} bytes";
}

/// <summary>One step of reading: an article, or a diagnostic about the input, in input order. A streamed JSONL article may
/// come unfinished (language detection and boilerplate marking still to do): <see cref="Resolve"/> finishes it, so a parallel
/// pipeline does that work on its workers instead of the reader thread.</summary>
public readonly record struct ReadItem(Article? Article, Diagnostic? Diagnostic)
{
    /// <summary>The read but unfinished article (id, text and metadata set) and what finishes it.</summary>
    public Article? Unfinished { get; init; }
    internal Func<Article, Article>? Finish { get; init; }

    /// <summary>True when this step carries an article (finished or not).</summary>
    public bool HasArticle => Article is not null || Unfinished is not null;

    /// <summary>The finished article (doing the rest of the reader's work when it was deferred), or null for a diagnostic.</summary>
    public Article? Resolve() => Article ?? (Unfinished is { } u && Finish is { } f ? f(u) : null);

    public static ReadItem Of(Article a) => new(a, null);
    public static ReadItem Of(Diagnostic d) => new(null, d);
    public static ReadItem Deferred(Article unfinished, Func<Article, Article> finish) => new(null, null) { Unfinished = unfinished, Finish = finish };
}

/// <summary>A reader that can read its format line by line from a stream (JSONL), so a large file is never held whole.</summary>
public interface IStreamingArticleReader
{
    /// <summary>The articles and diagnostics of the lines of <paramref name="reader"/>, lazily, in order.</summary>
    IEnumerable<ReadItem> Stream(TextReader reader, string path, ReadLimits limits);
}
