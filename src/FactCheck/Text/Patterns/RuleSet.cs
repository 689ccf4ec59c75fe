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
    private readonly (Shapes.Kind Shape, TRule[] Rules)[] byShape;
    /// <summary>The shapes a word or punctuation token can have (Shapes.Is is false for every other shape unless the token is a number).</summary>
    private readonly (Shapes.Kind Shape, TRule[] Rules)[] byNonNumberShape;

    public Lexicon Lexicon { get; }
    public IReadOnlyList<TRule> Rules { get; }

    public RuleSet(Lexicon lexicon, IReadOnlyList<TRule> rules)
    {
        Lexicon = lexicon; Rules = rules;
        RequiredTokens.Attach(lexicon, rules.Select(r => r.Pattern));
        var tables = rules.Select(r => r.Pattern.Required?.Table).OfType<RequiredTokens>().Distinct().ToList();
        requiredTable = tables.Count == 1 ? tables[0] : null;
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
        byShape = s.Select(kv => (Shapes.KindOf(kv.Key), kv.Value.ToArray())).ToArray();
        byNonNumberShape = byShape.Where(x => x.Shape is Shapes.Kind.Any or Shapes.Kind.Word or Shapes.Kind.Cap or Shapes.Kind.Punct or Shapes.Kind.Unknown).ToArray();
        knownWords = new Dictionary<string, TokenKeys?[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in byWord.Keys.Concat(wordIds.Keys).Concat(lexicon.Classes.SelectMany(c => lexicon.EntriesOf(c)).Select(e => e.Form)).Concat(requiredTable?.Words ?? []))
            knownWords.TryAdd(word, new TokenKeys?[6]);
        knownLookup = knownWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var ascii = new AsciiWords(knownWords);
        knownAscii = ascii.Usable ? ascii : null;
    }

    /// <summary>The known words again, for tokens of ASCII characters: an open-addressing table by the upper-case form, hashed
    /// on the length and three characters, without the dictionary's comparer calls (the dictionary was a tenth of `extract`'s
    /// time). OrdinalIgnoreCase compares characters by their upper-case forms, so an ASCII token equals a key exactly when it
    /// equals, ASCII letters upper-cased, the key's upper-case form (kept here when that is ASCII).</summary>
    private sealed class AsciiWords
    {
        private readonly string[] keys = [];
        private readonly TokenKeys?[][] values = [];
        private readonly int[] slots = [0];   // index + 1 into keys; 0: empty
        private readonly int mask;

        /// <summary>False when some key is not ASCII but upper-cases to ASCII: the table is not asked.</summary>
        public bool Usable { get; }

        public AsciiWords(Dictionary<string, TokenKeys?[]> words)
        {
            var ks = new List<string>();
            var vs = new List<TokenKeys?[]>();
            foreach (var (word, kinds) in words)
            {
                if (word.Length == 0) continue;
                if (!System.Text.Ascii.IsValid(word))
                {
                    // a key an ASCII token could equal ignoring case ("ı" upper-cases to "I"): leave every token to the dictionary
                    if (System.Text.Ascii.IsValid(word.ToUpperInvariant())) { Usable = false; return; }
                    continue;
                }
                ks.Add(word.ToUpperInvariant()); vs.Add(kinds);
            }
            Usable = true;
            keys = ks.ToArray(); values = vs.ToArray();
            int size = 16;
            while (size < keys.Length * 4) size *= 2;
            slots = new int[size]; mask = size - 1;
            for (int k = 0; k < keys.Length; k++)
            {
                int h = Hash(keys[k]) & mask;
                while (slots[h] != 0) h = (h + 1) & mask;
                slots[h] = k + 1;
            }
        }

        private static int Up(char c) => (uint)(c - 'a') <= 'z' - 'a' ? c - 32 : c;

        private static int Hash(ReadOnlySpan<char> s) =>
            (int)(((uint)s.Length * 0x9E3779B1u) ^ ((uint)Up(s[0]) * 0x85EBCA77u) ^ ((uint)Up(s[^1]) * 0xC2B2AE3Du) ^ ((uint)Up(s[s.Length >> 1]) * 0x27D4EB2Fu)) >> 3;

        /// <summary>The kinds of the known word <paramref name="s"/> is; null when it is none or (<paramref name="ascii"/> false) not
        /// all ASCII, which this table cannot tell.</summary>
        public TokenKeys?[]? Find(ReadOnlySpan<char> s, out bool ascii)
        {
            ascii = s.Length > 0 && System.Text.Ascii.IsValid(s);
            if (!ascii) return null;
            int h = Hash(s) & mask;
            while (slots[h] is var slot && slot != 0)
            {
                var key = keys[slot - 1];
                if (key.Length == s.Length && EqualsUpper(s, key)) return values[slot - 1];
                h = (h + 1) & mask;
            }
            return null;
        }

        private static bool EqualsUpper(ReadOnlySpan<char> s, string upper)
        {
            for (int i = 0; i < s.Length; i++) if (Up(s[i]) != upper[i]) return false;
            return true;
        }
    }

    private readonly AsciiWords? knownAscii;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> secondWords;
    private readonly Dictionary<string, int> secondClasses;
    private readonly int maskLength;
    /// <summary>By rule order: the second words and classes a rule accepts (bits by <see cref="secondWords"/> and
    /// <see cref="secondClasses"/> id), or null when its second
    /// token is not told by the word alone.</summary>
    private readonly ulong[]?[] secondMask;

    [ThreadStatic] private static List<TRule[]>? sourcesBuf;

    /// <summary>Rules that may start at this token (de-duplicated, in file order); copies and sorts only when several index entries apply.</summary>
    public void CandidatesAt(string text, in Token t, List<TRule> into)
    {
        into.Clear();
        Collect(text, t, Lexicon.LookupList(t.Span(text)), into);
    }

    /// <summary>As <see cref="CandidatesAt(string, in Token, List{TRule})"/> for token <paramref name="i"/> of a document, less
    /// the rules whose second token cannot be the next one. What a token's text gives (its candidates, and what it offers as
    /// a second token) is worked out once per known word, other word or number text and kept (<see cref="KeysOf"/>).</summary>
    public void CandidatesAt(string text, Token[] tokens, int i, List<TRule> into)
    {
        into.Clear();
        var keys = KeysOf(text, tokens, i);
        if (keys.Candidates.Length == 0) return;
        into.AddRange(keys.Candidates);
        if (!keys.AnySecondMask) return;
        var next = i + 1 < tokens.Length && !tokens[i + 1].ParagraphBefore ? KeysOf(text, tokens, i + 1).Next : null;
        DropBySecondToken(into, next);
    }

    /// <summary>What a token's text alone tells the rule set: the rules that may start there (in rule order, before the
    /// second-token reject); as the token after a rule's first, the second words and classes it is (bits by
    /// <see cref="secondWords"/> and <see cref="secondClasses"/> id; null when none); and its bits in the rule set's table of
    /// required tokens (<see cref="RequiredTokens"/>).</summary>
    private sealed record TokenKeys(TokenType Type, bool Capitalized, TRule[] Candidates, bool AnySecondMask, ulong[]? Next, UInt128 Required);

    /// <summary>Per thread and rule set: the keys of the document being matched, by token index.</summary>
    private sealed class KeysMemo
    {
        public RuleSet<TRule>? Owner;
        public string? Text;
        public Token[]? Tokens;
        public TokenKeys?[] At = new TokenKeys?[1024];
        /// <summary>The required bits of the tokens from the last start asked.</summary>
        public readonly RequiredTokens.Reach Reach = new();
        /// <summary>Number tokens' keys by exact text (their shapes depend on every character), bounded.</summary>
        public readonly Dictionary<string, TokenKeys> Numbers = new(StringComparer.Ordinal);
        public Dictionary<string, TokenKeys>.AlternateLookup<ReadOnlySpan<char>> NumberLookup;
        public KeysMemo() { NumberLookup = Numbers.GetAlternateLookup<ReadOnlySpan<char>>(); }
    }

    [ThreadStatic] private static KeysMemo[]? keysMemos;
    private const int MaxKeptNumbers = 1 << 16, MaxKeptLength = 48;

    /// <summary>The words and punctuation that some index of the set or its lexicon knows (any case): the keys of a word or
    /// punctuation token depend only on which of them it is (or that it is none), its type and whether it is capitalized,
    /// because every table asks about such a token ignoring case and its shapes only by type and capital. By known word,
    /// the keys per type and capital (filled as met; any thread may fill one, all fill the same).</summary>
    private readonly Dictionary<string, TokenKeys?[]> knownWords;
    private readonly Dictionary<string, TokenKeys?[]>.AlternateLookup<ReadOnlySpan<char>> knownLookup;
    /// <summary>The keys of every other word or punctuation token, per type and capital.</summary>
    private readonly TokenKeys?[] otherWords = new TokenKeys?[6];

    private static int KindOf(in Token t) => (int)t.Type * 2 + (t.Capitalized ? 1 : 0);

    [ThreadStatic] private static KeysMemo? lastMemo;

    private KeysMemo MemoFor(string text, Token[] tokens)
    {
        if (lastMemo is { } last && ReferenceEquals(last.Owner, this) && ReferenceEquals(last.Tokens, tokens) && ReferenceEquals(last.Text, text))
            return last;
        var ms = keysMemos ??= new KeysMemo[4];
        KeysMemo? m = null;
        for (int k = 0; k < ms.Length && m is null; k++)
            if (ms[k] is { } x && ReferenceEquals(x.Owner, this)) m = x;
        if (m is null)
        {
            int slot = Array.IndexOf(ms, null);
            if (slot < 0) slot = 0;   // more rule sets than slots on this thread: take the first over
            m = ms[slot] = new KeysMemo { Owner = this };
        }
        if (!ReferenceEquals(m.Tokens, tokens) || !ReferenceEquals(m.Text, text))
        {
            if (m.At.Length < tokens.Length) m.At = new TokenKeys?[Math.Max(tokens.Length, m.At.Length * 2)];
            else Array.Clear(m.At, 0, Math.Min(m.At.Length, Math.Max(tokens.Length, m.Tokens?.Length ?? 0)));
            m.Text = text; m.Tokens = tokens; m.Reach.Forget();
        }
        return lastMemo = m;
    }

    private TokenKeys KeysOf(string text, Token[] tokens, int i)
    {
        // a huge document is worked out token by token rather than keep a memo of its size on the thread
        if (tokens.Length > 1 << 20) return KeptKeys(null, text, tokens, i);
        var m = MemoFor(text, tokens);
        return m.At[i] ??= KeptKeys(m, text, tokens, i);
    }

    private TokenKeys KeptKeys(KeysMemo? m, string text, Token[] tokens, int i)
    {
        ref readonly var t = ref tokens[i];
        var span = t.Span(text);
        if (t.Type != TokenType.Number)
        {
            bool ascii = false;
            var kinds = knownAscii?.Find(span, out ascii) ?? (ascii ? null : knownLookup.TryGetValue(span, out var kk) ? kk : null) ?? otherWords;
            int kind = KindOf(t);
            return kinds[kind] ??= Keys(text, tokens, i);
        }
        if (m is not null && m.NumberLookup.TryGetValue(span, out var k) && k.Capitalized == t.Capitalized) return k;
        k = Keys(text, tokens, i);
        if (m is not null && span.Length <= MaxKeptLength && m.Numbers.Count < MaxKeptNumbers) m.NumberLookup[span] = k;
        return k;
    }

    /// <summary>The one table of required tokens all this set's patterns that have one use (null when none or several).</summary>
    private readonly RequiredTokens? requiredTable;

    private TokenKeys Keys(string text, Token[] tokens, int i)
    {
        ref readonly var t = ref tokens[i];
        var entries = Lexicon.LookupAt(text, tokens, i);
        var into = new List<TRule>();
        Collect(text, t, entries, into);
        bool anyMask = false;
        foreach (var r in into)
            if ((uint)r.Order < (uint)secondMask.Length && secondMask[r.Order] is not null) { anyMask = true; break; }
        ulong[]? next = null;
        if (maskLength > 0)
        {
            if (secondWords.TryGetValue(t.Span(text), out var w)) Set(next ??= new ulong[maskLength], w);
            if (t.Type != TokenType.Number && secondClasses.Count > 0)
                foreach (var e in entries)
                    if (secondClasses.TryGetValue(e.Class, out var c)) Set(next ??= new ulong[maskLength], c);
        }
        return new TokenKeys(t.Type, t.Capitalized, into.ToArray(), anyMask, next,
            requiredTable is null ? UInt128.Zero : requiredTable.BitsOf(text, tokens, i));
    }

    private void Collect(string text, in Token t, List<LexEntry> entries, List<TRule> into)
    {
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

    /// <summary>Drops the candidates whose pattern needs another second token than the next one (<paramref name="next"/>: its
    /// bits, null when it offers none or there is none): the same answer as the reject at the start of their MatchAt (the
    /// next token's word, or for a word token a class of its lexicon entries), found with one look at the next token instead
    /// of one per rule.</summary>
    private void DropBySecondToken(List<TRule> into, ulong[]? next)
    {
        int k = 0;
        for (int j = 0; j < into.Count; j++)
        {
            var r = into[j];
            var mask = (uint)r.Order < (uint)secondMask.Length ? secondMask[r.Order] : null;
            if (mask is null || (next is not null && Meets(mask, next))) into[k++] = r;
        }
        into.RemoveRange(k, into.Count - k);
    }

    private bool Meets(ulong[] mask, ulong[] next)
    {
        for (int m = 0; m < maskLength; m++) if ((mask[m] & next[m]) != 0) return true;
        return false;
    }

    /// <summary>The longest match of <paramref name="rule"/> at token <paramref name="start"/> (as its pattern's MatchAt), for a
    /// rule that <see cref="CandidatesAt(string, Token[], int, List{TRule})"/> gave for that token: the second-token reject it
    /// passed there is not asked again.</summary>
    public int MatchCandidate(TRule rule, string text, Token[] tokens, int start, out Binding? bindings)
    {
        var p = rule.Pattern;
        bool secondKnown = (uint)rule.Order < (uint)secondMask.Length && secondMask[rule.Order] is not null;
        // the required-token reject from this set's memo of the document's tokens (the pattern's own asks its table's memo)
        if (requiredTable is not null && p.Required is var (table, sets) && ReferenceEquals(table, requiredTable) && tokens.Length <= 1 << 20)
        {
            if (!MayMatch(text, tokens, start, p.MaxTokens, sets)) { bindings = null; return -1; }
            return p.MatchAt(text, tokens, start, out bindings, null, secondKnown, requiredKnown: true);
        }
        return p.MatchAt(text, tokens, start, out bindings, null, secondKnown, requiredKnown: false);
    }

    /// <summary>As <see cref="RequiredTokens.MayMatch"/> with the bits of this set's token keys: false when the tokens from
    /// <paramref name="start"/> within <paramref name="reach"/> (and before a paragraph break) lack one of <paramref name="sets"/>.
    /// The bits from the start are accumulated once for all the candidates at that token.</summary>
    private bool MayMatch(string text, Token[] tokens, int start, int reach, UInt128[] sets)
    {
        var m = MemoFor(text, tokens);
        return m.Reach.MayMatch(tokens, start, reach, sets, new RequiredBits(this, m, text, tokens));
    }

    /// <summary>A token's required bits from its keys in this set's memo (worked out the first time the token is asked).</summary>
    private readonly struct RequiredBits(RuleSet<TRule> set, KeysMemo m, string text, Token[] tokens) : RequiredTokens.ITokenBits
    {
        public UInt128 At(int k) => (m.At[k] ??= set.KeptKeys(m, text, tokens, k)).Required;
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
            int e = MatchCandidate(rule, text, tokens, start, out var b);
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
