using System.Net;
using FactCheck.Store;
using FactCheck.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Orleans;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Runtime;

namespace FactCheck.Cluster;

/// <summary>How a silo of `factcheck serve --cluster` joins its cluster.</summary>
public sealed record ClusterSetup
{
    /// <summary>"localhost": one machine, membership in memory (a first silo, others join it by <see cref="PrimaryPort"/>);
    /// "postgres": membership in the team store's PostgreSQL database, any number of silos on any machines.</summary>
    public required string Mode { get; init; }
    /// <summary>The store (--db) as given: grain state (story members, signatures) and findings live there.</summary>
    public required string Db { get; init; }
    /// <summary>This silo's port for silo-to-silo traffic.</summary>
    public int SiloPort { get; init; } = 11111;
    /// <summary>Localhost mode: the port of the first silo, for a second silo on the same machine (null: this is the first).</summary>
    public int? PrimaryPort { get; init; }
    /// <summary>The address other silos reach this one at (postgres mode; loopback by default).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;
    public string ClusterId { get; init; } = "factcheck";
    /// <summary>A story grain idle this long is deactivated (its members and findings are in the store).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>How long a silo waits for a probe answer; a silo missing <see cref="MissedProbes"/> in a row is declared dead.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(3);
    public int MissedProbes { get; init; } = 3;
    /// <summary>How often the cluster sweeps for accepted articles that are not processed (a silo died, a call failed): the
    /// period of the sweeper grain's Orleans reminder (a minute, Orleans' default smallest reminder period; shorter lowers
    /// that bound).</summary>
    public TimeSpan SweepEvery { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>The periodic sweep leaves articles accepted less than this long ago to the request that posted them.</summary>
    public TimeSpan SweepGrace { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The triage model folder (serve's --model): story findings are scored by it as `check` scores them; null or no
    /// model there: the rules' priors.</summary>
    public string? ModelDir { get; init; }
    /// <summary>Also serve Orleans' dashboard (grains, silos, calls, reminders) at <see cref="DashboardPath"/> of the HTTP port.</summary>
    public bool Dashboard { get; init; }
    public const string DashboardPath = "/dashboard";

    public static readonly IReadOnlyList<string> Modes = ["localhost", "postgres"];

    /// <summary>A problem with the set-up and the store, or null.</summary>
    public string? Problem(FactStore store)
    {
        if (!Modes.Contains(Mode)) return $"--cluster {Mode}: expected localhost or postgres";
        if (Mode == "postgres" && store.Kind != StoreKind.Postgres) return "--cluster postgres needs a PostgreSQL store: --db postgres://USER@HOST/DATABASE";
        if (SiloPort is <= 0 or > 65535) return $"--silo-port {SiloPort}: not a port";
        return null;
    }

    /// <summary>The Npgsql connection string of the store (postgres mode).</summary>
    public string PostgresConnectionString =>
        Db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || Db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            ? FactStore.UrlToConnectionString(Db) : Db;
}

/// <summary>Sets up a silo (grains, membership, the sweep) and maps the cluster's HTTP endpoints.</summary>
public static class ClusterHost
{
    /// <summary>Adds a silo to the web app that `serve` builds, and its endpoints; the app serves the review page as before.</summary>
    public static ServeOptions Attach(ServeOptions options, ClusterSetup setup, FactStore store) => options with
    {
        ConfigureBuilder = builder =>
        {
            builder.UseOrleans(silo => ConfigureSilo(silo, setup, store));
            builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(20));
        },
        MapEndpoints = app =>
        {
            MapApi(app, options);
            if (setup.Dashboard) MapDashboard(app, options);
        },
    };

    /// <summary>Grains, membership (in memory or PostgreSQL), idle deactivation and the periodic sweep.</summary>
    public static void ConfigureSilo(ISiloBuilder silo, ClusterSetup setup, FactStore store)
    {
        ConfigureGrains(silo, setup, store);
        if (setup.Dashboard) silo.AddDashboard();
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = setup.ProbeTimeout;
            o.NumMissedProbesLimit = setup.MissedProbes;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        });
        if (setup.Mode == "postgres")
        {
            silo.Configure<ClusterOptions>(o => { o.ClusterId = setup.ClusterId; o.ServiceId = setup.ClusterId; });
            silo.ConfigureEndpoints(setup.Address, setup.SiloPort, 0, listenOnAnyHostAddress: false);
            silo.UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = ClusterSchema.ProviderConnectionString(setup.PostgresConnectionString); });
        }
        else
        {
            silo.UseLocalhostClustering(setup.SiloPort, 0, setup.PrimaryPort is { } p ? new IPEndPoint(IPAddress.Loopback, p) : null,
                serviceId: setup.ClusterId, clusterId: setup.ClusterId);
        }
    }

    /// <summary>What every silo runs whatever its membership (also the silos of Orleans' TestingHost): the shared services,
    /// idle deactivation of story grains, reminders (Orleans' ADO.NET provider in the store's PostgreSQL database for
    /// postgres, in memory for localhost) and the sweep's reminder. For postgres, the providers' tables and queries
    /// (<see cref="ClusterSchema"/>) are created or updated here, before the silo starts.</summary>
    public static void ConfigureGrains(ISiloBuilder silo, ClusterSetup setup, FactStore store)
    {
        silo.Services.AddSingleton(new ClusterServices(store, setup.ModelDir));
        silo.Services.AddSingleton(setup);
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = setup.IdleTimeout);
        if (setup.Mode == "postgres")
        {
            ClusterSchema.Apply(setup.PostgresConnectionString);
            silo.UseAdoNetReminderService(o => { o.Invariant = "Npgsql"; o.ConnectionString = ClusterSchema.ProviderConnectionString(setup.PostgresConnectionString); });
        }
        else silo.UseInMemoryReminderService();
        // Orleans refuses reminder periods under a minute unless told otherwise (the tests sweep every few seconds)
        if (setup.SweepEvery < TimeSpan.FromMinutes(1)) silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = setup.SweepEvery);
        silo.Services.AddHostedService<SweepService>();
    }

    /// <summary>The silo as Prometheus labels it: its address.</summary>
    private static string SiloName(IServiceProvider sp) => sp.GetService<ILocalSiloDetails>()?.SiloAddress.ToParsableString() ?? "silo";

    /// <summary>POST /api/cluster/articles, POST /api/cluster/sweep, GET /api/cluster/status, GET /api/cluster/findings, GET /metrics.</summary>
    public static void MapApi(WebApplication app, ServeOptions options)
    {
        app.MapPost("/api/cluster/articles", ctx => Ingest(ctx, options));
        app.MapPost("/api/cluster/sweep", async ctx =>
        {
            var grains = ctx.RequestServices.GetRequiredService<IGrainFactory>();
            int n;
            try { n = await grains.GetGrain<ISweeper>(0).Sweep(TimeSpan.Zero); }
            catch (Exception e) when (IsClusterFault(e)) { await ApiJson.Error(ctx, 503, "the cluster could not finish the sweep: " + e.Message); return; }
            await ApiJson.Json(ctx, Status(ctx.RequestServices, n));
        });
        app.MapGet("/api/cluster/status", ctx => ApiJson.Json(ctx, Status(ctx.RequestServices, null)));
        app.MapGet("/api/cluster/findings", ctx =>
        {
            var store = ctx.RequestServices.GetRequiredService<ClusterServices>().Store;
            var stories = new JObject(store.ClusterStories().OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new JProperty(kv.Key, new JArray(kv.Value))));
            return ApiJson.Json(ctx, new JObject
            {
                ["stories"] = stories,
                ["findings"] = new JArray(store.ClusterFindings().Select(FactCheck.Output.FindingJson.ToJson)),
            });
        });
        app.MapGet("/metrics", ctx =>
        {
            var services = ctx.RequestServices.GetRequiredService<ClusterServices>();
            return ApiJson.Text(ctx, services.Metrics.Prometheus(SiloName(ctx.RequestServices)), "text/plain; version=0.0.4; charset=utf-8");
        });
    }

    /// <summary>Orleans' dashboard at /dashboard/ (its page, scripts and JSON API). Behind --token like /api when a token is
    /// set (header Authorization: Bearer TOKEN or X-FactCheck-Token); its page needs inline styles and scripts, so the review
    /// page's strict Content-Security-Policy is loosened for these paths only.</summary>
    public static void MapDashboard(WebApplication app, ServeOptions options)
    {
        app.Use(async (ctx, next) =>
        {
            if (ctx.Request.Path.StartsWithSegments(ClusterSetup.DashboardPath))
            {
                if (options.Token is { Length: > 0 } token && !TokenMatches(ctx.Request, token))
                {
                    await ApiJson.Error(ctx, 401, "missing or wrong token: send Authorization: Bearer TOKEN");
                    return;
                }
                ctx.Response.Headers["Content-Security-Policy"] = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; " +
                    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";
            }
            await next(ctx);
        });
        app.MapOrleansDashboard(routePrefix: ClusterSetup.DashboardPath);
    }

    private static bool TokenMatches(HttpRequest r, string token)
    {
        var given = r.Headers.Authorization.ToString();
        given = given.StartsWith("Bearer ", StringComparison.Ordinal) ? given[7..].Trim() : r.Headers["X-FactCheck-Token"].ToString();
        var a = System.Text.Encoding.UTF8.GetBytes(given);
        var b = System.Text.Encoding.UTF8.GetBytes(token);
        return a.Length == b.Length && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(a, b);
    }

    private static JObject Status(IServiceProvider sp, int? swept)
    {
        var progress = sp.GetRequiredService<ClusterServices>().Store.ClusterCounts();
        var o = new JObject { ["silo"] = SiloName(sp), ["accepted"] = progress.Accepted, ["processed"] = progress.Processed, ["unplaced"] = progress.Unplaced };
        if (swept is { } n) o["swept"] = n;
        return o;
    }

    /// <summary>Failures of the cluster rather than of the request: a silo gone, a call timed out, the store unreachable, a
    /// story write refused as stale.</summary>
    private static bool IsClusterFault(Exception e) => e is OrleansException or TimeoutException or SiloUnavailableException or StoreException
        or OperationCanceledException or InvalidOperationException or StaleStoryException;

    /// <summary>
    /// Accepts articles: {"articles": [{"id", "text", "published"?, ...}, ...]} (the JSONL documents of `check`). Each is read
    /// as `check` reads a JSONL line (a document that does not read is refused, 400, and nothing is stored); all are stored
    /// in one transaction, so they are durable before the answer; then each is processed on this silo's workers (with
    /// ?wait=false the answer, 202, comes right after storing and the articles are processed in the background). Posting an
    /// article again is idempotent: the same id and content is not processed twice.
    /// </summary>
    private static async Task Ingest(HttpContext ctx, ServeOptions options)
    {
        if (await ApiJson.Body(ctx, options) is not { } body) return;
        if (body is not JObject o || o["articles"] is not JArray docs || docs.Count == 0)
        {
            await ApiJson.Error(ctx, 400, "expected {\"articles\": [{\"id\", \"text\", \"published\"?, \"lang\"?, \"title\"?, \"source\"?, \"url\"?, \"story\"?}, ...]}");
            return;
        }
        var lines = new List<(string Id, string Body)>();
        var problems = new JArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in docs)
        {
            var line = d.ToString(Formatting.None);
            var read = new FactCheck.Readers.JsonlArticleReader().Read(line, "request");
            var errors = read.Diagnostics.Where(x => x.Level == FactCheck.Model.DiagnosticLevel.Error).Select(x => x.Message).ToList();
            if (read.Articles.Count != 1 || errors.Count > 0)
                problems.Add(new JObject { ["id"] = (d as JObject)?["id"]?.ToString(), ["error"] = errors.Count > 0 ? string.Join("; ", errors) : "not a document" });
            else if (!ids.Add(read.Articles[0].Id))
                problems.Add(new JObject { ["id"] = read.Articles[0].Id, ["error"] = "the same id twice in one request" });
            else lines.Add((read.Articles[0].Id, line));
        }
        if (problems.Count > 0)
        {
            await ApiJson.Json(ctx, new JObject { ["error"] = $"{problems.Count} of {docs.Count} documents cannot be read; nothing was stored", ["articles"] = problems }, 400);
            return;
        }
        var services = ctx.RequestServices.GetRequiredService<ClusterServices>();
        var acceptance = services.Store.AcceptArticles(lines);
        var stored = services.Store.ClusterArticles(lines.Select(l => l.Id).ToList()).ToDictionary(a => a.Id, StringComparer.Ordinal);
        var todo = lines.Where(l => stored[l.Id].Processed != stored[l.Id].Sha256).Select(l => new IngestDoc(l.Id, l.Body, stored[l.Id].Sha256)).ToList();
        var result = new JObject
        {
            ["accepted"] = lines.Count,
            ["new"] = acceptance.Count(a => a == Acceptance.New),
            ["updated"] = acceptance.Count(a => a == Acceptance.Updated),
            ["same"] = acceptance.Count(a => a == Acceptance.Same),
        };
        var grains = ctx.RequestServices.GetRequiredService<IGrainFactory>();
        var log = ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("FactCheck.Cluster.Ingest");
        if (ctx.Request.Query["wait"] == "false")
        {
            _ = Task.Run(async () =>
            {
                try { await Task.WhenAll(todo.Select(d => grains.GetGrain<IArticleWorker>(0).Process(d))); }
                catch (Exception e) { log.LogWarning("background processing failed ({Error}); the sweep processes what is left", e.Message); }
            });
            await ApiJson.Json(ctx, result, 202);
            return;
        }
        try
        {
            var stories = await Task.WhenAll(todo.Select(d => grains.GetGrain<IArticleWorker>(0).Process(d)));
            result["processed"] = todo.Count;
            result["stories"] = new JObject(todo.Zip(stories).Select(x => new JProperty(x.First.Id, x.Second)));
            await ApiJson.Json(ctx, result);
        }
        catch (Exception e) when (IsClusterFault(e))
        {
            result["error"] = "stored, but not all processed yet (the sweep processes them): " + e.Message;
            await ApiJson.Json(ctx, result, 503);
        }
    }
}

/// <summary>Makes sure the sweeper grain's reminder exists: shortly after this silo starts, then every ten minutes (a cheap
/// read; it matters for in-memory reminders, which are lost with the silo that held them). The reminder, not this service,
/// runs the sweeps: one schedule for the whole cluster, kept in PostgreSQL for --cluster postgres, taken over by a
/// surviving silo when the one that owned it dies.</summary>
public sealed class SweepService(IGrainFactory grains, ILogger<SweepService> log) : BackgroundService
{
    public static readonly TimeSpan Recheck = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2), stop);
            while (!stop.IsCancellationRequested)
            {
                TimeSpan next = Recheck;
                try { await grains.GetGrain<ISweeper>(0).Schedule(); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning("could not schedule the sweep: {Error}", e.Message);
                    next = TimeSpan.FromSeconds(10);
                }
                await Task.Delay(next, stop);
            }
        }
        catch (OperationCanceledException) { }
    }
}
