using System.Text;
using FactCheck.Model;
using FactCheck.Quantities;
using FactCheck.Temporal;
using FactCheck.Text;

namespace FactCheck.Tests.Quantities;

/// <summary>Cases the quantity extractor must always get right, its overlap policy with dates, and its behaviour on hostile input.</summary>
public class QuantityExtractorTests
{
    private static QuantityMention One(string text, string lang, string? match = null)
    {
        var ms = new QuantityExtractor().Extract(TestData.Article(text, lang, "2021-01-20"));
        var m = ms.FirstOrDefault(x => x.Text == (match ?? text));
        Assert.That(m, Is.Not.Null, $"no mention '{match ?? text}'; got: {QuantityExampleTests.Show(ms)}");
        return m!;
    }

    [TestCase("id", "12 juta pengguna", 12_000_000, "users", QuantityKind.Quantity, null)]
    [TestCase("id", "1,5 miliar", 1.5e9, null, QuantityKind.Quantity, null)]
    [TestCase("id", "Rp300 Ribu", 300_000, "IDR", QuantityKind.Money, null)]
    [TestCase("id", "Rp 1 triliun", 1e12, "IDR", QuantityKind.Money, null)]
    [TestCase("id", "sebanyak 900 jiwa", 900, "people", QuantityKind.Quantity, null)]
    [TestCase("id", "dua pria", 2, "men", QuantityKind.Quantity, null)]
    [TestCase("id", "M 4,8", 4.8, "magnitude", QuantityKind.Quantity, null)]
    [TestCase("id", "magnitudo 4,9", 4.9, "magnitude", QuantityKind.Quantity, null)]
    [TestCase("id", "lebih dari 214 ribu kali", 214_000, "times", QuantityKind.Quantity, "MORE_THAN")]
    [TestCase("id", "17 penerbangan", 17, "flights", QuantityKind.Quantity, null)]
    [TestCase("id", "sebuah rumah", 1, "houses", QuantityKind.Quantity, null)]
    [TestCase("id", "25 persen", 25, "%", QuantityKind.Percent, null)]
    [TestCase("id", "25%", 25, "%", QuantityKind.Percent, null)]
    [TestCase("en", "12 million users", 12_000_000, "users", QuantityKind.Quantity, null)]
    [TestCase("en", "1.5bn", 1.5e9, null, QuantityKind.Quantity, null)]
    [TestCase("en", "$300,000", 300_000, "USD", QuantityKind.Money, null)]
    [TestCase("en", "more than 10,000", 10_000, null, QuantityKind.Quantity, "MORE_THAN")]
    [TestCase("en", "nearly half", 0.5, "fraction", QuantityKind.Quantity, "LESS_THAN")]
    [TestCase("en", "25%", 25, "%", QuantityKind.Percent, null)]
    public void Must_hold(string lang, string text, double value, string? unit, QuantityKind kind, string? qualifier)
    {
        var m = One(text, lang);
        Assert.That(m.Value, Is.EqualTo(value).Within(1e-9 * Math.Max(1, value)));
        Assert.That(m.Unit, Is.EqualTo(unit));
        Assert.That(m.Kind, Is.EqualTo(kind));
        Assert.That(m.Qualifier, Is.EqualTo(qualifier));
        Assert.That(m.Rule, Does.StartWith(lang + "."));
    }

    [Test]
    public void Qualifiers_give_intervals()
    {
        var more = One("lebih dari 214 ribu kali", "id");
        Assert.That((more.Low, more.LowExclusive, more.High), Is.EqualTo((214_000d, true, double.PositiveInfinity)));
        var approx = One("sekitar 900 orang", "id");
        Assert.That(approx.Low, Is.EqualTo(810).Within(1e-9));
        Assert.That(approx.High, Is.EqualTo(990).Within(1e-9));
        var nearly = One("nearly half", "en");
        Assert.That(nearly.Low, Is.EqualTo(0.45).Within(1e-12));
        Assert.That((nearly.High, nearly.HighExclusive), Is.EqualTo((0.5, true)));
        var exact = One("17 penerbangan", "id");
        Assert.That((exact.Low, exact.High), Is.EqualTo((17d, 17d)));
        var atMost = One("hingga 60 orang", "id");
        Assert.That((atMost.Low, atMost.High, atMost.Qualifier), Is.EqualTo((0d, 60d, "EQUAL_OR_LESS")));
    }

