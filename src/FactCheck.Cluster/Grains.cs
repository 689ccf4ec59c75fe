using FactCheck.Checks;
using FactCheck.Stories;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace FactCheck.Cluster;

/// <summary>The stateless worker: analyzes an accepted article on the silo it arrived at (one activation per core at most),
/// stores its signature, and hands signature and analysis to the story assignment. Processing an article twice is harmless:
/// the assignment and the story grains take the same article and version as a no-op.</summary>
[StatelessWorker]
public sealed class ArticleWorker(ClusterServices services) : Grain, IArticleWorker
{
    public async Task<string> Process(IngestDoc doc)
    {
        var m = services.Metrics;
        using var _ = m.InFlight();
        try
        {
            long t0 = m.Timestamp();
            var analyzed = services.Analyze(doc.Id, doc.Body);
            if (analyzed.Id != doc.Id) throw new InvalidDataException($"article {doc.Id}: the stored document has id {analyzed.Id}");
            var signature = Payload.Write(services.Grouper.Signature(analyzed));
            var json = Payload.Write(analyzed);
            m.Analyzed(m.Since(t0));
            var story = await GrainFactory.GetGrain<IStoryAssignment>(StoryAssignment.Scope).Assign(new Arrival(doc.Id, doc.Sha256, signature, json));
            services.Store.MarkProcessed(doc.Id, doc.Sha256, signature);
            m.Processed();
            return story;
        }
        catch
        {
            m.Failed();
            throw;
        }
    }
}

/// <summary>
/// The story assignment: one grain per grouping scope (one scope, "all", here), holding every processed article's signature.
/// Each arrival regroups the scope with the engine's <see cref="StoryGrouper"/> over the signatures in publication-then-id
/// order, so the stories are those `check` finds for the same articles in that order, whatever order they arrived in and
/// whichever silo analyzed them. The stories whose members changed are told so (with the analyses of the members they gain).
/// Its state is the store: the signatures of processed articles (cluster_articles) and each story's members (cluster_stories),
/// read back when the grain is activated again (on another silo after a crash). After an activation, a failed batch, and at
/// every sweep (<see cref="Reconcile"/>) it reconciles from the store: it takes the stored signatures and the stored members of
/// every story, and tells each story whose stored members are not the grouping's, so an article a failed batch (or a second
/// activation of this grain during a membership change) left in no story, or in two, is placed again from the database.
/// </summary>
[Reentrant]
public sealed class StoryAssignment(ClusterServices services, ILogger<StoryAssignment> log) : Grain, IStoryAssignment
{
    public const string Scope = "all";

