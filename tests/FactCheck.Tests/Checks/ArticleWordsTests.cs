using FactCheck.Checks;
using FactCheck.Checks.Rules;
using FactCheck.Pipeline;
using FactCheck.Text;

namespace FactCheck.Tests.Checks;

/// <summary>The compact word tokens the check pipeline keeps instead of the tokens: the same words as the tokenizer's, with
/// the glue and line flags the name-variant rule reads, and the rule's findings the same with them as with the tokens.</summary>
public class ArticleWordsTests
{
    private static readonly string[] Texts =
    [
        "Presiden Joko Widodo bertemu Menteri Sri Mulyani di Jakarta. Jokowi mengatakan jakarta siap.",
        "Senator Mitch McConnell and Gov. Ron DeSantis met GregoriusRonald in\nWashington.\n\nThe Saint Palm hotel",
        // a word longer than a short code holds, and a gap longer than one (spaces and numbers between words)
        new string('x', 200) + " Pal" + new string(' ', 300) + "Beach 2025 2026 " + new string('9', 140) + " Café Über",
        "",
        "2025 , . 7",
    ];

    [Test]
    public void The_words_are_the_word_tokens_with_their_glue_and_line()
    {
        foreach (var text in Texts)
        {
            var tokens = Tokenizer.Tokenize(text);
            var expected = new List<WordToken>();
            for (int i = 0; i < tokens.Length; i++)
            {
                var t = tokens[i];
                if (t.Type != TokenType.Word) continue;
                bool prevWord = i > 0 && tokens[i - 1].Type == TokenType.Word;
                bool joined = prevWord && t.SpaceBefore && !t.ParagraphBefore && !text[tokens[i - 1].End..t.Start].Contains('\n') && !text[tokens[i - 1].End..t.Start].Contains('\r');
                expected.Add(new WordToken(t.Start, t.End, prevWord && !t.SpaceBefore, joined));
            }
            var words = ArticleWords.Of(text, tokens);
            var got = new List<WordToken>();
            foreach (var w in words) got.Add(w);
            Assert.That(got, Is.EqualTo(expected), text);
            Assert.That(words.Count, Is.EqualTo(expected.Count));
        }
    }

    [Test]
    public void Name_variant_findings_are_the_same_from_the_kept_words_as_from_the_tokens()
    {
        foreach (var lang in new[] { "id", "en" })
            foreach (var (texts, _, _) in NameWords.Get(lang).StoryExamples)
            {
                var articles = texts.Select((t, i) => TestData.Article(t, lang, "2025-06-18", "d" + i) with { Source = "source" + i }).ToList();
                var analyzer = new ArticleAnalyzer();
                var withTokens = new NameVariantRule().Check(new CheckContext(articles.Select(analyzer.Analyze).ToList())).ToList();
                var kept = articles.Select(a => AnalysisPipeline.AnalyzeForCheck(analyzer, a)).ToList();
                Assert.That(kept.All(a => a.Tokens.Count == 0 && a.Words is not null), Is.True);
                var withWords = new NameVariantRule().Check(new CheckContext(kept)).ToList();
                // neither tokens nor words: the rule tokenizes again
                var bare = new NameVariantRule().Check(new CheckContext(kept.Select(a => a with { Words = null }).ToList())).ToList();
                Assert.That(withTokens, Is.Not.Empty);
                Assert.That(withWords.Select(f => f.Message), Is.EqualTo(withTokens.Select(f => f.Message)));
                Assert.That(bare.Select(f => f.Message), Is.EqualTo(withTokens.Select(f => f.Message)));
            }
    }
}
