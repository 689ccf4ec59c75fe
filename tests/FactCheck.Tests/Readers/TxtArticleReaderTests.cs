using FactCheck.Model;
using FactCheck.Readers;

namespace FactCheck.Tests.Readers;

public class TxtArticleReaderTests
{
    private static Article ReadSeed(string path)
    {
        var r = new ArticleReader().Read(path);
        Assert.That(r.HasErrors, Is.False, string.Join("\n", r.Diagnostics));
        Assert.That(r.Articles, Has.Count.EqualTo(1));
        return r.Articles[0];
    }

    [Test]
    public void Seed000_PublishedFromDateline()
    {
        var a = ReadSeed(SeedFiles.Seed000);
        Assert.That(a.Published, Is.EqualTo(new DateTimeOffset(2021, 1, 11, 9, 24, 0, TimeSpan.FromHours(7))));
        Assert.That(a.Published!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(7)));
        Assert.That(a.Title, Is.EqualTo("Medsos Favorit Pendukung Trump Terancam Tamat"));
        Assert.That(a.Id, Is.EqualTo("000_c99a39fa54da3e18"));
        Assert.That(a.Text, Is.EqualTo(File.ReadAllText(SeedFiles.Seed000)));
        Assert.That(a.Origin.Path, Is.EqualTo(SeedFiles.Seed000));
    }

    [Test]
    public void Seed003_PublishedFromDateline()
    {
        var a = ReadSeed(SeedFiles.Seed003);
        Assert.That(a.Published, Is.EqualTo(new DateTimeOffset(2021, 1, 20, 8, 23, 0, TimeSpan.FromHours(7))));
        Assert.That(a.Published!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(7)));
        Assert.That(a.Title, Is.EqualTo("Sempat Dimatikan Amazon, Medsos Pendukung Trump Parler Online Lagi"));
    }

    [Test]
    public void Seeds_DetectedAsIndonesian()
    {
        foreach (var path in new[] { SeedFiles.Seed000, SeedFiles.Seed003 })
        {
            var a = ReadSeed(path);
            Assert.That(a.Lang, Is.EqualTo("id"), path);
            Assert.That(a.LangDetected, Is.True, path);
        }
    }

    [Test]
    public void Seed003_BacaJugaIsBoilerplate_BodyIsNot()
    {
        var a = ReadSeed(SeedFiles.Seed003);
        int bacaJuga = 0;
        for (int i = a.Text.IndexOf("Baca Juga:", StringComparison.Ordinal); i >= 0; i = a.Text.IndexOf("Baca Juga:", i + 1, StringComparison.Ordinal))
        {
            bacaJuga++;
            int end = a.Text.IndexOf('\n', i);
            Assert.That(a.IsBoilerplate(i) && a.IsBoilerplate(end - 1), Is.True, a.Text[i..end]);
        }
        Assert.That(bacaJuga, Is.EqualTo(10));
        foreach (var body in new[]
                 {
                     "Parler, sebuah platform dan aplikasi media sosial",
                     "Parler menghilang dari dunia maya",
                     "Senin 18 Januari 2021, website Parler",
                     "Ronald Guilmette, ahli infrastuktur",
                     "Di sebuah wawancara dengan Fox News Senin 18 Januari kemarin",
                 })
        {
            int at = a.Text.IndexOf(body, StringComparison.Ordinal);
            Assert.That(at, Is.GreaterThanOrEqualTo(0), body);
            Assert.That(Enumerable.Range(at, body.Length).Any(a.IsBoilerplate), Is.False, body);
        }
        Assert.That(a.IsBoilerplate(a.Text.IndexOf("SEPUTARTANGSEL.COM", StringComparison.Ordinal)), Is.True);
        Assert.That(a.IsBoilerplate(a.Text.IndexOf("Editor: Sugih", StringComparison.Ordinal)), Is.True);
        Assert.That(a.IsBoilerplate(a.Text.IndexOf("Terpopuler", StringComparison.Ordinal)), Is.True);
        Assert.That(a.IsBoilerplate(a.Text.IndexOf("/Foto: Parler.com/", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Seed000_CreditsAndTeasersAreBoilerplate()
    {
        var a = ReadSeed(SeedFiles.Seed000);
        foreach (var bp in new[] { "Aplikasi Parler. Foto: Parler/NBCNews/AFP", "Jakarta -", "Simak Video", "[Gambas:Video 20detik]", "(afr/afr)", "Senin, 11 Jan 2021 09:24 WIB" })
            Assert.That(a.IsBoilerplate(a.Text.IndexOf(bp, StringComparison.Ordinal)), Is.True, bp);
        foreach (var body in new[] { "CEO media sosial Parler John Matze", "Google telah menghapus Parler", "Seperti diketahui Parler" })
            Assert.That(a.IsBoilerplate(a.Text.IndexOf(body, StringComparison.Ordinal)), Is.False, body);
    }

    [Test]
    public void NoDateline_GivesWarningAndArticle()
    {
        var r = new TxtArticleReader().Read("Judul\n\nIsi berita yang tidak punya tanggal.", "x.txt");
        Assert.That(r.Articles, Has.Count.EqualTo(1));
        Assert.That(r.Articles[0].Published, Is.Null);
        Assert.That(r.Diagnostics.Single().Level, Is.EqualTo(DiagnosticLevel.Warning));
    }

    [Test]
    public void BodySentenceWithDate_IsNotTakenAsDateline()
    {
        var r = new TxtArticleReader().Read("Judul\nSenin 18 Januari 2021, website Parler dapat diakses lagi.\n3 Februari 2021 10:00 WIB\nIsi.", "x.txt");
        Assert.That(r.Articles[0].Published, Is.EqualTo(new DateTimeOffset(2021, 2, 3, 10, 0, 0, TimeSpan.FromHours(7))));
    }

    [Test]
    public void Utf8Bom_IsDroppedAndTitleIsClean()
    {
        using var dir = new TempDir();
        var p = dir.Write("bom.txt", [0xEF, 0xBB, 0xBF, .. "Judul\n20 Januari 2021, 08:23 WIB\nIsi yang dan di ini."u8.ToArray()]);
        var r = new ArticleReader().Read(p);
        Assert.That(r.Articles.Single().Title, Is.EqualTo("Judul"));
        Assert.That(r.Articles.Single().Text, Does.StartWith("Judul"));
    }
}
