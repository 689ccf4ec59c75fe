using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using FactCheck.Lang;

namespace FactCheck.Text.Patterns;

/// <summary>A rule written as a token pattern: what a <see cref="RuleSet{TRule}"/> indexes and matches.</summary>
public interface IPatternRule
{
    /// <summary>Stable id, "lang.name".</summary>
    string Id { get; }
    TokenPattern Pattern { get; }
    /// <summary>Breaks ties between matches of equal length: higher wins.</summary>
    int Priority { get; }
    /// <summary>Position in the rules file; earlier wins remaining ties.</summary>
    int Order { get; }
}

/// <summary>The fields every rule in a rules file has (id, compiled pattern, priority, bind, examples), read once at load time.</summary>
public sealed record RuleHeader(
    string Id, TokenPattern Pattern, int Priority, IReadOnlyDictionary<string, string> Bind,
    IReadOnlyList<RuleExample> Examples, IReadOnlyList<RuleExample> Negative, int Order);

/// <summary>Rules of one dimension and language, indexed by the tokens they can start with (word, lexicon class, shape).</summary>
public sealed class RuleSet<TRule> where TRule : class, IPatternRule
{
    private readonly Dictionary<string, TRule[]> byWord;
    private readonly Dictionary<string, TRule[]>.AlternateLookup<ReadOnlySpan<char>> wordLookup;
    private readonly Dictionary<string, TRule[]> byClass;
    private readonly (string Shape, TRule[] Rules)[] byShape;
    /// <summary>The shapes a word or punctuation token can have (Shapes.Is is false for every other shape unless the token is a number).</summary>
    private readonly (string Shape, TRule[] Rules)[] byNonNumberShape;

    public Lexicon Lexicon { get; }
    public IReadOnlyList<TRule> Rules { get; }

    public RuleSet(Lexicon lexicon, IReadOnlyList<TRule> rules)
    {
        Lexicon = lexicon; Rules = rules;
        var w = new Dictionary<string, List<TRule>>(StringComparer.OrdinalIgnoreCase);
        var c = new Dictionary<string, List<TRule>>(StringComparer.Ordinal);
        var s = new Dictionary<string, List<TRule>>(StringComparer.Ordinal);
        foreach (var r in rules)
            foreach (var key in r.Pattern.FirstKeys)
            {
                var dict = key[0] switch { 'w' => w, 'c' => c, _ => s };
                var name = key.Length > 2 ? key[2..] : key;
                if (!dict.TryGetValue(name, out var l)) dict[name] = l = [];
                l.Add(r);
            }
        byWord = w.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        wordLookup = byWord.GetAlternateLookup<ReadOnlySpan<char>>();
        byClass = c.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        byShape = s.Select(kv => (kv.Key, kv.Value.ToArray())).ToArray();
        // (the index entries were filled in the rules' order, so they are in file order when the rules are)
        uniqueOrders = rules.Select(r => r.Order).Distinct().Count() == rules.Count && rules.Zip(rules.Skip(1)).All(p => p.First.Order < p.Second.Order);
        byNonNumberShape = byShape.Where(x => x.Shape is "any" or "word" or "cap" or "punct" || !Shapes.Names.Contains(x.Shape)).ToArray();
    }

    /// <summary>The rules are in file order and no two share an Order: candidates from several index entries are merged, not sorted.</summary>
    private readonly bool uniqueOrders;

    [ThreadStatic] private static List<TRule[]>? sourcesBuf;

