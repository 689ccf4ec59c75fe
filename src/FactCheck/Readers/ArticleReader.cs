using System.Text;
using FactCheck.Model;

namespace FactCheck.Readers;

/// <summary>Reads files and folders of articles, choosing the reader by extension; bad input becomes diagnostics, never exceptions.
/// Only regular files are read (named pipes, devices and sockets are skipped with a message, so a FIFO cannot hang a run and
/// /dev/zero cannot fill memory); a file or folder reached twice (a symlink loop, a file named twice, a hard link) is read once;
/// files and documents above <see cref="ReadLimits"/> are refused with a message.</summary>
public sealed class ArticleReader
{
    private readonly Dictionary<string, IArticleFormatReader> byExtension = new(StringComparer.OrdinalIgnoreCase);

    public ArticleReader(IEnumerable<IArticleFormatReader> readers, ReadLimits? limits = null)
    {
        foreach (var r in readers)
            foreach (var ext in r.Extensions) byExtension[ext] = r;
        Limits = limits ?? ReadLimits.Default;
    }

    public ArticleReader(ReadLimits? limits = null) : this([new TxtArticleReader(), new JsonlArticleReader(), new HtmlArticleReader()], limits) { }

    public ReadLimits Limits { get; }

    /// <summary>Extensions that have a reader (".txt", ".jsonl", ...).</summary>
    public IEnumerable<string> Extensions => byExtension.Keys;

    /// <summary>Reads each path: a file by its extension, a folder recursively in ordinal path order.</summary>
    public ReadResult Read(IEnumerable<string> paths)
    {
        var articles = new List<Article>();
        var diags = new List<Diagnostic>();
        foreach (var item in Stream(paths))
        {
            if (item.Resolve() is { } a) articles.Add(a);
            if (item.Diagnostic is { } d) diags.Add(d);
        }
        return new ReadResult(articles, diags);
    }

    public ReadResult Read(params string[] paths) => Read((IEnumerable<string>)paths);

    /// <summary>Reads each path lazily: articles and diagnostics in input order (a JSONL file one line at a time), with a
    /// warning for a document id seen before in another file.</summary>
    public IEnumerable<ReadItem> Stream(IEnumerable<string> paths)
    {
        var ids = new Dictionary<string, Origin>(StringComparer.Ordinal);
        var seenFiles = new Dictionary<(long, long), string>();
        foreach (var path in paths)
        {
            var id = FileProbe.Probe(path);
            if (id.Kind == FileKind.Directory)
            {
                var files = new List<string>();
                var skipped = new List<Diagnostic>();
                ListFolder(path, files, skipped, new HashSet<(long, long)>());
                foreach (var d in skipped) yield return ReadItem.Of(d);
                foreach (var f in files.Order(StringComparer.Ordinal))
                {
                    if (!byExtension.ContainsKey(Path.GetExtension(f)))
                    {
                        yield return ReadItem.Of(Diagnostic.Warning(new Origin(f), $"skipped: unknown extension \"{Path.GetExtension(f)}\" (known: {string.Join(", ", Extensions.Order())})"));
                        continue;
                    }
                    var fid = FileProbe.Probe(f);
                    if (fid.Kind != FileKind.Regular)
                    {
                        yield return ReadItem.Of(Diagnostic.Warning(new Origin(f), $"skipped: {fid.Describe()}; only regular files are read"));
                        continue;
                    }
                    foreach (var item in Dedupe(f, fid, seenFiles, ids)) yield return item;
                }
            }
            else if (id.Kind == FileKind.Regular)
                foreach (var item in Dedupe(path, id, seenFiles, ids)) yield return item;
            else foreach (var item in ReadFileItems(path, id)) yield return item;
        }
    }

    private IEnumerable<ReadItem> Dedupe(string path, FileIdentity id, Dictionary<(long, long), string> seen, Dictionary<string, Origin> ids)
    {
        if (id.Inode != 0 || id.Device != 0)
        {
            if (seen.TryGetValue((id.Device, id.Inode), out var first))
            {
                yield return ReadItem.Of(Diagnostic.Warning(new Origin(path), $"skipped: the same file as {first}, which is read once"));
                yield break;
            }
            seen[(id.Device, id.Inode)] = path;
        }
        foreach (var item in ReadFileItems(path, id))
        {
            if ((item.Article ?? item.Unfinished) is { } a)
            {
                // one article per id: a second copy (a reused id) is named and left out, so that no rule sees one
                // article as two sources
                if (ids.TryGetValue(a.Id, out var firstOrigin))
                {
                    yield return ReadItem.Of(Diagnostic.Warning(a.Origin, $"duplicate document id \"{a.Id}\" (first read from {firstOrigin}); this copy is ignored"));
                    continue;
                }
                ids.Add(a.Id, a.Origin);
            }
            yield return item;
        }
    }

    /// <summary>Files under a folder (hidden names skipped); a folder reached twice through symbolic links is listed once.</summary>
    private static void ListFolder(string dir, List<string> files, List<Diagnostic> diags, HashSet<(long, long)> visited)
    {
        var id = FileProbe.Probe(dir);
        if (id.Inode != 0 || id.Device != 0)
            if (!visited.Add((id.Device, id.Inode)))
            {
                diags.Add(Diagnostic.Warning(new Origin(dir), "skipped: a folder already listed (symbolic link loop or second link)"));
                return;
            }
        string[] entries;
        try { entries = Directory.GetFileSystemEntries(dir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diags.Add(Diagnostic.Error(new Origin(dir), $"cannot list folder: {e.Message}"));
            return;
        }
        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (Path.GetFileName(e).StartsWith('.')) continue;
            var k = FileProbe.Probe(e);
            if (k.Kind == FileKind.Directory) ListFolder(e, files, diags, visited);
            else if (k.Kind == FileKind.Missing)
                diags.Add(Diagnostic.Warning(new Origin(e), "skipped: a dangling symbolic link or a link loop"));
            else files.Add(e);
        }
    }

