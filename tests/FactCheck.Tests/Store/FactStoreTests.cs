using System.Diagnostics;
using FactCheck.Checks;
using FactCheck.Output;
using FactCheck.Store;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Store;

[TestFixture("sqlite")]
[TestFixture("postgres")]
public class FactStoreTests(string kind)
{
    private string dir = null!;
    private string db = null!;
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 9, 0, 0, TimeSpan.FromHours(7));

    [SetUp]
    public void SetUp()
    {
        dir = Path.Combine(Path.GetTempPath(), "factcheck-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        db = Services.NewStore(kind, dir);
    }

    [TearDown]
    public void TearDown()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    internal static Finding MakeFinding(int n) => new()
    {
        Id = Finding.MakeId("weekday-date", "doc" + n),
        Rule = "weekday-date",
        Severity = Severity.High,
        Score = 0.8,
        Message = $"Finding {n}: Senin is not the weekday of 10/1/2021",
        Evidence = [new Evidence("doc" + n, 5, 22, "Senin (10/1/2021)") { Sentence = "Pada Senin (10/1/2021) polisi menangkap.", Value = "2021-01-10", Source = "detik" }],
        Suggestions = [new Suggestion("2021-01-11", "Senin (11/1/2021)", "the weekday agrees", 0.7)],
        Features = new Dictionary<string, double> { ["weekday.offset"] = 1, ["lang=id"] = 1 },
    };

    private FactStore Open()
    {
        var (store, error) = FactStore.Open(db);
        Assert.That(store, Is.Not.Null, error);
        return store!;
    }

    [Test]
    public void HistoryKeepsEveryVerdictShowsDisagreementAndUndoes()
    {
        using var store = Open();
        var f = MakeFinding(1);
        store.Record(StoredDecision.For(f, Verdict.Confirmed, "ana", T0, "checked the calendar", "Senin (11/1/2021)"));
        store.Record(StoredDecision.For(f, Verdict.Dismissed, "budi", T0.AddMinutes(1), "the source says 10th"));
        var s = store.Summaries()[f.Id];
        Assert.That(s.Latest!.Reviewer, Is.EqualTo("budi"));
        Assert.That(s.Disagreement, Is.True);
        Assert.That(s.ByReviewer.Select(d => d.Verdict), Is.EqualTo(new Verdict?[] { Verdict.Confirmed, Verdict.Dismissed }));
        var first = s.History[0];
        Assert.That((first.Note, first.Fix, first.Reviewer), Is.EqualTo(("checked the calendar", "Senin (11/1/2021)", "ana")));
        Assert.That(JObject.Parse(first.Seen!).Value<string>("message"), Is.EqualTo(f.Message), "what the reviewer saw is kept");
        Assert.That(first.Features["weekday.offset"], Is.EqualTo(1));

        var undo = store.Undo(f.Id, "budi");
        Assert.That(undo, Is.Not.Null);
        s = store.Summaries()[f.Id];
        Assert.That(s.History, Has.Count.EqualTo(3), "the undo is a row; nothing is deleted");
        Assert.That(s.Latest!.Verdict, Is.EqualTo(Verdict.Confirmed));
        Assert.That(s.Disagreement, Is.False);
        Assert.That(store.Load()[f.Id].verdict, Is.EqualTo(Verdict.Confirmed), "check reads verdicts through IDecisionSource");
        store.Undo(f.Id, "ana");
        Assert.That(store.Load().ContainsKey(f.Id), Is.False);
        Assert.That(store.Undo(f.Id, "ana"), Is.Null, "nothing left to undo");
    }

    [Test]
    public void RunsAndFindingsRoundTrip()
    {
        using var store = Open();
        var report = new Report("2021-01-11T09:24:00+07:00", [new ReportArticle("a1", true) { Title = "Parler", Url = "https://example.com/a" }],
            [MakeFinding(1), MakeFinding(2)], []);
        var id1 = store.SaveRun(report);
        var id2 = store.SaveRun(report with { Findings = [MakeFinding(3)] });
        Assert.That(store.LatestRun()!.Id, Is.EqualTo(id2));
        Assert.That(store.GetRun(id1)!.Findings, Is.EqualTo(2));
        Assert.That(store.Findings(id1).Select(f => f.Finding.Id), Is.EqualTo(new[] { MakeFinding(1).Id, MakeFinding(2).Id }));
        Assert.That(store.FindFinding(MakeFinding(3).Id)!.RunId, Is.EqualTo(id2));
        Assert.That(store.RunReport(id1)!["articles"]![0]!.Value<string>("url"), Is.EqualTo("https://example.com/a"));
        Assert.That(store.GetRun("run-nope"), Is.Null);
    }

    [Test]
    public void ARunIsCommittedOnlyWhenItsGateSaysSo()
    {
        using var store = Open();
        var report = new Report("2021-01-11T09:24:00+07:00", [new ReportArticle("a1", true)], [MakeFinding(1)], []);
        Assert.That(store.SaveRun(store.PrepareRun(report), () => false), Is.Null);
        Assert.That(store.Runs(), Is.Empty, "rolled back: no run");
        Assert.That(store.FindFinding(MakeFinding(1).Id), Is.Null, "rolled back: no finding");
        var id = store.SaveRun(store.PrepareRun(report), () => true);
        Assert.That(store.LatestRun()!.Id, Is.EqualTo(id));
        Assert.That(store.FindFinding(MakeFinding(1).Id)!.RunId, Is.EqualTo(id));
    }

    [Test]
    public void ExportImportsIntoAnotherStoreAndOldLabelsImportOnce()
    {
        using var store = Open();
        var f = MakeFinding(1);
        store.Record(StoredDecision.For(f, Verdict.Confirmed, "ana", T0));
        store.Record(StoredDecision.For(f, Verdict.Dismissed, "ana", T0.AddMinutes(1)));
        store.Undo(f.Id, "ana");
        var export = Path.Combine(dir, "export.jsonl");
        File.WriteAllText(export, store.ExportJsonl());

        var legacy = Path.Combine(dir, "decisions.jsonl");
        File.WriteAllText(legacy, """{"id":"name-variant-0123456789ab","rule":"name-variant","verdict":"dismissed","features":{"rule=name-variant":1},"reviewer":"old","time":"2025-01-02T03:04:05.000+07:00"}""" + "\n");

        var otherDb = Services.NewStore(kind, Path.Combine(dir, "other"));
        var (other, error) = FactStore.Open(otherDb);
        Assert.That(other, Is.Not.Null, error);
        using (other)
        {
            Assert.That(other!.ImportJsonl(export), Is.EqualTo(3));
            Assert.That(other.ImportJsonl(export), Is.Null, "the same file imports once");
            Assert.That(other.Load()[f.Id].verdict, Is.EqualTo(Verdict.Confirmed), "the undo still points at its decision");
            Assert.That(other.ImportJsonl(legacy), Is.EqualTo(1));
            File.AppendAllText(legacy, """{"id":"name-variant-0123456789ab","rule":"name-variant","verdict":"confirmed","features":{},"reviewer":"old","time":"2025-01-03T03:04:05.000+07:00"}""" + "\n");
            Assert.That(other.ImportJsonl(legacy), Is.EqualTo(1), "a grown file adds only its new lines");
            Assert.That(other.History(), Has.Count.EqualTo(5));
        }
    }

    [Test]
    public void EightProcessesWritingHundredDecisionsEachLoseAndTearNothing()
    {
        var reportDir = Path.Combine(dir, "report");
        var findings = Enumerable.Range(1, 100).Select(MakeFinding).ToList();
        Directory.CreateDirectory(reportDir);
        File.WriteAllText(Path.Combine(reportDir, "report.json"), ReportJson.Serialize(new Report(null, [], findings, [])));
        // Create the store first so the processes do not all race on a missing file's folder; the schema race is tested by Open itself.
        var procs = Enumerable.Range(0, 8).Select(p =>
        {
            var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { Services.CliDll, "review", reportDir, "--db", db, "--reviewer", "proc" + p })
                psi.ArgumentList.Add(a);
            foreach (var f in findings) { psi.ArgumentList.Add("--set"); psi.ArgumentList.Add($"{f.Id}={(p % 2 == 0 ? "confirmed" : "dismissed")}"); }
            return Process.Start(psi)!;
        }).ToList();
        var outputs = procs.Select(p => (Out: p.StandardOutput.ReadToEndAsync(), Err: p.StandardError.ReadToEndAsync())).ToList();
        foreach (var p in procs) Assert.That(p.WaitForExit(TimeSpan.FromMinutes(4)), Is.True, "a writer hung");
        for (int i = 0; i < procs.Count; i++)
            Assert.That(procs[i].ExitCode, Is.EqualTo(0), outputs[i].Err.Result + outputs[i].Out.Result);

        using var store = Open();
        var history = store.History();
        Assert.That(history, Has.Count.EqualTo(800));
        Assert.That(history.GroupBy(d => d.Reviewer).Select(g => g.Count()), Is.All.EqualTo(100));
        Assert.That(history.Select(d => d.Seq).Distinct().Count(), Is.EqualTo(800));
        Assert.That(history.All(d => d.Seen is not null && d.Features.Count == 2 && d.Verdict is not null), Is.True, "no torn rows");
        var lines = store.ExportJsonl().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(800));
        Assert.That(lines.All(l => StoredDecision.Parse(l).Decision is not null), Is.True);
    }
}
