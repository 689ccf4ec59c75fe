namespace FactCheck.Text;

/// <summary>What a token is made of.</summary>
public enum TokenType : byte { Word, Number, Punct }

/// <summary>A token (ParagraphBefore: a blank line precedes it): a word, a number group ("8/1/2021", "09:24", "1,5", "22nd") or one punctuation character.</summary>
public readonly record struct Token(int Start, int End, TokenType Type, bool SpaceBefore, bool Capitalized, bool ParagraphBefore = false)
{
    public int Length => End - Start;
    public ReadOnlySpan<char> Span(string text) => text.AsSpan(Start, End - Start);
}

/// <summary>Splits text into tokens in one pass, with offsets into the original text.</summary>
public static class Tokenizer
{
    /// <summary>Tokens of the text in order. Separators inside digit groups (/ . : , -) are kept only when a digit follows.</summary>
    public static Token[] Tokenize(string text)
    {
        // one growing list per thread, copied out: a list sized for each text was as much allocation again as the tokens
        var tokens = buffer ??= new List<Token>(1024);
        Tokenize(text, 0, text.Length, tokens);
        var result = tokens.ToArray();
        if (tokens.Capacity > MaxKeptTokens) buffer = null;   // a huge text's list is not kept on the thread
        return result;
    }

    /// <summary>The tokens of <c>text[from..end]</c> (offsets into <paramref name="text"/>) into <paramref name="tokens"/>
    /// (cleared first): the tokens <see cref="Tokenize(string)"/> gives for that substring, without copying it.</summary>
    public static void Tokenize(string text, int from, int end, List<Token> tokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        tokens.Clear();
        int i = from, n = end;
        bool space = true;
        int newlines = 0;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { space = true; if (c == '\n') newlines++; i++; continue; }
            if (IsFormat(c)) { i++; continue; }   // zero-width and bidi characters are invisible: no token, no space
            bool para = newlines > 1;
            newlines = 0;
            int start = i;
            if (char.IsDigit(c))
            {
                i = ScanNumber(text, i, n);
                // letters glued to digits: ordinals (22nd), decades (1990s), "8pm", "1990-an"
                if (i < n && text[i] == '-' && i + 2 < n && text[i + 1] == 'a' && text[i + 2] == 'n' && (i + 3 >= n || !char.IsLetter(text[i + 3])))
                    i += 3;
                else
                {
                    // a short lowercase suffix stays (22nd, 1990s, 8pm, 12jt); "2024Waktu" splits
                    int j = i;
                    while (j < n && char.IsLetter(text[j]) && j - i < 4) j++;
                    if (j > i && j - i <= 3 && (j >= n || !char.IsLetter(text[j])) && IsLowerRun(text, i, j)) i = j;
                }
                tokens.Add(new Token(start, i, TokenType.Number, space, false, para));
            }
            else if (char.IsLetter(c))
            {
                i = ScanWord(text, i, n);
                tokens.Add(new Token(start, i, TokenType.Word, space, char.IsUpper(c), para));
            }
            else
            {
                i++;
                tokens.Add(new Token(start, i, TokenType.Punct, space, false, para));
            }
            space = false;
        }
    }

    [ThreadStatic] private static List<Token>? buffer;
    private const int MaxKeptTokens = 1 << 18;

    private static int ScanNumber(string text, int i, int n)
    {
        while (true)
        {
            while (i < n && char.IsDigit(text[i])) i++;
            // a format character (zero-width space, bidi mark) inside a number group is part of it: "10\u200b/1/2020"
            int j = i;
            while (j < n && IsFormat(text[j])) j++;
            if (j + 1 < n && IsNumberSeparator(text[j]))
            {
                int k = j + 1;
                while (k < n && IsFormat(text[k])) k++;
                if (k < n && char.IsDigit(text[k])) { i = k; continue; }
            }
            else if (j > i && j < n && char.IsDigit(text[j])) { i = j; continue; }
            return i;
        }
    }

    private static bool IsFormat(char c) => c >= 0x80 && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    private static bool IsLowerRun(string text, int from, int to)
    {
        for (int k = from; k < to; k++) if (!char.IsLower(text[k])) return false;
        return true;
    }

    private static bool IsNumberSeparator(char c) => c is '/' or '.' or ':' or ',' or '-' or '\uFF0F' or '\uFF0E' or '\uFF1A' or '\uFF0C' or '\uFF0D';

    private static int ScanWord(string text, int i, int n)
    {
        int start = i;
        while (i < n)
        {
            char c = text[i];
            // a lowercase ASCII letter: a letter, neither a digit nor upper case, so none of the splits below applies
            if ((uint)(c - 'a') <= 'z' - 'a')
            {
                i++;
                if (i + 1 < n && (text[i] == '\'' || text[i] == '\u2019') && char.IsLetter(text[i + 1]) && i - start <= 3) i++;
                continue;
            }
            if (!(char.IsLetter(c) || (char.IsDigit(c) && i > start))) break;
            // "Rp300.000": the rupiah sign glued to its amount splits, so the digit groups stay one number
            if (i == start + 2 && char.IsDigit(text[i]) && (text[start] is 'R' or 'r') && (text[start + 1] is 'p' or 'P')) break;
            // "padaSenin": scraped text glued at a lower-to-upper change; split there
            if (i > start + 1 && char.IsUpper(text[i]) && char.IsLower(text[i - 1]) && i + 1 < n && char.IsLower(text[i + 1])) break;
            i++;
            // Jum'at, o'clock: an apostrophe between letters stays inside the word
            if (i + 1 < n && (text[i] == '\'' || text[i] == '\u2019') && char.IsLetter(text[i + 1]) && i - start <= 3) i++;
        }
        // a.m., p.m., U.S.: single letters joined by dots
        if (i - start == 1 && i + 2 < n && text[i] == '.' && char.IsLetter(text[i + 1]) && text[i + 2] == '.'
            && (i + 3 >= n || !char.IsLetter(text[i + 3])))
            i += 3;
        return i;
    }
}
