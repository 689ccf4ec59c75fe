using System.Text;
using FactCheck.Checks;
using FactCheck.Model;
using FactCheck.Review;

namespace FactCheck.Tests.Review;

public class DecisionStoreTests
{
    private string dir = null!;
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 9, 0, 0, TimeSpan.FromHours(7));

    [SetUp]
    public void CreateDir()
    {
        dir = Path.Combine(Path.GetTempPath(), "factcheck-decisions-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
    }

    [TearDown]
    public void DeleteDir() => Directory.Delete(dir, recursive: true);

    private static Decision D(string id, Verdict v, int minute = 0, string? note = null) =>
        new(id, "weekday-date", v, new Dictionary<string, double> { ["rule=weekday-date"] = 1, ["days.diff"] = 2.5 }, note, "ana", T0.AddMinutes(minute));

    [Test]
    public void AppendThenReadRoundTrips()
    {
        var path = Path.Combine(dir, "sub", "decisions.jsonl");
        var store = new DecisionStore(path);

        Assert.That(store.Append(D("a", Verdict.Confirmed, note: "weekday \"Senin\" is wrong")), Is.Null);
        Assert.That(store.Append(D("b", Verdict.Dismissed, 1)), Is.Null);

        var log = store.Read();
        Assert.That(log.Diagnostics, Is.Empty);
        Assert.That(log.Decisions, Has.Count.EqualTo(2));
        var a = log.Decisions[0];
        Assert.That(a.FindingId, Is.EqualTo("a"));
        Assert.That(a.Rule, Is.EqualTo("weekday-date"));
        Assert.That(a.Verdict, Is.EqualTo(Verdict.Confirmed));
        Assert.That(a.Note, Is.EqualTo("weekday \"Senin\" is wrong"));
        Assert.That(a.Reviewer, Is.EqualTo("ana"));
        Assert.That(a.Time, Is.EqualTo(T0));
        Assert.That(a.Features, Is.EquivalentTo(new Dictionary<string, double> { ["rule=weekday-date"] = 1, ["days.diff"] = 2.5 }));
        Assert.That(File.ReadAllLines(path), Has.Length.EqualTo(2));
    }

    [Test]
    public void MissingFileIsEmpty()
    {
        var log = new DecisionStore(Path.Combine(dir, "none.jsonl")).Read();
        Assert.That(log.Decisions, Is.Empty);
        Assert.That(log.Diagnostics, Is.Empty);
    }

    [Test]
    public void LatestDecisionForAnIdWins()
    {
        var store = new DecisionStore(Path.Combine(dir, "d.jsonl"));
        store.Append(D("a", Verdict.Confirmed, 0));
        store.Append(D("b", Verdict.Unsure, 1));
        store.Append(D("a", Verdict.Dismissed, 2));

        var latest = store.Latest();

        Assert.That(latest, Has.Count.EqualTo(2));
        Assert.That(latest["a"].Verdict, Is.EqualTo(Verdict.Dismissed));
        Assert.That(latest["b"].Verdict, Is.EqualTo(Verdict.Unsure));
    }

    [Test]
    public void TornLastLineIsSkippedWithAWarningAndEarlierDecisionsSurvive()
    {
        var path = Path.Combine(dir, "d.jsonl");
        var warnings = new List<Diagnostic>();
        var store = new DecisionStore(path, warnings.Add);
        store.Append(D("a", Verdict.Confirmed, 0));
        store.Append(D("b", Verdict.Dismissed, 1));
        store.Append(D("c", Verdict.Confirmed, 2));
        // Simulate a process killed mid-write: cut the file in the middle of the last line.
        long full = new FileInfo(path).Length;
        int lastLine = Encoding.UTF8.GetByteCount(File.ReadAllLines(path)[2]) + 1;
        using (var s = new FileStream(path, FileMode.Open)) s.SetLength(full - lastLine / 2);

        var log = store.Read();

        Assert.That(log.Decisions.Select(d => d.FindingId), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0].Level, Is.EqualTo(DiagnosticLevel.Warning));
        Assert.That(warnings[0].ToString(), Does.Contain(path + ":3"));
        Assert.That(warnings[0].Message, Does.Contain("torn"));

        // The next append starts on a fresh line, so it is not glued onto the torn one.
        store.Append(D("d", Verdict.Unsure, 3));
        var after = new DecisionStore(path).Read();
        Assert.That(after.Decisions.Select(d => d.FindingId), Is.EqualTo(new[] { "a", "b", "d" }));
        Assert.That(after.Diagnostics, Has.Count.EqualTo(1));
        Assert.That(after.Diagnostics[0].Origin.Line, Is.EqualTo(3));
    }

    [Test]
    public void UnparsableLinesAnywhereAreSkippedNotFatal()
    {
        var path = Path.Combine(dir, "d.jsonl");
        var store = new DecisionStore(path);
        store.Append(D("a", Verdict.Confirmed));
        File.AppendAllText(path, "not json\n{\"id\": \"x\", \"verdict\": \"maybe\", \"time\": \"2025-06-01T00:00:00Z\"}\n\n");
        store.Append(D("b", Verdict.Dismissed));

        var log = store.Read();

        Assert.That(log.Decisions.Select(d => d.FindingId), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(log.Diagnostics.Select(d => d.Origin.Line), Is.EqualTo(new int?[] { 2, 3 }));
        Assert.That(log.Diagnostics[1].Message, Does.Contain("verdict"));
    }

    [Test]
    public void AppendReportsAnErrorInsteadOfThrowing()
    {
        var store = new DecisionStore(dir); // a directory, not a file
        Assert.That(store.Append(D("a", Verdict.Confirmed)), Does.Contain("cannot write"));
    }
}
