using FactCheck.Checks;
using FactCheck.Cli.Commands;
using FactCheck.Output;
using FactCheck.Review;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace FactCheck.Tests.Review;

public class ReviewCommandTests
{
    private string dir = null!;
    private string reportDir = null!;
    private DecisionStore store = null!;
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    /// <summary>Keys and lines from a script; null when it runs out.</summary>
    private sealed class ScriptedInput(string keys, params string[] lines) : IReviewInput
    {
        private int k;
        private int l;
        public ConsoleKeyInfo? ReadKey() => k < keys.Length ? new ConsoleKeyInfo(keys[k++], ConsoleKey.NoName, false, false, false) : null;
        public string? ReadLine() => l < lines.Length ? lines[l++] : null;
    }

    private static Finding MakeFinding(int n, string sentence = "Pada Senin (10/1/2021) polisi menangkap [tersangka].") => new()
    {
        Id = Finding.MakeId("weekday-date", "doc" + n),
        Rule = "weekday-date",
        Severity = Severity.High,
        Score = 0.8,
        Message = $"Finding {n}: Senin is not the weekday of 10/1/2021 (a Sunday)",
        Evidence = [new Evidence("doc" + n, 5, 22, "Senin (10/1/2021)") { Sentence = sentence, SentenceStart = 0, Value = "2021-01-10", Source = "detik [news]" }],
        Suggestions = [new Suggestion("2021-01-11", "Senin (11/1/2021)", "the weekday agrees with the 11th", 0.7)],
        Features = new Dictionary<string, double> { ["weekday.offset"] = 1, ["lang=id"] = 1 },
    };

    [SetUp]
    public void CreateReport()
    {
        dir = Path.Combine(Path.GetTempPath(), "factcheck-review-" + Guid.NewGuid().ToString("N"));
        reportDir = Path.Combine(dir, "report");
        Directory.CreateDirectory(reportDir);
        var report = new JObject
        {
            ["articles"] = new JArray(),
            ["findings"] = new JArray(Enumerable.Range(1, 3).Select(i => FindingJson.ToJson(MakeFinding(i)))),
        };
        File.WriteAllText(Path.Combine(reportDir, "report.json"), report.ToString());
        store = new DecisionStore(Path.Combine(dir, "labels", "decisions.jsonl"));
    }

    [TearDown]
    public void DeleteDir() => Directory.Delete(dir, recursive: true);

    private static string Id(int n) => MakeFinding(n).Id;

