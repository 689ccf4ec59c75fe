using System.Text;
using FactCheck.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Readers;

/// <summary>
/// Reads JSONL documents, one object per line: {"id", "text", "published"?, "lang"?, "title"?, "source"?, "url"?, "story"? (or "cluster")}.
/// A bad line gives an error naming its 1-based line number and the other lines are still read; blank lines are skipped.
/// A field of the wrong JSON type ("text": 5) rejects its line; "id" may be a string or an integer.
/// An unparsable "published" is an error too, but the article is kept without a publication date.
/// Files are read a line at a time (<see cref="Stream"/>); a line or text above the per-document limit is skipped with a message.
/// </summary>
public sealed class JsonlArticleReader : IArticleFormatReader, IStreamingArticleReader
{
    public IReadOnlyList<string> Extensions { get; } = [".jsonl", ".ndjson"];

    public ReadResult Read(string text, string path)
    {
        var articles = new List<Article>();
        var diags = new List<Diagnostic>();
        foreach (var item in Stream(new StringReader(text), path, ReadLimits.Default))
        {
            if (item.Resolve() is { } a) articles.Add(a);
            if (item.Diagnostic is { } d) diags.Add(d);
        }
        return new ReadResult(articles, diags);
    }

    public IEnumerable<ReadItem> Stream(TextReader reader, string path, ReadLimits limits)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        // JSON escapes make a line longer than its text: allow twice the document limit (and some fields) per line
        long maxLine = limits.MaxDocumentBytes * 2 + 65536;
        var lines = new LineReader(reader, (int)Math.Min(maxLine, int.MaxValue - 64));
        int lineNo = 0;
        bool any = false;
        while (lines.Next(out var line, out long tooLong))
        {
            lineNo++;
            var origin = new Origin(path, lineNo);
            if (tooLong > 0)
            {
                any = true;
                yield return ReadItem.Of(Diagnostic.Error(origin, $"line of {ReadLimits.Size(tooLong)}+ characters, above the limit of {ReadLimits.Size(limits.MaxDocumentBytes)} per document; skipped"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(line)) continue;
            any = true;
            var diags = new List<Diagnostic>(1);
            var a = ReadLine(line, origin, diags, limits);
            foreach (var d in diags) yield return ReadItem.Of(d);
            if (a is not null)
            {
                var id = a.Value.Article.Id;
                if (ids.TryGetValue(id, out var first))
                    yield return ReadItem.Of(Diagnostic.Warning(origin, $"duplicate id \"{id}\" (first on line {first})"));
                else ids[id] = lineNo;
                yield return ReadItem.Deferred(a.Value.Article, x => ArticleFinisher.Finish(x, a.Value.Lang));
            }
        }
        if (!any) yield return ReadItem.Of(Diagnostic.Error(new Origin(path), "empty file"));
    }

    private static (Article Article, string? Lang)? ReadLine(string line, Origin origin, List<Diagnostic> diags, ReadLimits limits)
    {
        JObject obj;
        try
        {
            // the reader's buffers from a shared pool: a document's text made it grow its buffers, fresh, for every line
            using var reader = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None, ArrayPool = CharPool.Instance };
            var token = JToken.ReadFrom(reader);
            if (reader.Read()) throw new JsonReaderException($"unexpected content after the JSON value at position {reader.LinePosition}");
            if (token is not JObject o) { diags.Add(Diagnostic.Error(origin, $"expected a JSON object, found {token.Type}")); return null; }
            obj = o;
        }
        catch (JsonException e)
        {
            diags.Add(Diagnostic.Error(origin, $"not valid JSON: {e.Message}"));
            return null;
        }

        var wrong = new List<string>();
        var id = obj["id"] is { Type: JTokenType.Integer } num ? num.ToString(Formatting.None) : Str(obj, "id", wrong);
        var text = Str(obj, "text", wrong);
        var pubRaw = Str(obj, "published", wrong);
        var title = Str(obj, "title", wrong);
        var source = Str(obj, "source", wrong);
        var url = Str(obj, "url", wrong);
        var lang = Str(obj, "lang", wrong);
        if (wrong.Count > 0)
        {
            diags.Add(Diagnostic.Error(origin, $"{(id is null ? "document" : $"document \"{id}\"")}: {string.Join("; ", wrong)}; skipped"));
            return null;
        }
        if (string.IsNullOrWhiteSpace(id) || text is null)
        {
            var missing = string.Join(" and ", new[] { string.IsNullOrWhiteSpace(id) ? "\"id\"" : null, text is null ? "\"text\"" : null }.OfType<string>());
            diags.Add(Diagnostic.Error(origin, $"document without {missing}; skipped"));
            return null;
        }
        if (text.Length > limits.MaxDocumentBytes)
        {
            diags.Add(Diagnostic.Error(origin, $"document \"{id}\": text of {ReadLimits.Size(text.Length)} characters, above the limit of {ReadLimits.Size(limits.MaxDocumentBytes)} per document; skipped"));
            return null;
        }
        if (text.Contains('\0'))
        {
            diags.Add(Diagnostic.Error(origin, $"document \"{id}\": text contains a NUL character (binary data); skipped"));
            return null;
        }

        DateTimeOffset? published = null;
        if (!string.IsNullOrWhiteSpace(pubRaw))
        {
            if (IsoDate.TryParse(pubRaw, out var d)) published = d;
            else diags.Add(Diagnostic.Error(origin, $"document \"{id}\": \"published\" is not an ISO 8601 date or date-time: \"{pubRaw}\"; read without a publication date"));
        }

        var article = new Article
        {
            Id = id, Text = text, Published = published, Title = title, Source = source, Url = url, Origin = origin,
            Story = StoryField(obj, "story", id, origin, diags) ?? StoryField(obj, "cluster", id, origin, diags),
        };
        return (article, lang);
    }

