using FactCheck.Lang;

namespace FactCheck.Text.Patterns;

/// <summary>A token pattern compiled to a small backtracking program, run without allocating until a match is found.</summary>
internal sealed class PatternProgram
{
    internal enum Op : byte { Word, Class, Span, Split, Jmp, Match }

    internal readonly record struct Inst(Op Op, string? Text = null, bool Shape = false, bool Lex = false, string? Value = null, int X = 0, int Y = 0)
    {
        /// <summary>The shape of a Class instruction with <see cref="Shape"/>, by number.</summary>
        public Shapes.Kind ShapeKind { get; } = Shape && Text is not null ? Shapes.KindOf(Text) : Shapes.Kind.Unknown;
    }

    private readonly Inst[] code;

    public PatternProgram(Inst[] code) { this.code = code; }

    /// <summary>A point to resume: Alt is which end of a multi-token span class to take there.</summary>
    private readonly record struct State(int Pc, int Pos, int Caps, int Alt = 0);
    private readonly record struct Cap(string Class, int Token, LexEntry? Entry, int End);

    // Buffers per nesting level: an after-context check or a caller's span classes may run another program mid-run.
    [ThreadStatic] private static int depth;
    [ThreadStatic] private static State[][]? stackBufs;
    [ThreadStatic] private static Cap[][]? capBufs;

    /// <summary>
    /// Runs the program from token <paramref name="start"/>. With <paramref name="targetEnd"/> &gt;= 0, returns it as soon as a
    /// path ends exactly there; otherwise returns the longest end accepted by <paramref name="accept"/> (or -1), with its bindings.
    /// </summary>
    public int Run(string text, Token[] tokens, Lexicon lexicon, ISpanClasses? spans, int start, int matchStart, int targetEnd,
        Func<int, bool>? accept, bool wantBindings, out Binding? bindings)
    {
        bindings = null;
        int level = depth++;
        try
        {
            return Execute(text, tokens, lexicon, spans, start, matchStart, targetEnd, accept, wantBindings, level, out bindings);
        }
        finally { depth--; }
    }

    private int Execute(string text, Token[] tokens, Lexicon lexicon, ISpanClasses? spans, int start, int matchStart, int targetEnd,
        Func<int, bool>? accept, bool wantBindings, int level, out Binding? bindings)
    {
        bindings = null;
        stackBufs ??= new State[8][];
        capBufs ??= new Cap[8][];
        if (level >= stackBufs.Length) { Array.Resize(ref stackBufs, level * 2); Array.Resize(ref capBufs, level * 2); }
        var stack = stackBufs[level] ??= new State[64];
        var caps = capBufs[level] ??= new Cap[64];
        int sp = 0, best = -1, bestCaps = 0;
        Cap[]? bestCopy = null;
        stack[sp++] = new State(0, start, 0);
        while (sp > 0)
        {
            var (pc, pos, nc, alt) = stack[--sp];
            while (true)
            {
                ref readonly var ins = ref code[pc];
                if (ins.Op == Op.Span)
                {
                    if (spans is null || pos >= tokens.Length || (pos > matchStart && tokens[pos].ParagraphBefore)) break;
                    var ends = spans.Ends(ins.Text!, pos);
                    if (alt >= ends.Length) break;
                    if (alt + 1 < ends.Length)
                    {
                        if (sp == stack.Length) stack = stackBufs[level] = Grow(stack);
                        stack[sp++] = new State(pc, pos, nc, alt + 1);
                    }
                    int spanEnd = ends[alt];
                    alt = 0;
                    if (spanEnd <= pos) break;
                    if (nc == caps.Length) caps = capBufs[level] = Grow(caps);
                    caps[nc++] = new Cap(ins.Text!, pos, null, spanEnd);
                    pos = spanEnd; pc++;
                    continue;
                }
                if (ins.Op == Op.Match)
                {
                    if (targetEnd >= 0) { if (pos == targetEnd) return pos; break; }
                    if (pos > best && (accept is null || accept(pos)))
                    {
                        best = pos; bestCaps = nc;
                        if (wantBindings)
                        {
                            if (bestCopy is null || bestCopy.Length < nc) bestCopy = new Cap[Math.Max(nc, 4)];
                            Array.Copy(caps, bestCopy, nc);
                        }
                    }
                    break;
                }
                if (ins.Op == Op.Jmp) { pc = ins.X; continue; }
                if (ins.Op == Op.Split)
                {
                    if (sp == stack.Length) stack = stackBufs[level] = Grow(stack);
                    stack[sp++] = new State(ins.Y, pos, nc);
                    pc = ins.X;
                    continue;
                }
                if (pos >= tokens.Length) break;
                ref readonly var t = ref tokens[pos];
                if (pos > matchStart && t.ParagraphBefore) break;
                if (ins.Op == Op.Word)
                {
                    if (!t.Span(text).Equals(ins.Text, StringComparison.OrdinalIgnoreCase)) break;
                }
                else
                {
                    LexEntry? entry = null;
                    if (ins.Shape && Shapes.Is(ins.ShapeKind, text, t)) { }
                    else if (ins.Lex && t.Type != TokenType.Number && lexicon.TryGetAt(ins.Text!, text, tokens, pos, out var e)
                             && (ins.Value is null || e.ValueText == ins.Value)) entry = e;
                    else break;
                    if (nc == caps.Length) caps = capBufs[level] = Grow(caps);
                    caps[nc++] = new Cap(ins.Text!, pos, entry, pos + 1);
                }
                pos++; pc++;
            }
        }
        if (best >= 0 && wantBindings)
            for (int k = 0; k < bestCaps; k++)
                bindings = new Binding(bestCopy![k].Class, bestCopy[k].Token, bestCopy[k].Entry, bindings) { End = bestCopy[k].End };
        return best;
    }

    private static T[] Grow<T>(T[] a)
    {
        Array.Resize(ref a, a.Length * 2);
        return a;
    }
}
