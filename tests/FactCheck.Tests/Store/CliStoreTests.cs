using FactCheck.Checks;
using FactCheck.Cli.Commands;
using FactCheck.Store;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Store;

/// <summary>check, review and train through the store (--db).</summary>
public class CliStoreTests
{
    private string dir = null!;
    private string db = null!;

    [SetUp]
    public void SetUp()
    {
        dir = Path.Combine(Path.GetTempPath(), "factcheck-clistore-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        db = Path.Combine(dir, "store", "factcheck.db");
    }

    [TearDown]
    public void TearDown()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }

    private int Check(string outDir, TextWriter? stdout = null) => CheckCommand.Run(
        new CheckCommand.CheckRequest([TestData.Path2("data", "articles", "parler")], outDir) { Db = db, DbGiven = true, Progress = false },
        stdout ?? new StringWriter(), new StringWriter());

    [Test]
    public void CheckStoresTheRunReviewDecidesAndTheNextCheckShowsTheVerdict()
    {
        var o = new StringWriter();
        Assert.That(Check(Path.Combine(dir, "out1"), o), Is.EqualTo(CheckCommand.Ok));
        Assert.That(o.ToString(), Does.Contain("stored as run-"));
        string id;
        using (var store = FactStore.Open(db).Store!)
        {
            var run = store.LatestRun()!;
            id = store.Findings(run.Id).First(f => f.Finding.Rule == "weekday-date").Finding.Id;
            var log = new StoreReviewLog(store);
            var rc = ReviewCommand.RunSet(null, [$"{id}=confirmed"], "Friday in 2020", log, "ana", TimeProvider.System, new StringWriter(), new StringWriter(), "Minggu malam (10/1/2021)");
            Assert.That(rc, Is.EqualTo(ReviewCommand.Ok));
            Assert.That(store.History(id).Single().Fix, Is.EqualTo("Minggu malam (10/1/2021)"));
        }
        Assert.That(Check(Path.Combine(dir, "out2")), Is.EqualTo(CheckCommand.Ok));
        var report = JObject.Parse(File.ReadAllText(Path.Combine(dir, "out2", "report.json")));
        var f = report["findings"]!.First(x => x.Value<string>("id") == id);
        Assert.That(f.Value<string>("verdict"), Is.EqualTo("confirmed"));
        Assert.That(f.Value<string>("reviewNote"), Is.EqualTo("Friday in 2020"));
        var html = File.ReadAllText(Path.Combine(dir, "out2", "report.html"));
        Assert.That(html, Does.Contain("<span class=\"verdict confirmed\">confirmed</span>"));
    }

    [Test]
    public void AStoreThatCannotBeOpenedIsAnErrorWhenGiven()
    {
        var blocker = Path.Combine(dir, "file");
        File.WriteAllText(blocker, "");
        var e = new StringWriter();
        var rc = CheckCommand.Run(new CheckCommand.CheckRequest([TestData.Path2("data", "articles", "parler")], Path.Combine(dir, "out"))
            { Db = Path.Combine(blocker, "x.db"), DbGiven = true, Progress = false }, new StringWriter(), e);
        Assert.That(rc, Is.EqualTo(CheckCommand.WriteFailed));
        Assert.That(e.ToString(), Does.Contain("error:"));
    }

    [Test]
    public void ARunWhoseReportsCannotBeWrittenIsNotStored()
    {
        var blocker = Path.Combine(dir, "file");
        File.WriteAllText(blocker, "");
        Assert.That(Check(Path.Combine(blocker, "out"), new StringWriter()), Is.EqualTo(CheckCommand.WriteFailed));
        using var store = FactStore.Open(db).Store!;
        Assert.That(store.Runs(), Is.Empty);
    }

    [Test]
    public void TrainReadsTheStoresLatestVerdicts()
    {
        using (var store = FactStore.Open(db).Store!)
        {
            var t = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
            for (int i = 0; i < 12; i++)
            {
                var f = FactStoreTests.MakeFinding(i) with { Features = new Dictionary<string, double> { ["x"] = i % 2, ["rule=weekday-date"] = 1 } };
                store.Record(StoredDecision.For(f, i % 2 == 0 ? Verdict.Confirmed : Verdict.Dismissed, "ana", t.AddMinutes(i)));
            }
        }
        var o = new StringWriter();
        var e = new StringWriter();
        var rc = TrainCommand.Run(new TrainCommand.Settings { Db = db, Out = Path.Combine(dir, "model"), Folds = 3 }, o, e, TimeProvider.System);
        Assert.That(rc, Is.EqualTo(TrainCommand.Ok), e.ToString());
        Assert.That(o.ToString(), Does.Contain("6 confirmed, 6 dismissed"));
    }

    private sealed class Keys(string keys) : IReviewInput
    {
        private int k;
        public ConsoleKeyInfo? ReadKey() => k < keys.Length ? new ConsoleKeyInfo(keys[k++], ConsoleKey.NoName, false, false, false) : null;
        public string? ReadLine() => null;
    }

    [Test]
    public void TerminalReviewShowsDisagreeingReviewersAndStripsControlSequences()
    {
        using var store = FactStore.Open(db).Store!;
        var f = FactStoreTests.MakeFinding(1) with { Message = "bad \u001b[2J\u001b]0;owned\u0007 message" };
        store.SaveRun(new FactCheck.Output.Report(null, [], [f], []));
        store.Record(StoredDecision.For(f, Verdict.Confirmed, "ana", DateTimeOffset.UnixEpoch));
        store.Record(StoredDecision.For(f, Verdict.Dismissed, "budi", DateTimeOffset.UnixEpoch.AddMinutes(1)));
        var screen = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.No, ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
            Interactive = Spectre.Console.InteractionSupport.No, Out = new Spectre.Console.AnsiConsoleOutput(screen),
        });
        console.Profile.Width = 160;
        var rc = ReviewCommand.RunInteractive(null, new StoreReviewLog(store), "cici", TimeProvider.System, console, new Keys("bq"), new StringWriter());
        Assert.That(rc, Is.EqualTo(ReviewCommand.Ok));
        Assert.That(screen.ToString(), Does.Contain("reviewers disagree"));
        Assert.That(screen.ToString(), Does.Contain("budi: dismissed"));
        Assert.That(screen.ToString(), Does.Not.Contain("\u001b"));
    }
}
