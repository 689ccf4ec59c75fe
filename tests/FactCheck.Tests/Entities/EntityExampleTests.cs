using System.Globalization;
using FactCheck.Entities;
using FactCheck.Lang;

namespace FactCheck.Tests.Entities;

/// <summary>Runs every example written beside the gazetteer entries and the entity rules of every language.</summary>
public class EntityExampleTests
{
    public sealed record Case(string Owner, EntityExample Example, bool Positive, string? EntityId, string? RuleId)
    {
        public override string ToString() => $"{Example.Lang} {Owner} {(Positive ? "+" : "-")} \"{Example.Text}\"";
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var e in Gazetteer.Default.Entities)
        {
            foreach (var x in e.Examples) yield return Data(new Case("gazetteer:" + e.Id, x, true, e.Id, null));
            foreach (var x in e.Negative) yield return Data(new Case("gazetteer:" + e.Id, x, false, e.Id, null));
        }
        foreach (var lang in LanguagePack.Available())
        {
            var g = EntityGrammar.Get(lang);
            if (g.Lang != lang) continue;
            foreach (var r in g.Rules)
            {
                foreach (var x in r.Examples) yield return Data(new Case(r.Id, x, true, null, r.Id));
                foreach (var x in r.Negative) yield return Data(new Case(r.Id, x, false, null, r.Id));
            }
        }
    }

    private static TestCaseData Data(Case c) => new TestCaseData(c).SetName(c.ToString());

    [TestCaseSource(nameof(Cases))]
    public void Example_holds(Case c)
    {
        var article = TestData.Article(c.Example.Text, c.Example.Lang, "2021-01-20");
        var mentions = new EntityExtractor().Extract(article);
        var shown = string.Join("; ", mentions.Select(Show));
        if (!c.Positive)
        {
            if (c.EntityId is not null) Assert.That(mentions.Where(m => m.EntityId == c.EntityId), Is.Empty, shown);
            else Assert.That(mentions.Where(m => m.Rule == c.RuleId), Is.Empty, shown);
            return;
        }
        var expected = c.Example.Match ?? c.Example.Text;
        var found = mentions.FirstOrDefault(m => m.Text == expected);
        Assert.That(found, Is.Not.Null, $"no mention '{expected}'; got: {shown}");
        var f = found!;
        if (c.EntityId is not null) Assert.That(f.EntityId, Is.EqualTo(c.EntityId), shown);
        if (c.RuleId is not null) Assert.That(f.Rule, Is.EqualTo(c.RuleId), shown);
        if (c.Example.Id is not null) Assert.That(f.EntityId, Is.EqualTo(c.Example.Id), shown);
        if (c.Example.Kind is not null) Assert.That(f.Kind.ToString(), Is.EqualTo(c.Example.Kind).IgnoreCase, shown);
        if (c.Example.Role is not null) Assert.That(f.Role, Is.EqualTo(c.Example.Role), shown);
        if (c.Example.RoleOf is not null) Assert.That(f.RoleOf, Is.EqualTo(c.Example.RoleOf), shown);
        if (c.Example.Similarity is { } sim)
        {
            var parts = sim.Split('-');
            double lo = double.Parse(parts[0], CultureInfo.InvariantCulture), hi = double.Parse(parts[^1], CultureInfo.InvariantCulture);
            Assert.That(f.Similarity, Is.InRange(lo, hi), shown);
        }
        else if (c.EntityId is not null) Assert.That(f.Similarity, Is.EqualTo(1.0), shown);
    }

    [Test]
    public void Every_entity_and_rule_has_positive_and_negative_examples()
    {
        foreach (var e in Gazetteer.Default.Entities)
            Assert.That(e.Examples.Count > 0 && e.Negative.Count > 0, $"{e.Id} needs positive and negative examples");
        foreach (var lang in LanguagePack.Available())
            foreach (var r in EntityGrammar.Get(lang).Rules)
                Assert.That(r.Examples.Count > 0 && r.Negative.Count > 0, $"{r.Id} needs positive and negative examples");
    }

    internal static string Show(EntityMention m) =>
        $"'{m.Text}' {m.Kind} {m.EntityId} {m.Similarity:0.###} {m.Rule}" + (m.Role is null ? "" : $" role={m.Role}/{m.RoleOf}");
}
