using System.Globalization;
using FactCheck.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Evaluation;

/// <summary>What reading a gold file produced: the items that could be read and diagnostics for the rest.</summary>
public sealed record GoldReadResult(IReadOnlyList<TimexItem> Items, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Level == DiagnosticLevel.Error);
}

/// <summary>Reads evaluation JSONL: gold TIMEX3 lines ({doc,start,end,type,value}) and documents ({id,text,published?,lang?}).</summary>
/// <remarks>
/// Each bad line yields an error diagnostic naming file and 1-based line, and is skipped; the other lines are still read.
/// A file that is missing or cannot be read yields a single error diagnostic. Blank lines are ignored.
/// </remarks>
public static class GoldReader
{
    private static readonly string[] PublishedFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Reads gold TIMEX3 items from a JSONL file.</summary>
    public static GoldReadResult ReadGold(string path)
    {
        var lines = ReadLines(path, out var failure);
        return failure is not null ? new GoldReadResult([], [failure]) : ReadGold(lines!, path);
    }

    /// <summary>Reads gold TIMEX3 items from JSONL text; <paramref name="originPath"/> names it in diagnostics.</summary>
    public static GoldReadResult ReadGold(TextReader reader, string originPath) => ReadGold(ReadAll(reader), originPath);

    /// <summary>Reads documents from a JSONL file as articles; documents without "lang" get <paramref name="defaultLang"/>.</summary>
    public static ReadResult ReadDocs(string path, string defaultLang = "en")
    {
        var lines = ReadLines(path, out var failure);
        return failure is not null ? ReadResult.Failed(failure) : ReadDocs(lines!, path, defaultLang);
    }

    /// <summary>Reads documents from JSONL text; <paramref name="originPath"/> names it in diagnostics and origins.</summary>
    public static ReadResult ReadDocs(TextReader reader, string originPath, string defaultLang = "en") =>
        ReadDocs(ReadAll(reader), originPath, defaultLang);

    /// <summary>Parses an ISO 8601 date or date-time; without an offset the wall-clock reading is kept with offset zero.</summary>
    public static bool TryParsePublished(string text, out DateTimeOffset published) =>
        DateTimeOffset.TryParseExact(text.Trim(), PublishedFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out published);

    private static GoldReadResult ReadGold(IReadOnlyList<string> lines, string path)
    {
        var items = new List<TimexItem>();
        var diagnostics = new List<Diagnostic>();
        for (int i = 0; i < lines.Count; i++)
        {
            var origin = new Origin(path, i + 1);
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            if (!TryParseObject(lines[i], origin, diagnostics, out var obj)) continue;
            string? problem = null;
            var doc = GetString(obj, "doc", required: true, ref problem);
            var start = GetInt(obj, "start", ref problem);
            var end = GetInt(obj, "end", ref problem);
            var type = GetString(obj, "type", required: true, ref problem);
            var value = GetString(obj, "value", required: true, ref problem, allowEmpty: true);
            if (problem is null && start < 0) problem = $"\"start\" is negative ({start})";
            if (problem is null && end <= start) problem = $"\"end\" ({end}) is not after \"start\" ({start})";
            if (problem is not null)
            {
                diagnostics.Add(Diagnostic.Error(origin, problem));
                continue;
            }
            items.Add(new TimexItem(doc!, start, end, type!, value!));
        }
        return new GoldReadResult(items, diagnostics);
    }

    private static ReadResult ReadDocs(IReadOnlyList<string> lines, string path, string defaultLang)
    {
        var articles = new List<Article>();
        var diagnostics = new List<Diagnostic>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            var origin = new Origin(path, i + 1);
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            if (!TryParseObject(lines[i], origin, diagnostics, out var obj)) continue;
            string? problem = null;
            var id = GetString(obj, "id", required: true, ref problem);
            var text = GetString(obj, "text", required: true, ref problem, allowEmpty: true);
            var publishedText = GetString(obj, "published", required: false, ref problem);
            var lang = GetString(obj, "lang", required: false, ref problem);
            var title = GetString(obj, "title", required: false, ref problem);
            var source = GetString(obj, "source", required: false, ref problem);
            var url = GetString(obj, "url", required: false, ref problem);
            if (problem is null && !ids.Add(id!)) problem = $"duplicate document id \"{id}\"";
            if (problem is not null)
            {
                diagnostics.Add(Diagnostic.Error(origin, problem));
                continue;
            }
            DateTimeOffset? published = null;
            if (!string.IsNullOrWhiteSpace(publishedText))
            {
                if (TryParsePublished(publishedText, out var p)) published = p;
                else diagnostics.Add(Diagnostic.Warning(origin,
                    $"\"published\" is not an ISO 8601 date or date-time: \"{publishedText}\"; document read without a reference date"));
            }
            articles.Add(new Article
            {
                Id = id!,
                Text = text!,
                Published = published,
                Lang = string.IsNullOrWhiteSpace(lang) ? defaultLang : lang.Trim(),
                Title = title,
                Source = source,
                Url = url,
                Origin = origin,
            });
        }
        return new ReadResult(articles, diagnostics);
    }

    private static IReadOnlyList<string>? ReadLines(string path, out Diagnostic? failure)
    {
        failure = null;
        try
        {
            if (Directory.Exists(path))
            {
                failure = Diagnostic.Error(new Origin(path), "is a directory, expected a JSONL file");
                return null;
            }
            if (!File.Exists(path))
            {
                failure = Diagnostic.Error(new Origin(path), "file not found");
                return null;
            }
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            failure = Diagnostic.Error(new Origin(path), $"cannot read file: {e.Message}");
            return null;
        }
    }

    private static List<string> ReadAll(TextReader reader)
    {
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }

    private static bool TryParseObject(string line, Origin origin, List<Diagnostic> diagnostics, out JObject obj)
    {
        obj = null!;
        try
        {
            // DateParseHandling.None keeps "published" a string exactly as written.
            using var reader = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                diagnostics.Add(Diagnostic.Error(origin, "invalid JSON: more than one value on the line"));
                return false;
            }
            if (token is not JObject o)
            {
                diagnostics.Add(Diagnostic.Error(origin, $"expected a JSON object, found {token.Type}"));
                return false;
            }
            obj = o;
            return true;
        }
        catch (JsonReaderException e)
        {
            diagnostics.Add(Diagnostic.Error(origin, $"invalid JSON: {e.Message}"));
            return false;
        }
    }

    private static string? GetString(JObject obj, string name, bool required, ref string? problem, bool allowEmpty = false)
    {
        var token = obj[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required) problem ??= $"missing \"{name}\"";
            return null;
        }
        if (token.Type != JTokenType.String)
        {
            problem ??= $"\"{name}\" must be a string, found {token.Type}";
            return null;
        }
        var s = (string)token!;
        if (required && !allowEmpty && string.IsNullOrWhiteSpace(s)) problem ??= $"\"{name}\" is empty";
        return s;
    }

    private static int GetInt(JObject obj, string name, ref string? problem)
    {
        var token = obj[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            problem ??= $"missing \"{name}\"";
            return 0;
        }
        if (token.Type != JTokenType.Integer)
        {
            problem ??= $"\"{name}\" must be an integer, found {token.Type}";
            return 0;
        }
        try { return (int)token; }
        catch (OverflowException)
        {
            problem ??= $"\"{name}\" is out of range";
            return 0;
        }
    }
}
