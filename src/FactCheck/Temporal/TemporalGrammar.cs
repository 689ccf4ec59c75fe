using Newtonsoft.Json.Linq;
using FactCheck.Lang;
using FactCheck.Text;
using FactCheck.Text.Patterns;

namespace FactCheck.Temporal;

/// <summary>One temporal rule from temporal.json: a token pattern, what it means, and the examples that prove it.</summary>
public sealed record TemporalRule : IPatternRule
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
    /// <summary>How the value may lean on the previous date in the text instead of the reference date: "any" ("a year earlier"), "quarter" (only a quarter: "a year ago" after "the third quarter"), "same" (the previous date's own day: "the same day"), "unit" (as "any", at the unit's granularity: "the following year"), "quarteryear" (the previous quarter in the stated year: "the 1988 quarter"), "samequarter" (the previous quarter itself: "the quarter").</summary>
    public string? Anchor { get; init; }
    /// <summary>True for comparison points ("a year ago", "a year earlier"): they lean on the period under discussion, never on
    /// another comparison point ("$5 a year ago ... $4 a year earlier" are the same year, not two years back).</summary>
    public bool Comparison { get; init; }
    /// <summary>True for the date line of an embedded e-mail, letter or datelined insert ("Sent: Tuesday, March 4, 2003"): the
    /// text after it is read against that date, not the article's, up to <see cref="TemporalGrammar.InsertReach"/> characters
    /// or the next such line.</summary>
    public bool SetsReference { get; init; }
    /// <summary>True for ranges ("two to three weeks"): the first number gives the value, later numbers do not replace it.</summary>
    public bool FirstNumber { get; init; }
    /// <summary>For years spelled in words: "hundreds" ("nineteen ninety-six") or "thousands" ("two thousand eight").</summary>
    public string? SpelledYear { get; init; }
}

/// <summary>A language's temporal rules, compiled once from temporal.json and indexed by the tokens they can start with.</summary>
public sealed class TemporalGrammar
{
    private readonly RuleSet<TemporalRule> set;

    public string Lang { get; }
    public Lexicon Lexicon { get; }
    public IReadOnlyList<TemporalRule> Rules { get; }
    /// <summary>Order of numeric dates: "dmy" (Indonesian 8/1/2021 = 8 January) or "mdy" (English, ambiguous when both &lt;= 12).</summary>
    public string DateOrder { get; }
    /// <summary>Word ending that marks a past-tense verb ("ed"), used with the lexicon's "tense" class to read a bare weekday or month as past or future.</summary>
    public string? PastSuffix { get; private init; }
    /// <summary>How far (characters) back a previous date may be to anchor "a year earlier".</summary>
    public int AnchorDistance { get; private init; } = 400;
    /// <summary>How far (characters) the date line of an embedded e-mail or letter stays the reference date of the text after it.</summary>
    public int InsertReach { get; private init; } = 1500;

    private TemporalGrammar(string lang, Lexicon lexicon, List<TemporalRule> rules, string dateOrder)
    {
        Lang = lang; Lexicon = lexicon; Rules = rules; DateOrder = dateOrder;
        set = new RuleSet<TemporalRule>(lexicon, rules);
    }

    /// <summary>Rules that may start at this token (de-duplicated, in file order).</summary>
    public void CandidatesAt(string text, in Token t, List<TemporalRule> into) => set.CandidatesAt(text, t, into);

    /// <summary>Rules that may start at token <paramref name="i"/> of a document (its lexicon entries looked up once per document).</summary>
    public void CandidatesAt(string text, Token[] tokens, int i, List<TemporalRule> into) => set.CandidatesAt(text, tokens, i, into);

    /// <summary>The longest match of a rule that <see cref="CandidatesAt(string, Token[], int, List{TemporalRule})"/> gave for
    /// token <paramref name="start"/> (the rule set's second-token reject is not asked again).</summary>
    public int MatchCandidate(TemporalRule rule, string text, Token[] tokens, int start, out Binding? bindings) =>
        set.MatchCandidate(rule, text, tokens, start, out bindings);

    /// <summary>Reads temporal.json: {"dateOrder", "macros": {NAME: pattern}, "rules": [{id, pattern, kind, ...}]}.</summary>
    public static TemporalGrammar Parse(string lang, JObject json, string file, Lexicon lexicon)
    {
        var rules = RuleSet<TemporalRule>.Load(lang, json, file, lexicon, (r, h) =>
        {
            var kindText = r.Value<string>("kind") ?? "date";
            if (!Enum.TryParse<TemporalKind>(kindText, true, out var kind)) throw new FormatException($"unknown kind \"{kindText}\"");
            return new TemporalRule
            {
                Id = h.Id, Pattern = h.Pattern, Kind = kind, Priority = h.Priority,
                Value = r.Value<string>("value"), Mod = r.Value<string>("mod"), Bind = h.Bind,
                Examples = h.Examples, Negative = h.Negative, Order = h.Order,
                Ignore = r.Value<bool?>("ignore") ?? false, Anchor = r.Value<string>("anchor"), Comparison = r.Value<bool?>("comparison") ?? false,
                SetsReference = r.Value<bool?>("setsReference") ?? false,
                FirstNumber = r.Value<bool?>("firstNumber") ?? false, SpelledYear = r.Value<string>("spelledYear"),
            };
        });
        return new TemporalGrammar(lang, lexicon, rules, json.Value<string>("dateOrder") ?? "dmy")
        {
            PastSuffix = json.Value<string>("pastSuffix"),
            AnchorDistance = json.Value<int?>("anchorDistance") ?? 400,
            InsertReach = json.Value<int?>("insertReach") ?? 1500,
        };
    }
}
