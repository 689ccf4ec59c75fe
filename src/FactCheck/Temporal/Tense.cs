using FactCheck.Text;

namespace FactCheck.Temporal;

/// <summary>Reads the tense around a mention from nearby words (the lexicon's "tense" class, and the grammar's past-tense ending), as HeidelTime does with verbs.</summary>
internal static class Tense
{
    private const int Back = 10, Ahead = 6;

    /// <summary>-1 past, +1 future, null when the sentence does not say; the nearest marker before the mention wins, then the nearest after it.</summary>
    public static int? Of(TemporalGrammar grammar, string text, Token[] tokens, int first, int end)
    {
        for (int k = first - 1; k >= 0 && k >= first - Back; k--)
        {
            if (Boundary(text, tokens, k + 1)) break;
            if (Marker(grammar, text, tokens, k) is { } v) return v;
        }
        for (int k = end; k < tokens.Length && k < end + Ahead; k++)
        {
            if (Boundary(text, tokens, k)) break;
            if (Marker(grammar, text, tokens, k) is { } v) return v;
        }
        return null;
    }

    /// <summary>True when a sentence ends before token k.</summary>
    private static bool Boundary(string text, Token[] tokens, int k)
    {
        if (k <= 0 || k >= tokens.Length) return k <= 0;
        if (tokens[k].ParagraphBefore) return true;
        var prev = tokens[k - 1];
        return prev.Type == TokenType.Punct && text[prev.Start] is '.' or '!' or '?' or ';' && (k < 2 || tokens[k - 2].Length > 3);
    }

    private static int? Marker(TemporalGrammar grammar, string text, Token[] tokens, int k)
    {
        var t = tokens[k];
        if (t.Type != TokenType.Word) return null;
        var span = t.Span(text);
        var lex = grammar.Lexicon;
        // a listed two-word phrase first ("set for" is a plan, "set aside" is not), then the word itself:
        // +1, -1, or 0 for a word that only looks like a marker ("succeed", "set") and marks nothing
        int? v = null;
        if (k + 1 < tokens.Length && tokens[k + 1].Start == t.End + 1 && text[t.End] == ' '
            && lex.TryGet("tense", text.AsSpan(t.Start, tokens[k + 1].End - t.Start), out var phrase))
            v = phrase.Number;
        else if (lex.TryGetAt("tense", text, tokens, k, out var e))
        {
            v = e.Number;
            // an irregular participle after "be"/"is" ("would be paid", "is held") is no past tense either
            if (v < 0 && k > 0 && tokens[k - 1].Type == TokenType.Word && lex.TryGetAt("passive", text, tokens, k - 1, out _)) return null;
        }
        // the past-tense ending on lower-case words only: "United", "Ahmed" are names, not verbs
        else if (grammar.PastSuffix is { } suf && span.Length >= suf.Length + 3 && char.IsLower(span[0]) && span.EndsWith(suf, StringComparison.Ordinal))
        {
            // a participle after "be"/"is" ("will be named", "is expected", "to be held") is no past tense: the words before it tell
            if (k > 0 && tokens[k - 1].Type == TokenType.Word && lex.TryGetAt("passive", text, tokens, k - 1, out _)) return null;
            v = -1;
        }
        if (v == 0) return null;
        // a plan told in the pluperfect ("had been scheduled to expire Friday", "had planned to") lies in the past
        if (v > 0)
            for (int j = k - 1; j >= 0 && j >= k - 2; j--)
                if (tokens[j].Type == TokenType.Word && lex.TryGetAt("pluperfect", text, tokens, j, out _)) return -1;
        return v;
    }
}
