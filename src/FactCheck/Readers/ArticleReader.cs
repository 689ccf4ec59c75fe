using FactCheck.Model;

namespace FactCheck.Readers;

/// <summary>Reads files and folders of articles, choosing the reader by extension; bad input becomes diagnostics, never exceptions.</summary>
public sealed class ArticleReader
{
    private readonly Dictionary<string, IArticleFormatReader> byExtension = new(StringComparer.OrdinalIgnoreCase);

    public ArticleReader(IEnumerable<IArticleFormatReader> readers)
    {
        foreach (var r in readers)
            foreach (var ext in r.Extensions) byExtension[ext] = r;
    }

    public ArticleReader() : this([new TxtArticleReader(), new JsonlArticleReader(), new HtmlArticleReader()]) { }

    /// <summary>Extensions that have a reader (".txt", ".jsonl", ...).</summary>
    public IEnumerable<string> Extensions => byExtension.Keys;

    /// <summary>Reads each path: a file by its extension, a folder recursively in ordinal path order.</summary>
    public ReadResult Read(IEnumerable<string> paths)
    {
        var articles = new List<Article>();
        var diags = new List<Diagnostic>();
        var ids = new Dictionary<string, Origin>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                IEnumerable<string> files;
                try
                {
                    files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                        .Order(StringComparer.Ordinal).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    diags.Add(Diagnostic.Error(new Origin(path), $"cannot list folder: {e.Message}"));
                    continue;
                }
                foreach (var f in files)
                {
                    if (Path.GetFileName(f).StartsWith('.')) continue;
                    if (!byExtension.ContainsKey(Path.GetExtension(f)))
                    {
                        diags.Add(Diagnostic.Warning(new Origin(f), $"skipped: unknown extension \"{Path.GetExtension(f)}\" (known: {string.Join(", ", Extensions.Order())})"));
                        continue;
                    }
                    Add(ReadFile(f), articles, diags, ids);
                }
            }
            else Add(ReadFile(path), articles, diags, ids);
        }
        return new ReadResult(articles, diags);
    }

    public ReadResult Read(params string[] paths) => Read((IEnumerable<string>)paths);

    /// <summary>Reads one file: missing, empty, binary, non-UTF-8 and unknown-extension files each give an error.</summary>
    public ReadResult ReadFile(string path)
    {
        var origin = new Origin(path);
        if (!File.Exists(path))
            return ReadResult.Failed(Diagnostic.Error(origin, Directory.Exists(path) ? "is a folder" : "no such file or folder"));
        if (!byExtension.TryGetValue(Path.GetExtension(path), out var reader))
        {
            var ext = Path.GetExtension(path);
            return ReadResult.Failed(Diagnostic.Error(origin,
                $"unknown extension \"{(ext.Length == 0 ? "(none)" : ext)}\"; known: {string.Join(", ", Extensions.Order())}"));
        }
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ReadResult.Failed(Diagnostic.Error(origin, $"cannot read: {e.Message}"));
        }
        if (bytes.Length == 0) return ReadResult.Failed(Diagnostic.Error(origin, "empty file"));
        var text = TextDecoder.Decode(bytes, origin, out var error);
        if (text is null) return ReadResult.Failed(error!);
        if (string.IsNullOrWhiteSpace(text)) return ReadResult.Failed(Diagnostic.Error(origin, "empty file (only whitespace)"));
        try { return reader.Read(text, path); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {   // a reader bug must not lose the other files
            return ReadResult.Failed(Diagnostic.Error(origin, $"could not be read: {e.GetType().Name}: {e.Message}"));
        }
    }

    private static void Add(ReadResult r, List<Article> articles, List<Diagnostic> diags, Dictionary<string, Origin> ids)
    {
        diags.AddRange(r.Diagnostics);
        foreach (var a in r.Articles)
        {
            // one article per id: a second copy (the same file given twice, or a reused id) is named and left out, so that
            // no rule sees one article as two sources
            if (ids.TryGetValue(a.Id, out var first))
            {
                diags.Add(Diagnostic.Warning(a.Origin, $"duplicate document id \"{a.Id}\" (first read from {first}); this copy is ignored"));
                continue;
            }
            ids.Add(a.Id, a.Origin);
            articles.Add(a);
        }
    }
}
