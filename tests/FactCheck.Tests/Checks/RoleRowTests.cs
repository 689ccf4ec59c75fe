using FactCheck.Align;
using FactCheck.Checks;

namespace FactCheck.Tests.Checks;

/// <summary>Fact-table rows of persons and their roles across sources (sentences written for these tests).</summary>
public class RoleRowTests
{
    private static IReadOnlyList<FactRow> Facts(params (string Text, string Source)[] articles)
    {
        var analyzer = new ArticleAnalyzer();
        var docs = articles.Select((a, i) => analyzer.Analyze(TestData.Article(a.Text, "id", "2025-06-19", "d" + i) with { Source = a.Source })).ToList();
        return new CheckContext(docs).Facts;
    }

    [Test]
    public void A_role_written_without_its_country_joins_the_persons_role_that_names_it()
    {
        var facts = Facts(
            ("Presiden Republik Indonesia Prabowo Subianto tiba di Moskwa pada Rabu malam.", "A"),
            ("Presiden Prabowo Subianto tiba di Moskwa pada Rabu malam untuk kunjungan kenegaraan.", "B"));
        var rows = facts.Where(r => r.Relation == "has-role" && r.Subject == "Prabowo Subianto").ToList();
        Assert.That(rows, Has.Count.EqualTo(1), string.Join("; ", facts.Select(r => $"{r.Relation} {r.Subject} {r.Object} {r.Complement} {r.DocCount}")));
        Assert.That(rows[0].DocCount, Is.EqualTo(2));
        Assert.That(rows[0].Agreement, Is.EqualTo(Agreement.Agree));
    }

    [Test]
    public void A_minister_named_with_the_long_and_the_short_title_is_one_agreeing_row()
    {
        var facts = Facts(
            ("Menteri Luar Negeri Sugiono bertemu Presiden Vladimir Putin di Sankt Peterburg.", "A"),
            ("Menlu Sugiono mendampingi Presiden dalam pertemuan dengan Vladimir Putin.", "B"));
        var row = facts.Single(r => r.Relation == "has-role" && r.Subject == "Sugiono");
        Assert.That(row.Complement, Is.EqualTo("minister-foreign-affairs"));
        Assert.That(row.DocCount, Is.EqualTo(2));
        Assert.That(row.Agreement, Is.EqualTo(Agreement.Agree));
    }

    private static IReadOnlyList<FactRow> FactsEn(params (string Text, string Source)[] articles)
    {
        var analyzer = new ArticleAnalyzer();
        var docs = articles.Select((a, i) => analyzer.Analyze(TestData.Article(a.Text, "en", "2012-04-24", "e" + i) with { Source = a.Source })).ToList();
        return new CheckContext(docs).Facts;
    }

    [Test]
    public void A_representative_who_chairs_a_committee_holds_two_roles_that_do_not_disagree()
    {
        var facts = FactsEn(
            ("Representative Paul Ryan defended his budget plan in Washington on Monday.", "A"),
            ("Chairman Paul Ryan defended his budget plan in Washington on Monday.", "B"));
        var rows = facts.Where(r => r.Relation == "has-role" && r.Subject == "Paul Ryan").ToList();
        Assert.That(rows.Select(r => r.Complement), Is.EquivalentTo(new[] { "representative", "chair" }), string.Join("; ", facts.Select(r => $"{r.Relation} {r.Subject} {r.Complement} {r.Agreement}")));
        Assert.That(rows.Select(r => r.Agreement), Has.None.EqualTo(Agreement.Disagree));
    }

    [Test]
    public void An_office_and_its_deputy_given_for_one_person_disagree()
    {
        var facts = Facts(
            ("Ketua DPR Sufmi Dasco Ahmad menyampaikan hal itu di Jakarta pada Rabu.", "A"),
            ("Wakil Ketua DPR Sufmi Dasco Ahmad menyampaikan hal itu di Jakarta pada Rabu.", "B"));
        var row = facts.Single(r => r.Relation == "has-role" && r.Subject == "Sufmi Dasco Ahmad");
        Assert.That((row.Agreement, row.Conflict, row.DocCount), Is.EqualTo((Agreement.Disagree, "role", 2)));
    }

    [Test]
    public void A_former_president_and_the_president_are_two_roles()
    {
        var facts = FactsEn(
            ("Former President Barack Obama spoke at the ceremony in Chicago.", "A"),
            ("President Barack Obama spoke at the ceremony in Chicago.", "B"));
        var rows = facts.Where(r => r.Relation == "has-role" && r.Subject == "Barack Obama").ToList();
        Assert.That(rows.Select(r => r.Complement), Is.EquivalentTo(new[] { "former-president", "president" }));
        Assert.That(rows.Select(r => r.Agreement), Has.None.EqualTo(Agreement.Disagree));
    }

    [Test]
    public void A_role_in_the_possessive_is_another_persons()
    {
        var facts = FactsEn(("\"It is destructive,\" said Robert Gibbs, the president's former adviser, on Sunday.", "A"));
        Assert.That(facts.Where(r => r.Relation == "has-role" && r.Subject == "Robert Gibbs"), Is.Empty);
    }
}
