using FactCheck.Evaluation;

namespace FactCheck.Tests.Evaluation;

/// <summary>English dates against the NewsReader MEANTIME gold (CC BY 4.0, read from ../shared/eval/meantime_en).</summary>
[Category("Eval")]
public class MeantimeEvalTests
{
    [Test]
    public void Date_recall_reaches_90_percent()
    {
        var docs = TestData.RequireEval("meantime_en/docs.jsonl");
        var (all, _) = MeantimeEval.Run(docs);
        var (dev, _) = MeantimeEval.Run(docs, half: DevSplit.Half.Dev);
        var (test, _) = MeantimeEval.Run(docs, half: DevSplit.Half.Test);
        TestContext.Out.WriteLine($"dates: all R {all.Recall:P1} P {all.Precision:P1}; dev R {dev.Recall:P1}; test R {test.Recall:P1}");
        Assert.Multiple(() =>
        {
            Assert.That(dev.Gold + test.Gold, Is.EqualTo(all.Gold), "the halves partition the documents");
            Assert.That(all.Recall, Is.GreaterThanOrEqualTo(0.90), string.Join("\n", all.Missed.Take(30)));
        });
    }
}
