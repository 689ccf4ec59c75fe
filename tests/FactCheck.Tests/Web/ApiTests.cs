using FactCheck.Web;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Web;

/// <summary>The HTTP API through the real stack (Kestrel on a loopback port).</summary>
public class ApiTests
{
    [Test]
    public async Task CheckSeedArticlesDecideListAndExport()
    {
        await using var server = await TestServer.StartAsync();
        var (status, body, text) = await server.PostAsync("/api/check", TestServer.ParlerRequest());
        Assert.That(status, Is.EqualTo(201), text);
        var run = body!.Value<string>("run")!;
        var findings = (JArray)body["findings"]!;
        var weekday = findings.OfType<JObject>().FirstOrDefault(f => f.Value<string>("rule") == "weekday-date" && f["evidence"]![0]!.Value<string>("text")!.Contains("10/1/2020"));
        Assert.That(weekday, Is.Not.Null, "the 10/1/2020 weekday-date finding: " + text);
        Assert.That(weekday!["suggestions"]![0]!.Value<string>("value"), Is.EqualTo("2021-01-10"));
        Assert.That(body["stories"]!.Count(), Is.EqualTo(1));
        var id = weekday.Value<string>("id")!;

        var (runStatus, runBody, _) = await server.GetAsync("/api/runs/" + run);
        Assert.That(runStatus, Is.EqualTo(200));
        Assert.That(runBody!["findings"]!.Select(f => f.Value<string>("id")), Does.Contain(id));

        (status, body, text) = await server.PostAsync($"/api/findings/{id}/decisions",
            new JObject { ["verdict"] = "confirmed", ["reviewer"] = "ana", ["note"] = "10 Jan 2020 was a Friday", ["fix"] = "Minggu malam (10/1/2021)" });
        Assert.That(status, Is.EqualTo(201), text);

        (status, body, _) = await server.GetAsync("/api/findings?verdict=confirmed");
        var listed = body!["findings"]!.Single();
        Assert.That(listed.Value<string>("id"), Is.EqualTo(id));
        Assert.That(listed.Value<string>("verdict"), Is.EqualTo("confirmed"));
        Assert.That(listed["decision"]!.Value<string>("reviewer"), Is.EqualTo("ana"));
        Assert.That(listed["decision"]!.Value<string>("fix"), Is.EqualTo("Minggu malam (10/1/2021)"));
        Assert.That(body.Value<string>("run"), Is.EqualTo(run), "the latest run by default");
        (_, body, _) = await server.GetAsync("/api/findings?verdict=undecided");
        Assert.That(body!["findings"]!.Select(f => f.Value<string>("id")), Does.Not.Contain(id));
        (_, body, _) = await server.GetAsync("/api/findings?rule=weekday-date&severity=high&minScore=0.1");
        Assert.That(body!["findings"]!.Select(f => f.Value<string>("id")), Does.Contain(id));

        await server.PostAsync($"/api/findings/{id}/decisions", new JObject { ["verdict"] = "dismissed", ["reviewer"] = "budi" });
        (_, body, _) = await server.GetAsync("/api/findings?verdict=disagreement");
        Assert.That(body!["findings"]!.Single()["reviews"]!.Count(), Is.EqualTo(2), "two reviewers who disagree are both shown");

        (status, body, _) = await server.PostAsync($"/api/findings/{id}/undo", new JObject { ["reviewer"] = "budi" });
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body!["finding"]!.Value<string>("verdict"), Is.EqualTo("confirmed"));

        var (exportStatus, _, export) = await server.GetAsync("/api/decisions?format=jsonl");
        Assert.That(exportStatus, Is.EqualTo(200));
        var lines = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        Assert.That(lines, Has.Count.EqualTo(3));
        Assert.That(lines[0].Value<string>("id"), Is.EqualTo(id));
        Assert.That(lines[0].Value<string>("verdict"), Is.EqualTo("confirmed"));
        Assert.That(lines[0]["seen"]!.Value<string>("message"), Is.Not.Empty, "what the reviewer saw is exported");
        Assert.That(lines[2].Value<string>("verdict"), Is.EqualTo("undo"));

