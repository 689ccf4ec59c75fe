using FactCheck.Lang;

namespace FactCheck.Text.Patterns;

/// <summary>A token class or literal that a pattern matched, and the token it matched.</summary>
public sealed record Binding(string Class, int Token, LexEntry? Entry, Binding? Next)
{
    private readonly int end;
    /// <summary>The token after the match: Token + 1, or further for a span class that covers several tokens.</summary>
    public int End { get => end > Token ? end : Token + 1; init => end = value; }
}

/// <summary>Token classes supplied by the caller at match time (e.g. names found by a gazetteer), each match possibly covering several tokens.</summary>
public interface ISpanClasses
{
    /// <summary>Ends (exclusive token indexes) of the spans of class <paramref name="cls"/> that start at token <paramref name="pos"/>; empty when none.</summary>
    ReadOnlySpan<int> Ends(string cls, int pos);
}

/// <summary>
/// A pattern over tokens, written as data: literals (<c>lalu</c>, <c>,</c>), classes (<c>@month</c>, <c>@numdate</c>),
/// groups with alternatives (<c>( a b | c )</c>), optional items (<c>x?</c>, <c>( ... )?</c>), and context that must
/// precede or follow but is not part of the match (<c>[ pada | hari ]</c> at the start or end), a class limited to one
/// value (<c>@unit=W</c>), span classes supplied by the caller (<c>@name</c>, possibly several tokens long). <c>\(</c> escapes.
/// </summary>
public sealed class TokenPattern
{
    private readonly Node body;
    private readonly Node? before, after;
    private readonly Lexicon lexicon;

    /// <summary>The pattern source as written.</summary>
    public string Source { get; }

    /// <summary>Keys a first token must have for the pattern to start there: "w:word", "c:class", "s:shape", "x:spanclass".</summary>
    public IReadOnlySet<string> FirstKeys { get; }

    private TokenPattern(string source, Node body, Node? before, Node? after, Lexicon lexicon)
    {
        Source = source; this.body = body; this.before = before; this.after = after; this.lexicon = lexicon;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        body.First(keys, out var nullable);
        if (nullable) throw new FormatException($"pattern \"{source}\" can match nothing");
        FirstKeys = keys;
        if (body is Seq seq && seq.SecondKeys() is { } second) next = new KeySet(second);
        MaxTokens = body.MaxTokens;
        bodyProgram = Compile(body);
        beforeProgram = before is null ? null : Compile(before);
        afterProgram = after is null ? null : Compile(after);
    }

    /// <summary>The most tokens a match can take (int.MaxValue with a span class).</summary>
    internal int MaxTokens { get; }

    internal Lexicon Lexicon => lexicon;

    /// <summary>Sets of token keys ("w:word", "c:class", "s:shape") a match must have a token of, each; those a token where
    /// the pattern is a candidate always meets (a superset of its first keys) and those no table can tell (any token) left out.</summary>
    internal List<HashSet<string>> NecessarySets()
    {
        var sets = new List<HashSet<string>>();
        body.Needs(sets);
        sets.RemoveAll(s => s.Count == 0 || s.Contains("s:any") || s.IsSupersetOf(FirstKeys));
        return sets;
    }

    /// <summary>The rule set's table of required tokens and this pattern's sets in it (<see cref="RequiredTokens"/>); null: none.</summary>
    internal (RequiredTokens Table, UInt128[] Sets)? Required { get; set; }

    private readonly PatternProgram bodyProgram;
    private readonly PatternProgram? beforeProgram, afterProgram;

    private static PatternProgram Compile(Node node)
    {
        var code = new List<PatternProgram.Inst>();
        node.Emit(code);
        code.Add(new PatternProgram.Inst(PatternProgram.Op.Match));
        return new PatternProgram(code.ToArray());
    }

    /// <summary>The words and lexicon classes one of which the token after the first must have for the pattern to match (its
    /// cheap reject), when that reject asks about nothing else (no shape, no span class); null otherwise. Lets a rule set drop
    /// such rules from a token's candidates with one look at the next token for all of them.</summary>
    internal (IReadOnlyCollection<string> Words, IReadOnlyCollection<string> Classes)? SecondKeys => next?.WordsAndClasses;

    /// <summary>What the token after the first must be, when the first item always takes exactly one token: a cheap reject.</summary>
    private readonly KeySet? next;

    /// <summary>Token keys split by kind, for allocation-free tests of a token.</summary>
    private sealed class KeySet
    {
        private readonly Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> words;
        private readonly Dictionary<string, bool> wordSet;
        private readonly HashSet<string> classes = new(StringComparer.Ordinal);
        private readonly string[] shapes;
        private readonly Shapes.Kind[] shapeKinds;

