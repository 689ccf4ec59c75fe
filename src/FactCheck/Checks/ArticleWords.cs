using FactCheck.Text;

namespace FactCheck.Checks;

/// <summary>One word token of an article as the check rules read it: its span, whether it is glued to the word token before
/// it (no other token and no space between: "Mc|Connell"), and whether it follows the word token before it after spaces
/// only, on one line.</summary>
public readonly record struct WordToken(int Start, int End, bool Glued, bool Joined)
{
    public int Length => End - Start;
}

/// <summary>
/// The word tokens of an article, kept by the check pipeline instead of the tokens (which it drops after the analysis to
/// save memory) so that the story rules need not tokenize the text again. Each word is one 16-bit code in most texts: the
/// gap from the previous word's end (7 bits), the length (7 bits) and the two flags of <see cref="WordToken"/>; a word
/// whose gap or length does not fit is a code with length 0 followed by the gap and the length in two codes each.
/// </summary>
public sealed class ArticleWords
{
    private const int GluedBit = 1, JoinedBit = 2, LengthShift = 2, GapShift = 9, Max = 127;

    private readonly ushort[] codes;

    /// <summary>How many word tokens the article has.</summary>
    public int Count { get; }

    private ArticleWords(ushort[] codes, int count) { this.codes = codes; Count = count; }

    /// <summary>The word tokens of <paramref name="tokenList"/> (the tokens of <paramref name="text"/>).</summary>
    public static ArticleWords Of(string text, IReadOnlyList<Token> tokenList)
    {
        ReadOnlySpan<Token> tokens = tokenList as Token[] ?? [.. tokenList];
        // one growing list per thread, copied out (as the tokenizer does)
        var buf = buffer ??= new List<ushort>(1024);
        buf.Clear();
        int count = 0, prevEnd = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Type != TokenType.Word) continue;
            bool prevWord = i > 0 && tokens[i - 1].Type == TokenType.Word;
            bool glued = prevWord && !t.SpaceBefore;
            bool joined = prevWord && t.SpaceBefore && !t.ParagraphBefore
                && text.AsSpan(tokens[i - 1].End, t.Start - tokens[i - 1].End).IndexOfAny('\n', '\r') < 0;
            int flags = (glued ? GluedBit : 0) | (joined ? JoinedBit : 0);
            int gap = t.Start - prevEnd, len = t.Length;
            if (gap <= Max && len is > 0 and <= Max) buf.Add((ushort)(gap << GapShift | len << LengthShift | flags));
            else
            {
                buf.Add((ushort)flags);
                buf.Add((ushort)(gap >>> 16)); buf.Add((ushort)gap);
                buf.Add((ushort)(len >>> 16)); buf.Add((ushort)len);
            }
            prevEnd = t.End;
            count++;
        }
        return new ArticleWords(buf.ToArray(), count);
    }

    [ThreadStatic] private static List<ushort>? buffer;

    public Enumerator GetEnumerator() => new(codes);

    /// <summary>The words in text order.</summary>
    public struct Enumerator(ushort[] codes)
    {
        private int at, prevEnd;
        public WordToken Current { get; private set; }

        public bool MoveNext()
        {
            if (at >= codes.Length) return false;
            int c = codes[at++];
            int gap = c >>> GapShift, len = (c >>> LengthShift) & Max;
            if (len == 0)
            {
                gap = codes[at] << 16 | codes[at + 1];
                len = codes[at + 2] << 16 | codes[at + 3];
                at += 4;
            }
            int start = prevEnd + gap;
            prevEnd = start + len;
            Current = new WordToken(start, prevEnd, (c & GluedBit) != 0, (c & JoinedBit) != 0);
            return true;
        }
    }
}
