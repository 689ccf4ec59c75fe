using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FactCheck.Store;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Web;

/// <summary>`factcheck serve` as a process, killed with SIGKILL while decisions are being posted: every decision it acknowledged is in the store.</summary>
[TestFixture("sqlite")]
[TestFixture("postgres")]
public class ServeKillTests(string kind)
{
    [Test]
    public async Task KillNineMidWriteLosesNoAcknowledgedDecision()
    {
        var dir = Path.Combine(Path.GetTempPath(), "factcheck-kill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = Services.NewStore(kind, dir);
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; l.Stop(); }
        var url = $"http://127.0.0.1:{port}";
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Services.CliDll, "serve", "--urls", url, "--db", db, "--model", Path.Combine(AppContext.BaseDirectory, "models", "triage") })
            psi.ArgumentList.Add(a);
        using var proc = Process.Start(psi)!;
        var err = proc.StandardError.ReadToEndAsync();
        try
        {
            var started = proc.StandardOutput.ReadLineAsync();
            Assert.That(await Task.WhenAny(started, Task.Delay(TimeSpan.FromSeconds(60))), Is.SameAs(started), "serve did not start");
            Assert.That(started.Result, Does.StartWith("serving"), await Task.WhenAny(err, Task.Delay(100)) == err ? err.Result : "");
            _ = proc.StandardOutput.ReadToEndAsync();

            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            var check = await http.PostAsync("/api/check", new StringContent(TestServer.ParlerRequest().ToString(), System.Text.Encoding.UTF8, "application/json"));
            var body = JObject.Parse(await check.Content.ReadAsStringAsync());
            var ids = body["findings"]!.Select(f => f.Value<string>("id")!).ToList();
            Assert.That(ids, Is.Not.Empty);

            var acked = new ConcurrentBag<(long Seq, string Reviewer, string Verdict)>();
            int sent = 0;
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (int i = 0; i < 2000; i++)
                {
                    var verdict = i % 3 == 0 ? "dismissed" : "confirmed";
                    var json = new JObject { ["verdict"] = verdict, ["reviewer"] = $"w{w}", ["note"] = $"note {i}" }.ToString();
                    Interlocked.Increment(ref sent);
                    try
                    {
                        var res = await http.PostAsync($"/api/findings/{ids[i % ids.Count]}/decisions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
                        if (res.StatusCode != HttpStatusCode.Created) continue;
                        var d = JObject.Parse(await res.Content.ReadAsStringAsync());
                        acked.Add((d.Value<long>("seq"), d.Value<string>("reviewer")!, d.Value<string>("verdict")!));
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or Newtonsoft.Json.JsonException) { return; }
                }
            })).ToList();
            var until = DateTime.UtcNow.AddSeconds(60);
            while (acked.Count < 150 && DateTime.UtcNow < until) await Task.Delay(10);
            proc.Kill(); // SIGKILL
            await Task.WhenAll(writers);
            proc.WaitForExit(10000);
            Assert.That(acked.Count, Is.GreaterThanOrEqualTo(150), "writes were acknowledged before the kill");

            var (store, error) = FactStore.Open(db);
            Assert.That(store, Is.Not.Null, error);
            using (store)
            {
                var history = store!.History().ToDictionary(d => d.Seq);
                foreach (var (seq, reviewer, verdict) in acked)
                {
                    Assert.That(history.ContainsKey(seq), Is.True, $"acknowledged decision {seq} lost");
                    Assert.That((history[seq].Reviewer, FactCheck.Review.DecisionStore.VerdictName(history[seq].Verdict!.Value)), Is.EqualTo((reviewer, verdict)));
                }
                Assert.That(history.Values.All(d => d.Seen is not null && d.Note is not null), Is.True, "no torn rows");
                TestContext.Out.WriteLine($"{kind}: {acked.Count} acknowledged, {history.Count} stored, {sent} sent before the kill");
            }
        }
        finally
        {
            if (!proc.HasExited) proc.Kill();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