        public KeySet(HashSet<string> keys)
        {
            var w = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
            var sh = new List<string>();
            foreach (var k in keys)
            {
                if (k.StartsWith("w:", StringComparison.Ordinal)) w[k[2..]] = true;
                else if (k.StartsWith("c:", StringComparison.Ordinal)) classes.Add(k[2..]);
                else if (k.StartsWith("x:", StringComparison.Ordinal)) acceptAll = true;
                else sh.Add(k[2..]);
            }
            wordSet = w;
            words = w.GetAlternateLookup<ReadOnlySpan<char>>();
            shapes = sh.ToArray();
            shapeKinds = sh.Select(Shapes.KindOf).ToArray();
        }

        private readonly bool acceptAll;

        /// <summary>The words and classes, when a token is accepted by its word or lexicon class alone (no shape or span class).</summary>
        public (IReadOnlyCollection<string>, IReadOnlyCollection<string>)? WordsAndClasses =>
            !acceptAll && shapes.Length == 0 && wordSet.Count + classes.Count > 0 ? (wordSet.Keys, classes) : null;

        public bool Accepts(string text, Token[] tokens, int i, Lexicon lexicon)
        {
            if (acceptAll) return true;
            ref readonly var t = ref tokens[i];
            if (wordSet.Count > 0 && words.ContainsKey(t.Span(text))) return true;
            if (t.Type != TokenType.Number && classes.Count > 0)
                foreach (var e in lexicon.LookupAt(text, tokens, i))
                    if (classes.Contains(e.Class)) return true;
            foreach (var sh in shapeKinds)
                if (Shapes.Is(sh, text, t)) return true;
            return false;
        }
    }

    /// <summary>Compiles a pattern; throws FormatException naming the problem (used at load time only).</summary>
    public static TokenPattern Parse(string source, Lexicon lexicon) => Parse(source, lexicon, null);

    /// <summary>Compiles a pattern that may also use the caller's span classes (names in <paramref name="spanClasses"/>, matched through <see cref="ISpanClasses"/>).</summary>
    public static TokenPattern Parse(string source, Lexicon lexicon, IReadOnlySet<string>? spanClasses)
    {
        var parser = new Parser(source, lexicon, spanClasses);
        var (before, body, after) = parser.ParseTop();
        return new TokenPattern(source, body, before, after, lexicon);
    }

    /// <summary>The longest match starting at token <paramref name="start"/>: its end (exclusive token index) and bindings; -1 when none.</summary>
    public int MatchAt(string text, Token[] tokens, int start, out Binding? bindings) => MatchAt(text, tokens, start, out bindings, null);

    /// <summary>The longest match starting at token <paramref name="start"/>, with span classes answered by <paramref name="spans"/>.</summary>
    public int MatchAt(string text, Token[] tokens, int start, out Binding? bindings, ISpanClasses? spans) =>
        MatchAt(text, tokens, start, out bindings, spans, false, false);

    /// <summary>As <see cref="MatchAt(string, Token[], int, out Binding?, ISpanClasses?)"/>; with <paramref name="secondKnown"/>
    /// the caller has already found the next token among <see cref="SecondKeys"/> (a rule set's second-token reject), so
    /// this pattern's own look at it is skipped; with <paramref name="requiredKnown"/> the caller has found the tokens its
    /// required-token reject asks for (<see cref="RuleSet{TRule}.MatchCandidate"/>).</summary>
    internal int MatchAt(string text, Token[] tokens, int start, out Binding? bindings, ISpanClasses? spans, bool secondKnown,
        bool requiredKnown)
    {
        bindings = null;
        if (next is not null && !secondKnown && (start + 1 >= tokens.Length || tokens[start + 1].ParagraphBefore || !next.Accepts(text, tokens, start + 1, lexicon)))
            return -1;
        if (!requiredKnown && Required is var (table, sets) && !table.MayMatch(text, tokens, start, MaxTokens, sets)) return -1;
        if (beforeProgram is not null && !MatchesBefore(text, tokens, start, spans)) return -1;
        var accept = afterProgram is null ? null : AfterCheck(text, tokens, spans);
        return bodyProgram.Run(text, tokens, lexicon, spans, start, start, -1, accept, true, out bindings);
    }

    // a separate method, so that the closure is allocated only for patterns with after-context
    private Func<int, bool> AfterCheck(string text, Token[] tokens, ISpanClasses? spans) =>
        end => afterProgram!.Run(text, tokens, lexicon, spans, end, end, -1, null, false, out _) >= 0;

