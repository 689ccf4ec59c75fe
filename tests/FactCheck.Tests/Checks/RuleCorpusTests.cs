using FactCheck.Checks;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Checks;

/// <summary>Runs every rule's corpus (tests/FactCheck.Tests/Checks/Corpus/&lt;rule&gt;.json): positive and negative cases.</summary>
public class RuleCorpusTests
{
    public sealed record Case(string Rule, string Name, JObject Body)
    {
        public override string ToString() => $"{Rule}: {Name}";
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        var dir = TestData.Path2("tests", "FactCheck.Tests", "Checks", "Corpus");
        foreach (var file in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            var json = JObject.Parse(File.ReadAllText(file));
            var rule = json.Value<string>("rule")!;
            foreach (var c in json["cases"]!.OfType<JObject>())
                yield return new TestCaseData(new Case(rule, c.Value<string>("name")!, c)).SetName($"corpus {rule}: {c.Value<string>("name")}");
        }
    }

    [Test]
    public void Every_in_article_rule_has_a_corpus_with_positive_and_negative_cases()
    {
        var cases = Cases().Select(c => (Case)c.Arguments[0]!).ToList();
        foreach (var rule in Checker.DefaultRules().OfType<ArticleRule>())
        {
            var mine = cases.Where(c => c.Rule == rule.Id).ToList();
            Assert.That(mine.Any(c => c.Body["flag"]!.Any()), $"{rule.Id}: no positive case");
            Assert.That(mine.Any(c => !c.Body["flag"]!.Any()), $"{rule.Id}: no negative case");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Corpus_case(Case c)
    {
        var b = c.Body;
        var article = TestData.Article(b.Value<string>("text")!, b.Value<string>("lang") ?? "id", b.Value<string>("published"));
        var rule = Checker.DefaultRules().Single(r => r.Id == c.Rule);
        var findings = new Checker([rule]).Check([new ArticleAnalyzer().Analyze(article)]).Findings;

        var expected = b["flag"]!.Values<string>().ToList();
        Assert.That(findings.Select(f => f.Evidence[0].Text), Is.EquivalentTo(expected),
            string.Join("\n", findings.Select(f => f.Message)));
        foreach (var f in findings)
        {
            Assert.That(f.Rule, Is.EqualTo(c.Rule));
            Assert.That(f.Score, Is.EqualTo(rule.Prior));
            Assert.That(f.Features, Contains.Key("rule=" + c.Rule));
            var e = f.Evidence[0];
            Assert.That(article.Text[e.Start..e.End], Is.EqualTo(e.Text));
            Assert.That(e.Sentence, Does.Contain(e.Text));
        }
        if (findings.Count == 0) return;
        var first = findings[0];
        if (b.Value<string>("severity") is { } sev) Assert.That(first.Severity.ToString().ToLowerInvariant(), Is.EqualTo(sev));
        if (b.Value<string>("first") is { } v)
        {
            Assert.That(first.Suggestions, Is.Not.Empty);
            Assert.That(first.Suggestions[0].Value, Is.EqualTo(v), string.Join("\n", first.Suggestions));
        }
        if (b.Value<string>("firstText") is { } t) Assert.That(first.Suggestions[0].Text, Is.EqualTo(t));
        foreach (var m in b["message"]?.Values<string>() ?? []) Assert.That(first.Message, Does.Contain(m));
    }
}