    /// <summary>Rules that may start at this token (de-duplicated, in file order); copies and sorts only when several index entries apply.</summary>
    public void CandidatesAt(string text, in Token t, List<TRule> into)
    {
        into.Clear();
        var sources = sourcesBuf ??= [];
        sources.Clear();
        var span = t.Span(text);
        if (t.Type != TokenType.Number)
        {
            if (wordLookup.TryGetValue(span, out var rs)) sources.Add(rs);
            foreach (var e in Lexicon.LookupList(span))
                if (byClass.TryGetValue(e.Class, out var cr) && !sources.Contains(cr)) sources.Add(cr);
        }
        foreach (var (shape, rules) in t.Type == TokenType.Number ? byShape : byNonNumberShape)
            if (Shapes.Is(shape, text, t)) sources.Add(rules);
        if (sources.Count == 0) return;
        if (sources.Count == 1) { into.AddRange(sources[0]); return; }
        if (!uniqueOrders)
        {
            foreach (var src in sources) into.AddRange(src);
            into.Sort(static (a, b) => a.Order.CompareTo(b.Order));
            int k = 0;
            for (int i = 0; i < into.Count; i++)
                if (k == 0 || !ReferenceEquals(into[k - 1], into[i])) into[k++] = into[i];
            into.RemoveRange(k, into.Count - k);
            return;
        }
        // each index entry is in file order already: merge them (what sorting the concatenation did, without the sort)
        Span<int> heads = stackalloc int[sources.Count];
        while (true)
        {
            TRule? next = null;
            for (int s = 0; s < sources.Count; s++)
                if (heads[s] < sources[s].Length && (next is null || sources[s][heads[s]].Order < next.Order)) next = sources[s][heads[s]];
            if (next is null) return;
            into.Add(next);
            for (int s = 0; s < sources.Count; s++)
                while (heads[s] < sources[s].Length && ReferenceEquals(sources[s][heads[s]], next)) heads[s]++;
        }
    }

    /// <summary>The best rule matching at token <paramref name="start"/>: longest, then highest priority, then first in the file; null when none.</summary>
    public TRule? BestAt(string text, Token[] tokens, int start, List<TRule> scratch, out int end, out Binding? bindings,
        Func<TRule, int, Binding?, bool>? accept = null)
    {
        CandidatesAt(text, tokens[start], scratch);
        end = -1; bindings = null;
        TRule? best = null;
        foreach (var rule in scratch)
        {
            int e = rule.Pattern.MatchAt(text, tokens, start, out var b);
            if (e < 0) continue;
            if (e > end || (e == end && rule.Priority > best!.Priority))
            {
                if (accept is not null && !accept(rule, e, b)) continue;
                end = e; best = rule; bindings = b;
            }
        }
        return best;
    }

    /// <summary>
    /// Reads the rules of a rules file: {"macros": {NAME: pattern}, "rules": [{id, pattern, priority?, bind?, examples?, negative?, ...}]};
    /// <paramref name="make"/> builds the typed rule from the JSON object and the common header; patterns may use the caller's
    /// <paramref name="spanClasses"/>. Throws FormatException naming the file and rule.
    /// </summary>
    public static List<TRule> Load(string lang, JObject json, string file, Lexicon lexicon, Func<JObject, RuleHeader, TRule> make,
        IReadOnlySet<string>? spanClasses = null)
    {
        var macros = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json["macros"] is JObject m)
            foreach (var (k, v) in m) macros[k] = v!.Value<string>() ?? "";
        var rules = new List<TRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int order = 0;
        foreach (var r in (json["rules"] as JArray ?? []).OfType<JObject>())
        {
            var id = r.Value<string>("id") ?? throw new FormatException($"{file}: rule #{order + 1} has no id");
            var fullId = $"{lang}.{id}";
            if (!ids.Add(fullId)) throw new FormatException($"{file}: duplicate rule id \"{id}\"");
            var src = Expand(r.Value<string>("pattern") ?? throw new FormatException($"{file}: rule {id} has no pattern"), macros, file, id);
            TokenPattern pattern;
            try { pattern = TokenPattern.Parse(src, lexicon, spanClasses); }
            catch (FormatException e) { throw new FormatException($"{file}: rule {id}: {e.Message}", e); }
            var bind = new Dictionary<string, string>(StringComparer.Ordinal);
            if (r["bind"] is JObject b) foreach (var (k, v) in b) bind[k] = v!.ToString();
            var header = new RuleHeader(fullId, pattern, r.Value<int?>("priority") ?? 0, bind,
                Lexicon.ReadExamples(r["examples"]), Lexicon.ReadExamples(r["negative"]), order++);
            try { rules.Add(make(r, header)); }
            catch (FormatException e) { throw new FormatException($"{file}: rule {id}: {e.Message}", e); }
        }
        return rules;
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
