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
    /// <summary>The report as a JSON tree (what <see cref="WriteTo"/> writes).</summary>
    public static JObject ToJson(Report r) => (JObject)Tree(w => WriteTo(r, w));

    /// <summary>Writes the report straight to the writer, one token at a time (no JSON tree of it or of its elements is
    /// built); <paramref name="more"/> writes further properties at the end (the store's "run").</summary>
    public static void WriteTo(Report r, JsonWriter w, Action<JsonWriter>? more = null)
    {
        w.WriteStartObject();
        w.WritePropertyName("threshold"); w.WriteValue(r.Threshold is { } t ? Math.Round(t, 4) : (double?)null);
        w.WritePropertyName("generated"); w.WriteValue(r.Generated);
        static void Array<T>(JsonWriter w, string name, IEnumerable<T> items, Action<T, JsonWriter> write)
        {
            w.WritePropertyName(name);
            w.WriteStartArray();
            foreach (var x in items) write(x, w);
            w.WriteEndArray();
        }
        Array(w, "articles", r.Articles, WriteArticle);
        Array(w, "stories", r.Stories, WriteStory);
        Array(w, "findings", r.Findings, FindingJson.WriteTo);
        Array(w, "facts", r.Facts, WriteFact);
        w.WritePropertyName("summary");
        WriteSummary(r, w);
        more?.Invoke(w);
        w.WriteEndObject();
    }

    public static string Serialize(Report r)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var jw = new JsonTextWriter(text) { Formatting = Formatting.Indented, CloseOutput = false })
            WriteTo(r, jw);
        text.Write('\n');
        return text.ToString();
    }

    public static JObject Summary(Report r) => (JObject)Tree(w => WriteSummary(r, w));

    private static void WriteSummary(Report r, JsonWriter w)
    {
        w.WriteStartObject();
        w.WritePropertyName("high"); w.WriteValue(r.Count(Severity.High));
        w.WritePropertyName("medium"); w.WriteValue(r.Count(Severity.Medium));
        w.WritePropertyName("low"); w.WriteValue(r.Count(Severity.Low));
        w.WritePropertyName("findings"); w.WriteValue(r.Findings.Count);
        w.WritePropertyName("shown"); w.WriteValue(r.Findings.Count(f => f.Shown));
        w.WritePropertyName("articles"); w.WriteValue(r.Articles.Count(a => a.Ok));
        w.WritePropertyName("failed"); w.WriteValue(r.Failed);
        w.WritePropertyName("byRule");
        w.WriteStartObject();
        foreach (var g in r.Findings.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            w.WritePropertyName(g.Key); w.WriteValue(g.Count());
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>What <paramref name="write"/> writes, as a JSON tree: the one way the JSON of the report and its parts is
    /// spelled is the writers', and the trees are made from them.</summary>
    internal static JToken Tree(Action<JsonWriter> write)
    {
        using var w = new JTokenWriter();
        write(w);
        return w.Token!;
    }

    private static void WriteArticle(ReportArticle a, JsonWriter w)
    {
        w.WriteStartObject();
        w.WritePropertyName("id"); w.WriteValue(a.Id);
        w.WritePropertyName("title"); w.WriteValue(a.Title);
        w.WritePropertyName("source"); w.WriteValue(a.Source);
        w.WritePropertyName("published"); w.WriteValue(a.Published?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        w.WritePropertyName("lang"); w.WriteValue(a.Lang);
        w.WritePropertyName("status"); w.WriteValue(a.Ok ? "ok" : "failed");
        if (a.Error is not null) { w.WritePropertyName("error"); w.WriteValue(a.Error); }
        if (a.Origin is not null) { w.WritePropertyName("origin"); w.WriteValue(a.Origin); }
        if (a.Url is not null) { w.WritePropertyName("url"); w.WriteValue(a.Url); }
        if (a.Story is not null) { w.WritePropertyName("story"); w.WriteValue(a.Story); }
        w.WriteEndObject();
    }

    private static void WriteStory(FactCheck.Stories.Story s, JsonWriter w)
    {
        w.WriteStartObject();
        w.WritePropertyName("id"); w.WriteValue(s.Id);
        w.WritePropertyName("title"); w.WriteValue(s.Title);
        w.WritePropertyName("articles");
        w.WriteStartArray();
        foreach (var id in s.ArticleIds) w.WriteValue(id);
        w.WriteEndArray();
        w.WritePropertyName("given"); w.WriteValue(s.Given);
        w.WriteEndObject();
    }

    /// <summary>A fact table row: the fact and what each document says about it.</summary>
    public static JObject FactJson(FactRow row) => (JObject)Tree(w => WriteFact(row, w));

    private static void WriteFact(FactRow row, JsonWriter w)
    {
        w.WriteStartObject();
        w.WritePropertyName("key"); w.WriteValue(row.Key);
        w.WritePropertyName("relation"); w.WriteValue(row.Relation);
        w.WritePropertyName("subject"); w.WriteValue(row.Subject);
        w.WritePropertyName("object"); w.WriteValue(row.Object);
        w.WritePropertyName("complement"); w.WriteValue(row.Complement);
        w.WritePropertyName("agreement"); w.WriteValue(row.Agreement.ToString().ToLowerInvariant());
        w.WritePropertyName("docs"); w.WriteValue(row.DocCount);
        if (row.Conflict is not null) { w.WritePropertyName("conflict"); w.WriteValue(row.Conflict); }
        if (row.Story is not null) { w.WritePropertyName("story"); w.WriteValue(row.Story); }
        w.WritePropertyName("cells");
        w.WriteStartArray();
        foreach (var c in row.Cells)
        {
            w.WriteStartObject();
            w.WritePropertyName("doc"); w.WriteValue(c.Doc);
            w.WritePropertyName("source"); w.WriteValue(c.Source);
            w.WritePropertyName("sentence"); w.WriteValue(c.Sentence);
            w.WritePropertyName("start"); w.WriteValue(c.Start);
            w.WritePropertyName("end"); w.WriteValue(c.End);
            if (c.Time is not null) { w.WritePropertyName("time"); w.WriteValue(c.Time); }
            if (c.Value is not null) { w.WritePropertyName("value"); w.WriteValue(c.Value); }
            if (c.Quantity is { } q) { w.WritePropertyName("quantity"); w.WriteValue(q.Canonical ?? q.Text); }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
