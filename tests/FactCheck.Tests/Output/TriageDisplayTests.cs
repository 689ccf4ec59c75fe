using FactCheck.Checks;
using FactCheck.Output;
using FactCheck.Triage;

namespace FactCheck.Tests.Output;

/// <summary>How scores are explained and findings folded in report.md and report.json.</summary>
public class TriageDisplayTests
{
    [Test]
    public void Explanation_reads_as_features_with_their_push()
    {
        var text = ReportMarkdown.ExplanationText([new ScoreReason("weekday_offset", 3, 1.2), new ScoreReason("rule=weekday-date", 1, 0.8), new ScoreReason("lang=en", 0, -0.4)]);
        Assert.That(text, Is.EqualTo("weekday_offset = 3 (+1.20), rule=weekday-date (+0.80), not lang=en (−0.40)"));
    }

    [Test]
    public void Finding_json_round_trips_shown_and_explanation()
    {
        var f = new Finding
        {
            Id = "x-1", Rule = "weekday-date", Severity = Severity.High, Message = "m", Evidence = [], Score = 0.3, Shown = false,
            Explanation = [new ScoreReason("weekday_offset", 3, 1.25)],
        };
        var o = FindingJson.ToJson(f);
        Assert.That(o.Value<bool>("shown"), Is.False);
        Assert.That(o["explanation"]![0]!.Value<string>("feature"), Is.EqualTo("weekday_offset"));
        var back = FindingJson.FromJson(o);
        Assert.That(back.Shown, Is.False);
        Assert.That(back.Explanation, Is.EqualTo(f.Explanation));
    }
}
