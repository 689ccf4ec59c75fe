using FactCheck.Evaluation;
using FactCheck.Temporal;

namespace FactCheck.Tests.Evaluation;

/// <summary>English extraction measured on TempEval-3 TBAQ from ../shared/eval (ignored when absent, failing under CI=true).</summary>
[Category("Eval")]
public class TempEvalTests
{
    [Test]
    public void Tbaq_strict_relaxed_and_value_F1_reach_the_targets()
    {
        var docs = GoldReader.ReadDocs(TestData.RequireEval("tempeval3/tbaq_docs.jsonl"));
        var gold = GoldReader.ReadGold(TestData.RequireEval("tempeval3/tbaq_gold.jsonl"));
        Assert.That(docs.HasErrors, Is.False);
        var extractor = new TemporalExtractor();
        var predicted = docs.Articles.SelectMany(a => extractor.Extract(a))
            .Select(m => new TimexItem(m.Doc, m.Start, m.End, m.Kind.ToString().ToUpperInvariant(), m.Value)).ToList();
        var s = TimexScorer.Score(gold.Items, predicted, docs.Articles.Select(a => a.Id)).Overall;
        TestContext.Out.WriteLine($"strict {s.Strict.F1:P1} relaxed {s.Relaxed.F1:P1} value {s.Value.F1:P1}");
        Assert.Multiple(() =>
        {
            Assert.That(s.Strict.F1, Is.GreaterThanOrEqualTo(0.882), "strict span F1");
            Assert.That(s.Relaxed.F1, Is.GreaterThanOrEqualTo(0.941), "relaxed span F1");
            Assert.That(s.Value.F1, Is.GreaterThanOrEqualTo(0.815), "value F1");
        });
    }
}
