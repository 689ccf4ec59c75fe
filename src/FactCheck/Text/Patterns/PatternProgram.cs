using FactCheck.Lang;

namespace FactCheck.Text.Patterns;

/// <summary>A token pattern compiled to a small backtracking program, run without allocating until a match is found.</summary>
internal sealed class PatternProgram
{
    internal enum Op : byte { Word, Class, Split, Jmp, Match }

    internal readonly record struct Inst(Op Op, string? Text = null, bool Shape = false, bool Lex = false, string? Value = null, int X = 0, int Y = 0);

    private readonly Inst[] code;

    public PatternProgram(Inst[] code) { this.code = code; }

    private readonly record struct State(int Pc, int Pos, int Caps);
    private readonly record struct Cap(string Class, int Token, LexEntry? Entry);

    [ThreadStatic] private static State[]? stackBuf;
    [ThreadStatic] private static Cap[]? capBuf;

    /// <summary>
    /// Runs the program from token <paramref name="start"/>. With <paramref name="targetEnd"/> &gt;= 0, returns it as soon as a
    /// path ends exactly there; otherwise returns the longest end accepted by <paramref name="accept"/> (or -1), with its bindings.
    /// </summary>
    public int Run(string text, Token[] tokens, Lexicon lexicon, int start, int matchStart, int targetEnd,
        Func<int, bool>? accept, bool wantBindings, out Binding? bindings)
    {
        bindings = null;
        var stack = stackBuf ??= new State[64];
        var caps = capBuf ??= new Cap[64];
        int sp = 0, best = -1, bestCaps = 0;
        Cap[]? bestCopy = null;
        stack[sp++] = new State(0, start, 0);
        while (sp > 0)
        {
            var (pc, pos, nc) = stack[--sp];
            while (true)
            {
                var ins = code[pc];
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
                    if (sp == stack.Length) Array.Resize(ref stackBuf, stack.Length * 2);
                    stack = stackBuf!;
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
                    if (ins.Shape && Shapes.Is(ins.Text!, text, t)) { }
                    else if (ins.Lex && t.Type == TokenType.Word && lexicon.TryGet(ins.Text!, t.Span(text), out var e)
                             && (ins.Value is null || e.ValueText == ins.Value)) entry = e;
                    else break;
                    if (nc == caps.Length) { Array.Resize(ref capBuf, caps.Length * 2); caps = capBuf!; }
                    caps[nc++] = new Cap(ins.Text!, pos, entry);
                }
                pos++; pc++;
            }
        }
        if (best >= 0 && wantBindings)
            for (int k = 0; k < bestCaps; k++)
                bindings = new Binding(bestCopy![k].Class, bestCopy[k].Token, bestCopy[k].Entry, bindings);
        return best;
    }
}
