using BenchmarkDotNet.Attributes;
using FactCheck.Triage;

namespace FactCheck.Benchmarks;

/// <summary>Triage training time on 10,000 synthetic decisions (about 12 features each, like real findings), one core.</summary>
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private IReadOnlyList<LabeledExample> examples = [];

    [Params(10_000)]
    public int Decisions { get; set; }

    [GlobalSetup]
    public void Setup() => examples = Make(Decisions, seed: 1);

    /// <summary>Decisions whose label depends on a few features plus 15% label noise, so the trainers work for it.</summary>
    public static IReadOnlyList<LabeledExample> Make(int n, ulong seed)
    {
        var rng = new SplitMix64(seed);
        string[] rules = ["weekday-date", "year-outlier", "invalid-date", "narrative-order", "after-publication", "cross-source-date", "cross-source-quantity"];
        var list = new List<LabeledExample>(n);
        for (int i = 0; i < n; i++)
        {
            var rule = rules[rng.NextInt(rules.Length)];
            double offset = rng.NextInt(7), days = rng.NextInt(4000) - 2000, fields = rng.NextInt(5), typo = rng.NextInt(3);
            var f = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["rule=" + rule] = 1, ["lang=" + (rng.NextInt(2) == 0 ? "id" : "en")] = 1, ["severity=" + (rng.NextInt(3) switch { 0 => "low", 1 => "medium", _ => "high" })] = 1,
                ["weekday_offset"] = offset, ["days_from_publication"] = days, ["stated_field_count"] = fields,
                ["top_suggestion_typo"] = typo, ["top_suggestion_score"] = rng.NextDouble(), ["has_publication"] = 1,
                ["neighbor_count"] = rng.NextInt(4), ["source=" + rng.NextInt(40)] = 1, ["doc_words"] = rng.NextInt(2000),
            };
            double z = (offset > 0 ? 1.5 : -1.5) + 0.5 * fields - 1.0 * typo - Math.Abs(days) / 1500 + (rule == "year-outlier" ? -1 : 0.3);
            bool label = 1 / (1 + Math.Exp(-z)) > rng.NextDouble() ^ rng.NextDouble() < 0.15;
            list.Add(new LabeledExample(f, label, "b" + i));
        }
        return list;
    }

    /// <summary>What `factcheck train` does: 5-fold cross-validation of each ML.NET trainer, then the chosen one fitted on all.</summary>
    [Benchmark(Description = "TriageTrainer.Train (3 trainers x 5 folds + final fit)")]
    public TrainOutcome Train() => TriageTrainer.Train(examples, null, 5, 1, DateTimeOffset.UnixEpoch);

    [Benchmark(Description = "MlTriage.Fit (L-BFGS logistic regression)")]
    public MlTriageModel FitLbfgs() => MlTriage.Fit(examples, MlTriage.Lbfgs);
}