    private readonly Dictionary<string, StoryGrouper.StorySignature> signatures = new(StringComparer.Ordinal);
    /// <summary>Members of each story as the story grains were last told (or, when reconciling, as the store holds them).</summary>
    private Dictionary<string, List<string>> told = new(StringComparer.Ordinal);
    /// <summary>The next batch reconciles from the store: set at activation and when a batch failed part-way (some stories may
    /// have taken their new members and others not).</summary>
    private bool reconcile;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        LoadFromStore();
        reconcile = signatures.Count > 0 || told.Count > 0;
        if (reconcile) log.LogInformation("story assignment activated with {Articles} articles in {Stories} stories", signatures.Count, told.Count);
        return Task.CompletedTask;
    }

    public Task<(int Stories, int Articles)> Size() => Task.FromResult((told.Count, signatures.Count));

    // Arrivals are taken in batches: calls interleave (the grain is reentrant, but runs one turn at a time), each adds its
    // arrival and waits; one loop regroups once for all arrivals waiting, tells the stories, and answers them all.
    // A reconciliation (no arrival, null) waits in the same queue, so it never runs beside a batch.
    private readonly List<(Arrival? Arrival, TaskCompletionSource<string> Answer)> pending = [];
    private Task? loop;

    public Task<string> Assign(Arrival arrival) => Enqueue(arrival);

    /// <summary>Reconciles from the store (whether or not a batch failed here: the in-memory state of another activation,
    /// or of one on a silo that died, may have told the stories otherwise); fails when a story could not be told. The sweeper
    /// asks after each sweep and reports the sweep failed if this fails, so a sweep that answers has every processed article
    /// in the story the grouping gives it.</summary>
    public Task Reconcile() => Enqueue(null);

    private Task<string> Enqueue(Arrival? arrival)
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending.Add((arrival, answer));
        if (loop is null || loop.IsCompleted) loop = Drain();
        return answer.Task;
    }

    /// <summary>After a failed batch with nothing waiting, how many times the loop reconciles by itself (waiting a second more
    /// each time) before leaving it to the next arrival or sweep.</summary>
    public const int SelfReconciles = 10;

    /// <summary>How long the last regrouping took: the next batch waits as long for more arrivals, so regrouping (which
    /// grows with the articles held) takes at most about half of this grain's time however fast articles come.</summary>
    private TimeSpan lastGrouping = TimeSpan.Zero;
    public static readonly TimeSpan MaxGather = TimeSpan.FromSeconds(2);

    private async Task Drain()
    {
        await Task.Yield();   // let the calls already queued add their arrivals to this batch
        int selfReconciles = 0;
        while (pending.Count > 0 || reconcile && selfReconciles < SelfReconciles)
        {
            if (pending.Count == 0)
            {
                // a batch failed part-way and nothing waits: a story may lack a member the grouping gave it (it was taken from
                // one story and not given to the other); reconcile soon, whether or not an arrival comes
                await Task.Delay(TimeSpan.FromSeconds(++selfReconciles));
                if (pending.Count == 0) pending.Add((null, new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)));
            }
            if (lastGrouping > TimeSpan.Zero) await Task.Delay(lastGrouping < MaxGather ? lastGrouping : MaxGather);
            var batch = pending.ToList();
            pending.Clear();
            try
            {
                var fromStore = reconcile || batch.Any(b => b.Arrival is null);
                var stories = await AssignBatch(batch.Where(b => b.Arrival is not null).Select(b => b.Arrival!).ToList(), fromStore);
                foreach (var (a, answer) in batch) answer.SetResult(a is null ? "" : stories[a.Id]);
            }
            catch (Exception e)
            {
                // some stories may have taken their new members and others not: the next batch reconciles from the store
                reconcile = true;
                log.LogWarning("story assignment: a batch of {Count} failed ({Error}); the next reconciles from the store", batch.Count, e.Message);
                foreach (var (_, answer) in batch) answer.TrySetException(e);
            }
        }
    }

    /// <summary>The stored signatures of processed articles (over those held) and every story's stored members (as told).</summary>
    private void LoadFromStore()
    {
        foreach (var (id, s) in services.Store.Signatures()) signatures[id] = Payload.ReadSignature(s);
        told = services.Store.ClusterStories().ToDictionary(kv => kv.Key, kv => kv.Value.ToList(), StringComparer.Ordinal);
    }

    /// <summary>Regroups with the arrivals and tells the stories whose members changed. <paramref name="fromStore"/>: compared
    /// with the members the store holds, not with those last told, and with the stored signatures of processed articles (each
    /// the current version's) over those held, so what another activation or a failed batch left is mended.</summary>
    private async Task<Dictionary<string, string>> AssignBatch(IReadOnlyList<Arrival> arrivals, bool fromStore)
    {
        var m = services.Metrics;
        long t0 = m.Timestamp();
        if (fromStore) LoadFromStore();
        // the last of several versions of one article in a batch wins
        var last = new Dictionary<string, Arrival>(StringComparer.Ordinal);
        foreach (var a in arrivals) last[a.Id] = a;
        foreach (var a in last.Values) signatures[a.Id] = Payload.ReadSignature(a.Signature);
        var ordered = signatures.Values.ToList();
        ordered.Sort(ClusterServices.Canonical);
        long g0 = m.Timestamp();
        var grouping = services.Grouper.Group(ordered);
        lastGrouping = TimeSpan.FromSeconds(m.Since(g0) / (double)System.Diagnostics.Stopwatch.Frequency);
        var now = grouping.Stories.ToDictionary(s => s.Id, s => s.ArticleIds.ToList(), StringComparer.Ordinal);
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in grouping.Stories) foreach (var a in s.ArticleIds) storyOf[a] = s.Id;
        var wasIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (s, members) in told) foreach (var a in members) wasIn[a] = s;
        m.Assigned(m.Since(t0));

        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (s, members) in now)
            if (!told.TryGetValue(s, out var before) || !before.SequenceEqual(members)) changed.Add(s);
        foreach (var s in told.Keys) if (!now.ContainsKey(s)) changed.Add(s);
        foreach (var a in last.Keys) changed.Add(storyOf[a]);

        // the analyses of the arrivals go to their stories; those of members that move between stories come from the story they leave
        var analyses = now.Keys.Where(changed.Contains).ToDictionary(s => s, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var a in last.Values) analyses[storyOf[a.Id]][a.Id] = a.Analyzed;
        var moving = now.Where(kv => changed.Contains(kv.Key))
            .SelectMany(kv => kv.Value.Where(a => !last.ContainsKey(a) && wasIn.TryGetValue(a, out var from) && from != kv.Key).Select(a => (Article: a, From: wasIn[a])))
            .GroupBy(x => x.From).ToList();
        var fetched = await Task.WhenAll(moving.Select(g => GrainFactory.GetGrain<IStoryGrain>(g.Key).Analyses(g.Select(x => x.Article).ToList())));
        foreach (var got in fetched)
            foreach (var (a, json) in got) analyses[storyOf[a]][a] = json;

        await Task.WhenAll(changed.Select(s => GrainFactory.GetGrain<IStoryGrain>(s)
            .Apply(now.TryGetValue(s, out var members) ? members : [], analyses.GetValueOrDefault(s) ?? [])));
        told = now;
        reconcile = false;
        log.LogDebug("{Arrivals} arrivals, {Changed} stories told", last.Count, changed.Count);
        return last.Keys.ToDictionary(id => id, id => storyOf[id], StringComparer.Ordinal);
    }
}

