using System.Globalization;
using Newtonsoft.Json.Linq;
using FactCheck.Lang;
using FactCheck.Text;
using FactCheck.Text.Patterns;

namespace FactCheck.Quantities;

/// <summary>One quantity rule from quantity.json: a token pattern, the kind of amount it finds, and its examples.</summary>
public sealed record QuantityRule : IPatternRule
{
    /// <summary>Stable id, "lang.name" (e.g. "id.money-prefix").</summary>
    public required string Id { get; init; }
    public required TokenPattern Pattern { get; init; }
    public required QuantityKind Kind { get; init; }
    public int Priority { get; init; }
    /// <summary>Defaults the rule contributes: "unit" ("%", "magnitude"), "value" (a fixed number), "min" (smallest value accepted).</summary>
    public IReadOnlyDictionary<string, string> Bind { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<RuleExample> Examples { get; init; } = [];
    public IReadOnlyList<RuleExample> Negative { get; init; } = [];
    public int Order { get; init; }
    /// <summary>Words the token before the match may not be ("from" before a range: "rose from 10 to 20" is a change, not a range).</summary>
    public IReadOnlySet<string> NotAfter { get; init; } = new HashSet<string>();
}

/// <summary>A language's quantity rules, compiled once from quantity.json, with the qualifier phrases of its lexicon.</summary>
public sealed class QuantityGrammar
{
    private readonly RuleSet<QuantityRule> set;
    private readonly Dictionary<string, (string[] Words, LexEntry Entry)[]> phrasesByLast;
    private readonly Dictionary<string, (string[] Words, LexEntry Entry)[]>.AlternateLookup<ReadOnlySpan<char>> phraseLookup;

    public string Lang { get; }
    public Lexicon Lexicon { get; }
    public IReadOnlyList<QuantityRule> Rules { get; }
    /// <summary>The decimal separator of the language's numbers ("," in Indonesian 4,8; "." in English 4.8).</summary>
    public char DecimalSeparator { get; }
    /// <summary>Texts in which no quantity at all may be found (dates, times, codes), as written in quantity.json "negative".</summary>
    public IReadOnlyList<RuleExample> Negative { get; }

    /// <summary>Lexicon classes whose (possibly multi-word) forms may precede a number and join its mention: qualifiers and lead words.</summary>
    public static readonly string[] PrefixClasses = ["qual", "lead"];

    private QuantityGrammar(string lang, Lexicon lexicon, List<QuantityRule> rules, char decimalSeparator, IReadOnlyList<RuleExample> negative)
    {
        Lang = lang; Lexicon = lexicon; Rules = rules; DecimalSeparator = decimalSeparator; Negative = negative;
        set = new RuleSet<QuantityRule>(lexicon, rules);
        var byLast = new Dictionary<string, List<(string[], LexEntry)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var cls in PrefixClasses)
            foreach (var e in lexicon.EntriesOf(cls))
            {
                var words = Tokenizer.Tokenize(e.Form).Select(t => e.Form[t.Start..t.End]).ToArray();
                if (words.Length == 0) continue;
                if (!byLast.TryGetValue(words[^1], out var l)) byLast[words[^1]] = l = [];
                l.Add((words, e));
            }
        phrasesByLast = byLast.ToDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(p => p.Item1.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        phraseLookup = phrasesByLast.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Rules that may start at this token (de-duplicated, in file order).</summary>
    public void CandidatesAt(string text, in Token t, List<QuantityRule> into) => set.CandidatesAt(text, t, into);

    /// <summary>The best rule matching at a token (longest, then priority, then file order) that <paramref name="accept"/> allows.</summary>
    public QuantityRule? BestAt(string text, Token[] tokens, int start, List<QuantityRule> scratch, out int end, out Binding? bindings,
        Func<QuantityRule, int, Binding?, bool>? accept = null) => set.BestAt(text, tokens, start, scratch, out end, out bindings, accept);

    /// <summary>The longest qualifier or lead phrase ending just before token <paramref name="end"/> and starting at or after <paramref name="floor"/>: its first token, or -1.</summary>
    public int PhraseBefore(string text, Token[] tokens, int end, int floor, out LexEntry? entry)
    {
        entry = null;
        if (end - 1 < floor) return -1;
        if (!phraseLookup.TryGetValue(tokens[end - 1].Span(text), out var phrases)) return -1;
        foreach (var (words, e) in phrases)
        {
            int first = end - words.Length;
            if (first < floor) continue;
            bool ok = true;
            for (int k = 0; k < words.Length && ok; k++)
            {
                ref readonly var t = ref tokens[first + k];
                ok = t.Span(text).Equals(words[k], StringComparison.OrdinalIgnoreCase) && (k == 0 || !t.ParagraphBefore);
            }
            if (!ok || tokens[end].ParagraphBefore) continue;
            if (e.Cased && !tokens[first].Capitalized) continue;
            entry = e;
            return first;
        }
        return -1;
    }

    /// <summary>Reads quantity.json: {"decimal": ",", "macros": {...}, "rules": [{id, pattern, kind, bind?, priority?, examples, negative}], "negative": [...]}.</summary>
    public static QuantityGrammar Parse(string lang, JObject json, string file, Lexicon lexicon)
    {
        var rules = RuleSet<QuantityRule>.Load(lang, json, file, lexicon, (r, h) =>
        {
            var kindText = r.Value<string>("kind") ?? "quantity";
            if (!Enum.TryParse<QuantityKind>(kindText, true, out var kind)) throw new FormatException($"unknown kind \"{kindText}\"");
            if (h.Bind.TryGetValue("value", out var v) && !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                throw new FormatException($"bind value \"{v}\" is not a number");
            return new QuantityRule
            {
                Id = h.Id, Pattern = h.Pattern, Kind = kind, Priority = h.Priority, Bind = h.Bind,
                Examples = h.Examples, Negative = h.Negative, Order = h.Order,
                NotAfter = new HashSet<string>((r["notAfter"] as JArray ?? []).Values<string>().OfType<string>(), StringComparer.OrdinalIgnoreCase),
            };
        });
        var dec = json.Value<string>("decimal") ?? ".";
        if (dec is not ("." or ",")) throw new FormatException($"{file}: \"decimal\" must be \".\" or \",\"");
        return new QuantityGrammar(lang, lexicon, rules, dec[0], Lexicon.ReadExamples(json["negative"]));
    }

    /// <summary>A grammar without rules, for a language that has no quantity.json yet.</summary>
    public static QuantityGrammar Empty(string lang, Lexicon lexicon) => new(lang, lexicon, [], '.', []);
}
