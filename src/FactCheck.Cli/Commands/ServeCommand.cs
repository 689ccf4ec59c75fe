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
        var cmd = new Command("serve", "Serve the team review page (/) and the HTTP API (/api, described at /openapi.json).");
        foreach (var o in new Option[] { urls, db, token, reviewer, model, maxBody }) cmd.Options.Add(o);
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
                foreach (var u in app.Urls) Console.WriteLine($"serving {store.Describe} at {u}/ (API at {u}/api, {u}/openapi.json); Ctrl+C to stop");
                Console.Out.Flush();
                app.WaitForShutdown();
                return Ok;
            }
        });
        return cmd;
    }
}
