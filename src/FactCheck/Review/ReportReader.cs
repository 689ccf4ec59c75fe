using FactCheck.Checks;
using FactCheck.Output;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Review;

/// <summary>The findings of a report.json, or why they could not be read.</summary>
public sealed record ReportRead(string Path, IReadOnlyList<Finding> Findings, string? Error)
{
    public bool Ok => Error is null;
}

/// <summary>Reads the findings of REPORT_DIR/report.json ({"articles": [...], "findings": [...]}).</summary>
public static class ReportReader
{
    public const string FileName = "report.json";

    /// <summary>Reads a report folder (or a report.json path); a missing or broken report gives an error naming the file, never an exception.</summary>
    public static ReportRead Read(string reportDirOrFile)
    {
        var path = File.Exists(reportDirOrFile) ? reportDirOrFile : System.IO.Path.Combine(reportDirOrFile, FileName);
        if (!File.Exists(path))
            return new(path, [], Directory.Exists(reportDirOrFile)
                ? $"{path}: no report here (run factcheck check first)"
                : $"{reportDirOrFile}: no such report folder");
        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(path)) { DateParseHandling = DateParseHandling.None };
            root = JObject.Load(reader);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return new(path, [], $"{path}: not a readable report: {e.Message}");
        }
        if (root["findings"] is not JArray array) return new(path, [], $"{path}: no \"findings\" array");
        var findings = new List<Finding>();
        for (int i = 0; i < array.Count; i++)
        {
            if (array[i] is not JObject o) return new(path, [], $"{path}: finding {i + 1} is not an object");
            try { findings.Add(FindingJson.FromJson(o)); }
            catch (Exception e) when (e is FormatException or ArgumentException or JsonException or InvalidCastException)
            {
                return new(path, [], $"{path}: finding {i + 1}{(o.Value<string>("id") is { } id ? $" ({id})" : "")}: {e.Message}");
            }
        }
        return new(path, findings, null);
    }
}
