using FactCheck.Checks;
using FactCheck.Text;

namespace FactCheck.Tests.Checks;

/// <summary>CheckContext.WordCounts(words): the counts the name-variant rule breaks ties with, filtered by length and first
/// letter, are those of counting every word token of the story in lower case.</summary>
public class WordCountTests
{
    [Test]
    public void Asked_words_are_counted_as_a_full_count_would()
    {
        var texts = new[]
        {
            "Presiden Joko Widodo bertemu Menteri Sri Mulyani di Jakarta. Jokowi mengatakan jakarta siap.",
            "JAKARTA - Widodo dan Mulyani membahas anggaran. Presiden Widodo menyebut angka 2025.",
            "The Saint Palm hotel in Palm Beach; a saint of PALM street. Café Über ÜBER über.",
        };
        var context = new CheckContext(texts.Select((t, i) => new ArticleAnalyzer().Analyze(TestData.Article(t, i < 2 ? "id" : "en", "2025-06-18", "d" + i))).ToList());
        var full = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in context.Articles)
            foreach (var t in Tokenizer.Tokenize(a.Article.Text))
                if (t.Type == TokenType.Word)
                {
                    var w = a.Article.Text.Substring(t.Start, t.Length).ToLowerInvariant();
                    full[w] = full.GetValueOrDefault(w) + 1;
                }
        var asked = new[] { "jakarta", "widodo", "mulyani", "palm", "saint", "über", "café", "jokowi", "nowhere", "j", "presiden" };
        var counts = context.WordCounts(asked);
        Assert.That(counts.Keys, Is.EquivalentTo(asked));
        foreach (var w in asked) Assert.That(counts[w], Is.EqualTo(full.GetValueOrDefault(w)), w);
        Assert.That(counts["jakarta"], Is.EqualTo(3));
        Assert.That(counts["palm"], Is.EqualTo(3));
        Assert.That(counts["nowhere"], Is.Zero);
    }
}
