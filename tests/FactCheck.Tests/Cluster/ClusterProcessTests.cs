using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FactCheck.Checks;
using FactCheck.Output;
using FactCheck.Store;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Cluster;

/// <summary>`factcheck serve --cluster postgres` as three processes on loopback, membership and state in one PostgreSQL
/// database: the eval articles posted over HTTP to all three, one silo killed (SIGKILL) while they are posted; every article
/// the API accepted is processed exactly once in effect (in one story, its current version processed) and the findings are
/// those of a single-process `check`.</summary>
[TestFixture, NonParallelizable]
public class ClusterProcessTests
{
    private sealed class Silo(Process process, string url)
    {
        public Process Process { get; } = process;
        public string Url { get; } = url;
        public bool Alive { get; set; } = true;
        public StringBuilder Log { get; } = new();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static async Task<Silo> Start(string db, string dir)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Services.CliDll, "serve", "--cluster", "postgres", "--db", db, "--urls", url, "--silo-port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--model", ClusterExpectation.ModelDir })
            psi.ArgumentList.Add(a);
        var silo = new Silo(Process.Start(psi)!, url);
        var serving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        silo.Process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (silo.Log) silo.Log.AppendLine(e.Data);
            if (e.Data.StartsWith("serving", StringComparison.Ordinal)) serving.TrySetResult();
        };
        silo.Process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (silo.Log) silo.Log.AppendLine(e.Data); };
        silo.Process.BeginOutputReadLine();
        silo.Process.BeginErrorReadLine();
        var done = await Task.WhenAny(serving.Task, silo.Process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(120)));
        Assert.That(done, Is.SameAs(serving.Task), "silo did not start: " + silo.Log);
        return silo;
    }

    [Test]
    public async Task ThreeSiloProcessesOnPostgresLoseNothingWhenOneIsKilled()
    {
        var lines = ClusterExpectation.EvalDocuments();
        var db = Services.NewPostgresDatabase();
        var dir = Path.Combine(Path.GetTempPath(), "factcheck-cluster-kill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var silos = new List<Silo>();
        try
        {
            silos.Add(await Start(db, dir));   // the first creates the tables; the others join it
            silos.AddRange(await Task.WhenAll(Start(db, dir), Start(db, dir)));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };

            var batches = lines.Chunk(12).Select(b => new JObject { ["articles"] = new JArray(b.Select(JObject.Parse)) }.ToString()).ToList();
            int next = -1, acked = 0, retries = 0;
            var killAt = batches.Count / 3;
            var victim = silos[1];
            // posts batch i until a silo accepts it; with kill, first to the victim, which is killed (SIGKILL) 100 ms into
            // the request, while it processes the batch and the other clients post theirs
            async Task Deliver(int i, int c, bool kill)
            {
                for (int attempt = 0; ; attempt++)
                {
                    Assert.That(attempt, Is.LessThan(60), $"batch {i} never accepted");
                    var live = silos.Where(s => s.Alive).ToList();
                    var silo = kill && attempt == 0 ? victim : live[(i + c + attempt) % live.Count];
                    try
                    {
                        var post = http.PostAsync(silo.Url + "/api/cluster/articles", new StringContent(batches[i], Encoding.UTF8, "application/json"));
                        if (kill && attempt == 0)
                        {
                            await Task.Delay(100);
                            victim.Alive = false;
                            victim.Process.Kill();
                        }
                        var res = await post;
                        var body = JObject.Parse(await res.Content.ReadAsStringAsync());
                        // 200: stored and processed; 503 with "accepted": stored (durable), processing left to the sweep
                        if (res.StatusCode == HttpStatusCode.OK || res.StatusCode == HttpStatusCode.ServiceUnavailable && body["accepted"] is not null) return;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or Newtonsoft.Json.JsonException) { }
                    Interlocked.Increment(ref retries);
                    await Task.Delay(500);
                }
            }
            async Task Client(int c)
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < batches.Count)
                {
                    await Deliver(i, c, false);
                    if (Interlocked.Increment(ref acked) == killAt && (i = Interlocked.Increment(ref next)) < batches.Count)
                    {
                        await Deliver(i, c, true);
                        Interlocked.Increment(ref acked);
                    }
                }
            }
            await Task.WhenAll(Enumerable.Range(0, 3).Select(Client));
            Assert.That(victim.Process.WaitForExit(10000), Is.True);
            Assert.That(victim.Alive, Is.False, "the silo was killed mid-ingest");

            // what the killed silo left unprocessed is processed by a sweep (each silo also sweeps every 30 s)
            var survivor = silos[0];
            JObject status = [];
            for (int round = 0; round < 20; round++)
            {
                var res = await http.PostAsync(survivor.Url + "/api/cluster/sweep", null);
                status = JObject.Parse(await res.Content.ReadAsStringAsync());
                if (res.StatusCode == HttpStatusCode.OK && status.Value<int>("processed") == lines.Count) break;
                await Task.Delay(2000);
            }
            Assert.That((status.Value<int>("accepted"), status.Value<int>("processed")), Is.EqualTo((lines.Count, lines.Count)), status.ToString());

            var found = JObject.Parse(await http.GetStringAsync(silos[2].Url + "/api/cluster/findings"));
            var members = found["stories"]!.Children<JProperty>().SelectMany(p => p.Value.Values<string>()).ToList();
            Assert.That(members, Is.EquivalentTo(lines.Select(ClusterExpectation.IdOf)), "every accepted article is in exactly one story");
            var (store, error) = FactStore.Open(db);
            Assert.That(store, Is.Not.Null, error);
            using (store)
            {
                var articles = store!.AllClusterArticles();
                Assert.That(articles.All(a => a.Processed == a.Sha256), Is.True);
                TestContext.Out.WriteLine($"{articles.Count} articles, {articles.Count(a => a.Attempts > 1)} processed more than once (retries {retries}), " +
                    $"{found["stories"]!.Count()} stories");
            }
            // membership and the sweep's reminder are Orleans' ADO.NET providers' rows in the same database (Sql/orleans-postgres.sql)
            await using (var c = new Npgsql.NpgsqlConnection(db))
            {
                await c.OpenAsync();
                await using var silosCmd = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM orleans_silos WHERE cluster_id = 'factcheck'", c);
                Assert.That(Convert.ToInt32(await silosCmd.ExecuteScalarAsync()), Is.EqualTo(3), "one membership row per silo");
                await using var remCmd = new Npgsql.NpgsqlCommand("SELECT period FROM orleans_reminders WHERE grain_id = 'sweeper/0' AND reminder_name = 'sweep'", c);
                Assert.That(await remCmd.ExecuteScalarAsync(), Is.EqualTo(60000L), "the sweep is one reminder for the cluster, every minute");
            }
            ClusterExpectation.AssertModelScored(found["findings"]!.Select(f => FindingJson.FromJson((JObject)f)));
            var cluster = ClusterExpectation.Normalize(found["findings"]!.Select(f => FindingJson.FromJson((JObject)f)));
            ClusterExpectation.AssertSame(cluster, ClusterExpectation.CheckFindings(lines, Path.Combine(dir, "check")));
        }
        finally
        {
            foreach (var s in silos)
                try { if (!s.Process.HasExited) s.Process.Kill(entireProcessTree: true); s.Process.WaitForExit(10000); } catch (InvalidOperationException) { }
            foreach (var s in silos) TestContext.Out.WriteLine(s.Log.ToString().Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(5).Aggregate("", (a, b) => a + b + "\n"));
            foreach (var s in silos) s.Process.Dispose();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}

/// <summary>`serve --cluster` refuses what it cannot run, with a message and a non-zero exit.</summary>
public class ServeClusterOptionTests
{
    [TestCase("postgres", "needs a PostgreSQL store")]
    [TestCase("mars", "Argument 'mars' not recognized")]
    public void ClusterModeThatCannotRunIsRefused(string mode, string message)
    {
        var dir = Path.Combine(Path.GetTempPath(), "factcheck-cluster-opt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { Services.CliDll, "serve", "--cluster", mode, "--db", Path.Combine(dir, "store.db"), "--urls", "http://127.0.0.1:1" })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            _ = p.StandardOutput.ReadToEndAsync();
            Assert.That(p.WaitForExit(60000), Is.True);
            Assert.That(p.ExitCode, Is.Not.Zero);
            Assert.That(err.Result, Does.Contain(message));
        }
        finally { Directory.Delete(dir, true); }
    }
}
