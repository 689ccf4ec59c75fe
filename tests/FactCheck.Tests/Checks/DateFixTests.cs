using FactCheck.Checks;
using FactCheck.Checks.Rules;

namespace FactCheck.Tests.Checks;

/// <summary>Issue #9: weekday-date and invalid-date propose the right fixes, ranked, with reasons that say why.</summary>
public class DateFixTests
{
    private static IReadOnlyList<Finding> Check(params (string Text, string Published, string Id, string? Source)[] docs)
    {
        var analyzer = new ArticleAnalyzer();
        var analyzed = docs.Select(d => analyzer.Analyze(TestData.Article(d.Text, "id", d.Published, d.Id) with { Source = d.Source })).ToList();
        return new Checker([new WeekdayDateRule(), new InvalidDateRule()]).Check(analyzed).Findings;
    }

    [Test]
    public void A_one_field_typo_nearest_the_written_day_comes_first_not_the_same_weekday_weeks_away()
    {
        var f = Check(("Rapat digelar pada Senin (6/5/2025) di Jakarta.", "2025-05-07", "a", null)).Single();
        Assert.That(f.Suggestions[0].Value, Is.EqualTo("2025-05-05"), string.Join("\n", f.Suggestions));
        Assert.That(f.Suggestions[0].Text, Is.EqualTo("5/5/2025"));
        Assert.That(f.Suggestions[0].Reason, Does.Contain("typo in the day"));
    }

    [Test]
    public void The_weekday_itself_is_proposed_as_the_typo()
    {
        var f = Check(("Rapat digelar pada Senin (6/5/2025) di Jakarta.", "2025-05-07", "a", null)).Single();
        var w = f.Suggestions.SingleOrDefault(s => s.Reason.Contains("weekday is the typo"));
        Assert.That(w, Is.Not.Null, string.Join("\n", f.Suggestions));
        Assert.That(w!.Value, Is.EqualTo("2025-05-06"));
        Assert.That(w.Text, Is.EqualTo("Selasa (6/5/2025)"));
    }

    [Test]
    public void Another_source_stating_the_date_makes_the_weekday_the_typo()
    {
        var findings = Check(
            ("Sidang digelar pada Selasa (18/6/2025) di PN Jakarta Selatan.", "2025-06-19", "detik-1", "detik"),
            ("Sidang itu digelar Rabu (18/6/2025) siang.", "2025-06-19", "kompas-1", "Kompas"));
        var f = findings.Single();
        Assert.That(f.Evidence[0].Doc, Is.EqualTo("detik-1"));
        Assert.That(f.Suggestions[0].Value, Is.EqualTo("2025-06-18"), string.Join("\n", f.Suggestions));
        Assert.That(f.Suggestions[0].Text, Is.EqualTo("Rabu (18/6/2025)"));
        Assert.That(f.Suggestions[0].Reason, Does.Contain("Kompas writes"));
        Assert.That(f.Features, Contains.Key("top_suggestion_other_source"));
    }

    [Test]
    public void A_weekday_with_an_inferred_year_is_checked_against_the_years_near_publication()
    {
        var f = Check(("Rapat digelar pada Rabu (20/6) di Jakarta.", "2025-06-25", "a", null)).Single();
        Assert.That(f.Rule, Is.EqualTo(WeekdayDateRule.RuleId));
        Assert.That(f.Message, Does.Contain("the year is not written"));
        Assert.That(f.Features, Contains.Key("year_inferred"));
        // a day typo in the same month: the Wednesday of publication (25 June) or the one before (18 June)
        Assert.That(f.Suggestions[0].Value, Is.AnyOf("2025-06-18", "2025-06-25"), string.Join("\n", f.Suggestions));
        Assert.That(f.Suggestions[0].Reason, Does.Contain("inferred"));
        Assert.That(Check(("Rapat digelar pada Jumat (20/6) di Jakarta.", "2025-06-25", "a", null)), Is.Empty, "20 June 2025 was a Friday");
    }

    [Test]
    public void Invalid_date_prefers_the_reading_the_sentence_supports()
    {
        var f = Check(("Program itu berlaku mulai 1 Juli 2025 hingga 31 Juni 2025.", "2025-06-20", "a", null)).Single();
        Assert.That(f.Rule, Is.EqualTo(InvalidDateRule.RuleId));
        Assert.That(f.Suggestions[0].Value, Is.EqualTo("2025-07-31"), string.Join("\n", f.Suggestions));
        Assert.That(f.Suggestions[0].Reason, Does.Contain("July 2025"));
        var plain = Check(("Program itu ditutup pada 31 Juni 2025.", "2025-06-20", "a", null)).Single();
        Assert.That(plain.Suggestions[0].Value, Is.EqualTo("2025-06-30"), string.Join("\n", plain.Suggestions));
    }
}
