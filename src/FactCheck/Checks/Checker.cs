using FactCheck.Align;
using FactCheck.Checks.Rules;
using FactCheck.Model;
using FactCheck.Stories;

namespace FactCheck.Checks;

/// <summary>Runs every rule over the analyzed articles of a run and orders the findings by severity, then score.</summary>
public sealed class Checker
{
    public IReadOnlyList<ICheckRule> Rules { get; }
    public CheckOptions Options { get; }

    public Checker(IEnumerable<ICheckRule>? rules = null, CheckOptions? options = null)
    {
        Rules = (rules ?? DefaultRules()).ToList();
        Options = options ?? CheckOptions.Default;
    }

    /// <summary>The in-article rules (weekday-date, invalid-date, narrative-order, after-publication, year-outlier, range-order) and the cross-source ones.</summary>
    public static IReadOnlyList<ICheckRule> DefaultRules() =>
        [new WeekdayDateRule(), new InvalidDateRule(), new NarrativeOrderRule(), new AfterPublicationRule(), new YearOutlierRule(),
         new CrossSourceDateRule(), new CrossSourceQuantityRule(), new NameVariantRule(), new RangeOrderRule()];

    public CheckResult Check(IReadOnlyList<AnalyzedArticle> articles)
    {
        var context = new CheckContext(articles, Options);
        var diagnostics = new List<Diagnostic>();
        var byId = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            try
            {
                foreach (var f in rule.Check(context)) byId.TryAdd(f.Id, f);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // a bug in one rule must not lose the other rules' findings
                diagnostics.Add(Diagnostic.Error(new Origin("rule:" + rule.Id), $"rule {rule.Id} failed: {e.GetType().Name}: {e.Message}"));
            }
        }
        return new CheckResult(Order(byId.Values), diagnostics);
    }

    /// <summary>
    /// Checks each story on its own: the in-article rules run once per article, the cross-source rules once per story over
    /// that story's articles only, and every finding carries its story's id. <paramref name="grouping"/> assigns each
    /// article (by position) a story, as <see cref="StoryGrouper"/> returns it. Stories are checked on up to
    /// <paramref name="threads"/> cores (0: every core) and their findings merged in story order, so the result is the same
    /// for any thread count.
    /// </summary>
    public CheckResult CheckStories(IReadOnlyList<AnalyzedArticle> articles, StoryGrouping grouping, int threads = 1)
    {
        if (grouping.Assignments.Count != articles.Count)
            throw new ArgumentException($"{grouping.Assignments.Count} story assignments for {articles.Count} articles", nameof(grouping));
        var members = new Dictionary<string, List<AnalyzedArticle>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < articles.Count; i++)
        {
            var id = grouping.Assignments[i];
            if (!members.TryGetValue(id, out var list)) { members[id] = list = []; order.Add(id); }
            list.Add(articles[i]);
        }
        // each story is checked on its own (rules keep no state between calls, each article belongs to one story); the
        // merge below runs in story order, as a single-threaded run would add the findings and the first failure of a rule
        var perStory = new StoryOutcome[order.Count];
        if (threads <= 0) threads = Environment.ProcessorCount;
        if (threads == 1 || order.Count < 2)
            for (int k = 0; k < order.Count; k++) perStory[k] = CheckStory(order[k], members[order[k]]);
        else
            Parallel.For(0, order.Count, new ParallelOptions { MaxDegreeOfParallelism = threads },
                k => perStory[k] = CheckStory(order[k], members[order[k]]));
        return Merge(perStory);
    }

    /// <summary>The result of checking stories one by one: their findings (the first of each id) and the first failure of each
    /// rule, in the order of <paramref name="perStory"/> (story order), and their fact rows.</summary>
    public static CheckResult Merge(IReadOnlyList<StoryOutcome> perStory)
    {
        var diagnostics = new List<Diagnostic>();
        var byId = new Dictionary<string, Finding>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in perStory)
        {
            foreach (var f in outcome.Findings) byId.TryAdd(f.Id, f);
            foreach (var (rule, d) in outcome.Failures)
                if (failed.Add(rule)) diagnostics.Add(d);
        }
        return new CheckResult(Order(byId.Values), diagnostics) { Facts = perStory.SelectMany(o => o.Facts).ToList() };
    }

    /// <summary>What checking one story gave: its findings (in rule order, each with the story's id), the rules that failed on
    /// it, and its fact rows.</summary>
    public sealed record StoryOutcome(List<Finding> Findings, List<(string Rule, Diagnostic Diagnostic)> Failures, IReadOnlyList<FactRow> Facts);

    /// <summary>Checks one story's articles (in the order given) as <see cref="CheckStories"/> does for each story: the unit of
    /// work a story grain of the cluster runs.</summary>
    public StoryOutcome CheckStory(string story, IReadOnlyList<AnalyzedArticle> articles)
    {
        var context = new CheckContext(articles, Options);
        var findings = new List<Finding>();
        var failures = new List<(string, Diagnostic)>();
        foreach (var rule in Rules)
        {
            // findings a rule yielded before it failed are kept, as before
            try
            {
                foreach (var f in rule.Check(context)) findings.Add(f with { Story = story });
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add((rule.Id, Diagnostic.Error(new Origin("rule:" + rule.Id), $"rule {rule.Id} failed in story {story}: {e.GetType().Name}: {e.Message}")));
            }
        }
        IReadOnlyList<FactRow> facts;
        // the story's own fact table: its claim rows, then the rows of its aligned slots
        try { facts = [.. context.Facts.Select(r => r with { Story = story }), .. SlotFactRows.From(context.SlotGroups).Select(r => r with { Story = story })]; }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            facts = [];
            failures.Add(("fact-table", Diagnostic.Error(new Origin("fact-table"), $"fact table failed in story {story}: {e.GetType().Name}: {e.Message}")));
        }
        return new StoryOutcome(findings, failures, facts);
    }

    /// <summary>Severity (high first), then score, then document and position, so the order does not depend on the run.</summary>
    public static IReadOnlyList<Finding> Order(IEnumerable<Finding> findings) => findings
        .OrderByDescending(f => f.Severity)
        .ThenByDescending(f => f.Score)
        .ThenBy(f => f.Evidence.Count > 0 ? f.Evidence[0].Doc : "", StringComparer.Ordinal)
        .ThenBy(f => f.Evidence.Count > 0 ? f.Evidence[0].Start : 0)
        .ThenBy(f => f.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>Findings with the reviewers' verdicts (matched by finding id) attached.</summary>
    public static IReadOnlyList<Finding> ApplyDecisions(IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, (Verdict verdict, string? note)> decisions)
    {
        if (decisions.Count == 0) return findings;
        return findings.Select(f => decisions.TryGetValue(f.Id, out var d) ? f with { Verdict = d.verdict, ReviewNote = d.note } : f).ToList();
    }
}