        var (fragStatus, _, fragment) = await server.GetAsync("/ui/findings/" + id);
        Assert.That(fragStatus, Is.EqualTo(200));
        Assert.That(fragment, Does.StartWith("<section class=\"finding high v-confirmed\""));
    }

    [Test]
    public async Task ExtractReturnsMentionsAsTheCliPrintsThem()
    {
        await using var server = await TestServer.StartAsync();
        var (status, body, text) = await server.PostAsync("/api/extract", new JObject { ["text"] = "Parler tumbang pada Minggu malam (10/1/2021).", ["lang"] = "id", ["reftime"] = "2021-01-11" });
        Assert.That(status, Is.EqualTo(200), text);
        var date = body!.OfType<JObject>().First(m => m.Value<string>("kind") == "date");
        Assert.That(date.Value<string>("value"), Is.EqualTo("2021-01-10"));

        var file = Path.Combine(Path.GetTempPath(), "fc-extract-" + Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllText(file, new JObject { ["id"] = "request", ["text"] = "Parler tumbang pada Minggu malam (10/1/2021).", ["lang"] = "id", ["published"] = "2021-01-11" }.ToString(Newtonsoft.Json.Formatting.None));
        var cli = new StringWriter();
        FactCheck.Cli.Commands.ExtractCommand.Run([file], "json", "auto", cli, new StringWriter());
        File.Delete(file);
        Assert.That(JToken.DeepEquals(JArray.Parse(cli.ToString()), body), Is.True, "same JSON as extract --format json");
    }

    [Test]
    public async Task BadRequestsGetClearMessagesAndNoStackTraces()
    {
        await using var server = await TestServer.StartAsync(o => o with { MaxBodyBytes = 64 * 1024 });
        var cases = new List<(int Status, string Text)>
        {
            Pick(await server.SendAsync(HttpMethod.Post, "/api/check", "{\"articles\": [")),
            Pick(await server.SendAsync(HttpMethod.Post, "/api/check", new string('x', 100 * 1024))),
            Pick(await server.PostAsync("/api/findings/weekday-date-000000000000/decisions", new JObject { ["verdict"] = "confirmed", ["reviewer"] = "ana" })),
            Pick(await server.PostAsync("/api/findings/x/decisions", new JObject { ["verdict"] = "maybe", ["reviewer"] = "ana" })),
            Pick(await server.GetAsync("/api/runs/run-nope")),
            Pick(await server.GetAsync("/api/findings?run=run-nope")),
            Pick(await server.PostAsync("/api/check", new JObject { ["articles"] = new JArray() })),
            Pick(await server.GetAsync("/api/nothing")),
        };
        Assert.That(cases.Select(c => c.Status), Is.EqualTo(new[] { 400, 413, 404, 400, 404, 404, 400, 404 }));
        Assert.That(cases[0].Text, Does.Contain("malformed JSON"));
        Assert.That(cases[1].Text, Does.Contain("65536 byte limit"));
        Assert.That(cases[2].Text, Does.Contain("no finding"));
        Assert.That(JObject.Parse(cases[3].Text).Value<string>("error"), Does.StartWith("\"verdict\" must be"));
        foreach (var (_, t) in cases)
        {
            Assert.That(JObject.Parse(t).Value<string>("error"), Is.Not.Empty);
            Assert.That(t, Does.Not.Contain("   at "), "no stack trace");
        }
        var (openapi, doc, _) = await server.GetAsync("/openapi.json");
        Assert.That(openapi, Is.EqualTo(200));
        Assert.That(doc!["paths"]!["/api/check"], Is.Not.Null);
        var page = await server.Client.GetAsync("/");
        Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'"));

        static (int, string) Pick((int Status, JToken? Body, string Text) r) => (r.Status, r.Text);
    }

    [Test]
    public async Task ATokenGuardsTheApiAndIsRequiredBeyondLoopback()
    {
        var (store, _) = FactCheck.Store.FactStore.Open(Path.Combine(Path.GetTempPath(), "fc-token-" + Guid.NewGuid().ToString("N") + ".db"));
        using (store)
        {
            var (app, error) = ReviewServer.Build(new ServeOptions { Urls = ["http://0.0.0.0:5999"], Log = false }, store!);
            Assert.That(app, Is.Null);
            Assert.That(error, Does.Contain("token"));
        }
        Assert.That(ReviewServer.IsLoopback("http://127.0.0.1:5080"), Is.True);
        Assert.That(ReviewServer.IsLoopback("http://localhost:5080"), Is.True);
        Assert.That(ReviewServer.IsLoopback("http://[::1]:5080"), Is.True);
        Assert.That(ReviewServer.IsLoopback("http://*:5080"), Is.False);

        await using var server = await TestServer.StartAsync(o => o with { Token = "s3cret" });
        var (status, _, _) = await server.GetAsync("/api/runs");
        Assert.That(status, Is.EqualTo(401));
        server.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
        (status, _, _) = await server.GetAsync("/api/runs");
        Assert.That(status, Is.EqualTo(200));
    }
}
