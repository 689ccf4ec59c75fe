using FactCheck.Store;
using FactCheck.Tests.Store;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Web;

/// <summary>The review page's API over a store the cluster wrote: the cluster's findings are the run "cluster" (the latest
/// until a newer check run is stored), listed, decided on and rendered like any run's.</summary>
public class ClusterRunApiTests
{
    [Test]
    public async Task TheReviewPageListsAndDecidesTheClustersFindings()
    {
        await using var server = await TestServer.StartAsync();
        var f1 = FactStoreTests.MakeFinding(1);
        var f2 = FactStoreTests.MakeFinding(2);
        server.Store.SaveStory("story-a", ["doc1", "doc3"], [f1], 0);
        server.Store.SaveStory("story-b", ["doc2"], [f2], 0);

        var (status, body, text) = await server.GetAsync("/api/findings");
        Assert.That(status, Is.EqualTo(200), text);
        Assert.That(body!.Value<string>("run"), Is.EqualTo(FactStore.ClusterRunId), "the cluster's findings are the latest run");
        Assert.That(body["findings"]!.Select(f => (f.Value<string>("id"), f.Value<string>("story"))),
            Is.EquivalentTo(new[] { (f1.Id, "story-a"), (f2.Id, "story-b") }));
        (_, body, _) = await server.GetAsync("/api/runs");
        Assert.That(body!.Select(r => (r.Value<string>("id"), r.Value<int>("articles"), r.Value<int>("findings"))),
            Is.EqualTo(new[] { (FactStore.ClusterRunId, 3, 2) }));
        (status, body, _) = await server.GetAsync("/api/runs/cluster");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body!["findings"]!.Count(), Is.EqualTo(2));

        (status, _, text) = await server.PostAsync($"/api/findings/{f2.Id}/decisions", new JObject { ["verdict"] = "confirmed", ["reviewer"] = "ana" });
        Assert.That(status, Is.EqualTo(201), text);
        (_, body, _) = await server.GetAsync("/api/findings?verdict=confirmed");
        Assert.That(body!["findings"]!.Select(f => f.Value<string>("id")), Is.EqualTo(new[] { f2.Id }));
        (status, _, text) = await server.GetAsync("/ui/findings/" + f1.Id);
        Assert.That(status, Is.EqualTo(200));
        Assert.That(text, Does.Contain("Senin"));

        // a check stored later is the latest run; the cluster's stays listed and readable by id
        (status, body, text) = await server.PostAsync("/api/check", TestServer.ParlerRequest());
        Assert.That(status, Is.EqualTo(201), text);
        var checkRun = body!.Value<string>("run");
        (_, body, _) = await server.GetAsync("/api/findings");
        Assert.That(body!.Value<string>("run"), Is.EqualTo(checkRun));
        (_, body, _) = await server.GetAsync("/api/findings?run=cluster");
        Assert.That(body!["findings"]!.Count(), Is.EqualTo(2));
        (_, body, _) = await server.GetAsync("/api/runs");
        Assert.That(body!.Select(r => r.Value<string>("id")), Is.EqualTo(new[] { checkRun, FactStore.ClusterRunId }));
    }
}
