using System.Globalization;
using FactCheck.Checks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Output;

/// <summary>Findings to and from JSON in the report.json contract: {id, rule, severity, score, shown, message, evidence, suggestion?, explanation?, ...}.</summary>
public static class FindingJson
{
    public static JObject ToJson(Finding f) => (JObject)ReportJson.Tree(w => WriteTo(f, w));

    /// <summary>Writes the finding as <see cref="ToJson"/> gives it, straight to the writer (no JSON tree is built).</summary>
    public static void WriteTo(Finding f, JsonWriter w)
    {
        w.WriteStartObject();
        w.WritePropertyName("id"); w.WriteValue(f.Id);
        w.WritePropertyName("rule"); w.WriteValue(f.Rule);
        w.WritePropertyName("severity"); w.WriteValue(f.Severity.ToString().ToLowerInvariant());
        w.WritePropertyName("score"); w.WriteValue(Math.Round(f.Score, 4));
        w.WritePropertyName("shown"); w.WriteValue(f.Shown);
        w.WritePropertyName("message"); w.WriteValue(f.Message);
        w.WritePropertyName("evidence");
        w.WriteStartArray();
        foreach (var e in f.Evidence) WriteEvidence(e, w);
        w.WriteEndArray();
        if (f.Suggestions.Count > 0)
        {
            w.WritePropertyName("suggestion"); w.WriteValue(f.Suggestions[0].Text);
            w.WritePropertyName("suggestions");
            w.WriteStartArray();
            foreach (var s in f.Suggestions)
            {
                w.WriteStartObject();
                w.WritePropertyName("value"); w.WriteValue(s.Value);
                w.WritePropertyName("text"); w.WriteValue(s.Text);
                w.WritePropertyName("reason"); w.WriteValue(s.Reason);
                w.WritePropertyName("score"); w.WriteValue(Math.Round(s.Score, 4));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (f.Explanation.Count > 0)
        {
            w.WritePropertyName("explanation");
            w.WriteStartArray();
            foreach (var r in f.Explanation)
            {
                w.WriteStartObject();
                w.WritePropertyName("feature"); w.WriteValue(r.Feature);
                w.WritePropertyName("value"); w.WriteValue(Math.Round(r.Value, 4));
                w.WritePropertyName("contribution"); w.WriteValue(Math.Round(r.Contribution, 4));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (f.Verdict is { } v) { w.WritePropertyName("verdict"); w.WriteValue(v.ToString().ToLowerInvariant()); }
        if (f.ReviewNote is not null) { w.WritePropertyName("reviewNote"); w.WriteValue(f.ReviewNote); }
        if (f.Story is not null) { w.WritePropertyName("story"); w.WriteValue(f.Story); }
        w.WritePropertyName("features");
        w.WriteStartObject();
        foreach (var kv in f.Features.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.WritePropertyName(kv.Key); w.WriteValue(kv.Value);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The finding as one line of JSON (<see cref="WriteTo"/> without indentation).</summary>
    public static string ToLine(Finding f)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var jw = new JsonTextWriter(text) { Formatting = Formatting.None })
            WriteTo(f, jw);
        return text.ToString();
    }

    private static void WriteEvidence(Evidence e, JsonWriter w)
    {
        w.WriteStartObject();
        w.WritePropertyName("doc"); w.WriteValue(e.Doc);
        w.WritePropertyName("start"); w.WriteValue(e.Start);
        w.WritePropertyName("end"); w.WriteValue(e.End);
        w.WritePropertyName("text"); w.WriteValue(e.Text);
        if (e.Value is not null) { w.WritePropertyName("value"); w.WriteValue(e.Value); }
        if (e.Source is not null) { w.WritePropertyName("source"); w.WriteValue(e.Source); }
        if (e.Role is not null) { w.WritePropertyName("role"); w.WriteValue(e.Role); }
        if (e.Sentence is not null)
        {
            w.WritePropertyName("sentence"); w.WriteValue(e.Sentence);
            w.WritePropertyName("sentenceStart"); w.WriteValue(e.SentenceStart);
        }
        w.WriteEndObject();
    }

    /// <summary>Reads a finding written by <see cref="ToJson"/>; throws FormatException naming the missing field.</summary>
    public static Finding FromJson(JObject o)
    {
        string Req(string k) => o.Value<string>(k) ?? throw new FormatException($"finding without \"{k}\"");
        var evidence = (o["evidence"] as JArray ?? []).OfType<JObject>().Select(e => new Evidence(
            e.Value<string>("doc") ?? "", e.Value<int?>("start") ?? 0, e.Value<int?>("end") ?? 0, e.Value<string>("text") ?? "")
        {
            Value = e.Value<string>("value"), Source = e.Value<string>("source"), Role = e.Value<string>("role"),
            Sentence = e.Value<string>("sentence"), SentenceStart = e.Value<int?>("sentenceStart") ?? 0,
        }).ToList();
        var suggestions = (o["suggestions"] as JArray ?? []).OfType<JObject>().Select(s => new Suggestion(
            s.Value<string>("value") ?? "", s.Value<string>("text") ?? "", s.Value<string>("reason") ?? "", s.Value<double?>("score") ?? 0)).ToList();
        if (suggestions.Count == 0 && o.Value<string>("suggestion") is { } one) suggestions.Add(new Suggestion(one, one, "", 0));
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        if (o["features"] is JObject fo) foreach (var (k, fv) in fo) features[k] = fv!.Value<double>();
        return new Finding
        {
            Id = Req("id"), Rule = Req("rule"),
            Severity = Enum.Parse<Severity>(Req("severity"), ignoreCase: true),
            Score = o.Value<double?>("score") ?? 0, Message = Req("message"),
            Evidence = evidence, Suggestions = suggestions, Features = features,
            Verdict = o.Value<string>("verdict") is { } v ? Enum.Parse<Verdict>(v, ignoreCase: true) : null,
            ReviewNote = o.Value<string>("reviewNote"),
            Story = o.Value<string>("story"),
            Shown = o.Value<bool?>("shown") ?? true,
            Explanation = (o["explanation"] as JArray ?? []).OfType<JObject>().Select(r => new FactCheck.Triage.ScoreReason(
                r.Value<string>("feature") ?? "", r.Value<double?>("value") ?? 0, r.Value<double?>("contribution") ?? 0)).ToList(),
        };
    }
}
