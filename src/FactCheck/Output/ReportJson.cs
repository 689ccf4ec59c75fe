using System.Globalization;
using FactCheck.Align;
using FactCheck.Checks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Output;

/// <summary>report.json: {"threshold", "generated", "articles": [{id, title, source, published, lang, status, error?, story?}],
/// "stories": [{id, title, articles, given}], "findings" (each with its story and whether it is shown), "facts", "summary"}.</summary>
public static class ReportJson
{
    public static JObject ToJson(Report r) => new()
    {
        ["threshold"] = r.Threshold is { } t ? Math.Round(t, 4) : null,
        ["generated"] = r.Generated,
        ["articles"] = new JArray(r.Articles.Select(ArticleJson)),
        ["stories"] = new JArray(r.Stories.Select(StoryJson)),
        ["findings"] = new JArray(r.Findings.Select(FindingJson.ToJson)),
        ["facts"] = new JArray(r.Facts.Select(FactJson)),
        ["summary"] = Summary(r),
    };

    /// <summary>Writes the report as <see cref="ToJson"/> would, one article, story, finding and fact at a time, so that the
    /// whole tree is never in memory (the same tokens, so the same bytes for the same writer settings); <paramref name="more"/>
    /// writes further properties at the end (the store's "run").</summary>
    public static void WriteTo(Report r, JsonWriter w, Action<JsonWriter>? more = null)
    {
        w.WriteStartObject();
        foreach (var p in new JObject { ["threshold"] = r.Threshold is { } t ? Math.Round(t, 4) : null, ["generated"] = r.Generated }.Properties())
            p.WriteTo(w);
        static void Array<T>(JsonWriter w, string name, IEnumerable<T> items, Func<T, JToken> json)
        {
            w.WritePropertyName(name);
            w.WriteStartArray();
            foreach (var x in items) json(x).WriteTo(w);
            w.WriteEndArray();
        }
        Array(w, "articles", r.Articles, ArticleJson);
        Array(w, "stories", r.Stories, StoryJson);
        Array(w, "findings", r.Findings, FindingJson.ToJson);
        Array(w, "facts", r.Facts, FactJson);
        w.WritePropertyName("summary");
        Summary(r).WriteTo(w);
        more?.Invoke(w);
        w.WriteEndObject();
    }

    public static string Serialize(Report r) => ToJson(r).ToString(Formatting.Indented) + "\n";

    public static JObject Summary(Report r) => new()
    {
        ["high"] = r.Count(Severity.High), ["medium"] = r.Count(Severity.Medium), ["low"] = r.Count(Severity.Low),
        ["findings"] = r.Findings.Count, ["shown"] = r.Findings.Count(f => f.Shown), ["articles"] = r.Articles.Count(a => a.Ok), ["failed"] = r.Failed,
        ["byRule"] = new JObject(r.Findings.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new JProperty(g.Key, g.Count()))),
    };

    private static JObject ArticleJson(ReportArticle a)
    {
        var o = new JObject
        {
            ["id"] = a.Id, ["title"] = a.Title, ["source"] = a.Source,
            ["published"] = a.Published?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["lang"] = a.Lang, ["status"] = a.Ok ? "ok" : "failed",
        };
        if (a.Error is not null) o["error"] = a.Error;
        if (a.Origin is not null) o["origin"] = a.Origin;
        if (a.Url is not null) o["url"] = a.Url;
        if (a.Story is not null) o["story"] = a.Story;
        return o;
    }

    private static JObject StoryJson(FactCheck.Stories.Story s) => new()
    {
        ["id"] = s.Id, ["title"] = s.Title, ["articles"] = new JArray(s.ArticleIds), ["given"] = s.Given,
    };

    /// <summary>A fact table row: the fact and what each document says about it.</summary>
    public static JObject FactJson(FactRow row)
    {
        var o = new JObject
        {
            ["key"] = row.Key, ["relation"] = row.Relation, ["subject"] = row.Subject, ["object"] = row.Object,
            ["complement"] = row.Complement, ["agreement"] = row.Agreement.ToString().ToLowerInvariant(), ["docs"] = row.DocCount,
        };
        if (row.Conflict is not null) o["conflict"] = row.Conflict;
        o["cells"] = new JArray(row.Cells.Select(c =>
        {
            var co = new JObject { ["doc"] = c.Doc, ["source"] = c.Source, ["sentence"] = c.Sentence, ["start"] = c.Start, ["end"] = c.End };
            if (c.Time is not null) co["time"] = c.Time;
            if (c.Value is not null) co["value"] = c.Value;
            if (c.Quantity is { } q) co["quantity"] = q.Canonical ?? q.Text;
            return co;
        }));
        return o;
    }
}
