using System.CommandLine;
using FactCheck.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace FactCheck.Cli.Commands;

/// <summary>`factcheck serve [--urls http://127.0.0.1:5080] [--db ...] [--token T]`: the review page and the HTTP API.</summary>
public static class ServeCommand
{
    public const int Ok = 0;
    public const int BadArguments = 1;
    public const int StoreError = 2;

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on, separated by ;", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var db = StoreOptions.DbOption();
        var token = new Option<string?>("--token") { Description = "API token (default $FACTCHECK_TOKEN); required when --urls is not loopback" };
        var reviewer = new Option<string?>("--reviewer") { Description = "Reviewer name the page starts with (default: the login name)" };
        var model = new Option<string>("--model") { Description = "Triage model folder", DefaultValueFactory = _ => FactCheck.Triage.ModelStore.DefaultDir };
        var maxBody = new Option<long>("--max-body") { Description = "Largest request body in bytes", DefaultValueFactory = _ => 4 * 1024 * 1024 };
        var cluster = new Option<string?>("--cluster") { Description = "Also run an Orleans silo: localhost (one machine, membership in memory) or postgres (membership in the --db PostgreSQL store); articles posted to /api/cluster/articles are checked by story across the silos" };
        cluster.AcceptOnlyFromAmong("localhost", "postgres");
        var siloPort = new Option<int>("--silo-port") { Description = "Port for silo-to-silo traffic (--cluster)", DefaultValueFactory = _ => 11111 };
        var primary = new Option<int?>("--primary-port") { Description = "--cluster localhost: the silo port of the first silo, for another silo on this machine" };
        var idle = new Option<int>("--idle-minutes") { Description = "--cluster: a story grain idle this many minutes is deactivated (its members and findings stay in the store)", DefaultValueFactory = _ => 15 };
        var dashboard = new Option<bool>("--dashboard") { Description = "--cluster: also serve Orleans' dashboard at /dashboard/ (behind --token like /api)" };
        var cmd = new Command("serve", "Serve the team review page (/) and the HTTP API (/api, described at /openapi.json).");
        foreach (var o in new Option[] { urls, db, token, reviewer, model, maxBody, cluster, siloPort, primary, idle, dashboard }) cmd.Options.Add(o);
        cmd.SetAction(pr =>
        {
            var (store, error) = StoreOptions.Open(pr.GetValue(db), Console.Error);
            if (store is null) { Console.Error.WriteLine("error: " + error); return StoreError; }
            using (store)
            {
                var options = new ServeOptions
                {
                    Urls = pr.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    Token = pr.GetValue(token) ?? (Environment.GetEnvironmentVariable("FACTCHECK_TOKEN") is { Length: > 0 } t ? t : null),
                    DefaultReviewer = ReviewCommand.ReviewerName(pr.GetValue(reviewer)),
                    ModelDir = pr.GetValue(model), MaxBodyBytes = pr.GetValue(maxBody),
                };
                if (pr.GetValue(cluster) is { } mode)
                {
#if CLUSTER
                    var setup = new FactCheck.Cluster.ClusterSetup
                    {
                        Mode = mode, Db = pr.GetValue(db) ?? FactCheck.Store.FactStore.DefaultLocation(), SiloPort = pr.GetValue(siloPort),
                        PrimaryPort = pr.GetValue(primary), IdleTimeout = TimeSpan.FromMinutes(Math.Max(1, pr.GetValue(idle))),
                        Dashboard = pr.GetValue(dashboard), ModelDir = options.ModelDir,
                    };
                    if (setup.Problem(store) is { } bad) { Console.Error.WriteLine("error: " + bad); return BadArguments; }
                    options = FactCheck.Cluster.ClusterHost.Attach(options, setup, store);
#else
                    Console.Error.WriteLine($"error: --cluster {mode} needs the JIT build of factcheck (this native build has no Orleans)");
                    return BadArguments;
#endif
                }
                var (app, problem) = ReviewServer.Build(options, store);
                if (app is null) { Console.Error.WriteLine("error: " + problem); return BadArguments; }
                try
                {
                    app.Start();
                }
                catch (IOException e)
                {
                    Console.Error.WriteLine($"error: cannot listen on {string.Join(", ", options.Urls)}: {e.Message}");
                    return BadArguments;
                }
                foreach (var u in app.Urls) Console.WriteLine($"serving {store.Describe} at {u}/ (API at {u}/api, {u}/openapi.json)" +
                    (pr.GetValue(cluster) is { } m ? $", silo ({m}) on port {pr.GetValue(siloPort)}, /api/cluster, {u}/metrics" + (pr.GetValue(dashboard) ? $", dashboard at {u}/dashboard/" : "") : "") + "; Ctrl+C to stop");
                Console.Out.Flush();
                app.WaitForShutdown();
                return Ok;
            }
        });
        return cmd;
    }
}
