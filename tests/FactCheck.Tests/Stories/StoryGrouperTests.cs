using FactCheck.Checks;
using FactCheck.Checks.Rules;
using FactCheck.Claims;
using FactCheck.Model;
using FactCheck.Readers;
using FactCheck.Stories;
using FactCheck.Temporal;

namespace FactCheck.Tests.Stories;

/// <summary>Story grouping: the seed articles, given story fields, unrelated events, time, determinism, and checks per story.</summary>
public class StoryGrouperTests
{
    private static Article Doc(string id, string reference, string title, string text, string lang = "id", string? story = null) =>
        TestData.Article(text, lang, reference, id) with { Title = title, Story = story };

    private static readonly Article[] Eruption =
    [
        Doc("erupsi-a", "2025-06-18", "Gunung Semeru Erupsi, Warga Lumajang Mengungsi",
            "Gunung Semeru di Kabupaten Lumajang, Jawa Timur, kembali erupsi pada Rabu pagi. Kolom abu vulkanik setinggi 2.000 meter " +
            "terlihat dari Pos Pengamatan Gunung Api Semeru. Badan Penanggulangan Bencana Daerah Lumajang mencatat 300 warga mengungsi " +
            "ke balai desa. Status Gunung Semeru dinaikkan menjadi Siaga."),
        Doc("erupsi-b", "2025-06-18", "Semeru Meletus, Ratusan Warga Lumajang Dievakuasi",
            "Ratusan warga di lereng Gunung Semeru dievakuasi setelah gunung itu erupsi, Rabu. Abu vulkanik Semeru menutupi desa-desa di " +
            "Kecamatan Pronojiwo, Lumajang. Pos Pengamatan Gunung Api Semeru melaporkan kolom abu setinggi 2 kilometer. BPBD Lumajang " +
            "menyiapkan tenda pengungsian."),
    ];

    private static readonly Article[] Crash =
    [
        Doc("pesawat-a", "2025-06-18", "Pesawat Latih Jatuh di Sawah Karawang, Dua Pilot Selamat",
            "Sebuah pesawat latih jatuh di area persawahan Karawang, Jawa Barat, Rabu siang. Kedua pilot selamat dan dibawa ke rumah sakit. " +
            "Komite Nasional Keselamatan Transportasi (KNKT) menyelidiki penyebab kecelakaan pesawat tersebut. Pesawat lepas landas dari " +
            "Bandara Budiarto, Curug."),
        Doc("pesawat-b", "2025-06-18", "KNKT Selidiki Kecelakaan Pesawat Latih di Karawang",
            "KNKT menurunkan tim untuk menyelidiki jatuhnya pesawat latih di sawah Karawang. Pesawat yang berangkat dari Bandara Budiarto " +
            "itu jatuh setelah mengalami gangguan mesin, kata petugas. Dua pilot pesawat latih itu mengalami luka ringan."),
    ];

    private static StoryGrouping Group(params Article[] articles) => new StoryGrouper().Group(articles);

    [Test]
    public void The_two_seed_articles_about_Parler_nine_days_apart_are_one_story()
    {
        var read = new ArticleReader().Read(TestData.Path2("data", "articles", "parler"));
        Assert.That(read.Articles, Has.Count.EqualTo(2));
        var days = Math.Abs((read.Articles[0].Published!.Value - read.Articles[1].Published!.Value).TotalDays);
        Assert.That(days, Is.GreaterThan(8), "the seed articles are days apart");
        var g = new StoryGrouper().Group(read.Articles);
        Assert.That(g.Stories, Has.Count.EqualTo(1));
        Assert.That(g.Stories[0].ArticleIds, Is.EqualTo(read.Articles.Select(a => a.Id)));
        Assert.That(g.Stories[0].Id, Does.Match("^s-[0-9a-f]{8}$"));
        Assert.That(g.Stories[0].Title, Is.EqualTo(read.Articles[0].Title));
    }

    [Test]
    public void An_eruption_and_a_plane_crash_on_the_same_day_are_two_stories()
    {
        var g = Group(Eruption[0], Crash[0], Eruption[1], Crash[1]);
        Assert.That(g.Stories, Has.Count.EqualTo(2));
        Assert.That(g.Assignments[0], Is.EqualTo(g.Assignments[2]));
        Assert.That(g.Assignments[1], Is.EqualTo(g.Assignments[3]));
        Assert.That(g.Assignments[0], Is.Not.EqualTo(g.Assignments[1]));
        Assert.That(g.Stories.Select(s => s.Title), Is.EqualTo(new[] { Eruption[0].Title, Crash[0].Title }));
    }

