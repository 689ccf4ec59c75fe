using FactCheck.Store;

namespace FactCheck.Tests.Store;

/// <summary>The cluster's story state in the store: a write names the version it read and is refused when the store holds
/// a newer one (a second activation of a story grain, a stale writer); the cluster's findings read as one run.</summary>
[TestFixture("sqlite")]
[TestFixture("postgres")]
public class ClusterStoreTests(string kind)
{
    private string dir = null!;
    private string db = null!;

    [SetUp]
    public void SetUp()
    {
        dir = Path.Combine(Path.GetTempPath(), "factcheck-cluster-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        db = Services.NewStore(kind, dir);
    }

    [TearDown]
    public void TearDown()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    private FactStore Open()
    {
        var (store, error) = FactStore.Open(db);
        Assert.That(store, Is.Not.Null, error);
        return store!;
    }

    [Test]
    public void AStaleWriterCannotOverwriteNewerStoryState()
    {
        using var store = Open();
        var f1 = FactStoreTests.MakeFinding(1);
        var f2 = FactStoreTests.MakeFinding(2);
        Assert.That(store.ClusterStory("s"), Is.EqualTo(new ClusterStoryState([], 0)).Using<ClusterStoryState>((x, y) => x.Version == y.Version && x.Members.SequenceEqual(y.Members)));

        // two activations of story s both read version 0; the first to write wins
        Assert.That(store.SaveStory("s", ["a", "b"], [f1], 0), Is.EqualTo(1));
        Assert.That(store.SaveStory("s", ["a"], [f2], 0), Is.Null, "the second activation read version 0, the store is at 1");
        Assert.That(store.ClusterStory("s").Members, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(store.ClusterFindings().Select(f => f.Id), Is.EqualTo(new[] { f1.Id }), "the stale writer's findings are not written");

        // the winner writes on from the version it wrote; the loser, once it has read again, too
        Assert.That(store.SaveStory("s", ["a", "b", "c"], [f1, f2], 1), Is.EqualTo(2));
        Assert.That(store.SaveStory("s", ["a"], [], 1), Is.Null);
        var now = store.ClusterStory("s");
        Assert.That((now.Members, now.Version), Is.EqualTo((new[] { "a", "b", "c" }, 2L)));
        Assert.That(store.SaveStory("s", ["a", "b"], [f1], now.Version), Is.EqualTo(3));

        // a story that loses its members keeps its version (an empty row, not listed): a writer that read it before cannot bring it back
        Assert.That(store.SaveStory("s", [], [], 3), Is.EqualTo(4));
        Assert.That(store.ClusterStories(), Is.Empty);
        Assert.That(store.ClusterFindings(), Is.Empty);
        Assert.That(store.SaveStory("s", ["a"], [f1], 3), Is.Null);
        Assert.That(store.SaveStory("s", ["a"], [f1], 0), Is.Null);
        Assert.That(store.ClusterStory("s").Version, Is.EqualTo(4));
    }

    [Test]
    public void TheClustersFindingsAreOneRunForTheReviewPage()
    {
        using var store = Open();
        Assert.That(store.GetRun(FactStore.ClusterRunId), Is.Null, "no cluster run before the cluster checked a story");
        Assert.That(store.Runs(), Is.Empty);
        var f1 = FactStoreTests.MakeFinding(1);
        var f2 = FactStoreTests.MakeFinding(2);
        store.SaveStory("s1", ["doc1", "x"], [f1], 0);
        store.SaveStory("s2", ["doc2", "y", "z"], [f2], 0);

        var run = store.LatestRun();
        Assert.That(run, Is.Not.Null);
        Assert.That((run!.Id, run.Articles, run.Findings), Is.EqualTo((FactStore.ClusterRunId, 5, 2)));
        Assert.That(store.Runs().Select(r => r.Id), Is.EqualTo(new[] { FactStore.ClusterRunId }));
        var listed = store.Findings(FactStore.ClusterRunId);
        Assert.That(listed.Select(f => (f.Finding.Id, f.Story)), Is.EquivalentTo(new[] { (f1.Id, "s1"), (f2.Id, "s2") }));
        Assert.That(store.FindFinding(f2.Id)!.Story, Is.EqualTo("s2"));
        var report = store.RunReport(FactStore.ClusterRunId)!;
        Assert.That(report["stories"]!["s2"]!.Values<string>(), Is.EqualTo(new[] { "doc2", "y", "z" }));
    }
}
