using FactCheck.Checks;
using FactCheck.Lang;
using FactCheck.Readers;
using FactCheck.Tests.Readers;
using FactCheck.Text;

namespace FactCheck.Tests.Checks;

/// <summary>Issue #11: a sentence's opener is read from the article's text in place (no copy of the sentence, only the words
/// the longest phrase needs), and gives what the copy gave.</summary>
public class OpeningSpanTests
{
    /// <summary>The opener as it was found before: the first eight lower-case words of a copy of the sentence (a text over
    /// 1,024 characters cut at a space after them).</summary>
    private static string? ReferenceOpening(WordList list, string text)
    {
        static List<string> Words(string text)
        {
            if (text.Length > 1024 && text.IndexOf(' ', 1024) is var cut and > 0 && Words(text[..cut]) is { Count: >= 8 } head) return head;
            var words = new List<string>();
            var tokens = Tokenizer.Tokenize(text);
            for (int i = 0; i < tokens.Length && words.Count < 8; i++)
            {
                var t = tokens[i];
                if (t.Type == TokenType.Punct)
                {
                    if (text[t.Start] == '-' && !t.SpaceBefore && words.Count > 0 && i + 1 < tokens.Length && !tokens[i + 1].SpaceBefore && tokens[i + 1].Type == TokenType.Word)
                    {
                        words[^1] += "-" + text[tokens[i + 1].Start..tokens[i + 1].End].ToLowerInvariant();
                        i++;
                    }
                    continue;
                }
                words.Add(text[t.Start..t.End].ToLowerInvariant());
            }
            return words;
        }
        static string[]? Longest(List<string> words, IReadOnlyList<string[]> phrases)
        {
            string[]? best = null;
            foreach (var p in phrases)
                if (p.Length <= words.Count && p.Select((w, k) => w == words[k]).All(x => x) && (best is null || p.Length > best.Length)) best = p;
            return best;
        }
        var ws = Words(text);
        if (Longest(ws, list.Except) is not null) return null;
        return Longest(ws, list.Forms) is { } hit ? string.Join(' ', hit) is var s ? char.ToUpperInvariant(s[0]) + s[1..] : null : null;
    }

    private static IEnumerable<string> Texts()
    {
        foreach (var a in new ArticleReader().Read([SeedFiles.Parler]).Articles) yield return a.Text;
        var filler = string.Join(' ', Enumerable.Range(0, 120).Select(i => "kata" + i));
        foreach (var opener in new[] { "Kemudian", "Setelah itu", "Then", "After that", "After that-day", "Then-president", "\"Kemudian,", "Berlanjut ke" })
        {
            yield return $"{opener} rapat digelar pada Senin (4/1/2021). {opener}-{opener} {filler}.";
            yield return $"{opener} {filler} {filler}";   // longer than any head
            yield return $"{string.Concat(Enumerable.Repeat("- ", 40))}{opener} rapat";
        }
    }

    [Test]
    public void The_opener_of_a_sentence_in_place_is_the_opener_of_its_copy()
    {
        var splitter = SentenceSplitter.Default;
        int checkedCount = 0, found = 0;
        foreach (var lang in LanguagePack.Available())
        {
            var list = CheckWords.Get(lang).Sequence;
            foreach (var text in Texts())
                foreach (var s in splitter.Split(text).Append(new FactCheck.Model.TextSpan(0, text.Length)))
                {
                    var copy = text[s.Start..s.End];
                    var expected = ReferenceOpening(list, copy);
                    Assert.That(list.Opening(text, s.Start, s.End), Is.EqualTo(expected), $"{lang}: {copy[..Math.Min(80, copy.Length)]}");
                    Assert.That(list.Opening(copy), Is.EqualTo(expected));
                    checkedCount++;
                    if (expected is not null) found++;
                }
        }
        Assert.That(checkedCount, Is.GreaterThan(100));
        Assert.That(found, Is.GreaterThan(10), "openers found");
    }

    [Test]
    public void Tokens_of_a_range_are_the_tokens_of_its_copy()
    {
        var tokens = new List<Token>();
        foreach (var text in Texts())
            for (int start = 0; start < text.Length; start += 1 + text.Length / 7)
                for (int end = start; end <= text.Length; end += 1 + text.Length / 5)
                {
                    Tokenizer.Tokenize(text, start, end, tokens);
                    var copy = Tokenizer.Tokenize(text[start..end]).Select(t => t with { Start = t.Start + start, End = t.End + start });
                    Assert.That(tokens, Is.EqualTo(copy), $"{start}..{end}");
                }
    }
}