    /// <summary>Reads one file: missing, empty, binary, non-UTF-8 and unknown-extension files each give an error.</summary>
    public ReadResult ReadFile(string path)
    {
        var articles = new List<Article>();
        var diags = new List<Diagnostic>();
        foreach (var item in ReadFileItems(path, FileProbe.Probe(path)))
        {
            if (item.Resolve() is { } a) articles.Add(a);
            if (item.Diagnostic is { } d) diags.Add(d);
        }
        return new ReadResult(articles, diags);
    }

    private IEnumerable<ReadItem> ReadFileItems(string path, FileIdentity id)
    {
        var origin = new Origin(path);
        if (id.Kind == FileKind.Missing)
            return [ReadItem.Of(Diagnostic.Error(origin, "no such file or folder"))];
        if (id.Kind == FileKind.Directory)
            return [ReadItem.Of(Diagnostic.Error(origin, "is a folder"))];
        if (!byExtension.TryGetValue(Path.GetExtension(path), out var reader))
        {
            var ext = Path.GetExtension(path);
            return [ReadItem.Of(Diagnostic.Error(origin,
                $"unknown extension \"{(ext.Length == 0 ? "(none)" : ext)}\"; known: {string.Join(", ", Extensions.Order())}"))];
        }
        if (id.Kind != FileKind.Regular)
            return [ReadItem.Of(Diagnostic.Error(origin, $"{id.Describe()}; only regular files are read"))];
        if (reader is IStreamingArticleReader streaming)
        {
            if (id.Size > Limits.MaxFileBytes)
                return [ReadItem.Of(Diagnostic.Error(origin, $"file is {ReadLimits.Size(id.Size)}, above the limit of {ReadLimits.Size(Limits.MaxFileBytes)} per file; not read"))];
            return StreamFile(path, origin, streaming);
        }
        if (id.Size > Limits.MaxDocumentBytes)
            return [ReadItem.Of(Diagnostic.Error(origin, $"file is {ReadLimits.Size(id.Size)}, above the limit of {ReadLimits.Size(Limits.MaxDocumentBytes)} per document; not read"))];
        var result = ReadWhole(path, origin, reader);
        return result.Diagnostics.Select(ReadItem.Of).Concat(result.Articles.Select(ReadItem.Of));
    }

    private ReadResult ReadWhole(string path, Origin origin, IArticleFormatReader reader)
    {
        byte[] bytes;
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            // never more than the limit, even if the file grows while it is read
            var buf = new byte[(int)Math.Min(Limits.MaxDocumentBytes + 1, Math.Max(fs.Length, 0) + 1)];
            int total = 0, got;
            while (total < buf.Length && (got = fs.Read(buf, total, buf.Length - total)) > 0) total += got;
            if (total > Limits.MaxDocumentBytes)
                return ReadResult.Failed(Diagnostic.Error(origin, $"file is above the limit of {ReadLimits.Size(Limits.MaxDocumentBytes)} per document; not read"));
            bytes = total == buf.Length ? buf : buf.AsSpan(0, total).ToArray();
        }
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

    private IEnumerable<ReadItem> StreamFile(string path, Origin origin, IStreamingArticleReader reader)
    {
        FileStream fs;
        try { fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadItem.Of(Diagnostic.Error(origin, $"cannot read: {e.Message}"))];
        }
        return StreamFile(fs, path, origin, reader);
    }

    private IEnumerable<ReadItem> StreamFile(FileStream fs, string path, Origin origin, IStreamingArticleReader reader)
    {
        using (fs)
        {
            // the first bytes decide the encoding and catch binary files, as for whole files
            var head = new byte[8192];
            int n = 0, got;
            while (n < head.Length && (got = fs.Read(head, n, head.Length - n)) > 0) n += got;
            if (n == 0) { yield return ReadItem.Of(Diagnostic.Error(origin, "empty file")); yield break; }
            var sniff = TextDecoder.Sniff(head.AsSpan(0, n), origin, out var error);
            if (sniff is null) { yield return ReadItem.Of(error!); yield break; }
            fs.Position = 0;
            using var text = new StreamReader(fs, sniff, detectEncodingFromByteOrderMarks: false, 1 << 16);
            if (sniff.Preamble.Length > 0) { var skip = new char[1]; text.Read(skip, 0, 1); }   // the BOM (one char)
            using var e = reader.Stream(text, path, Limits).GetEnumerator();
            while (true)
            {
                ReadItem item;
                bool stop = false;
                try
                {
                    if (!e.MoveNext()) break;
                    item = e.Current;
                }
                catch (DecoderFallbackException ex)
                {
                    item = ReadItem.Of(Diagnostic.Error(origin, $"not valid {(sniff is UTF8Encoding ? "UTF-8" : "UTF-16")} (binary data or another encoding; decoder at byte {ex.Index} of its buffer); the rest of the file is not read"));
                    stop = true;
                }
                catch (IOException ex)
                {
                    item = ReadItem.Of(Diagnostic.Error(origin, $"cannot read: {ex.Message}; the rest of the file is not read"));
                    stop = true;
                }
                yield return item;
                if (stop) yield break;
            }
        }
    }
}
