using System.Globalization;
using FactCheck.Checks;
using FactCheck.Review;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Store;

/// <summary>
/// One row of the decision history: a reviewer's verdict on a finding with the note, the fix they chose and what they saw,
/// or an undo (<see cref="Undoes"/> set, <see cref="Verdict"/> null) that cancels an earlier row. Rows are never changed.
/// </summary>
public sealed record StoredDecision(string FindingId, string Rule, Verdict? Verdict, string Reviewer, DateTimeOffset Time)
{
    /// <summary>Position in the history, assigned by the store (0 before it is recorded).</summary>
    public long Seq { get; init; }
    public string? Note { get; init; }
    /// <summary>The suggestion the reviewer chose (its text), when any.</summary>
    public string? Fix { get; init; }
    /// <summary>What the reviewer was shown (JSON: message, evidence, suggestions, score), when known.</summary>
    public string? Seen { get; init; }
    public IReadOnlyDictionary<string, double> Features { get; init; } = new Dictionary<string, double>();
    /// <summary>For an undo: the Seq of the decision it cancels.</summary>
    public long? Undoes { get; init; }

    public bool IsUndo => Undoes is not null;

    /// <summary>A decision on <paramref name="finding"/>, recording what the reviewer saw (the finding as report.json has it, without features).</summary>
    public static StoredDecision For(Finding finding, Verdict verdict, string reviewer, DateTimeOffset time, string? note = null, string? fix = null)
    {
        var seen = Output.FindingJson.ToJson(finding);
        seen.Remove("features");
        seen.Remove("verdict");
        seen.Remove("reviewNote");
        return new(finding.Id, finding.Rule, verdict, reviewer, time)
        {
            Note = note, Fix = fix, Features = finding.Features, Seen = seen.ToString(Formatting.None),
        };
    }

    /// <summary>The engine's <see cref="Decision"/> (for training and the JSONL format); null for an undo.</summary>
    public Decision? ToDecision() => Verdict is { } v ? new Decision(FindingId, Rule, v, Features, Note, Reviewer, Time) : null;

    /// <summary>One JSONL line: the decisions.jsonl fields ({"id","rule","verdict","features","note"?,"reviewer","time"})
    /// plus "seq", "fix"?, "seen"? and, for an undo, "undoes" with "verdict": "undo".</summary>
    public JObject ToJson()
    {
        JObject o;
        if (ToDecision() is { } d) o = DecisionStore.ToJson(d);
        else
        {
            o = new JObject { ["id"] = FindingId, ["rule"] = Rule, ["verdict"] = "undo", ["undoes"] = Undoes, ["reviewer"] = Reviewer,
                ["time"] = Time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture) };
        }
        if (Seq > 0) o["seq"] = Seq;
        if (Fix is not null) o["fix"] = Fix;
        if (Seen is not null)
        {
            try { o["seen"] = JToken.Parse(Seen); } catch (JsonException) { o["seen"] = Seen; }
        }
        return o;
    }

    private static long SeqOf(JObject o) => o["seq"]?.Type == JTokenType.Integer ? o.Value<long>("seq") : 0;

    /// <summary>Parses a line of either format (the old decisions.jsonl or this store's export); null and why when it is not a decision.</summary>
    public static (StoredDecision? Decision, string? Problem) Parse(string line)
    {
        JObject o;
        try
        {
            using var reader = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None };
            o = JObject.Load(reader);
        }
        catch (JsonException e) { return (null, e.Message); }
        if (o.Value<string>("verdict") == "undo")
        {
            var undoes = o["undoes"]?.Type == JTokenType.Integer ? o.Value<long>("undoes") : (long?)null;
            var timeText = o["time"]?.Type == JTokenType.String ? (string?)o["time"] : null;
            if (string.IsNullOrEmpty(o.Value<string>("id")) || undoes is null ||
                !DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
                return (null, "an undo needs \"id\", \"undoes\" and \"time\"");
            return (new StoredDecision(o.Value<string>("id")!, o.Value<string>("rule") ?? "", null, o.Value<string>("reviewer") ?? "", t) { Undoes = undoes, Seq = SeqOf(o) }, null);
        }
        var (d, problem) = DecisionStore.Parse(line);
        if (d is null) return (null, problem);
        return (new StoredDecision(d.FindingId, d.Rule, d.Verdict, d.Reviewer, d.Time)
        {
            Note = d.Note, Features = d.Features, Fix = o.Value<string>("fix"), Seq = SeqOf(o),
            Seen = o["seen"] is { } s && s.Type != JTokenType.Null ? (s.Type == JTokenType.String ? (string?)s : s.ToString(Formatting.None)) : null,
        }, null);
    }
}

/// <summary>A finding's decision history folded: the effective decisions (undone ones removed), the latest, each reviewer's latest.</summary>
public sealed record DecisionSummary(string FindingId, IReadOnlyList<StoredDecision> History, IReadOnlyList<StoredDecision> Effective)
{
    /// <summary>The latest effective decision, or null when none (never decided, or everything undone).</summary>
    public StoredDecision? Latest => Effective.Count > 0 ? Effective[^1] : null;

    /// <summary>Each reviewer's latest effective decision.</summary>
    public IReadOnlyList<StoredDecision> ByReviewer => Effective.GroupBy(d => d.Reviewer, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(d => d.Seq).ToList();

    /// <summary>True when reviewers' latest verdicts differ.</summary>
    public bool Disagreement => ByReviewer.Select(d => d.Verdict).Distinct().Count() > 1;

    /// <summary>Folds a finding's rows (in Seq order): an undo cancels the row it names.</summary>
    public static DecisionSummary Fold(string findingId, IReadOnlyList<StoredDecision> history)
    {
        var undone = history.Where(d => d.Undoes is not null).Select(d => d.Undoes!.Value).ToHashSet();
        return new(findingId, history, history.Where(d => !d.IsUndo && !undone.Contains(d.Seq)).ToList());
    }
}
