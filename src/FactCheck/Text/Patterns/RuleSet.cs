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
        RequiredTokens.Attach(lexicon, rules.Select(r => r.Pattern));
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
        // the rules whose cheap reject asks the second token's word or lexicon class only ("the" + "weekend" | "same" | ...,
        // a number + @unit): a bit per such word and class, so that a candidate whose second token cannot follow is dropped
        // before its program is run
        var wordIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var classIds = new Dictionary<string, int>(StringComparer.Ordinal);
        int ids = 0;
        foreach (var r in rules)
            if (r.Pattern.SecondKeys is var (words, classes))
            {
                foreach (var sw in words) if (wordIds.TryAdd(sw, ids)) ids++;
                foreach (var sc in classes) if (classIds.TryAdd(sc, ids)) ids++;
            }
        secondWords = wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
        secondClasses = classIds;
        maskLength = (ids + 63) / 64;
        // (kept by rule order, which must then name one rule each; rules built by hand with clashing orders go without)
        bool ordersUnique = rules.Select(r => r.Order).Distinct().Count() == rules.Count && rules.All(r => r.Order >= 0);
        sourcesInOrder = Enumerable.Range(1, Math.Max(0, rules.Count - 1)).All(k => rules[k - 1].Order < rules[k].Order);
        secondMask = new ulong[]?[rules.Count == 0 || !ordersUnique ? 0 : rules.Max(r => r.Order) + 1];
        foreach (var r in rules)
        {
            if (r.Pattern.SecondKeys is not var (words, classes) || r.Order >= secondMask.Length) continue;
            var mask = new ulong[maskLength];
            foreach (var sw in words) Set(mask, wordIds[sw]);
            foreach (var sc in classes) Set(mask, classIds[sc]);
            secondMask[r.Order] = mask;
        }
        byClass = c.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        byShape = s.Select(kv => (kv.Key, kv.Value.ToArray())).ToArray();
        byNonNumberShape = byShape.Where(x => x.Shape is "any" or "word" or "cap" or "punct" || !Shapes.Names.Contains(x.Shape)).ToArray();
    }

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> secondWords;
    private readonly Dictionary<string, int> secondClasses;
    private readonly int maskLength;
    /// <summary>By rule order: the second words and classes a rule accepts (bits by <see cref="secondWords"/> and
    /// <see cref="secondClasses"/> id), or null when its second
    /// token is not told by the word alone.</summary>
    private readonly ulong[]?[] secondMask;

    [ThreadStatic] private static List<TRule[]>? sourcesBuf;

    /// <summary>Rules that may start at this token (de-duplicated, in file order); copies and sorts only when several index entries apply.</summary>
    public void CandidatesAt(string text, in Token t, List<TRule> into) => CandidatesAt(text, t, Lexicon.LookupList(t.Span(text)), into);

    /// <summary>As <see cref="CandidatesAt(string, in Token, List{TRule})"/> for token <paramref name="i"/> of a document, with its
    /// lexicon entries looked up once for all the rules that ask about it.</summary>
    public void CandidatesAt(string text, Token[] tokens, int i, List<TRule> into) => CandidatesAt(text, tokens[i], Lexicon.LookupAt(text, tokens, i), into, tokens, i);

    private void CandidatesAt(string text, in Token t, List<LexEntry> entries, List<TRule> into, Token[]? tokens = null, int i = 0)
    {
        into.Clear();
        var sources = sourcesBuf ??= [];
        sources.Clear();
        if (t.Type != TokenType.Number)
        {
            if (wordLookup.TryGetValue(t.Span(text), out var rs)) sources.Add(rs);
            foreach (var e in entries)
                if (byClass.TryGetValue(e.Class, out var cr) && !sources.Contains(cr)) sources.Add(cr);
        }
        foreach (var (shape, rules) in t.Type == TokenType.Number ? byShape : byNonNumberShape)
            if (Shapes.Is(shape, text, t)) sources.Add(rules);
        if (sources.Count == 0) return;
        if (sources.Count == 1) into.AddRange(sources[0]);
        else if (sourcesInOrder && sources.Count <= 16) Merge(sources, into);
        else
        {
            foreach (var src in sources) into.AddRange(src);
            into.Sort(static (a, b) => a.Order.CompareTo(b.Order));
            int k = 0;
            for (int j = 0; j < into.Count; j++)
                if (k == 0 || !ReferenceEquals(into[k - 1], into[j])) into[k++] = into[j];
            into.RemoveRange(k, into.Count - k);
        }
        if (tokens is not null && into.Count > 0) DropBySecondToken(text, tokens, i, into);
    }

    /// <summary>True when every rule has its own order and the rules come in that order, so that each index entry lists its
    /// rules by order and a token's candidates are those lists merged.</summary>
    private readonly bool sourcesInOrder;

    /// <summary>The index entries' rule lists (each in rule order) merged in rule order, a rule found by several once: the
    /// sort-and-deduplicate of the other path, without sorting.</summary>
    private static void Merge(List<TRule[]> sources, List<TRule> into)
    {
        Span<int> heads = stackalloc int[sources.Count];
        while (true)
        {
            int best = -1, bestOrder = int.MaxValue;
            for (int s = 0; s < sources.Count; s++)
            {
                var src = sources[s];
                if (heads[s] < src.Length && src[heads[s]].Order < bestOrder) { best = s; bestOrder = src[heads[s]].Order; }
            }
            if (best < 0) return;
            var r = sources[best][heads[best]++];
            if (into.Count == 0 || !ReferenceEquals(into[^1], r)) into.Add(r);
        }
    }

    private static void Set(ulong[] mask, int id) => mask[id >> 6] |= 1UL << (id & 63);

    [ThreadStatic] private static ulong[]? nextBuf;

    /// <summary>Drops the candidates whose pattern needs another second token than the next one: the same answer as the reject
    /// at the start of their MatchAt (the next token's word, or for a word token a class of its lexicon entries), found with one
    /// look at the next token instead of one per rule.</summary>
    private void DropBySecondToken(string text, Token[] tokens, int i, List<TRule> into)
    {
        if (maskLength == 0) return;
        int first = -1;
        for (int j = 0; j < into.Count && first < 0; j++)
            if ((uint)into[j].Order < (uint)secondMask.Length && secondMask[into[j].Order] is not null) first = j;
        if (first < 0) return; // no candidate asks about the next token alone
        var next = nextBuf is { } nb && nb.Length >= maskLength ? nb : nextBuf = new ulong[maskLength];
        Array.Clear(next, 0, maskLength);
        if (i + 1 < tokens.Length && !tokens[i + 1].ParagraphBefore)
        {
            if (secondWords.TryGetValue(tokens[i + 1].Span(text), out var w)) Set(next, w);
            if (tokens[i + 1].Type != TokenType.Number && secondClasses.Count > 0)
                foreach (var e in Lexicon.LookupAt(text, tokens, i + 1))
                    if (secondClasses.TryGetValue(e.Class, out var c)) Set(next, c);
        }
        int k = first;
        for (int j = first; j < into.Count; j++)
        {
            var r = into[j];
            var mask = (uint)r.Order < (uint)secondMask.Length ? secondMask[r.Order] : null;
            if (mask is null || Meets(mask, next)) into[k++] = r;
        }
        into.RemoveRange(k, into.Count - k);
    }

    private bool Meets(ulong[] mask, ulong[] next)
    {
        for (int m = 0; m < maskLength; m++) if ((mask[m] & next[m]) != 0) return true;
        return false;
    }

    /// <summary>The best rule matching at token <paramref name="start"/>: longest, then highest priority, then first in the file; null when none.</summary>
    public TRule? BestAt(string text, Token[] tokens, int start, List<TRule> scratch, out int end, out Binding? bindings,
        Func<TRule, int, Binding?, bool>? accept = null)
    {
        CandidatesAt(text, tokens, start, scratch);
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
