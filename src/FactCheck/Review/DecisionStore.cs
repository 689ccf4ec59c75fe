using System.Globalization;
using System.Text;
using FactCheck.Checks;
using FactCheck.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Review;

/// <summary>What reading a decisions file produced: the decisions in file order and warnings for lines that were skipped.</summary>
public sealed record DecisionLog(IReadOnlyList<Decision> Decisions, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The latest decision for each finding id (the one written last wins).</summary>
    public IReadOnlyDictionary<string, Decision> Latest
    {
        get
        {
            var latest = new Dictionary<string, Decision>(StringComparer.Ordinal);
            foreach (var d in Decisions) latest[d.FindingId] = d;
            return latest;
        }
    }
}

/// <summary>
/// Review decisions in an append-only JSONL file, one decision a line:
/// {"id", "rule", "verdict": "confirmed|dismissed|unsure", "features": {...}, "note"?, "shown"?: {doc, start, end, text, value?,
/// message?, score?, fix?, fixText?} (what the reviewer saw), "reviewer", "time"}; lines without "shown" (older files) still read.
/// Each append writes one whole line and flushes it to disk; on reading, a torn or unparsable line is skipped with a warning.
/// </summary>
public sealed class DecisionStore(string path, Action<Diagnostic>? warn = null) : IDecisionSource
{
    /// <summary>The default decisions file, relative to the working directory.</summary>
    public const string DefaultPath = "data/labels/decisions.jsonl";

    public string Path { get; } = path;

    /// <summary>Appends one decision as one line and flushes it to disk; returns an error message instead of throwing on I/O failure.</summary>
    public string? Append(Decision decision) => AppendAll([decision]);

    /// <summary>Appends decisions, each as one whole line flushed to disk before the next.</summary>
    public string? AppendAll(IEnumerable<Decision> decisions)
    {
        try
        {
            var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            // A crash mid-write can leave a torn last line without a newline: start on a fresh line so the
            // next decision is not glued onto it (the torn line is skipped on reading).
            bool needsNewline = EndsWithoutNewline(Path);
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            foreach (var d in decisions)
            {
                var line = (needsNewline ? "\n" : "") + ToJson(d).ToString(Formatting.None) + "\n";
                needsNewline = false;
                var bytes = Encoding.UTF8.GetBytes(line);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return $"{Path}: cannot write decision: {e.Message}";
        }
    }

    /// <summary>Reads every decision; a missing file is an empty log, a bad line is a warning naming file and line.</summary>
    public DecisionLog Read()
    {
        if (!File.Exists(Path)) return new DecisionLog([], []);
        var decisions = new List<Decision>();
        var diagnostics = new List<Diagnostic>();
        string[] lines;
        try { lines = ReadLines(Path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var d = Diagnostic.Error(new Origin(Path), $"cannot read decisions: {e.Message}");
            warn?.Invoke(d);
            return new DecisionLog([], [d]);
        }
        for (int i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            if (string.IsNullOrWhiteSpace(text)) continue;
            var (decision, problem) = Parse(text);
            if (decision is not null) decisions.Add(decision);
            else
            {
                bool last = i == lines.Length - 1;
                var d = Diagnostic.Warning(new Origin(Path, i + 1),
                    (last ? "torn or unparsable last line skipped (was a write interrupted?): " : "unparsable decision skipped: ") + problem);
                diagnostics.Add(d);
                warn?.Invoke(d);
            }
        }
        return new DecisionLog(decisions, diagnostics);
    }

    /// <summary>The latest decision for each finding id; skipped lines are reported through the warning callback.</summary>
    public IReadOnlyDictionary<string, Decision> Latest() => Read().Latest;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, (Verdict verdict, string? note)> Load() =>
        Latest().ToDictionary(kv => kv.Key, kv => (kv.Value.Verdict, kv.Value.Note), StringComparer.Ordinal);

    public static JObject ToJson(Decision d)
    {
        var o = new JObject
        {
            ["id"] = d.FindingId,
            ["rule"] = d.Rule,
            ["verdict"] = VerdictName(d.Verdict),
            ["features"] = new JObject(d.Features.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new JProperty(kv.Key, kv.Value))),
        };
        if (d.Note is not null) o["note"] = d.Note;
        if (d.Shown is { } c)
        {
            var so = new JObject { ["doc"] = c.Doc, ["start"] = c.Start, ["end"] = c.End, ["text"] = c.Text };
            if (c.Value is not null) so["value"] = c.Value;
            if (c.Message is not null) so["message"] = c.Message;
            if (c.Score is { } sc) so["score"] = Math.Round(sc, 4);
            if (c.Fix is not null) so["fix"] = c.Fix;
            if (c.FixText is not null) so["fixText"] = c.FixText;
            o["shown"] = so;
        }
        o["reviewer"] = d.Reviewer;
        o["time"] = d.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        return o;
    }

    public static string VerdictName(Verdict v) => v.ToString().ToLowerInvariant();

    /// <summary>Parses "confirmed", "dismissed" or "unsure" (any case).</summary>
    public static Verdict? ParseVerdict(string? s) => s?.ToLowerInvariant() switch
    {
        "confirmed" => Verdict.Confirmed,
        "dismissed" => Verdict.Dismissed,
        "unsure" => Verdict.Unsure,
        _ => null,
    };

    /// <summary>Parses one line; returns the decision, or null and why not.</summary>
    public static (Decision? Decision, string? Problem) Parse(string line)
    {
        JObject o;
        try
        {
            using var reader = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None };
            o = JObject.Load(reader);
            if (reader.Read()) return (null, "text after the JSON object");
        }
        catch (JsonException e) { return (null, e.Message); }
        var id = o.Value<string>("id");
        if (string.IsNullOrEmpty(id)) return (null, "no \"id\"");
        if (ParseVerdict(o["verdict"]?.Type == JTokenType.String ? (string?)o["verdict"] : null) is not { } verdict)
            return (null, $"\"verdict\" must be confirmed, dismissed or unsure, not {o["verdict"]?.ToString(Formatting.None) ?? "nothing"}");
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        if (o["features"] is JObject fo)
            foreach (var (k, v) in fo)
            {
                if (v is null || v.Type is not (JTokenType.Integer or JTokenType.Float)) return (null, $"feature \"{k}\" is not a number");
                features[k] = v.Value<double>();
            }
        else if (o["features"] is { } other && other.Type != JTokenType.Null) return (null, "\"features\" is not an object");
        var timeText = o["time"]?.Type == JTokenType.String ? (string?)o["time"] : null;
        if (!DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return (null, "no valid \"time\"");
        DecisionContext? shown = null;
        if (o["shown"] is JObject so)
            shown = new DecisionContext(so.Value<string>("doc") ?? "", so.Value<int?>("start") ?? 0, so.Value<int?>("end") ?? 0, so.Value<string>("text") ?? "")
            {
                Value = so.Value<string>("value"), Message = so.Value<string>("message"), Score = so.Value<double?>("score"),
                Fix = so.Value<string>("fix"), FixText = so.Value<string>("fixText"),
            };
        return (new Decision(id, o.Value<string>("rule") ?? "", verdict, features, o.Value<string>("note"),
            o.Value<string>("reviewer") ?? "", time) { Shown = shown }, null);
    }

    private static bool EndsWithoutNewline(string path)
    {
        if (!File.Exists(path)) return false;
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (s.Length == 0) return false;
        s.Seek(-1, SeekOrigin.End);
        return s.ReadByte() != '\n';
    }

    private static string[] ReadLines(string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var r = new StreamReader(s, Encoding.UTF8);
        var text = r.ReadToEnd();
        return text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }
}
