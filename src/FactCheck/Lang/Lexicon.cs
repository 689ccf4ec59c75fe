using Newtonsoft.Json.Linq;

namespace FactCheck.Lang;

/// <summary>One word form of a lexicon class and the value it stands for (month 1, unit "W", dir -1...).</summary>
public sealed record LexEntry(string Class, string Form, int Number, string? Text, bool Cased, IReadOnlyDictionary<string, string> Extra)
{
    /// <summary>The value as TIMEX-friendly text: the string value when given, else the number.</summary>
    public string ValueText => Text ?? Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An example that the test suite runs against a lexicon entry or rule.</summary>
public sealed record RuleExample(string Text, string? Ref, string? Match, string? Value, string? Kind, string? Mod, string? Unit = null)
{
    /// <summary>Expected interval bounds of a quantity (a range "15-20%", a vague "thousands of"), when the example states them.</summary>
    public double? Low { get; init; }
    public double? High { get; init; }
}

/// <summary>A language's single-word vocabulary by class (month, weekday, unit, num, dir, ...), loaded from lexicon.json.</summary>
public sealed class Lexicon
{
    private readonly Dictionary<string, List<LexEntry>> byForm = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<LexEntry>>.AlternateLookup<ReadOnlySpan<char>> spanLookup;
    private readonly Dictionary<string, List<LexEntry>> byClass = new(StringComparer.Ordinal);
    private static readonly List<LexEntry> none = [];

    public Lexicon(IEnumerable<LexEntry> entries, IReadOnlyDictionary<string, (IReadOnlyList<RuleExample> Pos, IReadOnlyList<RuleExample> Neg)>? examples = null)
    {
        foreach (var e in entries)
        {
            if (!byForm.TryGetValue(e.Form, out var list)) byForm[e.Form] = list = [];
            list.Add(e);
            if (!byClass.TryGetValue(e.Class, out var cl)) byClass[e.Class] = cl = [];
            cl.Add(e);
        }
        spanLookup = byForm.GetAlternateLookup<ReadOnlySpan<char>>();
        Examples = examples ?? new Dictionary<string, (IReadOnlyList<RuleExample>, IReadOnlyList<RuleExample>)>();
    }

    /// <summary>The dimension a class serves ("temporal" unless lexicon.json says e.g. "dimension": "quantity"); its examples are run by that dimension's extractor.</summary>
    public string DimensionOf(string cls) => dimensions.TryGetValue(cls, out var d) ? d : "temporal";

    private readonly Dictionary<string, string> dimensions = new(StringComparer.Ordinal);

    /// <summary>Positive and negative examples per class, as written in lexicon.json.</summary>
    public IReadOnlyDictionary<string, (IReadOnlyList<RuleExample> Pos, IReadOnlyList<RuleExample> Neg)> Examples { get; }

    public IEnumerable<string> Classes => byClass.Keys;

    public IReadOnlyList<LexEntry> EntriesOf(string cls) => byClass.TryGetValue(cls, out var l) ? l : none;

    /// <summary>All entries whose form equals the word, ignoring case.</summary>
    public IReadOnlyList<LexEntry> Lookup(ReadOnlySpan<char> word) => LookupList(word);

    /// <summary>As <see cref="Lookup"/>, as a concrete list so that hot loops enumerate it without allocating.</summary>
    internal List<LexEntry> LookupList(ReadOnlySpan<char> word) => spanLookup.TryGetValue(word, out var l) ? l : none;

    /// <summary>The entry of a class for a word, honouring entries that require a capital letter.</summary>
    public bool TryGet(string cls, ReadOnlySpan<char> word, out LexEntry entry) => TryGetIn(LookupList(word), cls, word, out entry);

    /// <summary>As <see cref="TryGet"/> among <paramref name="forms"/>, the word's <see cref="LookupList"/> looked up before.</summary>
    internal static bool TryGetIn(List<LexEntry> forms, string cls, ReadOnlySpan<char> word, out LexEntry entry)
    {
        foreach (var e in forms)
        {
            if (e.Class != cls) continue;
            if (e.Cased && (word.Length == 0 || !char.IsUpper(word[0]))) continue;
            entry = e;
            return true;
        }
        entry = null!;
        return false;
    }

    public bool TryGetMonth(ReadOnlySpan<char> word, out int month)
    {
        var ok = TryGet("month", word, out var e);
        month = ok ? e.Number : 0;
        return ok;
    }

    public bool TryGetWeekday(ReadOnlySpan<char> word, out int weekday)
    {
        var ok = TryGet("weekday", word, out var e);
        weekday = ok ? e.Number : 0;
        return ok;
    }

    /// <summary>Reads lexicon.json: {"classes": {"month": {"dimension"?: "quantity", "entries": [{"forms": [...], "value": 1, "cased"?: true, "bind"?: {...}}], "examples": [...], "negative": [...]}}}. A form of several words ("lebih dari") is kept for phrase lookups and never matches a single token.</summary>
    public static Lexicon Parse(JObject json, string file)
    {
        var entries = new List<LexEntry>();
        var examples = new Dictionary<string, (IReadOnlyList<RuleExample>, IReadOnlyList<RuleExample>)>();
        if (json["classes"] is not JObject classes) throw new FormatException($"{file}: missing \"classes\" object");
        foreach (var (cls, body) in classes)
        {
            if (body is not JObject cb || cb["entries"] is not JArray arr)
                throw new FormatException($"{file}: class \"{cls}\" needs an \"entries\" array");
            foreach (var item in arr.OfType<JObject>())
            {
                var forms = item["forms"] as JArray ?? throw new FormatException($"{file}: class \"{cls}\": entry without \"forms\"");
                var v = item["value"];
                int num = 0; string? text = null;
                if (v is { Type: JTokenType.Integer }) num = v.Value<int>();
                else if (v is { Type: JTokenType.String }) text = v.Value<string>();
                var cased = item["cased"]?.Value<bool>() ?? false;
                var extra = new Dictionary<string, string>(StringComparer.Ordinal);
                if (item["bind"] is JObject b)
                    foreach (var (k, bv) in b) extra[k] = bv!.ToString();
                foreach (var f in forms.Values<string>())
                    if (!string.IsNullOrWhiteSpace(f)) entries.Add(new LexEntry(cls, f!, num, text, cased, extra));
            }
            examples[cls] = (ReadExamples(cb["examples"]), ReadExamples(cb["negative"]));
        }
        var lexicon = new Lexicon(entries, examples);
        foreach (var (cls, body) in classes)
            if (body?["dimension"]?.Value<string>() is { } dim) lexicon.dimensions[cls] = dim;
        return lexicon;
    }

    internal static IReadOnlyList<RuleExample> ReadExamples(JToken? token)
    {
        if (token is not JArray arr) return [];
        var list = new List<RuleExample>();
        foreach (var t in arr)
        {
            if (t.Type == JTokenType.String) { list.Add(new RuleExample(t.Value<string>()!, null, null, null, null, null)); continue; }
            if (t is not JObject o) continue;
            list.Add(new RuleExample(
                o.Value<string>("text") ?? "", o.Value<string>("ref"), o.Value<string>("match"),
                o["value"] is JValue { Value: not null } jv ? Convert.ToString(jv.Value, System.Globalization.CultureInfo.InvariantCulture) : null, o.Value<string>("kind"), o.Value<string>("mod"), o.Value<string>("unit"))
                { Low = o.Value<double?>("low"), High = o.Value<double?>("high") });
        }
        return list;
    }
}