/// <summary>
/// One story (the grain key is the story id). Holds its members' analyses in memory and checks the story with the engine's
/// <see cref="Checker.CheckStory"/> whenever its members change, so its findings are those `check` finds for the story; the
/// members and findings go to the store in one transaction. Deactivated when idle (Orleans' collection age); its members
/// are in the store, and on the next activation their analyses are made again from the stored articles.
/// </summary>
public sealed class StoryGrain(ClusterServices services, ILogger<StoryGrain> log) : Grain, IStoryGrain
{
    private readonly Dictionary<string, AnalyzedArticle> held = new(StringComparer.Ordinal);
    private List<string> members = [];
    /// <summary>The version of the story's stored state this activation read or last wrote: its writes are refused once the
    /// store holds a newer one (written by another activation of this story, during a membership change).</summary>
    private long version;

    private string Story => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        services.Metrics.StoryActivated();
        var stored = services.Store.ClusterStory(Story);
        members = stored.Members.ToList();
        version = stored.Version;
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        services.Metrics.StoryDeactivated();
        services.Metrics.Held(-held.Count);
        held.Clear();
        return Task.CompletedTask;
    }

    public Task Apply(List<string> newMembers, Dictionary<string, string> analyses)
    {
        int before = held.Count;
        foreach (var (id, json) in analyses) held[id] = Payload.ReadAnalyzed(json);
        members = newMembers;
        foreach (var id in held.Keys.Where(k => !members.Contains(k)).ToList()) held.Remove(id);
        services.Metrics.Held(held.Count - before);
        Fill(members);
        var m = services.Metrics;
        long t0 = m.Timestamp();
        var outcome = members.Count == 0 ? null : services.Checker.CheckStory(Story, members.Select(id => held[id]).ToList());
        m.Aligned(m.Since(t0));
        var findings = services.Score(outcome?.Findings ?? []);
        if (services.Store.SaveStory(Story, members, findings, version) is not { } written)
        {
            // another activation of this story wrote a newer state: this one is stale. It writes nothing and goes; the caller's
            // batch fails, so the assignment tells every story again from the store, and this story's next activation reads it
            services.Metrics.StaleWrite();
            log.LogWarning("story {Story}: the store holds a newer state than version {Version}; this activation is stale and deactivates", Story, version);
            DeactivateOnIdle();
            throw new StaleStoryException(Story, version);
        }
        version = written;
        if (members.Count == 0) DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<Dictionary<string, string>> Analyses(List<string> ids)
    {
        Fill(ids.Where(members.Contains).ToList());
        return Task.FromResult(ids.Where(held.ContainsKey).ToDictionary(id => id, id => Payload.Write(held[id]), StringComparer.Ordinal));
    }

    /// <summary>Makes the analyses this grain lacks (after a reactivation) from the stored articles.</summary>
    private void Fill(IReadOnlyList<string> ids)
    {
        var missing = ids.Where(id => !held.ContainsKey(id)).ToList();
        if (missing.Count == 0) return;
        int before = held.Count;
        foreach (var a in services.Store.ClusterArticles(missing)) held[a.Id] = services.Analyze(a.Id, a.Body);
        services.Metrics.Held(held.Count - before);
        services.Metrics.Reanalyzed(missing.Count);
        var lost = missing.Where(id => !held.ContainsKey(id)).ToList();
        if (lost.Count > 0) throw new InvalidOperationException($"story {Story}: members not in the store: {string.Join(", ", lost)}");
    }
}

