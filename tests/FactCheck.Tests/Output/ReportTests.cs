using FactCheck.Checks;
using FactCheck.Model;
using FactCheck.Output;

namespace FactCheck.Tests.Output;

/// <summary>Report building and writing without the CLI: atomic writes, summary, failed inputs, decisions.</summary>
public class ReportTests
{
    private string dir = "";

    [SetUp]
    public void SetUp() { dir = Path.Combine(Path.GetTempPath(), "fc-report-" + Guid.NewGuid().ToString("N")); Directory.CreateDirectory(dir); }

    [TearDown]
    public void TearDown() { try { Directory.Delete(dir, true); } catch (IOException) { } }

    [Test]
    public void Atomic_write_replaces_the_file_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(dir, "r.json");
        File.WriteAllText(path, "old");
        AtomicFile.WriteAllText(path, "new");
        Assert.That(File.ReadAllText(path), Is.EqualTo("new"));
        Assert.That(Directory.GetFiles(dir), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void Atomic_write_that_fails_leaves_the_old_file_and_no_temporary_file()
    {
        var target = Path.Combine(dir, "sub");
        Directory.CreateDirectory(target); // a folder where the file should go: the rename fails
        Assert.That(() => AtomicFile.WriteAllText(target, "x"), Throws.InstanceOf<IOException>().Or.InstanceOf<UnauthorizedAccessException>());
        Assert.That(Directory.GetFiles(dir), Is.Empty);
    }

    private static (Report Report, IReadOnlyList<Finding> Findings) Build(params Article[] articles)
    {
        var analyzed = articles.Select(a => new ArticleAnalyzer().Analyze(a)).ToList();
        var findings = new Checker().Check(analyzed).Findings;
        var read = new ReadResult(articles, [Diagnostic.Error(new Origin("bad.jsonl", 3), "not valid JSON")]);
        return (Report.Build(read, analyzed, findings), findings);
    }

    [Test]
    public void Summary_counts_by_severity_and_lists_the_failed_input()
    {
        var (r, _) = Build(TestData.Article("Amazon menyusul pada Minggu (10/1/2020). Polisi telah menangkap pelaku pada 25 Januari 2021.", "id", "2021-01-11", "d1"));
        var json = ReportJson.ToJson(r);
        Assert.That(json["summary"]!.Value<int>("high"), Is.EqualTo(1));
        Assert.That(json["summary"]!.Value<int>("medium"), Is.EqualTo(1));
        Assert.That(json["summary"]!.Value<int>("failed"), Is.EqualTo(1));
        var failed = json["articles"]!.Single(a => a.Value<string>("status") == "failed");
        Assert.That(failed.Value<string>("id"), Is.EqualTo("bad:3"));
        Assert.That(failed.Value<string>("error"), Is.EqualTo("not valid JSON"));
        Assert.That(json["findings"]![0]!.Value<string>("severity"), Is.EqualTo("high"), "ordered by severity");
        Assert.That(json["facts"], Is.Empty);
    }

    [Test]
    public void Ids_come_from_content_not_from_offsets_or_run_order()
    {
        var (_, a) = Build(TestData.Article("Amazon menyusul pada Minggu (10/1/2020).", "id", "2021-01-11", "d1"));
        var (_, b) = Build(TestData.Article("Berita lain di awal.\n\nAmazon menyusul pada Minggu (10/1/2020).", "id", "2021-01-11", "d1"),
                           TestData.Article("Apa pun.", "id", "2021-01-11", "d0"));
        Assert.That(a.Single().Id, Is.EqualTo(b.Single().Id));
        Assert.That(a.Single().Id, Does.StartWith("weekday-date-"));
    }

    [Test]
    public void Decisions_attach_verdicts_by_id()
    {
        var (_, findings) = Build(TestData.Article("Amazon menyusul pada Minggu (10/1/2020).", "id", "2021-01-11", "d1"));
        var applied = Checker.ApplyDecisions(findings, new Dictionary<string, (Verdict, string?)> { [findings[0].Id] = (Verdict.Dismissed, "satire") });
        Assert.That(applied[0].Verdict, Is.EqualTo(Verdict.Dismissed));
        Assert.That(applied[0].ReviewNote, Is.EqualTo("satire"));
        Assert.That(ClaimReviewJson.ToJson(new Report(null, [], applied, [])), Is.Empty, "only confirmed findings become ClaimReviews");
    }

    [Test]
    public void A_rule_that_throws_becomes_a_diagnostic_and_the_others_still_run()
    {
        var a = new ArticleAnalyzer().Analyze(TestData.Article("Amazon menyusul pada Minggu (10/1/2020).", "id", "2021-01-11"));
        var result = new Checker([new Throwing(), new FactCheck.Checks.Rules.WeekdayDateRule()]).Check([a]);
        Assert.That(result.Findings, Has.Count.EqualTo(1));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("boom"));
    }

    private sealed class Throwing : ICheckRule
    {
        public string Id => "throwing";
        public Severity Severity => Severity.Low;
        public double Prior => 0.1;
        public IEnumerable<Finding> Check(CheckContext context) => throw new InvalidOperationException("boom");
    }
}
