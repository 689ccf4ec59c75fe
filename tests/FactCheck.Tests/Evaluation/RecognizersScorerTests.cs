using FactCheck.Evaluation;
using FactCheck.Model;
using FactCheck.Temporal;

namespace FactCheck.Tests.Evaluation;

/// <summary>The Recognizers-Text spec scorer on small spec files written here (no shared data needed).</summary>
public class RecognizersScorerTests
{
    [TestCase("2016-11-07 08:00:00", "2016-11-07T08:00")]
    [TestCase("2016-11-07T08", "2016-11-07T08:00")]
    [TestCase("T08:40:00", "T08:40")]
    [TestCase("2016-11-07", "2016-11-07")]
    public void Canonical_values_compare_equal(string value, string canonical) =>
        Assert.That(RecognizersEval.Canonical(value), Is.EqualTo(canonical));

    [Test]
    public void A_case_counts_when_its_timex_a_resolved_date_or_a_covering_month_is_produced()
    {
        var dir = Path.Combine(Path.GetTempPath(), "fc-rec-" + Guid.NewGuid().ToString("N"));
        var en = Directory.CreateDirectory(Path.Combine(dir, "DateTime", "English")).FullName;
        try
        {
            File.WriteAllText(Path.Combine(en, "Mine.json"), """
            [
              {"Input": "We met on Monday.", "Context": {"ReferenceDateTime": "2016-11-09T00:00:00"},
               "Results": [{"Text": "monday", "Start": 10, "End": 15, "TypeName": "datetimeV2.date",
                 "Resolution": {"values": [{"timex": "XXXX-WXX-1", "type": "date", "value": "2016-11-07"}, {"timex": "XXXX-WXX-1", "type": "date", "value": "2016-11-14"}]}}]},
              {"Input": "Sales in March rose.", "Context": {"ReferenceDateTime": "2016-11-09T00:00:00"},
               "Results": [{"Text": "march", "Start": 9, "End": 13, "TypeName": "datetimeV2.daterange",
                 "Resolution": {"values": [{"timex": "(2016-03-01,2016-04-01,P1M)", "type": "daterange", "start": "2016-03-01", "end": "2016-04-01"}]}}]},
              {"Input": "It took 3 days.", "Results": [{"Text": "3 days", "Start": 8, "Length": 6, "Type": "duration", "Value": {"Timex": "P4D"}}]},
              {"Input": "Nothing here.", "Results": []}
            ]
            """);
            var scores = RecognizersEval.Run(dir);
            int withValue = scores.Sum(s => s.WithValue), found = scores.Sum(s => s.ValueFound);
            Assert.Multiple(() =>
            {
                Assert.That(withValue, Is.EqualTo(3));
                Assert.That(found, Is.EqualTo(2), "Monday (a resolved date) and March (the month covers the range) count; P3D is not P4D");
                Assert.That(scores.Sum(s => s.SpanFound), Is.EqualTo(3));
                Assert.That(scores.Sum(s => s.Negative), Is.EqualTo(1));
                Assert.That(scores.Sum(s => s.Quiet), Is.EqualTo(1));
            });
        }
        finally { Directory.Delete(dir, true); }
    }

    [Test]
    public void The_split_is_deterministic_and_roughly_even()
    {
        var keys = Enumerable.Range(0, 2000).Select(i => $"doc-{i}").ToList();
        int dev = keys.Count(DevSplit.IsDev);
        Assert.Multiple(() =>
        {
            Assert.That(DevSplit.Of("DateTimeModel|I'll go back now"), Is.EqualTo(DevSplit.Of("DateTimeModel|I'll go back now")));
            Assert.That(dev, Is.InRange(900, 1100));
        });
    }
}
