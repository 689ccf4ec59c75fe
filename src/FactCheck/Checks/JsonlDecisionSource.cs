using FactCheck.Model;
using Newtonsoft.Json.Linq;

namespace FactCheck.Checks;

/// <summary>A minimal reader of review decisions, one JSON object a line: {"id" (or "finding"), "verdict": confirmed|dismissed|unsure, "note"?};
/// later lines win. Stand-in until the DecisionStore lands; bad lines become diagnostics.</summary>
public sealed class JsonlDecisionSource(string path) : IDecisionSource
{
    public List<Diagnostic> Diagnostics { get; } = [];

    public IReadOnlyDictionary<string, (Verdict verdict, string? note)> Load()
    {
        var map = new Dictionary<string, (Verdict, string?)>(StringComparer.Ordinal);
        if (!File.Exists(path)) return map;
        int n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var o = JObject.Parse(line);
                var id = o.Value<string>("id") ?? o.Value<string>("finding");
                var v = o.Value<string>("verdict");
                if (id is null || v is null || !Enum.TryParse<Verdict>(v, true, out var verdict))
                {
                    Diagnostics.Add(Diagnostic.Warning(new Origin(path, n), "decision without \"id\" or a known \"verdict\"; ignored"));
                    continue;
                }
                map[id] = (verdict, o.Value<string>("note"));
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                Diagnostics.Add(Diagnostic.Warning(new Origin(path, n), "not valid JSON: " + e.Message));
            }
        }
        return map;
    }
}
