using FactCheck.Lang;

namespace FactCheck.Text.Patterns;

/// <summary>
/// A cheap reject for the patterns of one rule set, asked before a pattern's program is run: the tokens a match must
/// contain somewhere in its reach. Each pattern's necessary sets ("ago" for "... @unit ago", one of @unit | @plunit for a
/// duration) are bits of one table; each token of a document gets the bits of its word, lexicon classes and shapes once
/// (per thread, lazily), and a pattern whose reach (its longest match, up to a paragraph break) lacks one of its sets cannot
/// match there, so its program is not run. Only ever answers "cannot match" when the program would find no match.
/// </summary>
internal sealed class RequiredTokens
{
    private static readonly UInt128 Done = UInt128.One << 127;
    private const int MaxBits = 127;
    private const int SetsPerPattern = 3;

    private readonly Lexicon lexicon;
    private readonly Dictionary<string, UInt128> wordBits = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, UInt128>.AlternateLookup<ReadOnlySpan<char>> words;
    private readonly Dictionary<string, UInt128> classBits = new(StringComparer.Ordinal);
    private readonly (Shapes.Kind Shape, UInt128 Bit, bool WordShape)[] shapeBits;

    private RequiredTokens(Lexicon lexicon, Dictionary<string, int> keys)
    {
        this.lexicon = lexicon;
        var shapes = new List<(Shapes.Kind, UInt128, bool)>();
        foreach (var (key, bit) in keys)
        {
            UInt128 b = UInt128.One << bit;
            var name = key[2..];
            switch (key[0])
            {
                case 'w': wordBits[name] = wordBits.TryGetValue(name, out var old) ? old | b : b; break;
                case 'c': classBits[name] = b; break;
                default: shapes.Add((Shapes.KindOf(name), b, name is "word" or "cap" or "punct")); break;
            }
        }
        words = wordBits.GetAlternateLookup<ReadOnlySpan<char>>();
        shapeBits = shapes.ToArray();
    }

