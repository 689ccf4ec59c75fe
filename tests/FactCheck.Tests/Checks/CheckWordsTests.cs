using FactCheck.Checks;
using FactCheck.Lang;

namespace FactCheck.Tests.Checks;

/// <summary>Runs the examples of data/lang/&lt;lang&gt;/checks.json: sequence openers and plan markers.</summary>
public class CheckWordsTests
{
    public static IEnumerable<TestCaseData> Examples()
    {
        foreach (var lang in LanguagePack.Available())
        {
            var w = CheckWords.Get(lang);
            foreach (var list in w.All)
            {
                foreach (var e in list.Examples) yield return new TestCaseData(lang, list.Name, e, true).SetName($"{lang} {list.Name} +: {e}");
                foreach (var e in list.Negative) yield return new TestCaseData(lang, list.Name, e, false).SetName($"{lang} {list.Name} -: {e}");
            }
        }
    }

    [Test]
    public void Every_language_has_both_lists_with_examples()
    {
        foreach (var lang in LanguagePack.Available())
        {
            var w = CheckWords.Get(lang);
            Assert.That(w.Sequence.Forms, Is.Not.Empty, lang);
            Assert.That(w.Future.Forms, Is.Not.Empty, lang);
            Assert.That(w.Sequence.Examples, Is.Not.Empty, lang);
            Assert.That(w.Sequence.Negative, Is.Not.Empty, lang);
            Assert.That(w.Future.Examples, Is.Not.Empty, lang);
            Assert.That(w.Future.Negative, Is.Not.Empty, lang);
            foreach (var list in new[] { w.Past, w.NotEvent, w.Recent })
            {
                Assert.That(list.Forms, Is.Not.Empty, $"{lang} {list.Name}");
                Assert.That(list.Examples, Is.Not.Empty, $"{lang} {list.Name}");
                Assert.That(list.Negative, Is.Not.Empty, $"{lang} {list.Name}");
            }
        }
    }

    [TestCaseSource(nameof(Examples))]
    public void Example(string lang, string list, string text, bool expected)
    {
        var w = CheckWords.Get(lang);
        var hit = list == "sequence" ? w.Sequence.Opening(text) : w.All.Single(l => l.Name == list).Anywhere(text);
        Assert.That(hit is not null, Is.EqualTo(expected), $"matched: {hit}");
    }
}
