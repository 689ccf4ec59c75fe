using FactCheck.Checks;
using FactCheck.Entities;

namespace FactCheck.Tests.Entities;

/// <summary>English names written with initials, abbreviations and family suffixes ("Eric H. Holder Jr.", "St. Louis"), and a
/// known person's surname after another given name ("Michelle Obama"); sentences written for these tests.</summary>
public class InitialsAndFamilyTests
{
    private static IReadOnlyList<EntityMention> Extract(string text, string lang = "en") =>
        new EntityExtractor().Extract(TestData.Article(text, lang, "2014-08-20", "x"));

    [TestCase("Attorney General Eric H. Holder Jr. met community leaders on Wednesday.", "Eric H. Holder Jr", "per:eric-holder")]
    [TestCase("The late Senator Edward M. Kennedy held the seat for decades.", "Edward M. Kennedy", "per:edward-kennedy")]
    [TestCase("Former President George H. W. Bush sent a letter.", "George H. W. Bush", "per:george-bush")]
    [TestCase("Protesters marched in St. Louis on Sunday night.", "St. Louis", null)]
    public void A_name_goes_on_past_an_initial_or_an_abbreviation(string text, string name, string? id)
    {
        var mentions = Extract(text);
        var m = mentions.FirstOrDefault(x => x.Text == name);
        Assert.That(m, Is.Not.Null, string.Join("; ", mentions.Select(x => x.Text + "=" + x.EntityId)));
        if (id is not null) Assert.That(m!.EntityId, Is.EqualTo(id), "middle initials and the family suffix are no part of the person's id");
    }

    [TestCase("He graduated with a grade of B. Critics later questioned it.", "B. Critics")]
    [TestCase("The vitamin is listed as D. Officials said the label was wrong.", "D. Officials")]
    [TestCase("Timnas Indonesia menempati posisi kedua Grup C. Skuad Merah Putih kini menunggu lawan.", "Grup C. Skuad", "id")]
    [TestCase("Pesawat mendarat di Bandara H. Hasan Aroeboesman Ende pada pagi hari.", "Bandara H. Hasan", "id")]
    public void A_period_that_ends_a_sentence_after_a_capital_letter_does_not_join_the_next_sentence(string text, string joined, string lang = "en")
    {
        // Indonesian news writes no middle initials (entities.json "middleInitials"): "Grup C." ends a sentence, "H." is Haji
        var mentions = Extract(text, lang);
        Assert.That(mentions.Select(m => m.Text), Has.None.Contains(joined), string.Join("; ", mentions.Select(x => x.Text)));
    }

    [Test]
    public void A_name_with_initials_and_the_same_name_without_them_are_one_person_and_no_variant()
    {
        var a = TestData.Article("Attorney General Eric H. Holder Jr. met community leaders in Ferguson on Wednesday. Mr. Holder said the inquiry would be fair.", "en", "2014-08-20", "nyt");
        var b = TestData.Article("Attorney General Eric Holder met community leaders in Ferguson on Wednesday. Holder promised a fair inquiry.", "en", "2014-08-20", "fox");
        var linked = new EntityLinker().Link([a, b]);
        var holder = linked.Entities.Where(e => e.Canonical.Contains("Holder")).Select(e => e.Id).Distinct().ToList();
        Assert.That(holder, Is.EqualTo(new[] { "per:eric-holder" }), string.Join("; ", linked.Entities.Select(e => e.Id)));
        var analyzer = new ArticleAnalyzer();
        var findings = new Checker().Check([analyzer.Analyze(a), analyzer.Analyze(b)]).Findings;
        Assert.That(findings.Where(f => f.Rule is "name-variant" or "cross-source-name"), Is.Empty,
            string.Join("; ", findings.Select(f => f.Rule + ": " + f.Message)));
    }

    [TestCase("Gov. Paul R. LePage vetoed the bill on Tuesday.", "Gov. Paul LePage vetoed the bill on Tuesday.", "per:paul-lepage")]
    [TestCase("Andrew G. McCabe testified for hours.", "Andrew McCabe testified for hours.", "per:andrew-mccabe")]
    public void A_surname_with_a_capital_inside_keeps_one_id_with_or_without_an_initial(string withInitial, string without, string id)
    {
        var ids = Extract(withInitial).Concat(Extract(without)).Where(m => m.Kind == EntityKind.Person).Select(m => m.EntityId).Distinct();
        Assert.That(ids, Is.EqualTo(new[] { id }));
    }

    [TestCase("Michelle Obama spoke at the convention in Charlotte.", "Michelle Obama", "per:michelle-obama")]
    [TestCase("Ivanka Trump joined the delegation in Tokyo.", "Ivanka Trump", "per:ivanka-trump")]
    public void A_known_surname_after_another_given_name_is_another_person(string text, string name, string id)
    {
        var mentions = Extract(text);
        Assert.That(mentions.Select(m => (m.Text, m.EntityId)), Does.Contain((name, id)), string.Join("; ", mentions.Select(x => x.Text + "=" + x.EntityId)));
        Assert.That(mentions.Select(m => m.EntityId), Has.None.EqualTo("per:barack-obama").And.None.EqualTo("per:donald-trump"));
    }

    [TestCase("President Obama signed the bill on Friday.", "per:barack-obama")]
    [TestCase("Mr. Trump said on Tuesday that he would veto it.", "per:donald-trump")]
    [TestCase("Donald J. Trump won the state.", "per:donald-trump")]
    [TestCase("The indictment says President Vladimir V. Putin ordered it.", "per:vladimir-putin")]
    public void The_surname_alone_or_after_a_title_is_still_the_known_person(string text, string id)
    {
        var mentions = Extract(text);
        Assert.That(mentions.Select(m => m.EntityId), Does.Contain(id));
        Assert.That(mentions.Where(m => m.Kind == EntityKind.Person).Select(m => m.EntityId), Is.All.EqualTo(id), "no partial name beside it");
    }
}
