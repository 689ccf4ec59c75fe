using FactCheck.Checks;
using FactCheck.Readers;
using FactCheck.Triage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Evaluation;

/// <summary>Writes every finding `check` raises on the untouched shared clusters (id_news, basil_en_dev), one run per cluster, scored
/// by the shipped model, to $FACTCHECK_DUMP (JSONL) for a fact-checker to read and judge. Explicit: it measures nothing by itself.</summary>
[Category("Eval"), Explicit("writes findings for reading; set FACTCHECK_DUMP")]
public class RealNewsFindingsDump
{
    [Test]
    public void Dump_findings_on_the_shared_clusters()
    {
        var eval = TestData.EvalDir;
        if (eval is null) { WeekdayCheckEvalTests.MissingEval("../shared/eval"); return; }
        var outPath = Environment.GetEnvironmentVariable("FACTCHECK_DUMP") ?? Path.Combine(Path.GetTempPath(), "factcheck-real-findings.jsonl");
        var scorer = TriageScorer.Load(TestData.Path2("models", "triage"), new Checker());
        Assert.That(scorer.Model, Is.Not.Null, scorer.ModelProblem);
        var analyzer = new ArticleAnalyzer();
        var checker = new Checker();
        using var w = new StreamWriter(outPath);
        var counts = new Dictionary<string, (int All, int Shown)>();
        foreach (var (corpus, docs, clusters) in new[]
        {
            ("id_news", "id_news/id_news_articles.jsonl", "id_news/id_news_clusters.jsonl"),
            ("basil_en_dev", "basil_en_dev/docs.jsonl", "basil_en_dev/clusters.jsonl"),
        })
        {
            var read = new ArticleReader().Read([Path.Combine(eval, docs)]);
            var byId = read.Articles.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
            foreach (var line in File.ReadLines(Path.Combine(eval, clusters)))
            {
                var c = JObject.Parse(line);
                var arts = c["article_ids"]!.Values<string>().Where(id => byId.ContainsKey(id!)).Select(id => analyzer.Analyze(byId[id!])).ToList();
                foreach (var f in checker.Check(arts).Findings)
                {
                    var s = scorer.Explain(f);
                    bool shown = s.Probability >= scorer.Threshold;
                    var key = corpus + " " + f.Rule;
                    var (all, sh) = counts.GetValueOrDefault(key);
                    counts[key] = (all + 1, sh + (shown ? 1 : 0));
                    w.WriteLine(new JObject
                    {
                        ["corpus"] = corpus, ["cluster"] = c.Value<string>("cluster_id"), ["rule"] = f.Rule, ["score"] = Math.Round(s.Probability, 3),
                        ["shown"] = shown, ["message"] = f.Message, ["text"] = f.Evidence[0].Text, ["sentence"] = f.Evidence[0].Sentence,
                        ["published"] = byId.GetValueOrDefault(f.Evidence[0].Doc)?.Published?.ToString("yyyy-MM-dd"),
                        ["suggestion"] = f.Suggestions.FirstOrDefault()?.Text, ["reason"] = f.Suggestions.FirstOrDefault()?.Reason,
                        ["id"] = f.Id,
                    }.ToString(Formatting.None));
                }
            }
        }
        foreach (var (k, v) in counts.OrderBy(kv => kv.Key)) TestContext.Out.WriteLine($"{k}: {v.All} findings, {v.Shown} above threshold {scorer.Threshold}");
    }
}
