using System.Diagnostics;
using FactCheck.Checks;
using FactCheck.Stories;
using FactCheck.Store;

namespace FactCheck.Cluster;

/// <summary>What every grain of a silo shares: the store, the engine's analyzer, grouper and checker (the same as `check`
/// uses), and the silo's counters.</summary>
public sealed class ClusterServices(FactStore store, string? modelDir = null, TimeProvider? clock = null)
{
    public FactStore Store { get; } = store;
    public Checker Checker { get; } = new();
    public StoryGrouper Grouper { get; } = new();
    public ClusterMetrics Metrics { get; } = new(clock ?? TimeProvider.System);

    private readonly object scoreGate = new();
    private readonly Lazy<FactCheck.Triage.TriageScorer?> scorer = new(() => modelDir is null ? null : FactCheck.Triage.TriageScorer.Load(modelDir, new Checker()));

    /// <summary>The triage scorer (serve's --model), or null when there is no model there (the rules' priors stay).</summary>
    public FactCheck.Triage.TriageScorer? Scorer => scorer.Value is { Model: not null } s ? s : null;

    /// <summary>A story's findings scored as `check` scores them: by the triage model when one loads (each score with the
    /// features that moved it, in the checker's order again), shown when at or above the model's threshold; without a model,
    /// the rules' priors and the threshold 0.5.</summary>
    public IReadOnlyList<FactCheck.Checks.Finding> Score(IReadOnlyList<FactCheck.Checks.Finding> findings)
    {
        var s = Scorer;
        IReadOnlyList<FactCheck.Checks.Finding> scored = findings;
        if (s is not null)
        {
            List<FactCheck.Checks.Finding> rescored;
            // the model's ML.NET prediction engine is not thread-safe, and story grains score on several threads
            lock (scoreGate) rescored = findings.Select(s.Rescore).ToList();
            scored = Checker.Order(rescored);
        }
        double threshold = s?.Threshold ?? 0.5;
        return scored.Select(f => f with { Shown = f.Score >= threshold }).ToList();
    }

    /// <summary>One analyzer per thread (the analyzer keeps per-call state local, but its entity extractor's memo is not shared).</summary>
    private readonly ThreadLocal<ArticleAnalyzer> analyzers = new(() => new ArticleAnalyzer());

    /// <summary>Reads one stored JSONL document as `check` reads a JSONL line, and analyzes it as `check` does.</summary>
    public AnalyzedArticle Analyze(string id, string body)
    {
        var read = new FactCheck.Readers.JsonlArticleReader().Read(body, "api");
        if (read.Articles.Count != 1) throw new InvalidDataException($"article {id}: the stored document does not read as one article");
        return FactCheck.Pipeline.AnalysisPipeline.AnalyzeForCheck(analyzers.Value!, read.Articles[0]);
    }

    /// <summary>The order of articles within the grouping and within each story: publication time, then id (ordinal), so the
    /// stories and findings do not depend on the order articles arrive in. Articles without a publication date come last.</summary>
    public static int Canonical(StoryGrouper.StorySignature x, StoryGrouper.StorySignature y) => Canonical(x.Published, x.Id, y.Published, y.Id);

    /// <summary>The same order for articles (a single-process `check` of articles in this order groups them as the cluster does).</summary>
    public static IReadOnlyList<FactCheck.Model.Article> InCanonicalOrder(IEnumerable<FactCheck.Model.Article> articles)
    {
        var list = articles.ToList();
        list.Sort((x, y) => Canonical(x.Published, x.Id, y.Published, y.Id));
        return list;
    }

    private static int Canonical(DateTimeOffset? xp, string xid, DateTimeOffset? yp, string yid)
    {
        int c = (xp is null).CompareTo(yp is null);
        if (c != 0) return c;
        if (xp is { } px && yp is { } py && (c = px.UtcTicks.CompareTo(py.UtcTicks)) != 0) return c;
        return string.CompareOrdinal(xid, yid);
    }
}

