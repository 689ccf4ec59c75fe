using FactCheck.Cli.Commands;
using FactCheck.Model;
using FactCheck.Temporal;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Evaluation;

public class EvalCommandTests
{
    private string dir = null!;

    [SetUp]
    public void CreateDir()
    {
        dir = Path.Combine(Path.GetTempPath(), "factcheck-eval-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
    }

    [TearDown]
    public void DeleteDir() => Directory.Delete(dir, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    // "On Friday the bank fell for two weeks." Friday = [3,9), two weeks = [28,37), weeks = [32,37)
    private const string Text = "On Friday the bank fell for two weeks.";

    private static IReadOnlyList<TemporalMention> FakeExtract(Article a) =>
    [
        new() { Doc = a.Id, Start = 3, End = 9, Text = "Friday", Kind = TemporalKind.Date, Value = a.Published!.Value.ToString("yyyy-MM-dd"), Rule = "test" },
        new() { Doc = a.Id, Start = 32, End = 37, Text = "weeks", Kind = TemporalKind.Duration, Value = "P1W", Rule = "test" },
    ];

    [Test]
    public void ScoresExtractorOutputAndWritesErrors()
    {
        var docs = Write("docs.jsonl", $$"""{"id": "d1", "published": "1998-08-07", "text": "{{Text}}"}""");
        var gold = Write("gold.jsonl",
            """{"doc": "d1", "start": 3, "end": 9, "type": "DATE", "value": "1998-08-07"}""",
            """{"doc": "d1", "start": 28, "end": 37, "type": "DURATION", "value": "P2W"}""");
        var errors = Path.Combine(dir, "errors.jsonl");
        var output = new StringWriter();
        var error = new StringWriter();

        int rc = EvalCommand.RunTimex(docs, gold, "json", errors, output, error, FakeExtract);

        Assert.That(rc, Is.EqualTo(EvalCommand.Ok), error.ToString());
        var json = JObject.Parse(output.ToString());
        Assert.That((int)json["overall"]!["strict"]!["correct"]!, Is.EqualTo(1));
        Assert.That((int)json["overall"]!["relaxed"]!["correct"]!, Is.EqualTo(2));
        Assert.That((int)json["overall"]!["value"]!["correct"]!, Is.EqualTo(1));
        Assert.That((double)json["overall"]!["value"]!["f1"]!, Is.EqualTo(0.5));
        Assert.That((int)json["errorCounts"]!["wrongValue"]!, Is.EqualTo(1));

        var lines = File.ReadAllLines(errors).Select(JObject.Parse).ToList();
        var wrongValue = lines.Single(l => (string)l["kind"]! == "wrongValue");
        Assert.That((string)wrongValue["gold"]!["text"]!, Is.EqualTo("two weeks"));
        Assert.That((string)wrongValue["gold"]!["value"]!, Is.EqualTo("P2W"));
        Assert.That((string)wrongValue["predicted"]!["value"]!, Is.EqualTo("P1W"));
        Assert.That(lines.Select(l => (string)l["kind"]!), Is.EquivalentTo(new[] { "wrongValue", "wrongSpan" }));
    }

    [Test]
    public void TableShowsStrictRelaxedAndValueRows()
    {
        var docs = Write("docs.jsonl", $$"""{"id": "d1", "published": "1998-08-07", "text": "{{Text}}"}""");
        var gold = Write("gold.jsonl", """{"doc": "d1", "start": 3, "end": 9, "type": "DATE", "value": "1998-08-07"}""");
        var output = new StringWriter();

        int rc = EvalCommand.RunTimex(docs, gold, "table", null, output, new StringWriter(), FakeExtract);

        Assert.That(rc, Is.EqualTo(EvalCommand.Ok));
        var table = output.ToString();
        Assert.That(table, Does.Contain("1 documents, 1 gold, 2 predicted"));
        // P = 1/2, R = 1/1, F1 = 2/3
        Assert.That(table, Does.Match(@"strict\s+50\.00\s+100\.00\s+66\.67\s+1\s+2\s+1"));
        Assert.That(table, Does.Match(@"value\s+50\.00\s+100\.00\s+66\.67\s+1\s+2\s+1"));
    }

    [Test]
    public void MissingFileExitsWithFileErrorAndMessage()
    {
        var gold = Write("gold.jsonl", """{"doc": "d1", "start": 3, "end": 9, "type": "DATE", "value": "1998-08-07"}""");
        var missing = Path.Combine(dir, "missing.jsonl");
        var error = new StringWriter();

        int rc = EvalCommand.RunTimex(missing, gold, "table", null, new StringWriter(), error, FakeExtract);

        Assert.That(rc, Is.EqualTo(EvalCommand.FileError));
        Assert.That(error.ToString(), Does.Contain(missing).And.Contain("file not found"));
    }

    [Test]
    public void BadGoldLineIsReportedScoresStillPrintedAndExitCodeFlagsIt()
    {
        var docs = Write("docs.jsonl", $$"""{"id": "d1", "published": "1998-08-07", "text": "{{Text}}"}""");
        var gold = Write("gold.jsonl",
            """{"doc": "d1", "start": 3, "end": 9, "type": "DATE", "value": "1998-08-07"}""",
            "not json");
        var output = new StringWriter();
        var error = new StringWriter();

        int rc = EvalCommand.RunTimex(docs, gold, "table", null, output, error, FakeExtract);

        Assert.That(rc, Is.EqualTo(EvalCommand.DataErrors));
        Assert.That(error.ToString(), Does.Contain("gold.jsonl:2: invalid JSON"));
        Assert.That(output.ToString(), Does.Contain("1 gold, 2 predicted"));
    }
}
