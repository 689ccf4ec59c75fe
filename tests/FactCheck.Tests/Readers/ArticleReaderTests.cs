using FactCheck.Model;
using FactCheck.Readers;

namespace FactCheck.Tests.Readers;

public class ArticleReaderTests
{
    private static Diagnostic SingleError(ReadResult r)
    {
        Assert.That(r.Articles, Is.Empty);
        Assert.That(r.Diagnostics, Has.Count.EqualTo(1));
        Assert.That(r.Diagnostics[0].Level, Is.EqualTo(DiagnosticLevel.Error));
        return r.Diagnostics[0];
    }

    [Test]
    public void EmptyFile()
    {
        using var dir = new TempDir();
        var p = dir.Write("empty.txt", "");
        var d = SingleError(new ArticleReader().Read(p));
        Assert.That(d.Message, Does.Contain("empty"));
        Assert.That(d.Origin.Path, Is.EqualTo(p));
    }

    [Test]
    public void BinaryFile()
    {
        using var dir = new TempDir();
        var p = dir.Write("image.txt", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02 });
        Assert.That(SingleError(new ArticleReader().Read(p)).Message, Does.Contain("binary"));
    }

    [Test]
    public void InvalidUtf8()
    {
        using var dir = new TempDir();
        var p = dir.Write("latin1.txt", "Judul\nBerita tentang caf\u00e9."u8.ToArray().Concat(new byte[] { 0xE9, 0x20, 0x41 }).ToArray());
        Assert.That(SingleError(new ArticleReader().Read(p)).Message, Does.Contain("UTF-8"));
    }

    [Test]
    public void MissingPath()
    {
        var p = Path.Combine(Path.GetTempPath(), "fc-does-not-exist-" + Guid.NewGuid().ToString("N") + ".txt");
        var d = SingleError(new ArticleReader().Read(p));
        Assert.That(d.Message, Does.Contain("no such file"));
        Assert.That(d.Origin.Path, Is.EqualTo(p));
    }

    [Test]
    public void UnknownExtension()
    {
        using var dir = new TempDir();
        var p = dir.Write("notes.docx", "hello");
        Assert.That(SingleError(new ArticleReader().Read(p)).Message, Does.Contain("unknown extension \".docx\""));
    }

    [Test]
    public void Folder_RecursiveSorted_BadFilesDoNotLoseGoodOnes()
    {
        using var dir = new TempDir();
        dir.Write("b/2.txt", "Dua\n20 Januari 2021, 08:23 WIB\nIsi berita yang kedua dan ini.");
        dir.Write("a.jsonl", "{\"id\":\"j1\",\"text\":\"satu\"}\nbroken\n");
        dir.Write("b/1.txt", "Satu\n11 Jan 2021 09:24 WIB\nIsi berita yang pertama.");
        dir.Write("c/empty.txt", "");
        dir.Write("c/bin.html", new byte[] { 0, 1, 2 });
        dir.Write("readme.md", "# notes");
        var r = new ArticleReader().Read(new[] { dir.Path, Path.Combine(dir.Path, "nope.txt") });
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "j1", "1", "2" }));
        Assert.That(r.Diagnostics.Count(d => d.Level == DiagnosticLevel.Error), Is.EqualTo(4)); // broken line, empty, binary, missing
        Assert.That(r.Diagnostics.Count(d => d.Level == DiagnosticLevel.Warning), Is.EqualTo(1)); // readme.md skipped
        Assert.That(new ArticleReader().Read(dir.Path).Articles.Select(a => a.Id), Is.EqualTo(r.Articles.Select(a => a.Id)));
    }

    [Test]
    public void SeedFolder_ReadsBothSeeds()
    {
        var r = new ArticleReader().Read(SeedFiles.Parler);
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "000_c99a39fa54da3e18", "003_fed5c5e60128165f" }));
        Assert.That(r.Diagnostics, Is.Empty);
    }
}