    [Test]
    public void Offsets_point_into_the_text()
    {
        const string text = "Pada Selasa (19/1/2021), sebanyak 900 jiwa mengungsi dan kerugian mencapai Rp 1 triliun.";
        var ms = new QuantityExtractor().Extract(TestData.Article(text, "id", "2021-01-20"));
        Assert.That(ms.Select(m => m.Text), Is.EqualTo(new[] { "sebanyak 900 jiwa", "mencapai Rp 1 triliun" }));
        foreach (var m in ms) Assert.That(text[m.Start..m.End], Is.EqualTo(m.Text));
    }

    [Test]
    public void Tokens_covered_by_temporal_mentions_are_skipped()
    {
        const string text = "Gempa 19 Januari menewaskan 12 orang.";
        var article = TestData.Article(text, "id", "2021-01-20");
        var tokens = Tokenizer.Tokenize(text);
        var withDates = QuantityExtractor.Extract(article, tokens, new TemporalExtractor().Extract(article));
        Assert.That(withDates.Select(m => m.Text), Is.EqualTo(new[] { "12 orang" }));
        var without = QuantityExtractor.Extract(article, tokens, []);
        Assert.That(without.Select(m => m.Text), Does.Contain("19"));
    }

    [Test]
    public void A_number_after_a_capitalized_word_names_unless_the_word_opens_a_line()
    {
        static IEnumerable<string> Texts(string text) => new QuantityExtractor().Extract(TestData.Article(text, "en", "2021-01-20")).Select(m => m.Text);
        Assert.That(Texts("Shares of the firm fell as the FTSE 100 slipped."), Does.Not.Contain("100"), "an index name");
        Assert.That(Texts("The report went to the F.B.I.\nThe 40 pages of notes showed a dispute."), Does.Contain("40"), "a line opens with The");
    }

    [Test]
    public void Boilerplate_is_skipped()
    {
        const string text = "Korban 12 orang. Baca juga: 5 fakta gempa";
        var article = TestData.Article(text, "id", "2021-01-20") with { Boilerplate = [new TextSpan(text.IndexOf("Baca", StringComparison.Ordinal), text.Length)] };
        var ms = new QuantityExtractor().Extract(article);
        Assert.That(ms.Select(m => m.Text), Is.EqualTo(new[] { "12 orang" }));
    }

    [Test]
    public void Numbers_read_with_the_language_decimal_separator()
    {
        Assert.That(One("12.000 orang", "id").Value, Is.EqualTo(12_000));
        Assert.That(One("4,8", "id").Value, Is.EqualTo(4.8).Within(1e-12));
        Assert.That(One("1.234.567,5", "id").Value, Is.EqualTo(1_234_567.5).Within(1e-9));
        Assert.That(One("300,000", "en").Value, Is.EqualTo(300_000));
        Assert.That(One("1.5", "en").Value, Is.EqualTo(1.5).Within(1e-12));
        Assert.That(One("1,234,567.5", "en").Value, Is.EqualTo(1_234_567.5).Within(1e-9));
    }

    [Test, CancelAfter(20_000)]
    public void Long_runs_of_digits_and_spaces_finish()
    {
        var sb = new StringBuilder(1 << 20);
        for (int i = 0; sb.Length < 1 << 20; i++) sb.Append(i % 10).Append(' ');
        var spaced = new QuantityExtractor().Extract(TestData.Article(sb.ToString(), "id", "2021-01-20"));
        Assert.That(spaced, Is.Empty, "adjacent bare numbers are codes, not amounts");
        var ones = new QuantityExtractor().Extract(TestData.Article(new string('1', 1 << 20), "en", "2021-01-20"));
        Assert.That(ones, Is.Empty);
        var groups = new QuantityExtractor().Extract(TestData.Article(string.Concat(Enumerable.Repeat("1.000,", 100_000)) + "1", "id", "2021-01-20"));
        Assert.That(groups, Is.Empty);
    }
}
