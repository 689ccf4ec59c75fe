using FactCheck.Readers;

namespace FactCheck.Tests.Readers;

public class HtmlArticleReaderTests
{
    private const string Page = """
        <!doctype html>
        <html lang="id-ID"><head>
          <title>Parler Online Lagi - Contoh</title>
          <meta property="og:title" content="Parler Online Lagi">
          <meta property="article:published_time" content="2021-01-20T08:23:00+07:00">
          <script>var published = "1999-01-01"; document.write("Baca ini dulu");</script>
          <style>p { color: red }</style>
        </head><body>
          <nav><p>Beranda | Berita | Olahraga dan lain-lain yang panjang sekali untuk menipu pemilih blok</p></nav>
          <article>
            <h1>Parler Online Lagi</h1>
            <p>Parler, sebuah platform media sosial, kembali online setelah mendapat bantuan dari perusahaan Rusia.</p>
            <script>alert("tidak boleh masuk teks")</script>
            <p>Senin 18 Januari 2021, website   Parler dapat diakses lagi.</p>
            <p>Baca Juga: Berita lain yang tidak ada hubungannya</p>
          </article>
          <footer><p>Hak cipta dilindungi undang-undang.</p></footer>
        </body></html>
        """;

    [Test]
    public void MetaPublishedTime_TitleAndBody_ScriptDropped()
    {
        var r = new HtmlArticleReader().Read(Page, "/x/parler.html");
        Assert.That(r.Diagnostics, Is.Empty);
        var a = r.Articles.Single();
        Assert.That(a.Id, Is.EqualTo("parler"));
        Assert.That(a.Title, Is.EqualTo("Parler Online Lagi"));
        Assert.That(a.Published, Is.EqualTo(new DateTimeOffset(2021, 1, 20, 8, 23, 0, TimeSpan.FromHours(7))));
        Assert.That(a.Text, Is.EqualTo(
            "Parler, sebuah platform media sosial, kembali online setelah mendapat bantuan dari perusahaan Rusia.\n\n" +
            "Senin 18 Januari 2021, website Parler dapat diakses lagi.\n\n" +
            "Baca Juga: Berita lain yang tidak ada hubungannya"));
        Assert.That(a.Text, Does.Not.Contain("alert").And.Not.Contain("Hak cipta").And.Not.Contain("Beranda"));
        Assert.That((a.Lang, a.LangDetected), Is.EqualTo(("id", false)));
        Assert.That(a.IsBoilerplate(a.Text.IndexOf("Baca Juga", StringComparison.Ordinal)), Is.True);
        Assert.That(a.IsBoilerplate(a.Text.IndexOf("Senin 18", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public void JsonLdDate_LargestParagraphBlock()
    {
        const string html = """
            <html><head><title>Road opened</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2021-01-11T09:24:00-05:00"}]}</script>
            </head><body>
            <div class="side"><p>Short teaser.</p></div>
            <div class="content"><p>The minister said that the road was opened on Monday.</p><p>It is the longest toll road in the province, and it was built in two years.</p></div>
            </body></html>
            """;
        var a = new HtmlArticleReader().Read(html, "road.htm").Articles.Single();
        Assert.That(a.Title, Is.EqualTo("Road opened"));
        Assert.That(a.Published, Is.EqualTo(new DateTimeOffset(2021, 1, 11, 9, 24, 0, TimeSpan.FromHours(-5))));
        Assert.That(a.Text, Is.EqualTo("The minister said that the road was opened on Monday.\n\nIt is the longest toll road in the province, and it was built in two years."));
        Assert.That((a.Lang, a.LangDetected), Is.EqualTo(("en", true)));
    }

    [Test]
    public void TimeElement_UsedWhenNoMeta()
    {
        const string html = "<html><body><h1>Judul</h1><time datetime=\"2021-01-11\">Senin</time><p>Isi berita yang ada di sini dan itu.</p></body></html>";
        var a = new HtmlArticleReader().Read(html, "t.html").Articles.Single();
        Assert.That(a.Title, Is.EqualTo("Judul"));
        Assert.That(a.Published, Is.EqualTo(new DateTimeOffset(2021, 1, 11, 0, 0, 0, TimeSpan.Zero)));
    }
}