    private (int Rc, string Out, string Err) Set(params string[] sets)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int rc = ReviewCommand.RunSet(reportDir, sets, "checked the calendar", store, "ana", new FixedClock(T0), o, e);
        return (rc, o.ToString(), e.ToString());
    }

    private (int Rc, string Screen) Interactive(ScriptedInput input)
    {
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(screen),
        });
        console.Profile.Width = 160;
        int rc = ReviewCommand.RunInteractive(reportDir, store, "ana", new FixedClock(T0), console, input, new StringWriter());
        return (rc, screen.ToString());
    }

    [Test]
    public void SetWritesDecisionsWithFeaturesNoteAndReviewer()
    {
        var (rc, output, err) = Set($"{Id(1)}=confirmed", $"{Id(2)}=dismissed");

        Assert.That(rc, Is.EqualTo(ReviewCommand.Ok), err);
        Assert.That(output, Does.Contain("2 decisions appended"));
        var latest = store.Latest();
        Assert.That(latest[Id(1)].Verdict, Is.EqualTo(Verdict.Confirmed));
        Assert.That(latest[Id(2)].Verdict, Is.EqualTo(Verdict.Dismissed));
        Assert.That(latest[Id(1)].Rule, Is.EqualTo("weekday-date"));
        Assert.That(latest[Id(1)].Features["weekday.offset"], Is.EqualTo(1));
        Assert.That(latest[Id(1)].Note, Is.EqualTo("checked the calendar"));
        Assert.That(latest[Id(1)].Reviewer, Is.EqualTo("ana"));
        Assert.That(latest[Id(1)].Time, Is.EqualTo(T0));
    }

    [Test]
    public void SetRejectsUnknownIdsAndVerdictsAndWritesNothing()
    {
        var (rc, _, err) = Set($"{Id(1)}=confirmed", "weekday-date-000000000000=confirmed", $"{Id(2)}=maybe");

        Assert.That(rc, Is.EqualTo(ReviewCommand.BadArguments));
        Assert.That(err, Does.Contain("no finding \"weekday-date-000000000000\""));
        Assert.That(err, Does.Contain("maybe"));
        Assert.That(File.Exists(store.Path), Is.False);
    }

    [Test]
    public void MissingOrBrokenReportIsAClearError()
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int rc = ReviewCommand.RunSet(Path.Combine(dir, "nope"), [$"{Id(1)}=confirmed"], null, store, "ana", new FixedClock(T0), o, e);
        Assert.That(rc, Is.EqualTo(ReviewCommand.FileError));
        Assert.That(e.ToString(), Does.Contain("no such report folder"));

        File.WriteAllText(Path.Combine(reportDir, "report.json"), "{\"findings\": [ {\"id\": ");
        e = new StringWriter();
        rc = ReviewCommand.RunSet(reportDir, [$"{Id(1)}=confirmed"], null, store, "ana", new FixedClock(T0), o, e);
        Assert.That(rc, Is.EqualTo(ReviewCommand.FileError));
        Assert.That(e.ToString(), Does.Contain("report.json: not a readable report"));

        File.WriteAllText(Path.Combine(reportDir, "report.json"), "{\"findings\": [ {\"id\": \"x\"} ]}");
        e = new StringWriter();
        Assert.That(ReviewCommand.RunSet(reportDir, [$"x=confirmed"], null, store, "ana", new FixedClock(T0), o, e), Is.EqualTo(ReviewCommand.FileError));
        Assert.That(e.ToString(), Does.Contain("finding 1 (x)"));
        Assert.That(Interactive(new ScriptedInput("c")).Rc, Is.EqualTo(ReviewCommand.FileError));
    }

    [Test]
    public void InteractiveReviewShowsEvidenceAndWritesVerdicts()
    {
        var (rc, screen) = Interactive(new ScriptedInput("nc" + "s" + "d", "weekday off by one"));

        Assert.That(rc, Is.EqualTo(ReviewCommand.Ok));
        Assert.That(screen, Does.Contain("1/3").And.Contain("weekday-date"));
        Assert.That(screen, Does.Contain("Pada Senin (10/1/2021) polisi menangkap [tersangka]."), "article text with brackets shown literally");
        Assert.That(screen, Does.Contain("detik [news]"));
        Assert.That(screen, Does.Contain("suggestion: Senin (11/1/2021)"));
        Assert.That(screen, Does.Contain("score 0.80"));
        var latest = store.Latest();
        Assert.That(latest.Keys, Is.EquivalentTo(new[] { Id(1), Id(3) }));
        Assert.That(latest[Id(1)].Verdict, Is.EqualTo(Verdict.Confirmed));
        Assert.That(latest[Id(1)].Note, Is.EqualTo("weekday off by one"));
        Assert.That(latest[Id(3)].Verdict, Is.EqualTo(Verdict.Dismissed));
        Assert.That(latest[Id(3)].Note, Is.Null);
        Assert.That(screen, Does.Contain("2 decisions written").And.Contain("1 of 3 findings still without a decision"));
    }

    [Test]
    public void InteractiveReviewResumesAtTheFirstFindingWithoutADecision()
    {
        Interactive(new ScriptedInput("c" + "q"));

        var (_, screen) = Interactive(new ScriptedInput("u"));

        Assert.That(screen, Does.Contain("Resuming at finding 2 of 3"));
        Assert.That(screen, Does.Contain("2/3").And.Not.Contain("1/3"));
        Assert.That(store.Latest()[Id(2)].Verdict, Is.EqualTo(Verdict.Unsure));
    }

    [Test]
    public void BackGoesToThePreviousFindingAndTheLatestVerdictWins()
    {
        Interactive(new ScriptedInput("c" + "b" + "d" + "q"));

        var log = store.Read();
        Assert.That(log.Decisions.Select(d => d.Verdict), Is.EqualTo(new[] { Verdict.Confirmed, Verdict.Dismissed }));
        Assert.That(store.Latest()[Id(1)].Verdict, Is.EqualTo(Verdict.Dismissed));
    }

    [Test]
    public void EndOfInputQuitsCleanly()
    {
        var (rc, screen) = Interactive(new ScriptedInput(""));
        Assert.That(rc, Is.EqualTo(ReviewCommand.Ok));
        Assert.That(screen, Does.Contain("0 decisions written"));
        Assert.That(File.Exists(store.Path), Is.False);
    }

    [Test]
    public void HighlightEscapesMarkupInArticleText()
    {
        var e = new Evidence("d", 4, 9, "[b]x]") { Sentence = "See [b]x] now [/]", SentenceStart = 0 };
        var markup = ReviewCommand.Highlight(e);
        Assert.That(() => new Markup(markup), Throws.Nothing);
        Assert.That(markup, Does.Contain("[[b]]x]]"));
    }
}
