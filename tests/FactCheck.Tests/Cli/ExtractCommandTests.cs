using FactCheck.Cli.Commands;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Cli;

/// <summary>`factcheck extract` end to end: output contract, bad input messages and exit codes.</summary>
public class ExtractCommandTests
{
    private string dir = "";

    [SetUp]
    public void SetUp() { dir = Path.Combine(Path.GetTempPath(), "fc-extract-" + Guid.NewGuid().ToString("N")); Directory.CreateDirectory(dir); }

    [TearDown]
    public void TearDown() { try { Directory.Delete(dir, true); } catch (IOException) { } }

    private static (int Code, string Out, string Err) Run(string format, params string[] paths)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = ExtractCommand.Run(paths, format, "auto", o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Test]
    public void Jsonl_output_follows_the_contract_with_offsets_into_the_text()
    {
        var (code, output, _) = Run("jsonl", TestData.Path2("data", "articles", "parler"));
        Assert.That(code, Is.EqualTo(0));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        Assert.That(lines, Has.Count.GreaterThan(10));
        var text = File.ReadAllText(TestData.Path2("data", "articles", "parler", "000_c99a39fa54da3e18.txt"));
        var sunday = lines.Single(l => l.Value<string>("text") == "Minggu malam (10/1/2020)");
        Assert.That(sunday.Value<string>("doc"), Is.EqualTo("000_c99a39fa54da3e18"));
        Assert.That(text[sunday.Value<int>("start")..sunday.Value<int>("end")], Is.EqualTo("Minggu malam (10/1/2020)"));
        Assert.That(sunday.Value<string>("kind"), Is.EqualTo("date"));
        Assert.That(sunday.Value<string>("value"), Is.EqualTo("2020-01-10"));
        Assert.That(sunday.Value<string>("weekday"), Is.EqualTo("Sunday"));
        Assert.That(sunday["stated"]!.Values<string>(), Is.EquivalentTo(new[] { "year", "month", "day", "weekday", "partOfDay" }));
    }

    [Test]
    public void Bad_inputs_get_clear_messages_and_the_rest_is_still_processed()
    {
        File.WriteAllText(Path.Combine(dir, "empty.txt"), "");
        File.WriteAllBytes(Path.Combine(dir, "binary.txt"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE, 0x00]);
        File.WriteAllText(Path.Combine(dir, "docs.jsonl"),
            "{\"id\":\"a\",\"text\":\"Rapat digelar Senin (18/1/2021).\",\"published\":\"2021-01-20\",\"lang\":\"id\"}\n" +
            "{not json\n" +
            "{\"id\":\"c\",\"text\":\"Batas waktu 31/2/2021.\",\"published\":\"2021-01-20\",\"lang\":\"id\"}\n");
        var unknown = Path.Combine(dir, "notes.docx");
        File.WriteAllText(unknown, "x");
        var missing = Path.Combine(dir, "nope.txt");

        var (code, output, err) = Run("jsonl", Path.Combine(dir, "empty.txt"), Path.Combine(dir, "binary.txt"), Path.Combine(dir, "docs.jsonl"), unknown, missing);

        Assert.That(code, Is.EqualTo(1), "the exit code says something failed");
        Assert.That(err, Does.Contain("empty.txt"));
        Assert.That(err, Does.Contain("binary.txt"));
        Assert.That(err, Does.Contain("docs.jsonl:2"), "the broken JSONL line is named");
        Assert.That(err, Does.Contain("notes.docx"));
        Assert.That(err, Does.Contain("nope.txt"));
        Assert.That(err, Does.Contain("31/2/2021").And.Contain("28 days"));
        var mentions = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        Assert.That(mentions.Any(m => m.Value<string>("doc") == "a" && m.Value<string>("value") == "2021-01-18"), "line 1 still processed");
        Assert.That(mentions.Any(m => m.Value<string>("doc") == "c" && m["invalid"] is not null), "line 3 still processed, its impossible date marked");
    }

    [Test]
    public void Clean_run_exits_zero_and_table_format_has_a_row_per_mention()
    {
        File.WriteAllText(Path.Combine(dir, "a.jsonl"), "{\"id\":\"x\",\"text\":\"It happened last week, on Friday.\",\"published\":\"1998-08-08\",\"lang\":\"en\"}\n");
        var (code, output, _) = Run("table", Path.Combine(dir, "a.jsonl"));
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("1998-08-07"));
    }
}