    private bool MatchesBefore(string text, Token[] tokens, int start, ISpanClasses? spans)
    {
        for (int from = start - 1; from >= Math.Max(0, start - 3); from--)
            if (beforeProgram!.Run(text, tokens, lexicon, spans, from, from, start, null, false, out _) == start) return true;
        return false;
    }

    internal abstract class Node
    {
        /// <summary>True when the node always consumes exactly one token.</summary>
        public virtual bool IsSingle => false;
        public abstract void First(HashSet<string> keys, out bool nullable);
        /// <summary>The most tokens the node can take (int.MaxValue: unbounded).</summary>
        public virtual int MaxTokens => 1;
        /// <summary>One set of token keys of which every match of the node has a token; null when there is none (the node
        /// may match nothing, or any token).</summary>
        public virtual HashSet<string>? AnyOf() => null;
        /// <summary>Adds the sets of token keys of which every match of the node has a token, each.</summary>
        public virtual void Needs(List<HashSet<string>> sets) { if (AnyOf() is { } s) sets.Add(s); }
        /// <summary>Appends this node's instructions to a program.</summary>
        public abstract void Emit(List<PatternProgram.Inst> code);
    }

    private sealed class Literal(string word) : Node
    {
        public override bool IsSingle => true;
        public override void First(HashSet<string> keys, out bool nullable) { keys.Add("w:" + word.ToLowerInvariant()); nullable = false; }
        public override void Emit(List<PatternProgram.Inst> code) => code.Add(new(PatternProgram.Op.Word, word));
        // the word as written: the program compares it ignoring case, as the table's word keys do
        public override HashSet<string>? AnyOf() => new(StringComparer.Ordinal) { "w:" + word };
    }

    private sealed class ClassAtom(string cls, bool isShape, bool isLexicon, string? value = null) : Node
    {
        public override bool IsSingle => true;
        public override void First(HashSet<string> keys, out bool nullable)
        {
            if (isShape) keys.Add("s:" + cls);
            if (isLexicon) keys.Add("c:" + cls);
            nullable = false;
        }
        public override void Emit(List<PatternProgram.Inst> code) => code.Add(new(PatternProgram.Op.Class, cls, isShape, isLexicon, value));
        public override HashSet<string>? AnyOf()
        {
            var s = new HashSet<string>(StringComparer.Ordinal);
            if (isShape) s.Add("s:" + cls);
            if (isLexicon) s.Add("c:" + cls);
            return s.Count > 0 ? s : null;
        }
    }

    private sealed class SpanAtom(string cls) : Node
    {
        public override void First(HashSet<string> keys, out bool nullable) { keys.Add("x:" + cls); nullable = false; }
        public override void Emit(List<PatternProgram.Inst> code) => code.Add(new(PatternProgram.Op.Span, cls));
        public override int MaxTokens => int.MaxValue;
    }

    private sealed class Seq(List<Node> items) : Node
    {
        /// <summary>FIRST of the items after the first, when the first is a single token and the rest cannot be empty.</summary>
        public HashSet<string>? SecondKeys()
        {
            if (items.Count < 2 || !items[0].IsSingle) return null;
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 1; i < items.Count; i++)
            {
                items[i].First(keys, out var nullable);
                if (!nullable) return keys;
            }
            return null;
        }

