using FactCheck.Cluster;
using FactCheck.Store;
using Microsoft.Extensions.Configuration;
using Orleans;
using Orleans.Hosting;
using Orleans.TestingHost;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Cluster;

/// <summary>Three silos of Orleans' TestingHost in this process, on one SQLite store: articles ingested through the grain API
/// (stored first, as the HTTP endpoint does, then processed by the workers of whichever silo the client reaches) give the
/// findings of a single-process `check` of the same articles.</summary>
[TestFixture, NonParallelizable]
public class ClusterTestingHostTests
{
    private sealed class Silo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var db = silo.Configuration["factcheck:db"]!;
            var (store, error) = FactStore.Open(db);
            if (store is null) throw new InvalidOperationException(error);
            var sweep = silo.Configuration["factcheck:sweep"] is { Length: > 0 } s ? TimeSpan.FromSeconds(int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)) : TimeSpan.FromMinutes(10);
            ClusterHost.ConfigureGrains(silo, new ClusterSetup
            {
                Mode = "localhost", Db = db, SweepEvery = sweep, SweepGrace = sweep < TimeSpan.FromMinutes(1) ? TimeSpan.Zero : TimeSpan.FromMinutes(1),
                ModelDir = ClusterExpectation.ModelDir,
            }, store);
        }
    }

    private static async Task<TestCluster> Start(string db, short silos = 3, int? sweepSeconds = null)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Properties["factcheck:db"] = db;
        if (sweepSeconds is { } sw) builder.Properties["factcheck:sweep"] = sw.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.AddSiloBuilderConfigurator<Silo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Runs a test on a fresh store in its own folder and a cluster of that many silos over it, and takes both down
    /// afterwards.</summary>
    private static async Task OnCluster(string name, short silos, int? sweepSeconds, Func<FactStore, TestCluster, string, Task> body)
    {
        var dir = Path.Combine(Path.GetTempPath(), "factcheck-cluster-" + name + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, "store.db");
        var (store, error) = FactStore.Open(db);
        Assert.That(store, Is.Not.Null, error);
        var cluster = await Start(db, silos, sweepSeconds);
        try { await body(store!, cluster, dir); }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
            store!.Dispose();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    [Test]
    public async Task ThreeSilosFindWhatCheckFindsOnIdNewsAndBasil()
    {
        var lines = ClusterExpectation.EvalDocuments();
        await OnCluster("", 3, null, async (store, cluster, dir) =>
        {
            var docs = lines.Select(l => (Id: ClusterExpectation.IdOf(l), Body: l)).ToList();
            // in file order, eight at a time: the arrival order is not the cluster's order, and varies from run to run
            var clock = System.Diagnostics.Stopwatch.StartNew();   // for the log only
            Assert.That(store!.AcceptArticles(docs), Has.All.EqualTo(Acceptance.New));
            using var gate = new SemaphoreSlim(8);
            await Task.WhenAll(docs.Select(async d =>
            {
                await gate.WaitAsync();
                try { await cluster.Client.GetGrain<IArticleWorker>(0).Process(new IngestDoc(d.Id, d.Body, FactStore.Hash(d.Body))); }
                finally { gate.Release(); }
            }));
            Assert.That(store.ClusterCounts(), Is.EqualTo(new ClusterProgress(docs.Count, docs.Count, 0)));
            TestContext.Out.WriteLine($"ingest: {clock.Elapsed.TotalSeconds:0.0} s");

            // posting again changes nothing: the same content is not processed twice
            Assert.That(store.AcceptArticles(docs.Take(5).ToList()), Has.All.EqualTo(Acceptance.Same));
            Assert.That(store.UnprocessedArticles(10), Is.Empty);
            var again = await cluster.Client.GetGrain<IArticleWorker>(0).Process(new IngestDoc(docs[0].Id, docs[0].Body, FactStore.Hash(docs[0].Body)));

            var stories = store.ClusterStories();
            var members = stories.Values.SelectMany(m => m).ToList();
            Assert.That(members, Is.EquivalentTo(docs.Select(d => d.Id)), "every article is in exactly one story");
            Assert.That(stories[again], Does.Contain(docs[0].Id));

            clock.Restart();
            var expected = ClusterExpectation.CheckFindings(lines, Path.Combine(dir, "check"));
            TestContext.Out.WriteLine($"check: {clock.Elapsed.TotalSeconds:0.0} s");
            ClusterExpectation.AssertModelScored(store.ClusterFindings());
            var found = ClusterExpectation.Normalize(store.ClusterFindings());
            ClusterExpectation.AssertSame(found, expected);
            Assert.That(found, Is.Not.Empty);
            TestContext.Out.WriteLine($"{docs.Count} articles, {stories.Count} stories, {found.Count} findings, same as check");
        });
    }

    /// <summary>A second writer of a story (as a duplicate activation during a membership change would be) writes a newer
    /// state behind the story grain's back: the grain's next write is refused and written nowhere, the call fails (the
    /// article is not marked processed), the grain deactivates, and processing the article again succeeds from the newer
    /// state the store holds.</summary>
    [Test]
    public async Task AStaleStoryActivationCannotOverwriteANewerState()
    {
        var lines = ClusterExpectation.EvalDocuments().Take(40).ToList();
        await OnCluster("stale-", 1, null, async (store, cluster, dir) =>
        {
            var docs = lines.Select(l => (Id: ClusterExpectation.IdOf(l), Body: l)).ToList();
            store!.AcceptArticles(docs);
            var worker = cluster.Client.GetGrain<IArticleWorker>(0);
            foreach (var d in docs) await worker.Process(new IngestDoc(d.Id, d.Body, FactStore.Hash(d.Body)));
            // a story of more than one article, its grain active
            var (story, members) = store.ClusterStories().First(kv => kv.Value.Count > 1);
            var before = store.ClusterStory(story);

            // the other writer: the same members, no findings, one version on
            Assert.That(store.SaveStory(story, members, [], before.Version), Is.EqualTo(before.Version + 1));

            // a new version of one member reaches the (now stale) story grain
            var id = members[0];
            var doc = Newtonsoft.Json.Linq.JObject.Parse(docs.Single(d => d.Id == id).Body);
            doc["title"] = (doc.Value<string>("title") ?? "") + " (updated)";
            var body = doc.ToString(Newtonsoft.Json.Formatting.None);
            Assert.That(store.AcceptArticles([(id, body)]), Is.EqualTo(new[] { Acceptance.Updated }));
            var update = new IngestDoc(id, body, FactStore.Hash(body));
            var failed = Assert.CatchAsync(async () => await worker.Process(update));
            Assert.That(failed!.ToString(), Does.Contain("newer state"));
            var metrics = ((InProcessSiloHandle)cluster.Primary).SiloHost.Services.GetRequiredService<ClusterServices>().Metrics.Prometheus("s");
            Assert.That(metrics, Does.Contain("factcheck_story_stale_writes_total{silo=\"s\"} 1\n"), "the stale write was refused");
            Assert.That(store.UnprocessedArticles(10).Select(a => a.Id), Is.EqualTo(new[] { id }), "the update is not marked processed");

            // processed again (as the sweep would): the story's next activation reads the newer state and writes on from it
            // (the assignment also retells every story by itself a second after the failed batch)
            await worker.Process(update);
            var final = store.ClusterStory(story);
            Assert.That(final.Version, Is.GreaterThan(before.Version + 1), "written on from the other writer's version");
            Assert.That(final.Members, Is.EqualTo(members));
            Assert.That(store.UnprocessedArticles(10), Is.Empty);
        });
    }

    /// <summary>What a story-assignment batch that failed part-way leaves when a silo dies: an article moving between stories
    /// was taken from one (its write went through) and never given to the other (whose grain died with its silo), and an
    /// article was given to a story while the one it left kept it. Both are marked processed and the assignment, on a
    /// surviving silo, believes it told every story. The status does not count them as processed (one in no story, one in
    /// two), and a sweep, with nothing unprocessed, places them again from the store: every article in exactly one story, the
    /// stories and findings as they were.</summary>
    [Test]
    public async Task ProcessedArticlesAPartialBatchLeftOutOfTheirStoryAreNotDoneUntilTheSweepPlacesThem()
    {
        var lines = ClusterExpectation.EvalDocuments().Take(40).ToList();
        await OnCluster("orphan-", 1, null, async (store, cluster, dir) =>
        {
            var docs = lines.Select(l => (Id: ClusterExpectation.IdOf(l), Body: l)).ToList();
            store!.AcceptArticles(docs);
            var worker = cluster.Client.GetGrain<IArticleWorker>(0);
            foreach (var doc in docs) await worker.Process(new IngestDoc(doc.Id, doc.Body, FactStore.Hash(doc.Body)));
            Assert.That(store.ClusterCounts(), Is.EqualTo(new ClusterProgress(docs.Count, docs.Count, 0)));
            var stories = store.ClusterStories();
            var findings = ClusterExpectation.Normalize(store.ClusterFindings());

            // story a lost x: its write went through, x's new story died with its silo before it wrote
            var (a, aMembers) = stories.First(kv => kv.Value.Count > 1);
            var x = aMembers[^1];
            Assert.That(store.SaveStory(a, aMembers.Where(id => id != x).ToList(), [], store.ClusterStory(a).Version), Is.Not.Null);
            // story d took y, and y's story c kept it (c's write did not go through)
            var (c, cMembers) = stories.First(kv => kv.Key != a);
            var y = cMembers[0];
            var (d, dMembers) = stories.First(kv => kv.Key != a && kv.Key != c);
            Assert.That(store.SaveStory(d, [.. dMembers, y], [], store.ClusterStory(d).Version), Is.Not.Null);
            // the story grains that wrote are gone with that silo; the assignment is not
            var management = cluster.Client.GetGrain<Orleans.Runtime.IManagementGrain>(0);
            foreach (var s in new[] { a, d }) await management.DeactivateGrain(cluster.Client.GetGrain<IStoryGrain>(s).GetGrainId());

            Assert.That(store.ClusterCounts(), Is.EqualTo(new ClusterProgress(docs.Count, docs.Count - 2, 2)),
                "an article in no story and one in two are not processed");
            Assert.That(store.UnprocessedArticles(100), Is.Empty, "both are marked processed");

            Assert.That(await cluster.Client.GetGrain<ISweeper>(0).Sweep(TimeSpan.Zero), Is.Zero, "nothing to process again");
            Assert.That(store.ClusterCounts(), Is.EqualTo(new ClusterProgress(docs.Count, docs.Count, 0)));
            var after = store.ClusterStories();
            Assert.That(after.Values.SelectMany(m => m), Is.EquivalentTo(docs.Select(doc => doc.Id)), "every article is in exactly one story");
            static IEnumerable<string> Listed(IReadOnlyDictionary<string, IReadOnlyList<string>> all) =>
                all.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + ": " + string.Join(" ", kv.Value));
            Assert.That(Listed(after), Is.EqualTo(Listed(stories)), "the stories the grouping gives");
            ClusterExpectation.AssertSame(ClusterExpectation.Normalize(store.ClusterFindings()), findings);
        });
    }

    /// <summary>Articles stored and never handed to a worker (the request that posted them died) are processed by the
    /// sweeper's Orleans reminder, with no call to /api/cluster/sweep (the reminder every 2 s here, every minute in `serve`).</summary>
    [Test]
    public async Task TheSweepReminderProcessesWhatNoRequestDid()
    {
        var lines = ClusterExpectation.EvalDocuments().Take(12).ToList();
        await OnCluster("sweep-", 1, 2, async (store, cluster, dir) =>
        {
            store!.AcceptArticles(lines.Select(l => (ClusterExpectation.IdOf(l), l)).ToList());
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (store.ClusterCounts().Processed < lines.Count && clock.Elapsed < TimeSpan.FromSeconds(90)) await Task.Delay(500);
            Assert.That(store.ClusterCounts(), Is.EqualTo(new ClusterProgress(lines.Count, lines.Count, 0)), "processed by the reminder's sweeps");
            Assert.That(store.ClusterStories().Values.Sum(m => m.Count), Is.EqualTo(lines.Count));
            TestContext.Out.WriteLine($"swept {lines.Count} articles in {clock.Elapsed.TotalSeconds:0.0} s");
        });
    }
}
