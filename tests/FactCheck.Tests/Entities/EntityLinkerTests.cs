using FactCheck.Entities;
using FactCheck.Model;

namespace FactCheck.Tests.Entities;

/// <summary>Cross-article linking: spelling variants, surname short forms, and people who only share a first name.</summary>
public class EntityLinkerTests
{
    private static Article Doc(string id, string text, string lang = "id") => TestData.Article(text, lang, "2021-01-20", id);

    private static Article Seed(string prefix)
    {
        var dir = TestData.Path2("data", "articles", "parler");
        return new Article { Id = prefix, Text = File.ReadAllText(Directory.GetFiles(dir, prefix + "_*.txt").Single()), Lang = "id",
            Published = new DateTimeOffset(2021, 1, 20, 8, 23, 0, TimeSpan.FromHours(7)) };
    }

    [Test]
    public void Seed_articles_link_DDoS_Guard_variants_and_John_Matze()
    {
        var result = new EntityLinker().Link([Seed("000"), Seed("003")]);
        var ddos = result.Entities.Single(e => e.Id == "org:ddos-guard");
        Assert.That(ddos.Canonical, Is.EqualTo("DDoS-Guard"));
        Assert.That(ddos.Variants.Select(v => v.Text), Is.EquivalentTo(new[] { "DDos-Guard", "DDos-Guar" }));
        Assert.That(ddos.NearMisses.Single().Text, Is.EqualTo("DDos-Guar"));
        var matze = result.Entities.Single(e => e.Id == "per:john-matze");
        Assert.That(matze.Mentions.Select(m => m.Doc).Distinct(), Is.EquivalentTo(new[] { "000", "003" }));
        Assert.That(matze.Variants.Select(v => v.Text), Is.SupersetOf(new[] { "John Matze", "Matze" }));
        Assert.That(matze.NearMisses, Is.Empty);
    }

    [Test]
    public void Surname_in_one_article_links_to_full_name_in_another()
    {
        var result = new EntityLinker().Link([
            Doc("a", "Direktur Utama Budi Santoso menjelaskan rencana perusahaan."),
            Doc("b", "Menurut dia, Santoso mengatakan rencana itu batal."),
        ]);
        var budi = result.Entities.Single(e => e.Id == "per:budi-santoso");
        Assert.That(budi.Mentions.Select(m => m.Doc), Is.EquivalentTo(new[] { "a", "b" }));
        Assert.That(budi.Variants.Select(v => v.Text), Is.EquivalentTo(new[] { "Budi Santoso", "Santoso" }));
    }

    [Test]
    public void Same_first_name_is_not_the_same_person()
    {
        var result = new EntityLinker().Link([
            Doc("a", "Direktur Utama Budi Santoso menjelaskan rencana perusahaan."),
            Doc("b", "Ketua Budi Hartono menolak rencana itu."),
            Doc("c", "Namun kemudian Budi mengatakan hal lain."),
        ]);
        var people = result.Entities.Where(e => e.Kind == EntityKind.Person).ToList();
        Assert.That(people.Select(p => p.Id), Is.SupersetOf(new[] { "per:budi-santoso", "per:budi-hartono" }));
        Assert.That(people.Single(p => p.Id == "per:budi-santoso").Mentions, Has.Count.EqualTo(1));
        Assert.That(people.Single(p => p.Id == "per:budi-hartono").Mentions, Has.Count.EqualTo(1));
        Assert.That(result.Mentions.Where(m => m.Text == "Budi").Select(m => m.EntityId), Is.All.EqualTo("per:budi"));
    }

    [Test]
    public void Near_miss_spelling_of_an_unknown_name_links_with_its_similarity()
    {
        var result = new EntityLinker().Link([
            Doc("a", "Direktur Utama Bambang Wicaksono menjelaskan rencana itu.", "id"),
            Doc("b", "Menurut Direktur Utama Bambang Wicaksono, rencana itu batal.", "id"),
            Doc("c", "Direktur Utama Bambang Wicaksana menolak.", "id"),
        ]);
        var e = result.Entities.Single(x => x.Id == "per:bambang-wicaksono");
        var typo = e.Variants.Single(v => v.Text == "Bambang Wicaksana");
        Assert.That(typo.Similarity, Is.LessThan(1.0).And.GreaterThanOrEqualTo(0.85));
        Assert.That(e.Variants.Single(v => v.Text == "Bambang Wicaksono").Similarity, Is.EqualTo(1.0));
    }

    [Test]
    public void Different_names_do_not_link()
    {
        var result = new EntityLinker().Link([
            Doc("a", "Direktur Utama Budi Santoso menjelaskan rencana itu."),
            Doc("b", "Direktur Utama Budi Susanto menolak rencana itu."),
        ]);
        Assert.That(result.Entities.Select(e => e.Id), Is.SupersetOf(new[] { "per:budi-santoso", "per:budi-susanto" }));
    }

    [Test]
    public void Links_are_stable_across_runs()
    {
        Article[] docs = [Seed("000"), Seed("003")];
        var a = new EntityLinker().Link(docs).Mentions.Select(m => (m.Doc, m.Start, m.EntityId)).ToList();
        var b = new EntityLinker().Link(docs.Reverse()).Mentions.Select(m => (m.Doc, m.Start, m.EntityId)).OrderBy(x => x.Doc).ThenBy(x => x.Start).ToList();
        Assert.That(b, Is.EqualTo(a.OrderBy(x => x.Doc).ThenBy(x => x.Start).ToList()));
    }
}
