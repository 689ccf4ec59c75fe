using FactCheck.Entities;

namespace FactCheck.Tests.Entities;

/// <summary>Indonesian titles name their office after the title ("Menteri Luar Negeri", "Kepala Badan Pusat Statistik"): the
/// office belongs to the title, the holder's name comes after it, and a title with its office and no name names no one
/// (entities.json "officeWords", "officePattern", "locationTrailers"). Sentences written for these tests.</summary>
public class OfficeTitleTests
{
    private static IReadOnlyList<EntityMention> Extract(string text) =>
        new EntityExtractor().Extract(TestData.Article(text, "id", "2025-06-20", "x"));

    private static string Show(IEnumerable<EntityMention> ms) =>
        string.Join("; ", ms.Select(m => $"{m.Kind}:{m.Text}" + (m.Role is null ? "" : $" ({m.Role})")));

    [TestCase("Menteri Luar Negeri Sugiono bertemu mitranya di Tokyo.", "Sugiono", "Menteri Luar Negeri")]
    [TestCase("Menteri Koordinator Bidang Perekonomian Airlangga Hartarto mengatakan ekspor naik.", "Airlangga Hartarto", "Menteri Koordinator Bidang Perekonomian")]
    [TestCase("Kepala Badan Pusat Statistik (BPS) Amalia Adininggar Widyasanti menjelaskan inflasi.", "Amalia Adininggar Widyasanti", "Kepala Badan Pusat Statistik (BPS)")]
    [TestCase("Wali Kota Jakarta Barat Uus Kuswanto meninjau banjir.", "Uus Kuswanto", "Wali Kota")] // a known place: its roleOf
    [TestCase("Kepala Dinas Perhubungan DKI Jakarta Barat Syafrin Liputo menjelaskan.", "Syafrin Liputo", "Kepala Dinas Perhubungan DKI Jakarta Barat")]
    [TestCase("Gubernur Bali I Wayan Koster membuka pameran.", "I Wayan Koster", "Gubernur")] // a known place alone: role-org-name, Bali its roleOf
    [TestCase("Anggota Komisi C DPRD Hardi Kusuma menanggapi usulan itu.", "Hardi Kusuma", "Anggota Komisi C DPRD")]
    [TestCase("Menteri Perdagangan Budi Santoso membuka pameran dagang.", "Budi Santoso", "Menteri Perdagangan")]
    public void The_office_after_a_title_is_part_of_the_title_and_the_holder_is_the_name(string text, string name, string role)
    {
        var ms = Extract(text);
        var person = ms.FirstOrDefault(m => m.Kind == EntityKind.Person);
        Assert.That(person, Is.Not.Null, Show(ms));
        Assert.That(person!.Text, Is.EqualTo(name), Show(ms));
        Assert.That(person.Role, Is.EqualTo(role), Show(ms));
    }

    [TestCase("Menurut Menteri Keuangan, defisit anggaran masih terkendali.")]
    [TestCase("Sesuai Peraturan Menteri Keuangan, tarif pajak emas naik tahun ini.")]
    [TestCase("Menteri Luar Negeri menyampaikan protes kepada duta besar.")]
    [TestCase("Direktur Utama belum menjawab pertanyaan wartawan.")]
    [TestCase("Presiden FIFA hadir dalam undian itu.")]
    [TestCase("Kepala Sekolah Rakyat itu menyambut siswa baru.")]
    [TestCase("Kepala Desa Karangsari meminta warga mengungsi.")]
    [TestCase("Menteri PUPR Nomor 5 Tahun 2024 mengatur tarif itu.")]
    [TestCase("Direktur Jenderal Perundingan Perdagangan Internasional memimpin delegasi.")]
    [TestCase("Sanksi itu diatur dalam Pasal 287 Undang-Undang Nomor 22 Tahun 2009 tentang lalu lintas.")]
    [TestCase("Warga menolak Revisi Undang-Undang itu dan Peraturan Daerah yang baru.")]
    public void A_title_with_its_office_and_no_name_after_it_names_no_person(string text)
    {
        var ms = Extract(text);
        Assert.That(ms.Where(m => m.Kind == EntityKind.Person), Is.Empty, Show(ms));
    }

    [Test]
    public void A_word_the_article_writes_in_lower_case_is_no_one_word_name_after_an_office()
    {
        // "Bencana" after the agency's office words is the rest of its name, as "bencana" in the next sentence shows
        var ms = Extract("Kepala Badan Penanggulangan Bencana datang. Warga terdampak bencana itu mengungsi.");
        Assert.That(ms.Where(m => m.Kind == EntityKind.Person), Is.Empty, Show(ms));
    }

    [Test]
    public void An_organization_after_a_title_is_the_roles_organization_not_a_person()
    {
        var ms = Extract("Kepala Badan Gizi Nasional meninjau dapur umum.");
        Assert.That(ms.Where(m => m.Kind == EntityKind.Person), Is.Empty, Show(ms));
        Assert.That(ms.Any(m => m.Kind == EntityKind.Organization && m.Text == "Badan Gizi Nasional"), Show(ms));
    }

    [Test]
    public void English_names_after_titles_are_read_as_before()
    {
        // English writes the office before the title ("Treasury Secretary"), so it lists no office words
        var ms = new EntityExtractor().Extract(TestData.Article("Secretary of State John Kerry met the Foreign Minister on Monday.", "en", "2014-08-20", "x"));
        Assert.That(ms.Any(m => m.Kind == EntityKind.Person && m.Text == "John Kerry"), Show(ms));
    }
}
