using FactCheck.Readers;
using FactCheck.Store;
using FactCheck.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Web;

/// <summary>The real review server (Kestrel) on a free loopback port over a fresh SQLite store, for API and browser tests.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    public WebApplication App { get; }
    public FactStore Store { get; }
    public string BaseUrl { get; }
    public HttpClient Client { get; }
    private readonly string dir;

    private TestServer(WebApplication app, FactStore store, string baseUrl, string dir)
    {
        App = app; Store = store; BaseUrl = baseUrl; this.dir = dir;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
    }

    public static async Task<TestServer> StartAsync(Func<ServeOptions, ServeOptions>? configure = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "factcheck-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var (store, error) = FactStore.Open(Path.Combine(dir, "factcheck.db"));
        Assert.That(store, Is.Not.Null, error);
        var options = new ServeOptions { Urls = ["http://127.0.0.1:0"], Log = false, DefaultReviewer = "ana", ModelDir = Path.Combine(AppContext.BaseDirectory, "models", "triage") };
        if (configure is not null) options = configure(options);
        var (app, problem) = ReviewServer.Build(options, store!);
        Assert.That(app, Is.Not.Null, problem);
        await app!.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestServer(app, store!, address.TrimEnd('/'), dir);
    }

    /// <summary>The seed articles (data/articles/parler) as the API's article objects.</summary>
    public static JObject ParlerRequest()
    {
        var read = new ArticleReader().Read(TestData.Path2("data", "articles", "parler"));
        return new JObject
        {
            ["articles"] = new JArray(read.Articles.Select(a => new JObject
            {
                ["id"] = a.Id, ["text"] = a.Text, ["title"] = a.Title, ["source"] = a.Source, ["url"] = a.Url, ["lang"] = a.Lang,
                ["published"] = a.Published?.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            })),
        };
    }

    public async Task<(int Status, JToken? Body, string Text)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var req = new HttpRequestMessage(method, path);
        if (json is not null) req.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var res = await Client.SendAsync(req);
        var text = await res.Content.ReadAsStringAsync();
        JToken? body = null;
        if (res.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0) body = JToken.Parse(text);
        return ((int)res.StatusCode, body, text);
    }

    public Task<(int Status, JToken? Body, string Text)> PostAsync(string path, JToken body) => SendAsync(HttpMethod.Post, path, body.ToString());
    public Task<(int Status, JToken? Body, string Text)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Store.Dispose();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }
}
