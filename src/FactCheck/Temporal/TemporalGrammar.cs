using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using FactCheck.Lang;
using FactCheck.Text;
using FactCheck.Text.Patterns;

namespace FactCheck.Temporal;

/// <summary>One temporal rule from temporal.json: a token pattern, what it means, and the examples that prove it.</summary>
public sealed record TemporalRule
{
    /// <summary>Stable id, "lang.name" (e.g. "id.date-weekday-numdate").</summary>
    public required string Id { get; init; }
    public required TokenPattern Pattern { get; init; }
    public required TemporalKind Kind { get; init; }
    public int Priority { get; init; }
    /// <summary>A fixed TIMEX value ("PRESENT_REF"), when the pattern's words do not compose one.</summary>
    public string? Value { get; init; }
    public string? Mod { get; init; }
    /// <summary>Default fields the rule contributes (e.g. unit "D" and dir -1 for "kemarin").</summary>
    public IReadOnlyDictionary<string, string> Bind { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<RuleExample> Examples { get; init; } = [];
    public IReadOnlyList<RuleExample> Negative { get; init; } = [];
    public int Order { get; init; }
    /// <summary>True for rules that only claim their words so that no other rule reads them as time ("6-year-old", "quarterly dividend").</summary>
    public bool Ignore { get; init; }
    /// <summary>How the value may lean on the previous date in the text instead of the reference date: "any" ("a year earlier"), "quarter" (only a quarter: "a year ago" after "the third quarter").</summary>
    public string? Anchor { get; init; }
}

/// <summary>A language's temporal rules, compiled once from temporal.json and indexed by the tokens they can start with.</summary>
public sealed class TemporalGrammar
{
    private readonly Dictionary<string, TemporalRule[]> byWord;
    private readonly Dictionary<string, TemporalRule[]> byClass;
    private readonly Dictionary<string, TemporalRule[]> byShape;
    private readonly string[] shapeKeys;

    public string Lang { get; }
    public Lexicon Lexicon { get; }
    public IReadOnlyList<TemporalRule> Rules { get; }
    /// <summary>Order of numeric dates: "dmy" (Indonesian 8/1/2021 = 8 January) or "mdy" (English, ambiguous when both &lt;= 12).</summary>
    public string DateOrder { get; }
    /// <summary>Word ending that marks a past-tense verb ("ed"), used with the lexicon's "tense" class to read a bare weekday or month as past or future.</summary>
    public string? PastSuffix { get; private init; }
    /// <summary>How far (characters) back a previous date may be to anchor "a year earlier".</summary>
    public int AnchorDistance { get; private init; } = 400;