    [Test]
    public void English_reports_of_one_event_are_one_story_and_another_event_is_apart()
    {
        var a = Doc("en-a", "2025-06-18", "Volcano erupts on Java, villagers flee",
            "Mount Semeru on the Indonesian island of Java erupted on Wednesday, sending a column of ash two kilometers into the sky. " +
            "Hundreds of villagers in Lumajang were evacuated, the disaster agency said.", "en");
        var b = Doc("en-b", "2025-06-19", "Hundreds evacuated as Semeru volcano erupts",
            "Indonesia's Semeru volcano erupted, forcing hundreds of villagers in Lumajang district to evacuate as ash fell on their homes, " +
            "officials said. The volcano's alert status was raised.", "en");
        var c = Doc("en-c", "2025-06-18", "Training plane crashes in rice field, pilots survive",
            "A training aircraft crashed into a rice field in Karawang, West Java, on Wednesday. Both pilots survived with minor injuries, " +
            "and transport safety investigators are examining the engine.", "en");
        var g = Group(a, c, b);
        Assert.That(g.Assignments[0], Is.EqualTo(g.Assignments[2]));
        Assert.That(g.Assignments[1], Is.Not.EqualTo(g.Assignments[0]));
    }

    [Test]
    public void The_same_event_words_years_apart_are_two_stories()
    {
        var later = Eruption[1] with { Id = "erupsi-2027", Published = Eruption[1].Published!.Value.AddYears(2) };
        var g = Group(Eruption[0], later);
        Assert.That(g.Stories, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_given_story_field_wins_over_automatic_grouping()
    {
        var g = Group(Eruption[0] with { Story = "x" }, Crash[0] with { Story = "x" }, Eruption[1] with { Story = "y" }, Crash[1]);
        Assert.That(g.Assignments.Take(3), Is.EqualTo(new[] { "x", "x", "y" }));
        Assert.That(g.Stories.Select(s => s.Id), Is.EqualTo(new[] { "x", "y" }));
        Assert.That(g.Stories.Select(s => s.Given), Has.All.True);
        // an article without a story may join a given one: the crash report joins the story that holds the other crash report
        Assert.That(g.Assignments[3], Is.EqualTo("x"));
        Assert.That(g.Stories[0].ArticleIds, Is.EqualTo(new[] { "erupsi-a", "pesawat-a", "pesawat-b" }));
    }

    [Test]
    public void The_same_input_gives_the_same_stories_and_ids()
    {
        Article[] input = [Crash[1], Eruption[0], Crash[0], Eruption[1]];
        var one = Group(input);
        var two = new StoryGrouper().Group(input.ToList());
        Assert.That(two.Assignments, Is.EqualTo(one.Assignments));
        Assert.That(two.Stories.Select(s => (s.Id, string.Join(",", s.ArticleIds))), Is.EqualTo(one.Stories.Select(s => (s.Id, string.Join(",", s.ArticleIds)))));
        Assert.That(one.Stories[0].Id, Is.EqualTo(Story.MakeId("pesawat-b")), "a story is named after its first article");
    }

    [Test]
    public void Two_stories_started_by_articles_with_the_same_id_get_different_ids()
    {
        var g = Group(Eruption[0] with { Id = "dup" }, Crash[0] with { Id = "dup" });
        Assert.That(g.Stories, Has.Count.EqualTo(2));
        Assert.That(g.Stories[0].Id, Is.Not.EqualTo(g.Stories[1].Id));
    }

    [Test]
    public void No_articles_no_stories() => Assert.That(Group().Stories, Is.Empty);

    [TestCase("pembangunan", "pembangunan")] // derivations stay apart from "bangun"
    [TestCase("bangunan", "bangunan")]
    [TestCase("bukunya", "buku")]
    [TestCase("rumahku", "rumah")]
    [TestCase("dialah", "dia")]
    public void Indonesian_stems_drop_particles_and_possessives_only(string word, string stem) =>
        Assert.That(new StoryTerms().Stem(word, "id"), Is.EqualTo(stem));

    [TestCase("evacuated", "evacu")]
    [TestCase("villagers", "villag")]
    public void English_words_are_stemmed_by_Porter(string word, string stem) =>
        Assert.That(new StoryTerms().Stem(word, "en"), Is.EqualTo(stem));

    private static TemporalMention Date(string doc, int d) => new()
    {
        Doc = doc, Start = 10, End = 19, Text = $"{d}/1/2021", Kind = TemporalKind.Date, Value = $"2021-01-{d:00}", Rule = "test",
        Date = new DateOnly(2021, 1, d), Stated = DateFields.Year | DateFields.Month | DateFields.Day,
    };

    private static AnalyzedArticle Claiming(string id, int day)
    {
        var org = new ClaimArgument(0, 6, "Amazon", "organization") { Canonical = "Amazon", EntityId = "org:amazon" };
        var parler = new ClaimArgument(0, 6, "Parler", "organization") { Canonical = "Parler", EntityId = "org:parler" };
        var claim = new ClaimFrame
        {
            Doc = id, Rule = "id.remove-from-platform", Relation = "remove-from-platform", Predicate = "p", PredicateStart = 5, PredicateEnd = 6,
            Start = 0, End = 40, Sentence = "sentence of " + id, Subjects = [org], Object = parler, Time = Date(id, day),
        };
        return new AnalyzedArticle { Article = TestData.Article("x", "id", "2021-01-20", id), Claims = [claim] };
    }

    [Test]
    public void Sources_are_compared_only_within_a_story_and_findings_carry_the_story()
    {
        AnalyzedArticle[] docs = [Claiming("a", 10), Claiming("b", 9)];
        var checker = new Checker([new CrossSourceDateRule()]);
        var apart = checker.CheckStories(docs, new StoryGrouping([new Story("s1", ["a"], null), new Story("s2", ["b"], null)], ["s1", "s2"]));
        Assert.That(apart.Findings, Is.Empty);
        var together = checker.CheckStories(docs, new StoryGrouping([new Story("s1", ["a", "b"], null)], ["s1", "s1"]));
        Assert.That(together.Findings.Select(f => (f.Rule, f.Story)), Is.EqualTo(new[] { ("cross-source-date", "s1") }));
        Assert.That(together.Findings[0].Id, Is.EqualTo(checker.Check(docs).Findings[0].Id), "the story does not change a finding's id");
    }

    [Test]
    public void The_fact_table_compares_the_articles_of_one_story_only()
    {
        // the injured of two events told the same day: each story's own row, never one row that disagrees
        var analyzer = new ArticleAnalyzer();
        AnalyzedArticle[] docs =
        [
            analyzer.Analyze(Doc("erupsi-1", "2025-06-18", "Erupsi", "Sebanyak 12 orang luka-luka akibat erupsi Gunung Semeru pada Selasa (17/6/2025).") with { Source = "detikcom" }),
            analyzer.Analyze(Doc("erupsi-2", "2025-06-18", "Erupsi", "Erupsi Gunung Semeru pada Selasa (17/6/2025) membuat 12 orang luka-luka.") with { Source = "Kompas.com" }),
            analyzer.Analyze(Doc("pesawat-1", "2025-06-18", "Pesawat", "Sebanyak 3 orang luka-luka akibat kecelakaan pesawat latih di Karawang pada Selasa (17/6/2025).") with { Source = "Liputan6" }),
        ];
        var result = new Checker().CheckStories(docs, new StoryGrouping([new Story("semeru", ["erupsi-1", "erupsi-2"], null), new Story("pesawat", ["pesawat-1"], null)], ["semeru", "semeru", "pesawat"]));
        Assert.That(result.Facts, Is.Not.Empty);
        Assert.That(result.Facts.Select(r => r.Agreement), Has.None.EqualTo(FactCheck.Align.Agreement.Disagree));
        foreach (var row in result.Facts)
            Assert.That(row.Cells.Select(c => c.Doc.StartsWith("erupsi", StringComparison.Ordinal) ? "semeru" : "pesawat"), Has.All.EqualTo(row.Story), row.Key);
    }

    [Test]
    public void In_article_rules_run_once_per_article_in_its_story()
    {
        var read = new ArticleReader().Read(TestData.Path2("data", "articles", "parler"));
        var analyzer = new ArticleAnalyzer();
        var analyzed = read.Articles.Select(analyzer.Analyze).ToList();
        var grouping = new StoryGrouping([new Story("one", [analyzed[0].Id], null), new Story("two", [analyzed[1].Id], null)], ["one", "two"]);
        var findings = new Checker().CheckStories(analyzed, grouping).Findings;
        var weekday = findings.Single(f => f.Rule == "weekday-date");
        Assert.That(weekday.Story, Is.EqualTo("one"));
        Assert.That(findings.Single(f => f.Rule == "name-variant").Story, Is.EqualTo("two"), "a misspelling inside one article is found in a story of its own");
    }
}
