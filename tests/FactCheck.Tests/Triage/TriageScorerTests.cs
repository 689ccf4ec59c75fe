using FactCheck.Checks;
using FactCheck.Triage;

namespace FactCheck.Tests.Triage;

public class TriageScorerTests
{
    private static Finding F(string rule, params (string, double)[] features) => new()
    {
        Id = Finding.MakeId(rule, "x"), Rule = rule, Severity = Severity.Medium, Message = "m", Evidence = [],
        Features = features.ToDictionary(f => f.Item1, f => f.Item2),
    };

    /// <summary>20 confirmed weekday-date and 20 dismissed name-variant examples.</summary>
    private static List<LabeledExample> TwoRules() =>
        Enumerable.Range(0, 20).SelectMany(_ => new[]
        {
            new LabeledExample(new Dictionary<string, double> { ["rule=weekday-date"] = 1 }, true),
            new LabeledExample(new Dictionary<string, double> { ["rule=name-variant"] = 1 }, false),
        }).ToList();

    [Test]
    public void FallsBackToRulePriorsWithoutAModel()
    {
        var dir = Path.Combine(Path.GetTempPath(), "factcheck-none-" + Guid.NewGuid().ToString("N"));
        var scorer = TriageScorer.Load(dir, new Dictionary<string, double> { ["weekday-date"] = 0.9 }, defaultPrior: 0.4);
        Assert.That(scorer.Model, Is.Null);
        Assert.That(scorer.ModelProblem, Does.Contain("no model"));
        Assert.That(scorer.Score(F("weekday-date")), Is.EqualTo(0.9));
        Assert.That(scorer.Score(F("name-variant")), Is.EqualTo(0.4));
        Assert.That(scorer.Explain(F("name-variant")).Reasons, Is.Empty);
    }

    [Test]
    public void UsesTheModelWithTheRuleAsAFeature()
    {
        var examples = TwoRules();
        var scorer = new TriageScorer(MlTriage.Fit(examples, MlTriage.Lbfgs), new Dictionary<string, double>());
        Assert.That(scorer.Score(F("weekday-date")), Is.GreaterThan(0.8));
        Assert.That(scorer.Score(F("name-variant")), Is.LessThan(0.2));
        Assert.That(scorer.Explain(F("weekday-date")).Reasons.Select(r => r.Feature), Does.Contain("rule=weekday-date"));
    }

    [Test]
    public void ShippedModelIsAnMlNetModelAndLoads()
    {
        var dir = TestData.Path2("models", "triage");
        Assert.That(File.Exists(Path.Combine(dir, ModelStore.ModelFile)), "models/triage/model.zip is shipped");
        var scorer = TriageScorer.Load(dir, new Dictionary<string, double>());
        Assert.That(scorer.ModelProblem, Is.Null);
        Assert.That(scorer.Metadata!.Trainer, Is.AnyOf(MlTriage.Trainers.ToArray()));
        Assert.That(scorer.Metadata.TrainingDataHash, Has.Length.EqualTo(64));
        Assert.That(scorer.Threshold, Is.InRange(0.05, 0.95));
        var wrongWeekday = F("weekday-date", ("lang=id", 1), ("weekday_offset", 5), ("stated_field_count", 4), ("top_suggestion_typo", 1), ("has_publication", 1));
        Assert.That(scorer.Score(wrongWeekday), Is.GreaterThan(scorer.Threshold));
    }

    [Test]
    public void A_rule_the_model_saw_too_few_findings_of_keeps_its_own_estimate()
    {
        var examples = TwoRules();
        examples.Add(new LabeledExample(new Dictionary<string, double> { ["rule=cross-source-quantity"] = 1 }, false));
        var meta = new ModelMetadata
        {
            TrainingDataHash = "", Positives = 20, Negatives = 21, TrainedAt = DateTimeOffset.UnixEpoch, Trainer = MlTriage.Lbfgs, Folds = 5, Seed = 1,
            CrossValidated = BinaryMetrics.Evaluate([true, false], [0.9, 0.1]), Threshold = 0.6, FeatureNames = [], RuleLabels = TriageTrainer.RuleLabels(examples),
        };
        var scorer = new TriageScorer(MlTriage.Fit(examples, MlTriage.Lbfgs), new Dictionary<string, double>()) { Metadata = meta };
        Assert.That(meta.Knows("weekday-date") && meta.Knows("name-variant") && !meta.Knows("cross-source-quantity"));
        Assert.That(scorer.Score(F("name-variant")), Is.LessThan(0.2), "a rule it knows: the model's probability");
        Assert.That(scorer.Score(F("cross-source-quantity") with { Score = 0.42 }), Is.EqualTo(0.42), "one label: the rule's own estimate stands");
        Assert.That(scorer.Threshold, Is.EqualTo(0.6), "the model scores some rules: its threshold is the report's");
        var blind = new TriageScorer(MlTriage.Fit(examples, MlTriage.Lbfgs), new Dictionary<string, double>())
            { Metadata = meta with { RuleLabels = new Dictionary<string, (int, int)> { ["weekday-date"] = (3, 0) } } };
        Assert.That(blind.Threshold, Is.EqualTo(0.5), "a model that scores no rule does not set the cut for the rules' estimates");
    }
}
