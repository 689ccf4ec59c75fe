using FactCheck.Cli.Commands;
using FactCheck.Review;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.EndToEnd;

/// <summary>The whole loop: check the sample articles, record decisions with --set, train, check again.</summary>
public class ReviewLoopTests
{
    private string dir = "";

    [SetUp]
    public void SetUp() { dir = Path.Combine(Path.GetTempPath(), "fc-loop-" + Guid.NewGuid().ToString("N")); Directory.CreateDirectory(dir); }

    [TearDown]
    public void TearDown() { try { Directory.Delete(dir, true); } catch (IOException) { } }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static JArray Findings(string reportDir) => (JArray)JObject.Parse(File.ReadAllText(Path.Combine(reportDir, "report.json")))["findings"]!;

    [Test]
    public void Dismissed_finding_shows_as_dismissed_and_the_retrained_model_replaces_the_old_one_with_its_metrics()
    {
        var parler = TestData.Path2("data", "articles", "parler");
        var modelDir = Path.Combine(dir, "model");
        Directory.CreateDirectory(modelDir);
        foreach (var f in Directory.GetFiles(TestData.Path2("models", "triage"))) File.Copy(f, Path.Combine(modelDir, Path.GetFileName(f)));
        var labels = Path.Combine(dir, "decisions.jsonl");
        File.Copy(TestData.Path2("data", "labels", "bootstrap.jsonl"), labels);
        var clock = new FixedClock(new DateTimeOffset(2021, 1, 21, 9, 0, 0, TimeSpan.FromHours(7)));

        // 1. check
        var out1 = Path.Combine(dir, "r1");
        Assert.That(CheckCommand.Run(new CheckCommand.CheckRequest([parler], out1) { Labels = labels, Model = modelDir }, TextWriter.Null, TextWriter.Null), Is.EqualTo(0));
        var findings = Findings(out1);
        var weekday = findings.Single(f => f.Value<string>("rule") == "weekday-date").Value<string>("id")!;
        var variant = findings.Single(f => f.Value<string>("rule") == "name-variant").Value<string>("id")!;

        // 2. review: confirm one, dismiss the other
        var err = new StringWriter();
        int code = ReviewCommand.RunSet(out1, [$"{weekday}=confirmed", $"{variant}=dismissed"], "checked by hand", new DecisionStore(labels), "tester", clock, TextWriter.Null, err);
        Assert.That(code, Is.EqualTo(0), err.ToString());

        // 3. train
        var modelBefore = File.ReadAllBytes(Path.Combine(modelDir, "model.zip"));
        var trainOut = new StringWriter();
        code = TrainCommand.Run(new TrainCommand.Settings { Labels = labels, Out = modelDir, Force = true }, trainOut, TextWriter.Null, clock);
        Assert.That(code, Is.EqualTo(0), trainOut.ToString());
        Assert.That(File.ReadAllBytes(Path.Combine(modelDir, "model.zip")), Is.Not.EqualTo(modelBefore), "the model file changed");
        var meta = JObject.Parse(File.ReadAllText(Path.Combine(modelDir, "metadata.json")));
        Assert.That(meta["crossValidation"]?["auc"]?.Value<double>(), Is.InRange(0.0, 1.0));
        Assert.That(meta["counts"]?["dismissed"]?.Value<int>(), Is.GreaterThan(0));

        // 4. check again: the verdicts show, and the scores come from the new model
        var out2 = Path.Combine(dir, "r2");
        Assert.That(CheckCommand.Run(new CheckCommand.CheckRequest([parler], out2) { Labels = labels, Model = modelDir }, TextWriter.Null, TextWriter.Null), Is.EqualTo(0));
        var again = Findings(out2);
        Assert.That(again.Single(f => f.Value<string>("id") == variant).Value<string>("verdict"), Is.EqualTo("dismissed"));
        Assert.That(again.Single(f => f.Value<string>("id") == weekday).Value<string>("verdict"), Is.EqualTo("confirmed"));
        Assert.That(File.ReadAllText(Path.Combine(out2, "report.html")), Does.Contain("dismissed"));
    }
}
