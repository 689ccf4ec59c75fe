using FactCheck.Cli.Commands;
using FactCheck.Evaluation;
using FactCheck.Model;
using FactCheck.Readers;
using FactCheck.Tests.Readers;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Stories;

/// <summary>The story field of JSONL articles, `factcheck stories`, report.json's stories, and the B-cubed scorer.</summary>
public class StoryInputTests
{
    [Test]
    public void A_jsonl_story_or_cluster_field_is_read_and_a_wrong_type_is_an_error_naming_the_line()
    {
        using var dir = new TempDir();
        var path = dir.Write("docs.jsonl",
            """
            {"id":"a","text":"Gunung Semeru erupsi.","story":"semeru"}
            {"id":"b","text":"Gunung Semeru erupsi lagi.","cluster":7}
            {"id":"c","text":"Pesawat jatuh.","story":{"id":"x"}}
            {"id":"d","text":"Pesawat jatuh lagi.","story":"  ","cluster":"k"}
            {"id":"e","text":"Tanpa cerita."}
            """);
        var r = new ArticleReader().Read(path);
        Assert.That(r.Articles.Select(a => a.Story), Is.EqualTo(new[] { "semeru", "7", null, "k", null }));
        var err = r.Diagnostics.Single();
        Assert.That(err.Level, Is.EqualTo(DiagnosticLevel.Error));
        Assert.That(err.Origin, Is.EqualTo(new Origin(path, 3)));
        Assert.That(err.Message, Does.Contain("\"story\"").And.Contain("Object"));
    }

    private static (int Code, List<JObject> Lines, string Err) Stories(params string[] paths)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = StoriesCommand.Run(paths, "jsonl", "auto", o, e);
        return (code, o.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList(), e.ToString());
    }

    [Test]
    public void Stories_prints_doc_story_and_title_per_article_in_input_order()
    {
        var (code, lines, _) = Stories(TestData.Path2("data", "articles", "parler"));
        Assert.That(code, Is.EqualTo(0));
        Assert.That(lines.Select(l => l.Value<string>("doc")), Is.EqualTo(new[] { "000_c99a39fa54da3e18", "003_fed5c5e60128165f" }));
        Assert.That(lines.Select(l => l.Properties().Select(p => p.Name)), Has.All.EqualTo(new[] { "doc", "story", "title" }));
        Assert.That(lines[0].Value<string>("story"), Is.EqualTo(lines[1].Value<string>("story")));
        Assert.That(lines[1].Value<string>("title"), Does.Contain("Parler"));
    }

    [Test]
    public void Stories_table_lists_each_story_and_a_missing_path_exits_1()
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = StoriesCommand.Run([TestData.Path2("data", "articles", "parler"), "/no/such/path"], "table", "auto", o, e);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(e.ToString(), Does.Contain("/no/such/path"));
        Assert.That(o.ToString(), Does.Contain("2 articles in 1 stories"));
    }

    [Test]
    public void Check_writes_each_article_and_finding_with_its_story_and_lists_the_stories()
    {
        var outDir = Path.Combine(Path.GetTempPath(), "fc-stories-" + Guid.NewGuid().ToString("N"));
        try
        {
            var req = new CheckCommand.CheckRequest([TestData.Path2("data", "articles", "parler")], outDir) { Labels = null, Model = null, Progress = false };
            Assert.That(CheckCommand.Run(req, new StringWriter(), new StringWriter()), Is.EqualTo(CheckCommand.Ok));
            var json = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
            var stories = (JArray)json["stories"]!;
            Assert.That(stories, Has.Count.EqualTo(1));
            var id = stories[0].Value<string>("id");
            Assert.That(stories[0]["articles"]!.Values<string>(), Is.EqualTo(new[] { "000_c99a39fa54da3e18", "003_fed5c5e60128165f" }));
            Assert.That(json["articles"]!.Select(a => a.Value<string>("story")), Has.All.EqualTo(id));
            Assert.That(json["findings"]!.Select(f => f.Value<string>("story")), Is.Not.Empty.And.All.EqualTo(id));
        }
        finally { try { Directory.Delete(outDir, true); } catch (IOException) { } }
    }

    [Test]
    public void BCubed_scores_items_against_gold_and_counts_foreign_members_as_wrong()
    {
        var gold = new Dictionary<string, string> { ["a"] = "1", ["b"] = "1", ["c"] = "2" };
        var perfect = BCubed.Score(new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "y" }, gold);
        Assert.That((perfect.Precision, perfect.Recall, perfect.F1), Is.EqualTo((1.0, 1.0, 1.0)));
        // all in one: precision (2/3 + 2/3 + 1/3) / 3, recall 1
        var merged = BCubed.Score(new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "x" }, gold);
        Assert.That(merged.Precision, Is.EqualTo(5.0 / 9).Within(1e-12));
        Assert.That(merged.Recall, Is.EqualTo(1.0));
        // a foreign item (no gold) in a's cluster halves a's precision; b has no prediction: a singleton
        var foreign = BCubed.Score(new Dictionary<string, string> { ["a"] = "x", ["z"] = "x", ["c"] = "y" }, gold);
        Assert.That(foreign.Precision, Is.EqualTo((0.5 + 1 + 1) / 3).Within(1e-12));
        Assert.That(foreign.Recall, Is.EqualTo((0.5 + 0.5 + 1) / 3).Within(1e-12));
        Assert.That(foreign.Items, Is.EqualTo(3));
    }
}
