using FactCheck.Checks;
using FactCheck.Evaluation;
using FactCheck.Model;
using FactCheck.Readers;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Evaluation;

/// <summary>The injected-discrepancy harness: on a hand-made cluster, and on the real id_news clusters (skipped when absent).</summary>
public class InjectionEvalTests
{
    private static Article Doc(string id, string text) => TestData.Article(text, "id", "2025-06-20", id);

    [Test]
    public void A_date_typo_and_a_misspelled_name_injected_into_a_small_cluster_are_found()
    {
        var a = Doc("a", "Menteri Keuangan Sri Mulyani Indrawati berbicara di Jakarta, Kamis (19/6/2025). Sri Mulyani Indrawati menyebut defisit melebar.");
        var b = Doc("b", "Sri Mulyani Indrawati menjelaskan hal itu kepada wartawan, Kamis (19/6/2025).");
        var report = new InjectionHarness(new ArticleAnalyzer(), new Checker(), seed: 3)
            .Run([("c1", ["a", "b"])], new Dictionary<string, Article> { ["a"] = a, ["b"] = b });
        var typo = report.Injections.Single(i => i.Kind == InjectionKind.DateTypo);
        Assert.That(typo.After, Is.Not.EqualTo(typo.Before));
        Assert.That(typo.Hits.Select(f => f.Rule), Does.Contain("weekday-date"), $"{typo.Before} -> {typo.After}");
        var benign = report.Injections.Single(i => i.Kind == InjectionKind.BenignDateFormat);
        Assert.That(benign.Hits.Concat(benign.Other), Is.Empty, $"{benign.Before} -> {benign.After} is the same date");
    }

    [Test, Category("Eval")]
    public void On_the_id_news_clusters_recall_and_precision_of_injected_discrepancies_reach_90_percent()
    {
        var eval = TestData.EvalDir is { } e ? Path.Combine(e, "id_news") : null;
        if (eval is null || !File.Exists(Path.Combine(eval, "id_news_clusters.jsonl"))) Assert.Ignore("../shared/eval/id_news not present");
        var read = new ArticleReader().Read(Path.Combine(eval!, "id_news_articles.jsonl"));
        var byId = read.Articles.ToDictionary(x => x.Id, StringComparer.Ordinal);
        var clusters = File.ReadLines(Path.Combine(eval!, "id_news_clusters.jsonl")).Select(JObject.Parse)
            .Select(o => (o.Value<string>("cluster_id")!, (IReadOnlyList<string>)o["article_ids"]!.Values<string>().OfType<string>().ToList())).ToList();
        var report = new InjectionHarness(new ArticleAnalyzer(), new Checker(), seed: 1).Run(clusters, byId);
        TestContext.Out.WriteLine($"recall {report.Recall:P1} ({report.Detected}/{report.Injected}), precision {report.Precision:P1}, benign flagged {report.BenignFlagged}/{report.Benign}, untouched findings {report.UntouchedFindings}");
        Assert.That(report.Injected, Is.GreaterThan(200));
        Assert.That(report.Recall, Is.GreaterThanOrEqualTo(0.90));
        Assert.That(report.Precision, Is.GreaterThanOrEqualTo(0.90));
        Assert.That(report.BenignFlagged, Is.LessThanOrEqualTo(report.Benign / 20), "at most 5% of benign edits flagged");
    }
}
