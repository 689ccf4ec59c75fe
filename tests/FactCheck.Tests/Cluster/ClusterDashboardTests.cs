using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Cluster;

/// <summary>`serve --cluster localhost --dashboard` serves Orleans' dashboard at /dashboard/: its page, and its JSON API
/// with this silo active and the sweep's reminder; behind --token like /api; absent without --dashboard.</summary>
[TestFixture, NonParallelizable]
public class ClusterDashboardTests
{
    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>Starts one silo with the given extra arguments; returns it and its URL once it says it is serving.</summary>
    private static async Task<(Process Process, string Url, StringBuilder Log)> Start(string dir, params string[] extra)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Services.CliDll, "serve", "--cluster", "localhost", "--db", Path.Combine(dir, "store.db"), "--urls", url,
                     "--silo-port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(extra))
            psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        var log = new StringBuilder();
        var serving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.AppendLine(e.Data);
            if (e.Data.StartsWith("serving", StringComparison.Ordinal)) serving.TrySetResult();
        };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var done = await Task.WhenAny(serving.Task, p.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(120)));
        Assert.That(done, Is.SameAs(serving.Task), "silo did not start: " + log);
        return (p, url, log);
    }

    private static void Stop(Process p)
    {
        try { if (!p.HasExited) p.Kill(entireProcessTree: true); p.WaitForExit(10000); } catch (InvalidOperationException) { }
        p.Dispose();
    }

    [Test]
    public async Task DashboardAnswersWhenAskedFor()
    {
        var dir = Path.Combine(Path.GetTempPath(), "factcheck-dashboard-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var (silo, url, log) = await Start(dir, "--dashboard");
        try
        {
            Assert.That(log.ToString(), Does.Contain("dashboard at " + url + "/dashboard/"));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var page = await http.GetAsync(url + "/dashboard/");
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<title>Orleans Dashboard</title>"));

            // the dashboard's counters are refreshed every second: this one silo, active
            var hosts = new List<string?>();
            for (int i = 0; i < 30; i++)
            {
                hosts = JObject.Parse(await http.GetStringAsync(url + "/dashboard/DashboardCounters"))["hosts"]!.Select(h => h.Value<string>("status")).ToList();
                if (hosts is ["Active"]) break;
                await Task.Delay(500);
            }
            Assert.That(hosts, Is.EqualTo(new[] { "Active" }));
            // the sweep's reminder (registered by the silo shortly after it starts) is what the dashboard lists
            JToken? reminders = null;
            for (int i = 0; i < 30; i++)
            {
                reminders = JObject.Parse(await http.GetStringAsync(url + "/dashboard/Reminders"))["reminders"];
                if (reminders is JArray { Count: > 0 }) break;
                await Task.Delay(500);
            }
            Assert.That(reminders!.Select(r => r.Value<string>("name")), Is.EqualTo(new[] { "sweep" }), reminders?.ToString());
        }
        finally { Stop(silo); }

        // with --token the dashboard is behind it, as /api is; without --dashboard there is none
        (silo, url, _) = await Start(dir, "--dashboard", "--token", "s3cret");
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            Assert.That((await http.GetAsync(url + "/dashboard/DashboardCounters")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            using var req = new HttpRequestMessage(HttpMethod.Get, url + "/dashboard/DashboardCounters");
            req.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
            Assert.That((await http.SendAsync(req)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        finally { Stop(silo); }
        (silo, url, _) = await Start(dir);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            Assert.That((await http.GetAsync(url + "/dashboard/")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
        finally
        {
            Stop(silo);
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
