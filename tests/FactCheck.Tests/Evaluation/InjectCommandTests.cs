using FactCheck.Cli.Commands;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Evaluation;

/// <summary>`factcheck eval inject` on a small story written here: the figures, the verbose listing and the bootstrap labels.</summary>
public class InjectCommandTests
{
    private string dir = null!;

    [SetUp]
    public void CreateDir()
    {
        dir = Path.Combine(Path.GetTempPath(), "factcheck-inject-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
    }

    [TearDown]
    public void DeleteDir() => Directory.Delete(dir, recursive: true);

    [Test]
    public void Prints_recall_per_kind_and_writes_bootstrap_labels_for_a_clusters_file()
    {
        var docs = Path.Combine(dir, "docs.jsonl");
        File.WriteAllLines(docs,
        [
            new JObject { ["id"] = "a", ["lang"] = "id", ["published"] = "2025-06-20",
                ["text"] = "Menteri Keuangan Sri Mulyani Indrawati berbicara di Jakarta, Kamis (19/6/2025). Ia mengatakan defisit melebar.\nSri Mulyani Indrawati menyebut 25 penerbangan batal sejak 2009 karena cuaca buruk." }.ToString(Newtonsoft.Json.Formatting.None),
            new JObject { ["id"] = "b", ["lang"] = "id", ["published"] = "2025-06-20",
                ["text"] = "Sri Mulyani Indrawati menjelaskan hal itu kepada wartawan, Kamis (19/6/2025).\nSebanyak 25 penerbangan batal sejak 2009, kata dia." }.ToString(Newtonsoft.Json.Formatting.None),
        ]);
        var clusters = Path.Combine(dir, "clusters.jsonl");
        File.WriteAllLines(clusters, [new JObject { ["cluster_id"] = "s1", ["article_ids"] = new JArray("a", "b") }.ToString(Newtonsoft.Json.Formatting.None)]);
        var labels = Path.Combine(dir, "labels.jsonl");
        var output = new StringWriter();
        var error = new StringWriter();
        int rc = InjectCommand.Run(clusters, [docs], seed: 2, labels, limit: 0, output, error, verbose: true);
        Assert.That(rc, Is.EqualTo(0), error.ToString());
        var text = output.ToString();
        Assert.That(text, Does.Contain("stories used: 1"));
        foreach (var kind in new[] { "DateTypo", "DateNoWeekday", "Count", "Name", "BenignParaphrase", "BenignParagraphSwap" })
            Assert.That(text, Does.Match($@"(?m)^{kind}\s+1\s"), kind + " made once\n" + text);
        Assert.That(text, Does.Contain("benign edits flagged:"));
        Assert.That(File.Exists(labels), Is.True);
        var decisions = File.ReadAllLines(labels).Select(JObject.Parse).ToList();
        Assert.That(decisions.Select(d => d.Value<string>("verdict")), Has.Some.EqualTo("confirmed"), "the weekday-date typo is found and confirmed");
    }

    [Test]
    public void The_verbose_listing_shows_article_text_without_terminal_escape_sequences()
    {
        // an article id and a sentence carrying escape sequences (a colour, a window title) reach the listing only as text
        const string esc = "\u001b[31m", title = "\u001b]0;owned\u0007";
        var docs = Path.Combine(dir, "docs.jsonl");
        File.WriteAllLines(docs,
        [
            new JObject { ["id"] = "a" + esc, ["lang"] = "id", ["published"] = "2025-06-20",
                ["text"] = "Menteri Keuangan Sri Mulyani Indrawati berbicara di Jakarta, Kamis (19/6/2025)." + title + " Ia mengatakan defisit melebar.\nSri Mulyani Indrawati menyebut 25 penerbangan batal sejak 2009 karena cuaca buruk." }.ToString(Newtonsoft.Json.Formatting.None),
            new JObject { ["id"] = "b", ["lang"] = "id", ["published"] = "2025-06-20",
                ["text"] = "Sri Mulyani Indrawati menjelaskan hal itu kepada wartawan, Kamis (19/6/2025).\nSebanyak 25 penerbangan batal sejak 2009, kata dia." }.ToString(Newtonsoft.Json.Formatting.None),
        ]);
        var clusters = Path.Combine(dir, "clusters.jsonl");
        File.WriteAllLines(clusters, [new JObject { ["cluster_id"] = "s1", ["article_ids"] = new JArray("a" + esc, "b") }.ToString(Newtonsoft.Json.Formatting.None)]);
        var error = new StringWriter();
        int rc = InjectCommand.Run(clusters, [docs], seed: 2, null, limit: 0, new StringWriter(), error, verbose: true);
        Assert.That(rc, Is.EqualTo(0), error.ToString());
        Assert.That(error.ToString(), Does.Contain("DETECTED"), "the listing has lines naming the article");
        Assert.That(error.ToString(), Does.Not.Contain("\u001b"));
        Assert.That(error.ToString(), Does.Not.Contain("\u0007"));
    }
}
