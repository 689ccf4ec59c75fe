using FactCheck.Checks;
using FactCheck.Checks.Rules;

namespace FactCheck.Tests.Checks;

/// <summary>The story-level check of the words of names (a word written once, one slip from a commoner word next to the
/// same word of a name): the stories of data/lang/&lt;lang&gt;/names.json and sentences written for these tests.</summary>
public class NameWordSlipTests
{
    private static List<Finding> Check(string lang, IReadOnlyList<string> texts) =>
        new NameVariantRule().Check(new CheckContext(texts.Select((t, i) =>
            new ArticleAnalyzer().Analyze(TestData.Article(t, lang, "2025-06-18", "d" + i) with { Source = "source" + i })).ToList())).ToList();

    private static string Describe(IEnumerable<Finding> f) => string.Join("; ", f.Select(x => x.Message));

    public static IEnumerable<TestCaseData> Stories()
    {
        foreach (var lang in new[] { "id", "en" })
        {
            var words = NameWords.Get(lang);
            foreach (var (texts, flagged, fix) in words.StoryExamples)
                yield return new TestCaseData(lang, texts, flagged, fix).SetName($"name story {lang}: {flagged} -> {fix}");
            int k = 0;
            foreach (var texts in words.StoryNegative)
                yield return new TestCaseData(lang, texts, null, null).SetName($"name story {lang} (negative {++k}): {texts[^1]}");
        }
    }

    [TestCaseSource(nameof(Stories))]
    public void Story_example(string lang, IReadOnlyList<string> texts, string? flagged, string? fix)
    {
        var f = Check(lang, texts);
        if (flagged is null) { Assert.That(f, Is.Empty, Describe(f)); return; }
        Assert.That(f.Any(x => x.Evidence[0].Text.Contains(flagged, StringComparison.Ordinal) && x.Suggestions[0].Text.Contains(fix!, StringComparison.Ordinal)),
            Is.True, $"expected \"{flagged}\" -> \"{fix}\"; got: {Describe(f)}");
    }

    [Test]
    public void Both_languages_have_name_stories()
    {
        foreach (var lang in FactCheck.Lang.LanguagePack.Available())
        {
            Assert.That(NameWords.Get(lang).StoryExamples, Is.Not.Empty, lang);
            Assert.That(NameWords.Get(lang).StoryNegative, Is.Not.Empty, lang);
        }
    }

    [Test]
    public void A_slipped_word_inside_a_title_and_name_gets_the_commoner_word_as_its_fix()
    {
        // "President" stays in the mention of one article and not the other: the words still meet
        var f = Check("en", ["President Obama spoke at the White House on Monday. Obama said the plan would work.",
            "President Obmaa told reporters the plan was ready."]);
        var slip = f.Single(x => x.Evidence[0].Text.Contains("Obmaa", StringComparison.Ordinal));
        Assert.That(slip.Suggestions[0].Text, Does.Contain("Obama"));
        Assert.That(slip.Rule, Is.EqualTo(NameVariantRule.CrossSourceId));
        Assert.That(slip.Evidence[1].Doc, Is.EqualTo("d0"));
    }

    [Test]
    public void The_rarer_word_is_never_the_fix()
    {
        // "Pence" twice against "Pense" once: whichever article is read first, the fix is "Mike Pence"
        var texts = new[] { "Vice President Mike Pense arrived in Ohio.", "Mike Pence spoke in Ohio on Tuesday. Pence said the vote was near." };
        foreach (var order in new[] { texts, texts.Reverse().ToArray() })
        {
            var f = Check("en", order);
            Assert.That(f.Any(x => x.Suggestions[0].Text.Contains("Pense", StringComparison.Ordinal)), Is.False, Describe(f));
            Assert.That(f.Any(x => x.Evidence[0].Text.Contains("Pense", StringComparison.Ordinal) && x.Suggestions[0].Text.Contains("Pence", StringComparison.Ordinal)), Is.True, Describe(f));
        }
    }

    [Test]
    public void Same_article_slips_are_name_variants_and_ids_are_stable()
    {
        string[] texts = ["Bupati Flores Timur Antonius Doni meninjau lokasi. Warga Flores Timur mengungsi ke sekolah. Petugas Flores Tmiur membuka dapur umum.",
            "Pemerintah Kabupaten Flores Timur menetapkan status tanggap darurat."];
        var first = Check("id", texts);
        var slip = first.Single(x => x.Evidence[0].Text.Contains("Tmiur", StringComparison.Ordinal));
        Assert.That(slip.Rule, Is.EqualTo("name-variant"));
        Assert.That(slip.Suggestions[0].Text, Does.Contain("Flores Timur"));
        Assert.That(Check("id", texts).Select(x => x.Id), Is.EqualTo(first.Select(x => x.Id)));
    }

    [Test]
    public void Beside_a_common_word_of_the_language_the_spelling_with_a_letter_added_is_the_slip()
    {
        // "provinsi" is written 25 times in the Indonesian news sample, "provinisi" never: the added letter is the slip
        var f = Check("id", ["Warga Provinisi Papua Barat memadati lapangan kemarin.", "Gubernur meminta warga Provinsi Papua Barat tenang."]);
        var slip = f.Single();
        Assert.That(slip.Evidence[0].Text, Does.Contain("Provinisi"), Describe(f));
        Assert.That(slip.Suggestions[0].Text, Does.Contain("Provinsi"));
    }

    [Test]
    public void Each_spelling_written_once_is_flagged_as_a_tie_on_the_side_that_lost_a_letter()
    {
        var f = Check("id", ["Kapolsek itu, AKP Rizky Firmansyah, membenarkan penangkapan.", "Menurut AKP Rizky Firmansah, pelaku sudah ditahan."]);
        var slip = f.Single();
        Assert.That(slip.Evidence[0].Text, Does.Contain("Firmansah"));
        Assert.That(slip.Suggestions[0].Text, Does.Contain("Firmansyah"));
        Assert.That(slip.Suggestions[0].Score, Is.EqualTo(0.5));
        Assert.That(slip.Message, Does.Contain("either may be right"));
    }

    [Test]
    public void Words_without_a_shared_neighbour_or_written_in_lower_case_are_not_slips()
    {
        // "Kelly" and "Kelli" in different names; "Batu"/"baru" ... "Baru" is a word the story writes in lower case
        Assert.That(Check("en", ["Governor Laura Kelly signed the bill.", "The bill was opposed by Senator Kelli Ward."]), Is.Empty);
        Assert.That(Check("id", ["Warga Kota Batu memadati alun-alun. Kota Batu ramai.", "Harga rumah baru di Kota Baru naik."]), Is.Empty);
    }
}
