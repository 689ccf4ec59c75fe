using System.Collections.Frozen;
using FactCheck.Lang;
using FactCheck.Model;
using Newtonsoft.Json.Linq;

namespace FactCheck.Text;

/// <summary>Splits text into sentences as character spans, in one pass, without splitting inside abbreviations, numbers, dates or parentheses.</summary>
public sealed class SentenceSplitter
{
    private static readonly Lazy<SentenceSplitter> @default = new(Load);
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> abbreviations;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> beforeNumber;

    /// <summary>Beyond this many characters an unclosed "(" no longer blocks sentence ends.</summary>
    public int MaxParenthesisLength { get; init; } = 250;

    /// <param name="abbreviations">Words (lower-case, no final period, e.g. "dr", "u.s") after which a period never ends a sentence.</param>
    /// <param name="beforeNumber">Words after which a period does not end a sentence when a number follows ("no", "jan").</param>
    public SentenceSplitter(IEnumerable<string> abbreviations, IEnumerable<string>? beforeNumber = null)
    {
        this.abbreviations = abbreviations.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        this.beforeNumber = (beforeNumber ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The splitter with the abbreviations of every language under data/lang.</summary>
    public static SentenceSplitter Default => @default.Value;

    /// <summary>Sentence spans into <paramref name="text"/>, trimmed of surrounding whitespace, in order.</summary>
    public IReadOnlyList<TextSpan> Split(string text)
    {
        var spans = new List<TextSpan>();
        int n = text.Length, start = -1, depth = 0, parenAt = -1;
        for (int i = 0; i < n; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                if (start >= 0 && !ContinuesOnNextLine(text, start, i))
                {
                    Emit(spans, text, start, i);
                    start = -1;
                }
                depth = 0;
                continue;
            }
            if (char.IsWhiteSpace(c)) continue;
            if (start < 0) start = i;
            switch (c)
            {
                case '(' or '[':
                    if (depth++ == 0) parenAt = i;
                    continue;
                case ')' or ']':
                    if (depth > 0) depth--;
                    continue;
                case '.' or '!' or '?' or '…':
                    break;
                default:
                    continue;
            }

            int k = i;
            while (k + 1 < n && text[k + 1] is '.' or '!' or '?' or '…') k++;
            int e = k + 1;
            while (e < n && text[e] is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or '*')
            {
                if (text[e] is ')' or ']' && depth > 0) depth--;
                e++;
            }
            if (e < n && !char.IsWhiteSpace(text[e]))
            {   // 1.5, Parler.com, 08.23 do not end; scraped text with the space lost ("pihak.Erick", "Timur.“Hari") does
                if (depth == 0 && (text[e] == '“' || c == '.' && GluedSentenceStart(text, start, i, e)))
                {
                    Emit(spans, text, start, e);
                    start = e;
                }
                i = e - 1;
                continue;
            }
            if (depth > 0 && i - parenAt < MaxParenthesisLength) { i = e - 1; continue; }
            int m = e;
            while (m < n && text[m] != '\n' && char.IsWhiteSpace(text[m])) m++;
            if (m >= n || text[m] == '\n') { i = e - 1; continue; }   // the line break (or the end) closes it
            char next = text[m];
            if (c == '.' && k == i && !EndsSentenceAfterPeriod(text, start, i, next)) { i = e - 1; continue; }
            if (char.IsLower(next)) { i = e - 1; continue; }
            Emit(spans, text, start, e);
            start = -1;
            depth = 0;
            i = e - 1;
        }
        if (start >= 0) Emit(spans, text, start, n);
        return spans;
    }

    /// <summary>False when the word before the period is an abbreviation, an initial ("R."), or a number prefix before a number.</summary>
    private bool EndsSentenceAfterPeriod(string text, int start, int dot, char next)
    {
        int w = dot;
        while (w > start && (char.IsLetter(text[w - 1]) || text[w - 1] == '.' && w - 1 > start && char.IsLetter(text[w - 2]))) w--;
        if (w == dot) return true;
        var word = text.AsSpan(w, dot - w);
        if (word.Length == 1 && char.IsUpper(word[0])) return false;
        if (abbreviations.Contains(word)) return false;
        if (char.IsDigit(next) && beforeNumber.Contains(word)) return false;
        return true;
    }

    /// <summary>"kata Erick.Infantino menyampaikan": a lower-case word of 3+ letters, a period, then a capitalized word.</summary>
    private static bool GluedSentenceStart(string text, int start, int dot, int next)
    {
        if (next + 1 >= text.Length || !char.IsUpper(text[next]) || !char.IsLower(text[next + 1])) return false;
        int w = dot;
        while (w > start && char.IsLetter(text[w - 1])) w--;
        if (dot - w < 3 || w > start && text[w - 1] == '.') return false;
        for (int j = w; j < dot; j++) if (!char.IsLower(text[j]) && j > w) return false;
        return true;
    }

    /// <summary>A single line break inside a hard-wrapped sentence: the line has no final punctuation and the next starts in lower case.</summary>
    private static bool ContinuesOnNextLine(string text, int start, int nl)
    {
        int j = nl + 1;
        while (j < text.Length && text[j] is ' ' or '\t' or '\r') j++;
        if (j >= text.Length || !char.IsLower(text[j])) return false;
        int p = nl - 1;
        while (p >= start && char.IsWhiteSpace(text[p])) p--;
        return p >= start && text[p] is not ('.' or '!' or '?' or '…' or ':' or '"' or '”');
    }

    /// <summary>A sentence longer than this (unpunctuated or scraped text) is cut into pieces of at most this many characters,
    /// after the last comma, semicolon or space in its second half, so everything that works per sentence stays linear.</summary>
    public int MaxSentenceLength { get; init; } = 1000;

    private void Emit(List<TextSpan> spans, string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        while (end - start > MaxSentenceLength)
        {
            int cut = Cut(text, start, start + MaxSentenceLength);
            int e = cut;
            while (e > start && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > start) spans.Add(new TextSpan(start, e));
            start = cut;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
        }
        if (end > start) spans.Add(new TextSpan(start, end));
    }

    /// <summary>Where to cut a long sentence at or before <paramref name="limit"/>: after a comma or semicolon followed by a
    /// space, else at a space, else at the limit (never inside a surrogate pair).</summary>
    private static int Cut(string text, int start, int limit)
    {
        int half = start + (limit - start) / 2;
        for (int i = limit - 1; i > half; i--)
            if (text[i - 1] is ',' or ';' && char.IsWhiteSpace(text[i])) return i;
        for (int i = limit - 1; i > half; i--)
            if (char.IsWhiteSpace(text[i])) return i;
        return char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
    }

    private static SentenceSplitter Load()
    {
        var abbr = new List<string>();
        var num = new List<string>();
        var root = Path.Combine(DataPaths.Root, "lang");
        if (Directory.Exists(root))
            foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
            {
                var file = Path.Combine(dir, "abbreviations.json");
                if (!File.Exists(file)) continue;
                var json = LanguagePack.ReadJson(file);
                abbr.AddRange((json["abbreviations"] as JArray)?.Values<string>().OfType<string>() ?? []);
                num.AddRange((json["beforeNumber"] as JArray)?.Values<string>().OfType<string>() ?? []);
            }
        return new SentenceSplitter(abbr, num);
    }
}