        public override void Emit(List<PatternProgram.Inst> code) { foreach (var item in items) item.Emit(code); }
        public override int MaxTokens
        {
            get
            {
                long n = 0;
                foreach (var item in items) n += item.MaxTokens;
                return (int)Math.Min(n, int.MaxValue);
            }
        }
        public override void Needs(List<HashSet<string>> sets) { foreach (var item in items) item.Needs(sets); }
        // any one item's set will do: the smallest, the later of equals (the first item is mostly the token the rule starts at)
        public override HashSet<string>? AnyOf()
        {
            HashSet<string>? best = null;
            foreach (var item in items)
                if (item.AnyOf() is { } s && (best is null || s.Count <= best.Count)) best = s;
            return best;
        }
        public override void First(HashSet<string> keys, out bool nullable)
        {
            foreach (var item in items)
            {
                item.First(keys, out var n);
                if (!n) { nullable = false; return; }
            }
            nullable = true;
        }
    }

    private sealed class Alt(List<Node> options) : Node
    {
        public override bool IsSingle => options.All(o => o.IsSingle);
        public override int MaxTokens => options.Max(o => o.MaxTokens);
        public override HashSet<string>? AnyOf()
        {
            var all = new HashSet<string>(StringComparer.Ordinal);
            foreach (var o in options)
            {
                if (o.AnyOf() is not { } s) return null;
                all.UnionWith(s);
            }
            return all;
        }
        public override void Emit(List<PatternProgram.Inst> code)
        {
            var jumps = new List<int>();
            for (int i = 0; i < options.Count; i++)
            {
                int split = -1;
                if (i < options.Count - 1) { split = code.Count; code.Add(default); }
                options[i].Emit(code);
                if (i < options.Count - 1) { jumps.Add(code.Count); code.Add(default); }
                if (split >= 0) code[split] = new(PatternProgram.Op.Split, X: split + 1, Y: code.Count);
            }
            foreach (var j in jumps) code[j] = new(PatternProgram.Op.Jmp, X: code.Count);
        }
        public override void First(HashSet<string> keys, out bool nullable)
        {
            nullable = false;
            foreach (var o in options) { o.First(keys, out var n); nullable |= n; }
        }
    }

    private sealed class Opt(Node inner) : Node
    {
        public override int MaxTokens => inner.MaxTokens;
        public override void Emit(List<PatternProgram.Inst> code)
        {
            int split = code.Count;
            code.Add(default);
            inner.Emit(code);
            code[split] = new(PatternProgram.Op.Split, X: split + 1, Y: code.Count);
        }
        public override void First(HashSet<string> keys, out bool nullable) { inner.First(keys, out _); nullable = true; }
    }

    private sealed class Parser(string source, Lexicon lexicon, IReadOnlySet<string>? spanClasses)
    {
        private readonly List<string> toks = Lex(source);
        private int p;

        public (Node? before, Node body, Node? after) ParseTop()
        {
            Node? before = null, after = null;
            if (Peek() == "[") { p++; before = ParseAlt("]"); Expect("]"); }
            var body = ParseAlt(null);
            if (Peek() == "[") { p++; after = ParseAlt("]"); Expect("]"); }
            if (p != toks.Count) throw Error($"unexpected \"{toks[p]}\"");
            return (before, body, after);
        }

        private Node ParseAlt(string? close)
        {
            var options = new List<Node> { ParseSeq(close) };
            while (Peek() == "|") { p++; options.Add(ParseSeq(close)); }
            return options.Count == 1 ? options[0] : new Alt(options);
        }

        private Node ParseSeq(string? close)
        {
            var items = new List<Node>();
            while (p < toks.Count)
            {
                var t = toks[p];
                if (t == "|" || t == close || t == ")" || t == "]" || (t == "[" && close is null)) break;
                Node item;
                if (t == "(") { p++; item = ParseAlt(")"); Expect(")"); }
                else { p++; item = Atom(t); }
                if (Peek() == "?") { p++; item = new Opt(item); }
                items.Add(item);
            }
            if (items.Count == 0) throw Error("empty sequence");
            return items.Count == 1 ? items[0] : new Seq(items);
        }

        private Node Atom(string t)
        {
            if (t.StartsWith('@') && t.Length > 1)
            {
                var cls = t[1..];
                string? value = null;
                int eq = cls.IndexOf('=');
                if (eq > 0) { value = cls[(eq + 1)..]; cls = cls[..eq]; }
                if (value is null && spanClasses is not null && spanClasses.Contains(cls)) return new SpanAtom(cls);
                bool shape = Shapes.Names.Contains(cls) && value is null;
                bool lex = lexicon.EntriesOf(cls).Count > 0;
                if (!shape && !lex) throw Error($"unknown class @{cls} (not a shape and not in the lexicon)");
                if (value is not null && !lexicon.EntriesOf(cls).Any(e => e.ValueText == value))
                    throw Error($"no @{cls} entry has value {value}");
                return new ClassAtom(cls, shape, lex, value);
            }
            if (t.StartsWith('\\') && t.Length == 2) return new Literal(t[1..]);
            return new Literal(t);
        }

        private string? Peek() => p < toks.Count ? toks[p] : null;
        private void Expect(string s) { if (Peek() != s) throw Error($"expected \"{s}\""); p++; }
        private FormatException Error(string msg) => new($"pattern \"{source}\": {msg}");

        private static List<string> Lex(string s)
        {
            var list = new List<string>();
            int i = 0;
            while (i < s.Length)
            {
                char c = s[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (c == '\\' && i + 1 < s.Length) { list.Add(s.Substring(i, 2)); i += 2; continue; }
                if (c is '(' or ')' or '[' or ']' or '|' or '?') { list.Add(c.ToString()); i++; continue; }
                int j = i;
                if (c == '@' || char.IsLetterOrDigit(c))
                {
                    j++;
                    while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] is '_' or '\'' or '.' or '-' or '=' or '+' || (s[j] == ':' && s[0] != '@'))) j++;
                }
                else j++;
                list.Add(s[i..j]);
                i = j;
            }
            return list;
        }
    }
}
