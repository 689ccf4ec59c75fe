using FactCheck.Lang;

namespace FactCheck.Text.Patterns;

/// <summary>A token class or literal that a pattern matched, and the token it matched.</summary>
public sealed record Binding(string Class, int Token, LexEntry? Entry, Binding? Next);

/// <summary>
/// A pattern over tokens, written as data: literals (<c>lalu</c>, <c>,</c>), classes (<c>@month</c>, <c>@numdate</c>),
/// groups with alternatives (<c>( a b | c )</c>), optional items (<c>x?</c>, <c>( ... )?</c>), and context that must
/// precede or follow but is not part of the match (<c>[ pada | hari ]</c> at the start or end), a class limited to one
/// value (<c>@unit=W</c>). <c>\(</c> escapes.
/// </summary>
public sealed class TokenPattern
{
    private readonly Node body;
    private readonly Node? before, after;
    private readonly Lexicon lexicon;

    /// <summary>The pattern source as written.</summary>
    public string Source { get; }

    /// <summary>Keys a first token must have for the pattern to start there: "w:word", "c:class", "s:shape", or "*" (any).</summary>
    public IReadOnlySet<string> FirstKeys { get; }

    private TokenPattern(string source, Node body, Node? before, Node? after, Lexicon lexicon)
    {
        Source = source; this.body = body; this.before = before; this.after = after; this.lexicon = lexicon;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        body.First(keys, out var nullable);
        if (nullable) throw new FormatException($"pattern \"{source}\" can match nothing");
        FirstKeys = keys;
    }

    /// <summary>Compiles a pattern; throws FormatException naming the problem (used at load time only).</summary>
    public static TokenPattern Parse(string source, Lexicon lexicon)
    {
        var parser = new Parser(source, lexicon);
        var (before, body, after) = parser.ParseTop();
        return new TokenPattern(source, body, before, after, lexicon);
    }

    /// <summary>The longest match starting at token <paramref name="start"/>: its end (exclusive token index) and bindings; -1 when none.</summary>
    public int MatchAt(string text, Token[] tokens, int start, out Binding? bindings)
    {
        bindings = null;
        var ctx = new MatchContext(text, tokens, lexicon, start);
        if (before is not null && !MatchesBefore(ctx, start)) return -1;
        int best = -1; Binding? bestB = null;
        body.Match(ctx, start, null, (end, b) =>
        {
            if (end <= best) return;
            if (after is not null)
            {
                bool ok = false;
                after.Match(ctx, end, null, (_, _) => ok = true);
                if (!ok) return;
            }
            best = end; bestB = b;
        });
        bindings = bestB;
        return best;
    }

    private bool MatchesBefore(MatchContext ctx, int start)
    {
        for (int from = start - 1; from >= Math.Max(0, start - 3); from--)
        {
            bool ok = false;
            before!.Match(ctx, from, null, (end, _) => { if (end == start) ok = true; });
            if (ok) return true;
        }
        return false;
    }

    internal sealed class MatchContext(string text, Token[] tokens, Lexicon lexicon, int start)
    {
        public readonly string Text = text;
        public readonly Token[] Tokens = tokens;
        public readonly Lexicon Lexicon = lexicon;
        public readonly int Start = start;
    }

    internal abstract class Node
    {
        public abstract void Match(MatchContext ctx, int pos, Binding? b, Action<int, Binding?> k);
        public abstract void First(HashSet<string> keys, out bool nullable);
    }

    private sealed class Literal(string word) : Node
    {
        public override void Match(MatchContext ctx, int pos, Binding? b, Action<int, Binding?> k)
        {
            if (pos >= ctx.Tokens.Length) return;
            ref readonly var t = ref ctx.Tokens[pos];
            if (pos > ctx.Start && t.ParagraphBefore) return;
            if (t.Span(ctx.Text).Equals(word, StringComparison.OrdinalIgnoreCase)) k(pos + 1, b);
        }
        public override void First(HashSet<string> keys, out bool nullable) { keys.Add("w:" + word.ToLowerInvariant()); nullable = false; }
    }

    private sealed class ClassAtom(string cls, bool isShape, bool isLexicon, string? value = null) : Node
    {
        public override void Match(MatchContext ctx, int pos, Binding? b, Action<int, Binding?> k)
        {
            if (pos >= ctx.Tokens.Length) return;
            ref readonly var t = ref ctx.Tokens[pos];
            if (pos > ctx.Start && t.ParagraphBefore) return;
            if (isShape && Shapes.Is(cls, ctx.Text, t)) { k(pos + 1, new Binding(cls, pos, null, b)); return; }
            if (isLexicon && t.Type != TokenType.Number && ctx.Lexicon.TryGet(cls, t.Span(ctx.Text), out var e)
                && (value is null || e.ValueText == value))
                k(pos + 1, new Binding(cls, pos, e, b));
        }
        public override void First(HashSet<string> keys, out bool nullable)
        {
            if (isShape) keys.Add("s:" + cls);
            if (isLexicon) keys.Add("c:" + cls);
            nullable = false;
        }
    }

    private sealed class Seq(List<Node> items) : Node
    {
        public override void Match(MatchContext ctx, int pos, Binding? b, Action<int, Binding?> k) => Step(ctx, 0, pos, b, k);
        private void Step(MatchContext ctx, int i, int pos, Binding? b, Action<int, Binding?> k)
        {
            if (i == items.Count) { k(pos, b); return; }
            items[i].Match(ctx, pos, b, (p2, b2) => Step(ctx, i + 1, p2, b2, k));
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
        public override void Match(MatchContext ctx, int pos, Binding? b, Action<int, Binding?> k)
        {
            foreach (var o in options) o.Match(ctx, pos, b, k);
        }
        public override void First(HashSet<string> keys, out bool nullable)
        {
            nullable = false;
            foreach (var o in options) { o.First(keys, out var n); nullable |= n; }
        }
    }

    private sealed class Opt(Node inner) : Node
    {
        public override void Match(MatchContext ctx, int pos, Binding? b, Action<int, Binding?> k)
        {
            inner.Match(ctx, pos, b, k);
            k(pos, b);
        }
        public override void First(HashSet<string> keys, out bool nullable) { inner.First(keys, out _); nullable = true; }
    }

    private sealed class Parser(string source, Lexicon lexicon)
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