    /// <summary>A story given as a string or an integer; another type is an error and the article is grouped automatically.</summary>
    private static string? StoryField(JObject o, string name, string id, Origin origin, List<Diagnostic> diags)
    {
        switch (o[name])
        {
            case null or { Type: JTokenType.Null }: return null;
            case { Type: JTokenType.String or JTokenType.Integer } t:
                var v = t.Type == JTokenType.String ? t.Value<string>()!.Trim() : t.ToString(Formatting.None);
                return v.Length == 0 ? null : v;
            case var t:
                diags.Add(Diagnostic.Error(origin, $"document \"{id}\": \"{name}\" must be a string or an integer, found {t.Type}; grouped automatically"));
                return null;
        }
    }

    /// <summary>A string field, null when absent or null; any other JSON type is noted in <paramref name="wrong"/>.</summary>
    private static string? Str(JObject o, string name, List<string> wrong)
    {
        switch (o[name])
        {
            case null: return null;
            case { Type: JTokenType.Null }: return null;
            case { Type: JTokenType.String } t: return t.Value<string>();
            case var t:
                var shown = t.ToString(Formatting.None);
                if (shown.Length > 40) shown = shown[..40] + "…";
                wrong.Add($"\"{name}\" must be a string, found {Describe(t.Type)} ({shown})");
                return null;
        }
    }

    private static string Describe(JTokenType t) => t switch
    {
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        _ => t.ToString().ToLowerInvariant(),
    };

    /// <summary>Newtonsoft's char buffers rented from the shared array pool.</summary>
    private sealed class CharPool : IArrayPool<char>
    {
        public static readonly CharPool Instance = new();
        public char[] Rent(int minimumLength) => System.Buffers.ArrayPool<char>.Shared.Rent(minimumLength);
        public void Return(char[]? array) { if (array is not null) System.Buffers.ArrayPool<char>.Shared.Return(array); }
    }

    /// <summary>Lines of a reader ("\n", "\r\n" or a final line without one), each at most a maximum length: a longer line is
    /// skipped to its end without being held, and reported by its length.</summary>
    private sealed class LineReader(TextReader reader, int max)
    {
        private readonly char[] buf = new char[1 << 16];
        private int pos, len;
        private bool eof;
        private readonly StringBuilder sb = new();

        public bool Next(out string line, out long tooLong)
        {
            line = ""; tooLong = 0;
            sb.Clear();
            long count = 0;
            bool gotAny = false;
            while (true)
            {
                if (pos >= len)
                {
                    if (eof) break;
                    len = reader.Read(buf, 0, buf.Length); pos = 0;
                    if (len <= 0) { eof = true; len = 0; break; }
                }
                gotAny = true;
                int nl = Array.IndexOf(buf, '\n', pos, len - pos);
                int end = nl < 0 ? len : nl;
                int take = end - pos;
                if (count + take <= max) sb.Append(buf, pos, take);
                count += take;
                pos = nl < 0 ? len : nl + 1;
                if (nl >= 0) goto done;
            }
            if (!gotAny) return false;
        done:
            if (count > max) { tooLong = count; sb.Clear(); return true; }
            if (sb.Length > 0 && sb[^1] == '\r') sb.Length--;
            line = sb.ToString();
            return true;
        }
    }
}
