using FactCheck.Text;

namespace FactCheck.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Split(string text) =>
        SentenceSplitter.Default.Split(text).Select(s => text[s.Start..s.End]).ToArray();

    [TestCase("Dr. Kristin Tjandra datang. Ia bicara.", "Dr. Kristin Tjandra datang.|Ia bicara.")]
    [TestCase("Kantornya di Jl. Sudirman No. 5 Jakarta. Besok buka.", "Kantornya di Jl. Sudirman No. 5 Jakarta.|Besok buka.")]
    [TestCase("Mr. Smith went to the U.S. on Monday. He stayed.", "Mr. Smith went to the U.S. on Monday.|He stayed.")]
    [TestCase("It began at 8 a.m. yesterday. Then it rained.", "It began at 8 a.m. yesterday.|Then it rained.")]
    [TestCase("Harganya Rp. 300 ribu. Murah.", "Harganya Rp. 300 ribu.|Murah.")]
    [TestCase("Pada 11 Jan. 2021 dia datang. Lalu pergi.", "Pada 11 Jan. 2021 dia datang.|Lalu pergi.")]
    [TestCase("Angkanya 1.5 persen dan 4,8 persen. Naik.", "Angkanya 1.5 persen dan 4,8 persen.|Naik.")]
    [TestCase("Tanggal 8/1/2021 pukul 08.23 WIB. Lalu selesai.", "Tanggal 8/1/2021 pukul 08.23 WIB.|Lalu selesai.")]
    [TestCase("Google menghapus Parler pada Jumat (8/1/2021). Langkah serupa dilakukan Apple.", "Google menghapus Parler pada Jumat (8/1/2021).|Langkah serupa dilakukan Apple.")]
    [TestCase("Dia berkata (lihat Gbr. 2. Tabel itu jelas) kemarin. Selesai.", "Dia berkata (lihat Gbr. 2. Tabel itu jelas) kemarin.|Selesai.")]
    [TestCase("\"Kami akan kembali online.\" Kata Matze. Itu saja.", "\"Kami akan kembali online.\"|Kata Matze.|Itu saja.")]
    [TestCase("menganggap dirinya \"Patriot.\"\n\nPropaganda dari Rusia.", "menganggap dirinya \"Patriot.\"|Propaganda dari Rusia.")]
    [TestCase("“Tidak hanya oleh Presiden Jokowi. Tetapi juga semua,” kata Wahyu.", "“Tidak hanya oleh Presiden Jokowi.|Tetapi juga semua,” kata Wahyu.")]
    [TestCase("Apa benar? Ya! Betul.", "Apa benar?|Ya!|Betul.")]
    [TestCase("Judul tanpa titik\n\nParagraf pertama", "Judul tanpa titik|Paragraf pertama")]
    [TestCase("Adi Fida Rahman - detikInet\nSenin, 11 Jan 2021 09:24 WIB\nParler", "Adi Fida Rahman - detikInet|Senin, 11 Jan 2021 09:24 WIB|Parler")]
    [TestCase("Kalimat ini dibungkus\nkarena terlalu panjang. Berikutnya.", "Kalimat ini dibungkus\nkarena terlalu panjang.|Berikutnya.")]
    [TestCase("Ustad R. Prawoto meninggal. Polisi menyelidiki.", "Ustad R. Prawoto meninggal.|Polisi menyelidiki.")]
    [TestCase("Situs Parler.com kembali. Bulan Januari.***\n\nEditor: X", "Situs Parler.com kembali.|Bulan Januari.***|Editor: X")]
    [TestCase("Tunggu... Lalu dia pergi.", "Tunggu...|Lalu dia pergi.")]
    [TestCase("formal tiga pihak.Erick menambahkan hal itu.", "formal tiga pihak.|Erick menambahkan hal itu.")]
    [TestCase("di Asia Tenggara.“Hari ini bersejarah,” katanya.", "di Asia Tenggara.|“Hari ini bersejarah,” katanya.")]
    [TestCase("Kunjungi Seputartangsel.com dan Liputan6.com. Selesai.", "Kunjungi Seputartangsel.com dan Liputan6.com.|Selesai.")]
    [TestCase("Hasilnya No. Itu jawabannya.", "Hasilnya No.|Itu jawabannya.")]
    public void Splits(string text, string expected) =>
        Assert.That(Split(text), Is.EqualTo(expected.Split('|')));

    [Test]
    public void Offsets_PointIntoTheText_Trimmed()
    {
        const string text = "  Satu dua.   Tiga empat.\r\n\r\n  Lima.  ";
        var spans = SentenceSplitter.Default.Split(text);
        Assert.That(spans.Select(s => text[s.Start..s.End]), Is.EqualTo(new[] { "Satu dua.", "Tiga empat.", "Lima." }));
        Assert.That(spans[0].Start, Is.EqualTo(2));
    }

    [Test]
    public void EmptyAndWhitespace_GiveNoSentences()
    {
        Assert.That(SentenceSplitter.Default.Split(""), Is.Empty);
        Assert.That(SentenceSplitter.Default.Split(" \n\n \t"), Is.Empty);
    }

    [Test]
    public void Seed000_BodySentences()
    {
        var text = File.ReadAllText(Readers.SeedFiles.Seed000);
        var sentences = SentenceSplitter.Default.Split(text).Select(s => text[s.Start..s.End]).ToList();
        Assert.That(sentences, Does.Contain("Google telah menghapus Parler dari Play Store pada Jumat (8/1/2021)."));
        Assert.That(sentences, Does.Contain("Langkah serupa dilakukan Apple dengan menghapus Parler dari App Store pada Sabtu (9/1/2021)."));
        Assert.That(sentences, Does.Contain("Senin, 11 Jan 2021 09:24 WIB"));
        Assert.That(sentences.All(s => !s.Contains('\n')), Is.True);
    }

    [Test]
    public void Speed_MegabytesPerSecond()
    {
        var text = string.Concat(Enumerable.Repeat(File.ReadAllText(Readers.SeedFiles.Seed003) + "\n\n", 300));
        SentenceSplitter.Default.Split(text);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        int count = SentenceSplitter.Default.Split(text).Count;
        sw.Stop();
        var mbPerSec = text.Length / 1e6 / sw.Elapsed.TotalSeconds;
        TestContext.Out.WriteLine($"{text.Length / 1e6:F2} M chars, {count} sentences, {sw.Elapsed.TotalMilliseconds:F1} ms, {mbPerSec:F1} M chars/s");
        Assert.That(mbPerSec, Is.GreaterThan(2.0));
    }
}
