using FactCheck.Align;
using FactCheck.Checks;
using FactCheck.Readers;

namespace FactCheck.Tests.Checks;

/// <summary>The whole pipeline on the two sample articles: findings and fact table that must hold.</summary>
public class ParlerReportTests
{
    private static (IReadOnlyList<AnalyzedArticle> Docs, CheckResult Result, IReadOnlyList<FactRow> Facts) Run()
    {
        var read = new ArticleReader().Read(TestData.Path2("data", "articles", "parler"));
        var analyzer = new ArticleAnalyzer();
        var docs = read.Articles.Select(analyzer.Analyze).ToList();
        var result = new Checker().Check(docs);
        return (docs, result, new CheckContext(docs).Facts);
    }

    [Test]
    public void DDos_Guar_is_flagged_as_a_variant_of_DDos_Guard()
    {
        var (_, result, _) = Run();
        var f = result.Findings.Single(x => x.Rule == "name-variant");
        Assert.That(f.Evidence[0].Text, Is.EqualTo("DDos-Guar"));
        Assert.That(f.Evidence[1].Text, Is.EqualTo("DDos-Guard"));
        Assert.That(f.Suggestions[0].Text, Is.EqualTo("DDos-Guard"));
        Assert.That(f.Severity, Is.EqualTo(Severity.Low));
    }

    [Test]
    public void Fact_table_shows_both_articles_agreeing_on_Matze_as_CEO_and_on_the_Google_and_Apple_removals()
    {
        var (_, _, facts) = Run();
        FactRow Row(string relation, string subject, string? complement = null) =>
            facts.Single(r => r.Relation == relation && r.Subject == subject && (complement is null || r.Complement == complement));
        var ceo = Row("has-role", "John Matze");
        Assert.That(ceo.Object, Is.EqualTo("Parler"));
        Assert.That(ceo.Agreement, Is.EqualTo(Agreement.Agree));
        Assert.That(ceo.DocCount, Is.EqualTo(2));
        foreach (var (who, store) in new[] { ("Google", "Google Play Store"), ("Apple", "App Store") })
        {
            var row = Row("remove-from-platform", who, store);
            Assert.That(row.Agreement, Is.EqualTo(Agreement.Agree), who);
            Assert.That(row.DocCount, Is.EqualTo(2), who);
        }
    }

    [Test]
    public void Claims_of_the_seeds_carry_who_did_what_when()
    {
        var (docs, _, _) = Run();
        var claims = docs.SelectMany(d => d.Claims).ToList();
        ClaimFrameMatch(claims, "remove-from-platform", "org:google", "org:parler", "2021-01-08");
        ClaimFrameMatch(claims, "remove-from-platform", "org:apple", "org:parler", "2021-01-09");
        ClaimFrameMatch(claims, "remove-from-platform", "org:amazon", "org:parler", "2020-01-10");
        ClaimFrameMatch(claims, "sue", "org:parler", "org:amazon", "2021-01-11");
        ClaimFrameMatch(claims, "back-online", "org:parler", null, "2021-01-18");
        ClaimFrameMatch(claims, "owned-by", "org:parler", "org:ddos-guard", null);
        var users = claims.Single(c => c.Relation == "has-count");
        Assert.That(users.Subject?.EntityId, Is.EqualTo("org:parler"));
        Assert.That(users.Quantity?.Value, Is.EqualTo(12_000_000));
        Assert.That(users.Quantity?.Unit, Is.EqualTo("users"));
    }

    [Test]
    public void Baca_Juga_headlines_give_no_claims_or_quantities()
    {
        var (docs, _, _) = Run();
        var d = docs.Single(x => x.Id.StartsWith("003", StringComparison.Ordinal));
        Assert.That(d.QuantityMentions.Any(q => q.Text.Contains("900") || q.Text.Contains("Rp300")), Is.False);
        Assert.That(d.Claims.Any(c => c.Sentence.Contains("Baca Juga")), Is.False);
    }

    private static void ClaimFrameMatch(List<FactCheck.Claims.ClaimFrame> claims, string relation, string subject, string? obj, string? date)
    {
        var hit = claims.Where(c => c.Relation == relation && c.Subject?.EntityId == subject && (obj is null || c.Object?.EntityId == obj)
                                    && (date is null || c.Time?.Value == date)).ToList();
        Assert.That(hit, Is.Not.Empty, $"no {relation}({subject}, {obj}) at {date}; claims: " +
            string.Join("; ", claims.Where(c => c.Relation == relation).Select(c => $"{c.Subject?.EntityId}->{c.Object?.EntityId}@{c.Time?.Value}")));
    }
}
