using System.Globalization;
using FactCheck.Checks;
using Newtonsoft.Json.Linq;

namespace FactCheck.Output;

/// <summary>Findings to and from JSON in the report.json contract: {id, rule, severity, score, shown, message, evidence, suggestion?, explanation?, ...}.</summary>
public static class FindingJson
{
    public static JObject ToJson(Finding f)
    {
        var o = new JObject
        {
            ["id"] = f.Id, ["rule"] = f.Rule, ["severity"] = f.Severity.ToString().ToLowerInvariant(),
            ["score"] = Math.Round(f.Score, 4), ["shown"] = f.Shown, ["message"] = f.Message,
            ["evidence"] = new JArray(f.Evidence.Select(EvidenceJson)),
        };
        if (f.Suggestions.Count > 0)
        {
            o["suggestion"] = f.Suggestions[0].Text;
            o["suggestions"] = new JArray(f.Suggestions.Select(s => new JObject
            {
                ["value"] = s.Value, ["text"] = s.Text, ["reason"] = s.Reason, ["score"] = Math.Round(s.Score, 4),
            }));
        }
        if (f.Explanation.Count > 0)
            o["explanation"] = new JArray(f.Explanation.Select(r => new JObject
            {
                ["feature"] = r.Feature, ["value"] = Math.Round(r.Value, 4), ["contribution"] = Math.Round(r.Contribution, 4),
            }));
        if (f.Verdict is { } v) o["verdict"] = v.ToString().ToLowerInvariant();
        if (f.ReviewNote is not null) o["reviewNote"] = f.ReviewNote;
        if (f.Story is not null) o["story"] = f.Story;
        o["features"] = new JObject(f.Features.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new JProperty(kv.Key, kv.Value)));
        return o;
    }

    private static JObject EvidenceJson(Evidence e)
    {
        var o = new JObject { ["doc"] = e.Doc, ["start"] = e.Start, ["end"] = e.End, ["text"] = e.Text };
        if (e.Value is not null) o["value"] = e.Value;
        if (e.Source is not null) o["source"] = e.Source;
        if (e.Role is not null) o["role"] = e.Role;
        if (e.Sentence is not null) { o["sentence"] = e.Sentence; o["sentenceStart"] = e.SentenceStart; }
        return o;
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
