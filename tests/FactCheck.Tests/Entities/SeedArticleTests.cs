using FactCheck.Entities;
using FactCheck.Model;

namespace FactCheck.Tests.Entities;

/// <summary>What must hold on the Parler seed articles, read straight from data/articles/parler.</summary>
public class SeedArticleTests
{
    private static Article Seed(string prefix, string published)
    {
        var dir = TestData.Path2("data", "articles", "parler");
        var file = Directory.GetFiles(dir, prefix + "_*.txt").Single();
        return new Article
        {
            Id = prefix, Text = File.ReadAllText(file), Lang = "id", Origin = new Origin(file),
            Published = DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static IReadOnlyList<EntityMention> Mentions(string prefix) => prefix == "000"
        ? new EntityExtractor().Extract(Seed("000", "2021-01-11T09:24:00+07:00"))
        : new EntityExtractor().Extract(Seed("003", "2021-01-20T08:23:00+07:00"));

    private static string Shown(IEnumerable<EntityMention> ms) => string.Join("\n", ms.Select(EntityExampleTests.Show));

    [TestCase("000", "CEO media sosial Parler John Matze")]
    [TestCase("003", "CEO Parler John Matze")]
    public void John_Matze_is_CEO_of_Parler(string seed, string phrase)
    {
        var ms = Mentions(seed);
        var a = ms.Where(m => m.Text == "John Matze").ToList();
        Assert.That(a, Is.Not.Empty, Shown(ms));
        Assert.That(a[0].EntityId, Is.EqualTo("per:john-matze"));
        Assert.That(a[0].Kind, Is.EqualTo(EntityKind.Person));
        Assert.That(a[0].RoleValue, Is.EqualTo("ceo"));
        Assert.That(a[0].Role, Is.EqualTo("CEO"));
        Assert.That(a[0].RoleOf, Is.EqualTo("org:parler"));
        Assert.That(ms.Any(m => m.EntityId == "org:parler" && m.Start < a[0].Start && a[0].Start - m.Start < phrase.Length), Is.True);
        Assert.That(ms.Count(m => m.EntityId == "per:john-matze"), Is.GreaterThan(2), "Matze elsewhere links to John Matze");
    }

    [Test]
    public void Mike_Pence_is_vice_president_of_the_United_States()
    {
        var ms = Mentions("000");
        var pence = ms.Single(m => m.Text == "Mike Pence");
        Assert.That(pence.EntityId, Is.EqualTo("per:mike-pence"));
        Assert.That(pence.Role, Is.EqualTo("Wakil Presiden"));
        Assert.That(pence.RoleValue, Is.EqualTo("vice-president"));
        Assert.That(pence.RoleOf, Is.EqualTo("loc:united-states"));
        Assert.That(ms.Single(m => m.Text == "AS").Canonical, Is.EqualTo("United States"));
    }

    [Test]
    public void DDoS_Guard_variants_are_separate_mentions_of_one_entity()
    {
        var ms = Mentions("003");
        var typo = ms.Single(m => m.Text == "DDos-Guar");
        var exact = ms.Where(m => m.Text == "DDos-Guard").ToList();
        Assert.That(exact, Has.Count.EqualTo(2), Shown(ms));
        Assert.That(typo.EntityId, Is.EqualTo("org:ddos-guard"));
        Assert.That(typo.Similarity, Is.LessThan(1.0).And.GreaterThan(0.85));
        Assert.That(typo.Rule, Is.EqualTo(EntityExtractor.FuzzyRule));
        Assert.That(exact.All(m => m.EntityId == "org:ddos-guard" && m.Similarity == 1.0), Is.True);
        Assert.That(typo.Canonical, Is.EqualTo("DDoS-Guard"));
        Assert.That(ms.Where(m => m.Text.StartsWith("DDos ", StringComparison.Ordinal) || m.Text == "DDos"), Is.Empty, "the attack 'DDos' is not the company");
    }

    [TestCase("000", "Google", EntityKind.Organization)]
    [TestCase("000", "Apple", EntityKind.Organization)]
    [TestCase("000", "Amazon", EntityKind.Organization)]
    [TestCase("000", "Play Store", EntityKind.Product)]
    [TestCase("000", "App Store", EntityKind.Product)]
    [TestCase("000", "Fox News", EntityKind.Organization)]
    [TestCase("000", "Twitter", EntityKind.Organization)]
    [TestCase("000", "Sleeping Giants", EntityKind.Organization)]
    [TestCase("000", "Capitol", EntityKind.Location)]
    [TestCase("003", "Rusia", EntityKind.Location)]
    [TestCase("003", "Rostov-on-Don", EntityKind.Location)]
    [TestCase("003", "Skotlandia", EntityKind.Location)]
    [TestCase("003", "Reuters", EntityKind.Organization)]
    [TestCase("003", "Fox News", EntityKind.Organization)]
    [TestCase("003", "Cognitive Cloud LP", EntityKind.Organization)]
    [TestCase("003", "Apple App Store", EntityKind.Product)]
    [TestCase("003", "Google Play Store", EntityKind.Product)]
    [TestCase("003", "The Guardian", EntityKind.Organization)]
    [TestCase("003", "Amerika Serikat", EntityKind.Location)]
    public void Seed_entity_has_kind(string seed, string text, EntityKind kind)
    {
        var ms = Mentions(seed);
        var found = ms.Where(m => m.Text == text).ToList();
        Assert.That(found, Is.Not.Empty, Shown(ms));
        Assert.That(found.Select(m => m.Kind), Is.All.EqualTo(kind));
    }

    [Test]
    public void Ronald_Guilmette_is_an_internet_infrastructure_expert()
    {
        var ms = Mentions("003");
        var g = ms.First(m => m.Text == "Ronald Guilmette");
        Assert.That(g.RoleValue, Is.EqualTo("expert"));
        Assert.That(g.Role, Is.EqualTo("ahli infrastuktur internet"));
        Assert.That(ms.Where(m => m.Text == "Guilmette").Select(m => m.EntityId), Is.All.EqualTo("per:ronald-guilmette"));
    }

    [Test]
    public void Headlines_and_sentence_openers_are_not_names()
    {
        var ms = Mentions("000").Concat(Mentions("003")).ToList();
        string[] notNames = ["Medsos Favorit Pendukung", "Setelah", "Seperti", "Berlanjut", "Meskipun", "Propaganda", "Senin", "Januari", "Tetapi"];
        foreach (var w in notNames)
            Assert.That(ms.Where(m => m.Text.Contains(w, StringComparison.Ordinal)), Is.Empty, w + "\n" + Shown(ms));
    }

    [Test]
    public void Boilerplate_spans_are_skipped()
    {
        var a = Seed("003", "2021-01-20T08:23:00+07:00");
        int at = a.Text.IndexOf("Baca Juga: BNPB", StringComparison.Ordinal);
        int end = a.Text.IndexOf('\n', at);
        var ms = new EntityExtractor().Extract(a with { Boilerplate = [new TextSpan(at, end)] });
        Assert.That(ms.Where(m => m.EntityId == "org:bnpb"), Is.Empty);
        Assert.That(ms.Where(m => m.EntityId == "org:parler"), Is.Not.Empty);
    }

    [Test, Explicit("prints the mentions")]
    public void Print()
    {
        foreach (var s in new[] { "000", "003" }) TestContext.Out.WriteLine(Shown(Mentions(s)));
    }
}