    /// <summary>Builds the table for the patterns of a rule set and gives each pattern its sets (a pattern that already has
    /// a table, or was compiled against another lexicon, keeps what it has).</summary>
    public static void Attach(Lexicon lexicon, IEnumerable<TokenPattern> patterns)
    {
        var mine = patterns.Where(p => p.Required is null && ReferenceEquals(p.Lexicon, lexicon) && p.MaxTokens is > 1 and < 64).Distinct().ToList();
        // per pattern its few likeliest rejects: sets without the keys it starts with, smaller ones first; over all patterns,
        // smaller sets first get the bits when there are more keys than bits
        var chosen = mine.ToDictionary(p => p, p => p.NecessarySets()
            .OrderBy(s => s.Overlaps(p.FirstKeys) ? 1 : 0).ThenBy(s => s.Count).Take(SetsPerPattern).ToList());
        var all = chosen.Values.SelectMany(s => s).OrderBy(s => s.Count).ToList();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in all)
        {
            int fresh = set.Count(k => !keys.ContainsKey(k));
            if (keys.Count + fresh > MaxBits) continue;
            foreach (var k in set) keys.TryAdd(k, keys.Count);
        }
        if (keys.Count == 0) return;
        var table = new RequiredTokens(lexicon, keys);
        foreach (var p in mine)
        {
            var masks = new List<UInt128>();
            foreach (var set in chosen[p])
            {
                if (!set.All(keys.ContainsKey)) continue;
                UInt128 m = UInt128.Zero;
                foreach (var k in set) m |= UInt128.One << keys[k];
                if (!masks.Contains(m)) masks.Add(m);
            }
            if (masks.Count > 0) p.Required = (table, masks.ToArray());
        }
    }

    /// <summary>False when the tokens from <paramref name="start"/> within <paramref name="reach"/> (and before a paragraph
    /// break) lack one of <paramref name="sets"/>: no match can start there.</summary>
    public bool MayMatch(string text, Token[] tokens, int start, int reach, UInt128[] sets)
    {
        // a huge document is looked at directly rather than keep bits of its size on the thread (and its prefix is not kept
        // from one call to the next, since nothing tells the document apart)
        if (tokens.Length > 1 << 20)
        {
            var direct = hugeReach ??= new Reach();
            direct.Forget();
            return direct.MayMatch(tokens, start, reach, sets, new DirectBits(this, text, tokens));
        }
        var m = MemoFor(text, tokens);
        return m.Reach.MayMatch(tokens, start, reach, sets, new MemoBits(this, m, text, tokens));
    }

    /// <summary>How a caller gets token k's bits in a table: from its own memo of the document, or worked out. Passed as a
    /// struct, so that the accumulation is compiled for each way and the call need not be a virtual one.</summary>
    internal interface ITokenBits
    {
        UInt128 At(int k);
    }

    /// <summary>The bits of the tokens from one start token, accumulated once for all the candidates at that token: the reject
    /// of <see cref="RequiredTokens.MayMatch"/>, kept with a memo of one document's tokens (this table's memo of their bits,
    /// or a rule set's of their keys) and forgotten with it.</summary>
    internal sealed class Reach
    {
        /// <summary>prefix[j]: the bits of the j tokens from token from (count of them known; stopped at a paragraph break).
        /// A pattern with required tokens takes fewer than 64.</summary>
        private readonly UInt128[] prefix = new UInt128[65];
        private int from = -1, count;
        private bool stopped;

        /// <summary>Drops the prefix, for another document.</summary>
        public void Forget() => from = -1;

        /// <summary>False when the tokens from <paramref name="start"/> within <paramref name="reach"/> (and before a
        /// paragraph break) lack one of <paramref name="sets"/>, each token's bits asked of <paramref name="bits"/> once
        /// per start.</summary>
        public bool MayMatch<TBits>(Token[] tokens, int start, int reach, UInt128[] sets, TBits bits) where TBits : struct, ITokenBits
        {
            if (from != start) { from = start; count = 0; stopped = false; }
            int want = Math.Min(reach, tokens.Length - start);
            while (count < want && !stopped)
            {
                int k = start + count;
                if (k > start && tokens[k].ParagraphBefore) { stopped = true; break; }
                prefix[count + 1] = prefix[count] | bits.At(k);
                count++;
            }
            var have = prefix[Math.Min(want, count)];
            foreach (var s in sets) if ((have & s) == UInt128.Zero) return false;
            return true;
        }
    }

    /// <summary>A token's bits from this table's memo, worked out the first time the document's token is asked.</summary>
    private readonly struct MemoBits(RequiredTokens table, Memo m, string text, Token[] tokens) : ITokenBits
    {
        public UInt128 At(int k)
        {
            UInt128 b = m.Bits[k];
            if (b == UInt128.Zero) m.Bits[k] = b = table.Bits(text, tokens, k) | Done;
            return b;
        }
    }

    /// <summary>A token's bits worked out each time (a huge document).</summary>
    private readonly struct DirectBits(RequiredTokens table, string text, Token[] tokens) : ITokenBits
    {
        public UInt128 At(int k) => table.Bits(text, tokens, k);
    }

    [ThreadStatic] private static Reach? hugeReach;

    /// <summary>The words this table gives bits to (any case).</summary>
    internal IEnumerable<string> Words => wordBits.Keys;

    /// <summary>Token <paramref name="k"/>'s bits in this table.</summary>
    internal UInt128 BitsOf(string text, Token[] tokens, int k) => Bits(text, tokens, k);

    private UInt128 Bits(string text, Token[] tokens, int k)
    {
        ref readonly var t = ref tokens[k];
        UInt128 m = UInt128.Zero;
        if (wordBits.Count > 0 && words.TryGetValue(t.Span(text), out var wb)) m |= wb;
        if (t.Type != TokenType.Number && classBits.Count > 0)
            foreach (var e in lexicon.LookupAt(text, tokens, k))
                if (classBits.TryGetValue(e.Class, out var cb)) m |= cb;
        foreach (var (shape, bit, wordShape) in shapeBits)
            if ((t.Type == TokenType.Number || wordShape) && Shapes.Is(shape, text, t)) m |= bit;
        return m;
    }

    /// <summary>The bits of the tokens of the document being matched on this thread, per table (the rule sets of one
    /// document's temporal, quantity and entity stages take turns).</summary>
    private sealed class Memo
    {
        public RequiredTokens? Owner;
        public string? Text;
        public Token[]? Tokens;
        public UInt128[] Bits = new UInt128[1024];
        public readonly Reach Reach = new();
    }

    [ThreadStatic] private static Memo[]? memos;

    private Memo MemoFor(string text, Token[] tokens)
    {
        var ms = memos ??= new Memo[4];
        Memo? free = null;
        foreach (var m in ms)
        {
            if (m is null) continue;
            if (ReferenceEquals(m.Owner, this))
            {
                if (!ReferenceEquals(m.Tokens, tokens) || !ReferenceEquals(m.Text, text)) Reset(m, text, tokens);
                return m;
            }
        }
        for (int i = 0; i < ms.Length && free is null; i++)
            if (ms[i] is null) free = ms[i] = new Memo();
        if (free is null)
        {   // more tables than slots on this thread: take the first slot over
            free = ms[0];
        }
        free.Owner = this;
        Reset(free, text, tokens);
        return free;
    }

    private static void Reset(Memo m, string text, Token[] tokens)
    {
        if (m.Bits.Length < tokens.Length) m.Bits = new UInt128[Math.Max(tokens.Length, m.Bits.Length * 2)];
        else Array.Clear(m.Bits, 0, Math.Min(m.Bits.Length, Math.Max(tokens.Length, m.Tokens?.Length ?? 0)));
        m.Text = text; m.Tokens = tokens; m.Reach.Forget();
    }
}
