using FactCheck.Checks;
using FactCheck.Pipeline;
using FactCheck.Readers;
using FactCheck.Stories;
using FactCheck.Tests.Readers;
using Newtonsoft.Json;

namespace FactCheck.Tests.Robustness;

/// <summary>Issue #11: checking each named story as soon as its articles are analyzed (StoryStream) gives what checking every
/// story after the whole analysis gives, whatever the order of the stories in the input and whether every article names one.</summary>
public class StoryStreamTests
{
    private static readonly string[] Topics = ["banjir Jakarta merendam Kampung Melayu", "gempa Cianjur merusak rumah warga",
        "PT Telkom meluncurkan satelit", "KPK menahan Bupati Langkat", "harga cabai naik di Pasar Minggu", "Timnas Indonesia mengalahkan Vietnam"];

    /// <summary>One article of topic <paramref name="t"/>: several sources disagree on counts and days, so stories have findings.</summary>
    private static object Doc(int i, int t, bool named)
    {
        int day = 1 + t * 4 + i % 3;
        string weekday = ((i * 5) % 7) switch { 0 => "Senin", 1 => "Selasa", 2 => "Rabu", 3 => "Kamis", 4 => "Jumat", 5 => "Sabtu", _ => "Minggu" };
        var text = $"{Topics[t]} pada {weekday} ({day}/3/2021). Sebanyak {100 + (i % 4) * 25} orang terdampak menurut petugas. " +
                   $"Peristiwa {Topics[t]} terjadi sejak {day - 1} Maret 2021 dan {Topics[t].Split(' ')[0]} menyatakan kerugian Rp{2 + i % 3} miliar.";
        return named
            ? new { id = $"d{i:000}", story = $"story-{t}", lang = "id", source = $"src{i % 5}", published = $"2021-03-{day + 1:00}", title = Topics[t], text }
            : new { id = $"d{i:000}", lang = "id", source = $"src{i % 5}", published = $"2021-03-{day + 1:00}", title = Topics[t], text };
    }

    /// <summary>The inputs: (topic, named) per article.</summary>
    private static IEnumerable<(int Topic, bool Named)> Layout(string layout) => layout switch
    {
        // stories one after another: all but the last ones are checked early
        "contiguous" => Enumerable.Range(0, 108).Select(i => (i / 18, true)),
        // story 0 is checked early, then gets one more article at the end: it is checked again with all its articles
        "reopened" => Enumerable.Range(0, 90).Select(i => (i / 18, true)).Append((0, true)).Concat(Enumerable.Range(0, 9).Select(_ => (5, true))),
        // stories interleaved: none is complete before the end
        "interleaved" => Enumerable.Range(0, 100).Select(i => (i % 6, true)),
        // the last article names no story: every story is grouped and checked after the analysis
        "unnamed" => Enumerable.Range(0, 100).Select(i => (i / 18, i != 99)),
        _ => throw new ArgumentException(layout),
    };

    private static string Describe(IReadOnlyList<AnalyzedArticle> analyzed, StoryGrouping grouping, CheckResult result) =>
        JsonConvert.SerializeObject(new
        {
            grouping.Assignments,
            Stories = grouping.Stories.Select(s => new { s.Id, s.ArticleIds, s.Title, s.Given }),
            Claims = analyzed.Select(a => new { a.Id, a.Claims }),
            result.Findings, result.Diagnostics, result.Facts,
        });

    [TestCase("contiguous", 1)]
    [TestCase("contiguous", 2)]
    [TestCase("reopened", 1)]
    [TestCase("reopened", 3)]
    [TestCase("interleaved", 2)]
    [TestCase("unnamed", 1)]
    [TestCase("unnamed", 2)]
    public void Early_story_checks_give_the_same_result_as_checking_after_the_analysis(string layout, int threads)
    {
        using var dir = new TempDir();
        var docs = Layout(layout).Select((x, i) => JsonConvert.SerializeObject(Doc(i, x.Topic, x.Named)));
        var path = dir.Write("docs.jsonl", string.Join("\n", docs) + "\n");
        var checker = new Checker();

        var batch = AnalysisPipeline.Run(new ArticleReader().Stream([path]), threads: 1);
        var batchGrouping = new StoryGrouper().Group(batch.Analyzed);
        var expected = Describe(batch.Analyzed, batchGrouping, checker.CheckStories(batch.Analyzed, batchGrouping));
        Assert.That(expected, Does.Contain("\"Rule\":\"cross-source-"), "the stories have cross-source findings");

        var (run, stream) = AnalysisPipeline.RunChecking(new ArticleReader().Stream([path]), checker, threads: threads);
        var grouping = new StoryGrouper { Threads = threads }.Group(run.Analyzed);
        Assert.That(Describe(run.Analyzed, grouping, stream.Check(grouping)), Is.EqualTo(expected));
        var (early, again) = layout switch
        {
            "contiguous" => (Is.EqualTo(2), Is.EqualTo(0)),   // stories 0 and 1 (their last articles are 64 or more before the end)
            "reopened" => (Is.EqualTo(2), Is.EqualTo(18)),    // story 0's 18 articles analyzed again
            "interleaved" => (Is.EqualTo(0), Is.EqualTo(0)),
            _ => (Is.EqualTo(1), Is.EqualTo(18)),             // story 0 checked early, then every released article analyzed again
        };
        Assert.That(stream.CheckedEarly, early, "stories checked early");
        Assert.That(stream.Reanalyzed, again, "articles analyzed again");
        Assert.That(run.Read.Articles.Select(a => a.Id), Is.EqualTo(batch.Read.Articles.Select(a => a.Id)));
    }
}