/// <summary>Per-silo counters, shown at /metrics in Prometheus text format.</summary>
public sealed class ClusterMetrics(TimeProvider clock)
{
    private readonly long started = clock.GetTimestamp();
    private long processed, failed, stale, inFlight, storiesActive, storyChecks, alignTicks, analyzeTicks, assignTicks, reanalyzed, held;

    public void Processed() => Interlocked.Increment(ref processed);
    public void Failed() => Interlocked.Increment(ref failed);
    public void StaleWrite() => Interlocked.Increment(ref stale);
    public IDisposable InFlight() { Interlocked.Increment(ref inFlight); return new Leave(() => Interlocked.Decrement(ref inFlight)); }
    public void StoryActivated() => Interlocked.Increment(ref storiesActive);
    public void StoryDeactivated() => Interlocked.Decrement(ref storiesActive);
    public void Reanalyzed(int n) => Interlocked.Add(ref reanalyzed, n);
    /// <summary>Analyses held by this silo's story grains went up or down by <paramref name="delta"/>.</summary>
    public void Held(int delta) => Interlocked.Add(ref held, delta);
    public void Aligned(long ticks) { Interlocked.Increment(ref storyChecks); Interlocked.Add(ref alignTicks, ticks); }
    public void Analyzed(long ticks) => Interlocked.Add(ref analyzeTicks, ticks);
    public void Assigned(long ticks) => Interlocked.Add(ref assignTicks, ticks);
    public long Timestamp() => clock.GetTimestamp();
    public long Since(long start) => clock.GetTimestamp() - start;

    private sealed class Leave(Action a) : IDisposable { public void Dispose() => a(); }

    /// <summary>The counters as Prometheus text exposition format (version 0.0.4).</summary>
    public string Prometheus(string silo)
    {
        double up = Math.Max(1e-9, (clock.GetTimestamp() - started) / (double)Stopwatch.Frequency);
        string l = "{silo=\"" + silo.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"}";
        var w = new System.Text.StringBuilder();
        void M(string name, string type, string help, double v)
        {
            w.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            w.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
            w.Append(name).Append(l).Append(' ').Append(v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }
        double S(long ticks) => ticks / (double)Stopwatch.Frequency;
        M("factcheck_articles_processed_total", "counter", "Articles analyzed and sent to their story on this silo.", Interlocked.Read(ref processed));
        M("factcheck_articles_failed_total", "counter", "Article processings that failed here (retried by the sweep).", Interlocked.Read(ref failed));
        M("factcheck_story_stale_writes_total", "counter", "Story writes refused here because the store held a newer state (a second activation of the story).", Interlocked.Read(ref stale));
        M("factcheck_articles_per_second", "gauge", "Articles processed per second since the silo started.", Interlocked.Read(ref processed) / up);
        M("factcheck_queue_depth", "gauge", "Articles being processed on this silo now (accepted, not yet through to their story).", Interlocked.Read(ref inFlight));
        M("factcheck_story_grains_active", "gauge", "Story grains active on this silo.", Interlocked.Read(ref storiesActive));
        M("factcheck_story_checks_total", "counter", "Story checks (alignment and rules) run on this silo.", Interlocked.Read(ref storyChecks));
        M("factcheck_alignment_seconds_total", "counter", "Time spent aligning and checking stories on this silo.", S(Interlocked.Read(ref alignTicks)));
        M("factcheck_analysis_seconds_total", "counter", "Time spent analyzing articles on this silo.", S(Interlocked.Read(ref analyzeTicks)));
        M("factcheck_assignment_seconds_total", "counter", "Time spent grouping articles into stories on this silo.", S(Interlocked.Read(ref assignTicks)));
        M("factcheck_articles_reanalyzed_total", "counter", "Story members analyzed again from the store (a story grain reactivated, or a member moved without its analysis).", Interlocked.Read(ref reanalyzed));
        M("factcheck_analyses_held", "gauge", "Article analyses held in memory by this silo's story grains.", Interlocked.Read(ref held));
        M("factcheck_managed_heap_bytes", "gauge", "Bytes of the managed heap in use (after the last collection).", GC.GetGCMemoryInfo().HeapSizeBytes);
        M("factcheck_uptime_seconds", "gauge", "Seconds since the silo started.", up);
        return w.ToString();
    }
}
