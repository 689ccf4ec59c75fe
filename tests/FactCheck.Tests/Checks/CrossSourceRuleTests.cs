using FactCheck.Checks;
using FactCheck.Checks.Rules;
using FactCheck.Claims;
using FactCheck.Temporal;

namespace FactCheck.Tests.Checks;

/// <summary>cross-source-date and cross-source-quantity on hand-built claims from two or three sources.</summary>
public class CrossSourceRuleTests
{
    private static ClaimArgument Org(string name) => new(0, name.Length, name, "organization") { Canonical = name, EntityId = name.ToLowerInvariant() };

    private static TemporalMention Date(string doc, string text, int y, int m, int d, DateFields inferred = DateFields.None) => new()
    {
        Doc = doc, Start = 10, End = 10 + text.Length, Text = text, Kind = TemporalKind.Date, Value = $"{y:0000}-{m:00}-{d:00}", Rule = "test",
        Date = new DateOnly(y, m, d), Stated = (DateFields.Year | DateFields.Month | DateFields.Day) & ~inferred, Inferred = inferred,
    };

    private static ClaimFrame Claim(string doc, string relation, TemporalMention? time = null, ClaimArgument? qty = null, string obj = "Parler") => new()
    {
        Doc = doc, Rule = "id." + relation, Relation = relation, Predicate = "p", PredicateStart = 5, PredicateEnd = 6,
        Start = 0, End = 40, Sentence = "sentence of " + doc, Subjects = [Org("Amazon")], Object = Org(obj), Time = time, Quantity = qty,
    };

    private static AnalyzedArticle Doc(string id, params ClaimFrame[] claims) =>
        new() { Article = TestData.Article("x", "id", "2021-01-20", id), Claims = claims };

    private static List<Finding> Run(ICheckRule rule, params AnalyzedArticle[] docs) => rule.Check(new CheckContext(docs)).ToList();

    [Test]
    public void Different_dates_for_the_same_fact_are_flagged_with_both_sources_as_evidence()
    {
        var f = Run(new CrossSourceDateRule(),
            Doc("a", Claim("a", "remove-from-platform", Date("a", "10/1/2021", 2021, 1, 10))),
            Doc("b", Claim("b", "remove-from-platform", Date("b", "9/1/2021", 2021, 1, 9))));
        Assert.That(f, Has.Count.EqualTo(1));
        Assert.That(f[0].Rule, Is.EqualTo("cross-source-date"));
        Assert.That(f[0].Evidence.Select(e => e.Doc), Is.EquivalentTo(new[] { "a", "b" }));
        Assert.That(f[0].Features["days_apart"], Is.EqualTo(1));
    }

    [Test]
    public void Same_dates_and_inferred_years_that_agree_on_day_and_month_are_not_flagged()
    {
        Assert.That(Run(new CrossSourceDateRule(),
            Doc("a", Claim("a", "sue", Date("a", "11/1/2021", 2021, 1, 11))),
            Doc("b", Claim("b", "sue", Date("b", "Senin minggu lalu", 2021, 1, 11)))), Is.Empty);
        Assert.That(Run(new CrossSourceDateRule(),
            Doc("a", Claim("a", "sue", Date("a", "11 Januari", 2020, 1, 11, DateFields.Year))),
            Doc("b", Claim("b", "sue", Date("b", "11/1/2021", 2021, 1, 11)))), Is.Empty, "an inferred year is never evidence");
    }

    [Test]
    public void The_majority_date_is_suggested_when_three_sources_disagree_two_to_one()
    {
        var f = Run(new CrossSourceDateRule(),
            Doc("a", Claim("a", "sue", Date("a", "11/1/2021", 2021, 1, 11))),
            Doc("b", Claim("b", "sue", Date("b", "11/1/2021", 2021, 1, 11))),
            Doc("c", Claim("c", "sue", Date("c", "12/1/2021", 2021, 1, 12)))).Single();
        Assert.That(f.Suggestions[0].Value, Is.EqualTo("2021-01-11"));
    }

    [Test]
    public void Counts_differing_beyond_rounding_are_flagged_and_rounded_counts_are_not()
    {
        ClaimArgument Users(double v, string text, string? q = null) => new(0, 5, text, "quantity") { Value = v, Unit = "users", Qualifier = q };
        ClaimFrame Count(string doc, ClaimArgument q) => Claim(doc, "has-count", qty: q) with { Object = null, Subjects = [Org("Parler")] };
        Assert.That(Run(new CrossSourceQuantityRule(), Doc("a", Count("a", Users(12e6, "12 juta"))), Doc("b", Count("b", Users(15e6, "15 juta")))), Has.Count.EqualTo(1));
        Assert.That(Run(new CrossSourceQuantityRule(), Doc("a", Count("a", Users(12e6, "12 juta"))), Doc("b", Count("b", Users(12.2e6, "12,2 juta")))), Is.Empty);
        Assert.That(Run(new CrossSourceQuantityRule(), Doc("a", Count("a", Users(12e6, "12 juta"))), Doc("b", Count("b", Users(13e6, "lebih dari 13 juta", "MORE_THAN")))), Is.Empty);
    }

    [Test]
    public void Finding_ids_do_not_depend_on_document_order()
    {
        var a = Doc("a", Claim("a", "sue", Date("a", "11/1/2021", 2021, 1, 11)));
        var b = Doc("b", Claim("b", "sue", Date("b", "13/1/2021", 2021, 1, 13)));
        Assert.That(Run(new CrossSourceDateRule(), a, b).Single().Id, Is.EqualTo(Run(new CrossSourceDateRule(), b, a).Single().Id));
    }

    [Test]
    public void A_change_of_provider_over_time_is_not_a_conflict()
    {
        // Amazon hosted Parler until 10 Jan; DDoS-Guard served it on 18 Jan: different facts, not one fact told two ways
        var hostedByAmazon = Claim("a", "provides-service", Date("a", "10/1/2021", 2021, 1, 10), obj: "Parler") with { Subjects = [Org("Amazon")] };
        var servedByDdosGuard = Claim("b", "provides-service", Date("b", "18/1/2021", 2021, 1, 18), obj: "Parler") with { Subjects = [Org("DDoS-Guard")] };
        var docs = new[] { Doc("a", hostedByAmazon), Doc("b", servedByDdosGuard) };
        Assert.That(Run(new CrossSourceDateRule(), docs), Is.Empty);
        Assert.That(new CheckContext(docs).Facts.Where(r => r.Agreement == FactCheck.Align.Agreement.Disagree), Is.Empty);
    }
}