    private TemporalGrammar(string lang, Lexicon lexicon, List<TemporalRule> rules, string dateOrder)
    {
        Lang = lang; Lexicon = lexicon; Rules = rules; DateOrder = dateOrder;
        var w = new Dictionary<string, List<TemporalRule>>(StringComparer.OrdinalIgnoreCase);
        var c = new Dictionary<string, List<TemporalRule>>(StringComparer.Ordinal);
        var s = new Dictionary<string, List<TemporalRule>>(StringComparer.Ordinal);
        foreach (var r in rules)
            foreach (var key in r.Pattern.FirstKeys)
            {
                var (dict, name) = key[0] switch { 'w' => (w, key[2..]), 'c' => (c, key[2..]), _ => (s, key[2..]) };
                if (!dict.TryGetValue(name, out var l)) dict[name] = l = [];
                l.Add(r);
            }
        byWord = w.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        byClass = c.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        byShape = s.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        shapeKeys = byShape.Keys.ToArray();
        wordLookup = byWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private readonly Dictionary<string, TemporalRule[]>.AlternateLookup<ReadOnlySpan<char>> wordLookup;

    [ThreadStatic] private static List<TemporalRule[]>? sourcesBuf;

    /// <summary>Rules that may start at this token (de-duplicated, in file order).</summary>
    public void CandidatesAt(string text, in Token t, List<TemporalRule> into)
    {
        into.Clear();
        var sources = sourcesBuf ??= [];
        sources.Clear();
        var span = t.Span(text);
        if (t.Type == TokenType.Word)
        {
            if (wordLookup.TryGetValue(span, out var rs)) sources.Add(rs);
            foreach (var e in Lexicon.LookupList(span))
                if (byClass.TryGetValue(e.Class, out var cr) && !sources.Contains(cr)) sources.Add(cr);
        }
        foreach (var shape in shapeKeys)
            if (Shapes.Is(shape, text, t)) sources.Add(byShape[shape]);
        if (sources.Count == 1) { into.AddRange(sources[0]); return; }
        if (sources.Count == 0) return;
        foreach (var src in sources) into.AddRange(src);
        into.Sort(static (a, b) => a.Order.CompareTo(b.Order));
        int k = 0;
        for (int i = 0; i < into.Count; i++)
            if (k == 0 || !ReferenceEquals(into[k - 1], into[i])) into[k++] = into[i];
        into.RemoveRange(k, into.Count - k);
    }

    /// <summary>Reads temporal.json: {"dateOrder", "macros": {NAME: pattern}, "rules": [{id, pattern, kind, ...}]}.</summary>
    public static TemporalGrammar Parse(string lang, JObject json, string file, Lexicon lexicon)
    {
        var macros = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json["macros"] is JObject m)
            foreach (var (k, v) in m) macros[k] = v!.Value<string>() ?? "";
        var rules = new List<TemporalRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int order = 0;
        foreach (var r in (json["rules"] as JArray ?? []).OfType<JObject>())
        {
            var id = r.Value<string>("id") ?? throw new FormatException($"{file}: rule #{order + 1} has no id");
            var fullId = $"{lang}.{id}";
            if (!ids.Add(fullId)) throw new FormatException($"{file}: duplicate rule id \"{id}\"");
            var src = Expand(r.Value<string>("pattern") ?? throw new FormatException($"{file}: rule {id} has no pattern"), macros, file, id);
            TokenPattern pattern;
            try { pattern = TokenPattern.Parse(src, lexicon); }
            catch (FormatException e) { throw new FormatException($"{file}: rule {id}: {e.Message}", e); }
            var kindText = r.Value<string>("kind") ?? "date";
            if (!Enum.TryParse<TemporalKind>(kindText, true, out var kind)) throw new FormatException($"{file}: rule {id}: unknown kind \"{kindText}\"");
            var bind = new Dictionary<string, string>(StringComparer.Ordinal);
            if (r["bind"] is JObject b) foreach (var (k, v) in b) bind[k] = v!.ToString();
            rules.Add(new TemporalRule
            {
                Id = fullId, Pattern = pattern, Kind = kind, Priority = r.Value<int?>("priority") ?? 0,
                Value = r.Value<string>("value"), Mod = r.Value<string>("mod"), Bind = bind,
                Examples = Lexicon.ReadExamples(r["examples"]), Negative = Lexicon.ReadExamples(r["negative"]),
                Order = order++, Ignore = r.Value<bool?>("ignore") ?? false, Anchor = r.Value<string>("anchor"),
            });
        }
        return new TemporalGrammar(lang, lexicon, rules, json.Value<string>("dateOrder") ?? "dmy")
        {
            PastSuffix = json.Value<string>("pastSuffix"),
            AnchorDistance = json.Value<int?>("anchorDistance") ?? 400,
        };
    }

    private static readonly Regex macroRef = new(@"\{([A-Z_]+)\}", RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    private static string Expand(string pattern, Dictionary<string, string> macros, string file, string id)
    {
        for (int depth = 0; depth < 5 && pattern.Contains('{'); depth++)
            pattern = macroRef.Replace(pattern, mt => macros.TryGetValue(mt.Groups[1].Value, out var v)
                ? "( " + v + " )" : throw new FormatException($"{file}: rule {id}: unknown macro {mt.Value}"));
        return pattern;
    }
}