/// <summary>Processes the accepted articles that are not processed in their current version, a batch at a time, on the
/// workers of the silo it runs on, then reconciles the story assignment with the store. One activation in the cluster, so two sweeps never run at once. Its Orleans reminder
/// ("sweep") starts one every <see cref="ClusterSetup.SweepEvery"/> for articles older than <see cref="ClusterSetup.SweepGrace"/>.</summary>
public sealed class Sweeper(ClusterServices services, ClusterSetup setup, ILogger<Sweeper> log) : Grain, ISweeper, IRemindable
{
    public const int Batch = 256;
    public const string Reminder = "sweep";

    public async Task Schedule()
    {
        var period = setup.SweepEvery;
        // registered once for the cluster (registering again would move its next tick each time a silo starts)
        if (await this.GetReminder(Reminder) is null) await this.RegisterOrUpdateReminder(Reminder, period, period);
    }

    /// <summary>A tick answers at once (a reminder call has Orleans' response timeout, a sweep can take longer); the sweep
    /// runs as a call of its own right after, one at a time like every call to this grain.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != Reminder) return Task.CompletedTask;
        this.AsReference<ISweeper>().Sweep(setup.SweepGrace).ContinueWith(t =>
        {
            if (t.IsFaulted) log.LogWarning("sweep failed: {Error}", t.Exception?.GetBaseException().Message);
            else if (t.Result > 0) log.LogInformation("sweep processed {Count} articles", t.Result);
        }, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public async Task<int> Sweep(TimeSpan minAge)
    {
        int done = 0;
        var failedOnce = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var batch = services.Store.UnprocessedArticles(Batch, minAge).Where(a => !failedOnce.Contains(a.Id)).ToList();
            if (batch.Count == 0)
            {
                // processed articles a failed batch or a dead silo left in no story (or in two) are placed again from the store;
                // when that fails the sweep fails, so it never answers while a processed article lacks its story
                await GrainFactory.GetGrain<IStoryAssignment>(StoryAssignment.Scope).Reconcile();
                return done;
            }
            var worker = GrainFactory.GetGrain<IArticleWorker>(0);
            var results = await Task.WhenAll(batch.Select(async a =>
            {
                try { await worker.Process(new IngestDoc(a.Id, a.Body, a.Sha256)); return (a.Id, Ok: true); }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    log.LogWarning("sweep: article {Article} failed: {Error}", a.Id, e.Message);
                    return (a.Id, Ok: false);
                }
            }));
            foreach (var (id, ok) in results)
                if (ok) done++; else failedOnce.Add(id);
        }
    }
}

/// <summary>A story grain's write was refused: the store holds a newer state of the story than the one this activation read.</summary>
[GenerateSerializer]
public sealed class StaleStoryException : Exception
{
    public StaleStoryException() { }
    public StaleStoryException(string message) : base(message) { }
    public StaleStoryException(string message, Exception inner) : base(message, inner) { }
    public StaleStoryException(string story, long version) : base($"story {story}: the store holds a newer state than version {version}; not written") { }
}
