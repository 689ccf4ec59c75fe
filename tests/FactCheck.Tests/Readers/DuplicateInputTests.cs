using FactCheck.Checks;
using FactCheck.Model;
using FactCheck.Readers;

namespace FactCheck.Tests.Readers;

/// <summary>The same file given twice, or one id used twice, is read once with a warning; a failing rule is reported and the
/// other rules' findings are kept.</summary>
public class DuplicateInputTests
{
    [Test]
    public void The_same_file_given_twice_is_read_once_with_a_warning()
    {
        var dir = Directory.CreateTempSubdirectory("fc-dup-").FullName;
        try
        {
            var file = Path.Combine(dir, "a.jsonl");
            File.WriteAllText(file, """{"id": "x", "text": "Google menghapus Parler pada Jumat (8/1/2021).", "published": "2021-01-11"}""" + "\n");
            var copy = Path.Combine(dir, "b.jsonl");
            File.Copy(file, copy);
            var r = new ArticleReader().Read(file, file, dir);
            Assert.That(r.Articles, Has.Count.EqualTo(1), "the same file through two paths, and a copy with the same id");
            Assert.That(r.Diagnostics.Count(d => d.Level == DiagnosticLevel.Warning && d.Message.Contains("read once")), Is.EqualTo(2));
            Assert.That(r.Diagnostics.Count(d => d.Level == DiagnosticLevel.Warning && d.Message.Contains("duplicate document id \"x\"")), Is.EqualTo(1));
        }
        finally { Directory.Delete(dir, true); }
    }

    private sealed class Throwing : ICheckRule
    {
        public string Id => "throws";
        public Severity Severity => Severity.Low;
        public double Prior => 0.5;
        public IEnumerable<Finding> Check(CheckContext context) => throw new InvalidOperationException("boom");
    }

    [Test]
    public void A_rule_that_throws_is_reported_and_the_others_still_find()
    {
        var a = new ArticleAnalyzer().Analyze(TestData.Article("Parler dihapus pada Minggu malam (10/1/2020).", "id", "2021-01-11", "a"));
        var checker = new Checker([new Throwing(), .. Checker.DefaultRules()]);
        var result = checker.Check([a]);
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("rule throws failed"));
        Assert.That(result.Findings.Select(f => f.Rule), Does.Contain("weekday-date"));
    }
}
