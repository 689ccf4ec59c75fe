using FactCheck.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Readers;

/// <summary>
/// Reads JSONL documents, one object per line: {"id", "text", "published"?, "lang"?, "title"?, "source"?, "url"?, "story"? (or "cluster")}.
/// A bad line gives an error naming its 1-based line number and the other lines are still read; blank lines are skipped.
/// An unparsable "published" is an error too, but the article is kept without a publication date.
/// </summary>
public sealed class JsonlArticleReader : IArticleFormatReader
{
    public IReadOnlyList<string> Extensions { get; } = [".jsonl", ".ndjson"];

    public ReadResult Read(string text, string path)
    {
        var articles = new List<Article>();
        var diags = new List<Diagnostic>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNo = 0, pos = 0;
        bool any = false;
        while (pos <= text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            lineNo++;
            var line = text.AsSpan(pos, end - pos);
            if (!line.IsWhiteSpace())
            {
                any = true;
                var origin = new Origin(path, lineNo);
                var a = ReadLine(line.ToString(), origin, diags);
                if (a is not null)
                {
                    if (ids.TryGetValue(a.Id, out var first))
                        diags.Add(Diagnostic.Warning(origin, $"duplicate id \"{a.Id}\" (first on line {first})"));
                    else ids[a.Id] = lineNo;
                    articles.Add(a);
                }
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        if (!any) diags.Add(Diagnostic.Error(new Origin(path), "empty file"));
        return new ReadResult(articles, diags);
    }

    private static Article? ReadLine(string line, Origin origin, List<Diagnostic> diags)
    {
        JObject obj;
        try
        {
            using var reader = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None };
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

        var id = Str(obj, "id");
        var text = Str(obj, "text");
        if (string.IsNullOrWhiteSpace(id) || text is null)
        {
            var missing = string.Join(" and ", new[] { string.IsNullOrWhiteSpace(id) ? "\"id\"" : null, text is null ? "\"text\"" : null }.OfType<string>());
            diags.Add(Diagnostic.Error(origin, $"document without {missing}; skipped"));
            return null;
        }

        DateTimeOffset? published = null;
        var pubRaw = Str(obj, "published");
        if (!string.IsNullOrWhiteSpace(pubRaw))
        {
            if (IsoDate.TryParse(pubRaw, out var d)) published = d;
            else diags.Add(Diagnostic.Error(origin, $"document \"{id}\": \"published\" is not an ISO 8601 date or date-time: \"{pubRaw}\"; read without a publication date"));
        }

        var story = StoryField(obj, "story", id, origin, diags) ?? StoryField(obj, "cluster", id, origin, diags);

        var article = new Article
        {
            Id = id,
            Text = text,
            Published = published,
            Title = Str(obj, "title"),
            Source = Str(obj, "source"),
            Url = Str(obj, "url"),
            Story = story,
            Origin = origin,
        };
        return ArticleFinisher.Finish(article, Str(obj, "lang"));
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

    private static string? Str(JObject o, string name) => o[name] switch
    {
        null => null,
        { Type: JTokenType.Null } => null,
        { Type: JTokenType.String } t => t.Value<string>(),
        { Type: JTokenType.Integer or JTokenType.Float or JTokenType.Boolean } t => t.ToString(Formatting.None),
        _ => null,
    };
}
