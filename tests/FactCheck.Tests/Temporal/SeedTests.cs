using FactCheck.Readers;
using FactCheck.Temporal;

namespace FactCheck.Tests.Temporal;

/// <summary>What must hold on the two founding articles (issue: engine foundation and the temporal extractor).</summary>
public class SeedTests
{
    private static (FactCheck.Model.Article Article, IReadOnlyList<TemporalMention> Mentions) Read(string file)
    {
        var result = new ArticleReader().Read(TestData.Path2("data", "articles", "parler", file));
        Assert.That(result.HasErrors, Is.False, string.Join("\n", result.Diagnostics));
        var article = result.Articles.Single();
        return (article, new TemporalExtractor().Extract(article));
    }

    private static TemporalMention Mention(IReadOnlyList<TemporalMention> ms, string text) =>
        ms.SingleOrDefault(m => m.Text == text) ?? throw new AssertionException($"no mention '{text}'; got: " + string.Join("; ", ms.Select(m => m.Text)));

    [Test]
    public void Seed_000()
    {
        var (a, ms) = Read("000_c99a39fa54da3e18.txt");
        Assert.That(a.Published, Is.EqualTo(new DateTimeOffset(2021, 1, 11, 9, 24, 0, TimeSpan.FromHours(7))));
        Assert.That(a.Lang, Is.EqualTo("id"));

        var friday = Mention(ms, "Jumat (8/1/2021)");
        Assert.That(friday.Value, Is.EqualTo("2021-01-08"));
        Assert.That(friday.StatedWeekday, Is.EqualTo(5));
        Assert.That(friday.Stated.HasFlag(DateFields.Weekday | DateFields.Day | DateFields.Month | DateFields.Year));

        Assert.That(Mention(ms, "Sabtu (9/1/2021)").Value, Is.EqualTo("2021-01-09"));

        var sunday = Mention(ms, "Minggu malam (10/1/2020)");
        Assert.That(sunday.Value, Is.EqualTo("2020-01-10"), "as written");
        Assert.That(sunday.StatedWeekday, Is.EqualTo(7));
        Assert.That(sunday.Stated.HasFlag(DateFields.Year), "the year is stated");
        Assert.That(sunday.Inferred, Is.EqualTo(DateFields.None));

        var jan19 = Mention(ms, "19 Januari");
        Assert.That(jan19.Value, Is.EqualTo("2021-01-19"));
        Assert.That(jan19.Inferred, Is.EqualTo(DateFields.Year));
        Assert.That(jan19.Stated.HasFlag(DateFields.Year), Is.False);

        var week = ms.Single(m => m.Text.Contains("sepekan"));
        Assert.That(week.Text, Is.EqualTo("hingga sepekan"));
        Assert.That(week.Kind, Is.EqualTo(TemporalKind.Duration));
        Assert.That(week.Value, Is.EqualTo("P1W"));

        Assert.That(ms.Any(m => m.Text.Contains("detik")), Is.False, "[Gambas:Video 20detik] is boilerplate");
    }

    [Test]
    public void Seed_003()
    {
        var (a, ms) = Read("003_fed5c5e60128165f.txt");
        Assert.That(a.Published, Is.EqualTo(new DateTimeOffset(2021, 1, 20, 8, 23, 0, TimeSpan.FromHours(7))));
        Assert.That(ms.Single(m => m.Text.StartsWith("6 Januari 2021")).Value, Is.EqualTo("2021-01-06"));
        Assert.That(Mention(ms, "Senin 18 Januari 2021").Value, Is.EqualTo("2021-01-18"));
        Assert.That(Mention(ms, "Selasa, 19 Januari 2021").Value, Is.EqualTo("2021-01-19"));
        var rabu = Mention(ms, "Rabu 13 Januari lalu");
        Assert.That(rabu.Value, Is.EqualTo("2021-01-13"));
        Assert.That(rabu.Inferred, Is.EqualTo(DateFields.Year));
        var lastWeekMonday = Mention(ms, "Senin minggu lalu");
        Assert.That(lastWeekMonday.Value, Is.EqualTo("2021-01-11"));
        Assert.That(lastWeekMonday.Relative, Is.True);
        var end = Mention(ms, "akhir bulan Januari");
        Assert.That(end.Value, Is.EqualTo("2021-01"));
        Assert.That(end.Mod, Is.EqualTo("END"));

        // nothing from the "Baca Juga" lines
        foreach (var m in ms)
        {
            int lineStart = a.Text.LastIndexOf('\n', Math.Max(0, m.Start - 1)) + 1;
            Assert.That(a.Text[lineStart..].StartsWith("Baca Juga", StringComparison.Ordinal), Is.False, $"'{m.Text}' comes from a Baca Juga line");
        }
    }
}
