using FactCheck.Model;
using FactCheck.Readers;

namespace FactCheck.Tests.Readers;

public class JsonlArticleReaderTests
{
    [Test]
    public void BrokenMiddleLine_TwoArticlesAndAnErrorNamingLine2()
    {
        using var dir = new TempDir();
        var path = dir.Write("docs.jsonl",
            """
            {"id":"a","text":"Presiden meresmikan jalan tol yang baru di Jawa Barat.","published":"2021-01-11T09:24:00+07:00","lang":"id"}
            {"id":"b","text": "unterminated
            {"id":"c","text":"The minister said that the road was opened on Monday.","published":"2021-01-12"}
            """);
        var r = new ArticleReader().Read(path);
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "a", "c" }));
        var err = r.Diagnostics.Single();
        Assert.That(err.Level, Is.EqualTo(DiagnosticLevel.Error));
        Assert.That(err.Origin, Is.EqualTo(new Origin(path, 2)));
        Assert.That(err.ToString(), Does.Contain("docs.jsonl:2"));
        Assert.That(r.Articles[0].Origin, Is.EqualTo(new Origin(path, 1)));
        Assert.That(r.Articles[1].Origin, Is.EqualTo(new Origin(path, 3)));
        Assert.That(r.Articles[0].Published, Is.EqualTo(new DateTimeOffset(2021, 1, 11, 9, 24, 0, TimeSpan.FromHours(7))));
        Assert.That(r.Articles[1].Published, Is.EqualTo(new DateTimeOffset(2021, 1, 12, 0, 0, 0, TimeSpan.Zero)));
        Assert.That((r.Articles[0].Lang, r.Articles[0].LangDetected), Is.EqualTo(("id", false)));
        Assert.That((r.Articles[1].Lang, r.Articles[1].LangDetected), Is.EqualTo(("en", true)));
    }

    [Test]
    public void BlankLinesSkipped_LineNumbersKept()
    {
        var r = new JsonlArticleReader().Read("\n{\"id\":\"a\",\"text\":\"x\"}\n\n   \n{\"text\":\"no id\"}\n", "f.jsonl");
        Assert.That(r.Articles.Select(a => (a.Id, a.Origin.Line)), Is.EqualTo(new[] { ("a", (int?)2) }));
        Assert.That(r.Diagnostics.Single().Origin.Line, Is.EqualTo(5));
        Assert.That(r.Diagnostics.Single().Message, Does.Contain("\"id\""));
    }

    [Test]
    public void MissingText_NotAnObject_TrailingGarbage_AreErrors()
    {
        var r = new JsonlArticleReader().Read("{\"id\":\"a\"}\n[1,2]\n{\"id\":\"b\",\"text\":\"t\"} x\n{\"id\":\"c\",\"text\":\"ok\"}", "f.jsonl");
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "c" }));
        Assert.That(r.Diagnostics.Select(d => d.Origin.Line), Is.EqualTo(new int?[] { 1, 2, 3 }));
        Assert.That(r.Diagnostics.All(d => d.Level == DiagnosticLevel.Error), Is.True);
    }

    [Test]
    public void BadDate_ErrorNamesLine_ArticleKeptWithoutDate()
    {
        var r = new JsonlArticleReader().Read("{\"id\":\"a\",\"text\":\"t\",\"published\":\"kemarin\"}", "f.jsonl");
        Assert.That(r.Articles.Single().Published, Is.Null);
        Assert.That(r.Diagnostics.Single().Origin, Is.EqualTo(new Origin("f.jsonl", 1)));
        Assert.That(r.Diagnostics.Single().Message, Does.Contain("kemarin"));
    }

    [Test]
    public void DateTimeWithoutOffset_KeepsClockTimeAsGiven()
    {
        var r = new JsonlArticleReader().Read("{\"id\":\"a\",\"text\":\"t\",\"published\":\"2018-02-12T07:25\"}", "f.jsonl");
        var p = r.Articles.Single().Published!.Value;
        Assert.That((p.Year, p.Month, p.Day, p.Hour, p.Minute, p.Offset), Is.EqualTo((2018, 2, 12, 7, 25, TimeSpan.Zero)));
    }

    [Test]
    public void TextKeptExactly_MetadataRead()
    {
        var r = new JsonlArticleReader().Read("{\"id\":\"a\",\"text\":\"  Baris satu.\\r\\nBaris dua. \",\"title\":\"T\",\"source\":\"S\",\"url\":\"http://u\"}", "f.jsonl");
        var a = r.Articles.Single();
        Assert.That(a.Text, Is.EqualTo("  Baris satu.\r\nBaris dua. "));
        Assert.That((a.Title, a.Source, a.Url), Is.EqualTo(("T", "S", "http://u")));
    }
}
