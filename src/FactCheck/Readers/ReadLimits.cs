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

/// <summary>One step of reading: an article, or a diagnostic about the input, in input order.</summary>
public readonly record struct ReadItem(Article? Article, Diagnostic? Diagnostic)
{
    public static ReadItem Of(Article a) => new(a, null);
    public static ReadItem Of(Diagnostic d) => new(null, d);
}

/// <summary>A reader that can read its format line by line from a stream (JSONL), so a large file is never held whole.</summary>
public interface IStreamingArticleReader
{
    /// <summary>The articles and diagnostics of the lines of <paramref name="reader"/>, lazily, in order.</summary>
    IEnumerable<ReadItem> Stream(TextReader reader, string path, ReadLimits limits);
}
