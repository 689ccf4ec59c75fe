using FactCheck.Checks;
using FactCheck.Lang;
using FactCheck.Temporal;

namespace FactCheck.Tests.Checks;

/// <summary>Date wording: typo likeness, rewriting a date in the article's style, date lists, candidates.</summary>
public class DateTextTests
{
    [TestCase("2020", "2021", 1.0)]
    [TestCase("5", "6", 1.0)]
    [TestCase("225", "2025", 0.7)]
    [TestCase("2012", "2021", 0.7)]
    [TestCase("10", "26", 0.0)]
    [TestCase("10", "10", 0.0)]
    public void Typo_likeness(string written, string proposed, double expected) =>
        Assert.That(DateText.TypoLikeness(written, proposed), Is.EqualTo(expected));

    [TestCase("Minggu (10/1/2020)", "id", 10, 1, 2021, "10/1/2021")]
    [TestCase("Jumat (08/01/2021)", "id", 9, 2, 2021, "09/02/2021")]
    [TestCase("Selasa, 16 Juni 2025", "id", 17, 7, 2025, "17 Juli 2025")]
    [TestCase("Senin 18 Jan 2021", "id", 18, 2, 2021, "18 Feb 2021")]
    [TestCase("Sunday, January 10, 2020", "en", 10, 1, 2021, "January 10, 2021")]
    [TestCase("Monday, Jan. 18, 2021", "en", 18, 3, 2021, "Mar. 18, 2021")]
    public void Rewrite_keeps_the_article_style(string text, string lang, int d, int m, int y, string expected)
    {
        var article = TestData.Article("Pada " + text + ".", lang, "2021-01-11");
        var mention = new TemporalExtractor().Extract(article).Single(x => x.Text.Contains(text[..4], StringComparison.Ordinal) || text.Contains(x.Text, StringComparison.Ordinal));
        var pack = LanguagePack.Get(lang);
        var w = DateText.Written(mention, pack.Lexicon, pack.Temporal.DateOrder, mention.Date);
        Assert.That(w, Is.Not.Null);
        Assert.That(w!.Rewrite(d, m, y, pack.Lexicon), Is.EqualTo(expected));
    }

    [Test]
    public void Date_lists_share_month_and_year()
    {
        Assert.That(DateText.List([new DateOnly(2021, 1, 8), new DateOnly(2021, 1, 9)]), Is.EqualTo("8 and 9 Jan 2021"));
        Assert.That(DateText.List([new DateOnly(2020, 12, 30), new DateOnly(2021, 1, 2)]), Is.EqualTo("30 Dec 2020 and 2 Jan 2021"));
        Assert.That(DateText.List([new DateOnly(2021, 1, 9)]), Is.EqualTo("9 Jan 2021"));
    }

    [Test]
    public void Candidates_change_one_field_and_keep_the_weekday()
    {
        var c = DateCandidates.Generate(10, 1, 2020, 7, null, LanguagePack.Get("id").Lexicon, 3, 2021);
        Assert.That(c.Select(x => x.Date), Does.Contain(new DateOnly(2021, 1, 10)));
        Assert.That(c.Select(x => x.Date), Does.Contain(new DateOnly(2020, 5, 10)));
        Assert.That(c.Select(x => x.Date), Does.Contain(new DateOnly(2020, 1, 12)));
        Assert.That(c.All(x => DateText.IsoWeekday(x.Date) == 7));
        Assert.That(c.All(x => (x.Date.Year != 2020 ? 1 : 0) + (x.Date.Month != 1 ? 1 : 0) + (x.Date.Day != 10 ? 1 : 0) == 1));
    }
}

/// <summary>Which mentions the temporal rules treat as stated, and as contradicting their weekday.</summary>
public class MentionFactsTests
{
    private static TemporalMention Mention(string value, int weekday, string? alternative = null, DateFields inferred = DateFields.None) => new()
    {
        Doc = "d", Start = 0, End = 1, Text = "x", Kind = TemporalKind.Date, Value = value, Rule = "test",
        Stated = (DateFields.Year | DateFields.Month | DateFields.Day | DateFields.Weekday) & ~inferred, Inferred = inferred,
        StatedWeekday = weekday, Date = DateOnly.ParseExact(value, "yyyy-MM-dd"), AlternativeValue = alternative,
    };

    [Test]
    public void A_mismatch_needs_every_field_stated()
    {
        Assert.That(MentionFacts.WeekdayMismatch(Mention("2020-01-10", 7)), Is.True);
        Assert.That(MentionFacts.WeekdayMismatch(Mention("2021-01-10", 7)), Is.False);
        Assert.That(MentionFacts.WeekdayMismatch(Mention("2020-01-10", 7, inferred: DateFields.Year)), Is.False, "an inferred year is never evidence");
    }

    [Test]
    public void A_numeric_date_whose_other_reading_fits_is_not_a_mismatch()
    {
        // "Sunday 3/1/2021": 1 March 2021 (a Monday) month-first, 3 January 2021 (a Sunday) day-first
        Assert.That(MentionFacts.WeekdayMismatch(Mention("2021-03-01", 7, "2021-01-03")), Is.False);
        Assert.That(MentionFacts.WeekdayMismatch(Mention("2021-01-09", 7, "2021-09-01")), Is.True);
    }
}
