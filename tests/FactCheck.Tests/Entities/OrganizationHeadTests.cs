using FactCheck.Entities;

namespace FactCheck.Tests.Entities;

/// <summary>Indonesian news: names of airlines, clubs and leagues end or start with a head word ("Wings Air", "Swansea City",
/// "Liga Inggris") and are organizations, not people; a head word alone names nothing ("Liga 1"), except the institutions
/// named by one word ("Kejagung"); abbreviated titles ("Menlu", "Coach") are titles. Sentences written for these tests.</summary>
public class OrganizationHeadTests
{
    private static IReadOnlyList<EntityMention> Extract(string text) =>
        new EntityExtractor().Extract(TestData.Article(text, "id", "2025-06-20", "x"));

    private static string Show(IEnumerable<EntityMention> ms) =>
        string.Join("; ", ms.Select(m => $"{m.Kind}:{m.Text}" + (m.Role is null ? "" : $" ({m.Role})")));

    [TestCase("Penumpang maskapai Wings Air tertahan di bandara.", "Wings Air")]
    [TestCase("Pemain itu resmi bergabung dengan Swansea City musim ini.", "Swansea City")]
    [TestCase("Tim itu akhirnya juara Liga Champions setelah menunggu lama.", "Liga Champions")]
    public void A_name_with_an_organization_head_is_an_organization(string text, string name)
    {
        var ms = Extract(text);
        Assert.That(ms.Any(m => m.Text == name && m.Kind == EntityKind.Organization), Show(ms));
        Assert.That(ms.Where(m => m.Kind == EntityKind.Person), Is.Empty, Show(ms));
    }

    [Test]
    public void A_head_word_alone_names_no_organization()
    {
        var ms = Extract("Dia tampil dalam 20 laga di kompetisi musim lalu. Klub itu promosi ke Liga 1 tahun ini.");
        Assert.That(ms.Select(m => m.Text), Has.None.EqualTo("Liga"), Show(ms));
    }

    [Test]
    public void An_institution_named_by_one_word_is_still_an_organization()
    {
        var ms = Extract("Penyidik memeriksa dua saksi, sementara Kejagung menyita dokumen itu.");
        Assert.That(ms.Any(m => m.Text == "Kejagung" && m.Kind == EntityKind.Organization), Show(ms));
    }

    [TestCase("Hal itu disampaikan Menlu Sugiono kepada wartawan.", "Sugiono", "Menlu")]
    [TestCase("Latihan dipimpin Coach Justin di lapangan.", "Justin", "Coach")]
    [TestCase("ujar Menteri Luar Negeri (Menlu) RI Sugiono dalam pernyataannya.", "Sugiono", "Menteri Luar Negeri (Menlu) RI")]
    public void An_abbreviated_title_is_a_title(string text, string name, string role)
    {
        var ms = Extract(text);
        var person = ms.FirstOrDefault(m => m.Kind == EntityKind.Person);
        Assert.That(person?.Text, Is.EqualTo(name), Show(ms));
        Assert.That(person!.Role, Is.EqualTo(role), Show(ms));
    }

    [TestCase("Kini maskapai Qatar Airways menambah penerbangan ke Bali.", "Qatar Airways", EntityKind.Organization)]
    [TestCase("Seorang penumpang Air India selamat dari kecelakaan itu.", "Air India", EntityKind.Organization)]
    [TestCase("Warga Kota Malang memadati alun-alun.", "Kota Malang", EntityKind.Location)]
    [TestCase("Letusan di Kabupaten Flores Timur mengganggu penerbangan.", "Kabupaten Flores Timur", EntityKind.Location)]
    public void A_known_place_inside_a_longer_name_is_part_of_that_name(string text, string name, EntityKind kind)
    {
        // "Qatar", "India", "Malang", "Flores" are in the gazetteer; the head word beside them makes a name of its own
        var ms = Extract(text);
        Assert.That(ms.Any(m => m.Text == name && m.Kind == kind), Show(ms));
    }

    [Test]
    public void A_slip_in_a_longer_name_after_a_place_is_a_near_miss_of_the_longer_name()
    {
        var ms = Extract("Pertandingan melawan Paris Saant-Germain berakhir imbang.");
        Assert.That(ms.Any(m => m.EntityId == "org:paris-saint-germain" && m.Similarity < 1), Show(ms));
    }

    [Test]
    public void A_place_in_a_title_is_still_the_place()
    {
        var ms = Extract("Wali Kota Surabaya meninjau banjir di pusat kota.");
        Assert.That(ms.Any(m => m.Text == "Surabaya" && m.EntityId == "loc:surabaya"), Show(ms));
    }

    [Test]
    public void Ibu_Kota_is_the_capital_not_a_madam()
    {
        var ms = Extract("Pemerintah melanjutkan pemindahan Ibu Kota Negara Nusantara tahun ini.");
        Assert.That(ms.Where(m => m.Kind == EntityKind.Person), Is.Empty, Show(ms));
    }
}
