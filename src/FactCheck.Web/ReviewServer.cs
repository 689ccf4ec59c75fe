using System.Globalization;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using FactCheck.Checks;
using FactCheck.Output;
using FactCheck.Review;
using FactCheck.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Web;

/// <summary>How `factcheck serve` runs.</summary>
public sealed record ServeOptions
{
    /// <summary>Addresses to listen on (loopback by default).</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5080"];
    /// <summary>Required as "Authorization: Bearer TOKEN" on /api when set; must be set when bound to anything but loopback.</summary>
    public string? Token { get; init; }
    /// <summary>Largest request body accepted (413 above it).</summary>
    public long MaxBodyBytes { get; init; } = 4 * 1024 * 1024;
    public string? ModelDir { get; init; }
    /// <summary>The reviewer name the page starts with.</summary>
    public string DefaultReviewer { get; init; } = "reviewer";
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    /// <summary>Log requests and errors to the console (off in tests).</summary>
    public bool Log { get; init; } = true;
    /// <summary>More services on the app before it is built (`serve --cluster` adds an Orleans silo).</summary>
    public Action<WebApplicationBuilder>? ConfigureBuilder { get; init; }
    /// <summary>More endpoints, mapped after the review API and behind the same token check (`serve --cluster`: /api/cluster, /metrics).</summary>
    public Action<WebApplication>? MapEndpoints { get; init; }
}

/// <summary>The API's JSON conventions for endpoints mapped from outside this assembly (<see cref="ServeOptions.MapEndpoints"/>).</summary>
public static class ApiJson
{
    /// <summary>Writes {"error": message} with the status.</summary>
    public static Task Error(HttpContext ctx, int status, string message) => Api.Error(ctx, status, message);
    /// <summary>Writes a JSON body (indented, no caching).</summary>
    public static Task Json(HttpContext ctx, JToken body, int status = 200) => Api.Json(ctx, body, status);
    /// <summary>The JSON body, or null with an error already written (400 malformed, 413 too large, 415 not JSON).</summary>
    public static Task<JToken?> Body(HttpContext ctx, ServeOptions options) => Api.Body(ctx, options);
    /// <summary>Writes plain text with a content type.</summary>
    public static Task Text(HttpContext ctx, string text, string type, int status = 200) => ReviewServer.Text(ctx, text, type, status);
}

/// <summary>
/// The review web app and HTTP API over a <see cref="FactStore"/>: the review page at /, the JSON API under /api (bodies are the
/// CLI's JSON: findings as in report.json, mentions as `extract --format json`), /openapi.json. Errors are 4xx JSON
/// {"error": message}; no stack trace reaches the client.
/// </summary>
public static class ReviewServer
{
    /// <summary>True for 127.0.0.0/8, ::1 and localhost.</summary>
    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var u)) return false;
        if (u.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(u.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>Builds the app (not started); an error instead when the options are unsafe or invalid.</summary>
    public static (WebApplication? App, string? Error) Build(ServeOptions o, FactStore store)
    {
        foreach (var url in o.Urls)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
                return (null, $"--urls {url}: not an http(s) address");
            if (!IsLoopback(url) && string.IsNullOrEmpty(o.Token))
                return (null, $"--urls {url} is not loopback: set a token (--token or FACTCHECK_TOKEN) so only your team can call the API");
        }
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        if (o.Log) builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls([.. o.Urls]);
        builder.WebHost.ConfigureKestrel(k => { k.Limits.MaxRequestBodySize = Math.Max(o.MaxBodyBytes * 4, o.MaxBodyBytes + (1 << 20)); k.AddServerHeader = false; });
        o.ConfigureBuilder?.Invoke(builder);
        var app = builder.Build();
        var api = new Api(o, store, new CheckPipeline(o.ModelDir));

        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h["Content-Security-Policy"] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
            h["X-Content-Type-Options"] = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h["X-Frame-Options"] = "DENY";
            try
            {
                if (ctx.Request.Path.StartsWithSegments("/api") && o.Token is { Length: > 0 } token && !Authorized(ctx.Request, token))
                {
                    await Api.Error(ctx, 401, "missing or wrong token: send Authorization: Bearer TOKEN");
                    return;
                }
                await next(ctx);
            }
            catch (BadHttpRequestException e) when (!ctx.Response.HasStarted)
            {
                await Api.Error(ctx, e.StatusCode == 413 ? 413 : 400, e.StatusCode == 413 ? $"request body over the {o.MaxBodyBytes} byte limit" : "bad request: " + e.Message);
            }
            catch (StoreException e) when (!ctx.Response.HasStarted)
            {
                app.Logger.LogError(e, "store error");
                await Api.Error(ctx, 503, "the store is not available: " + e.Message);
            }
            catch (Exception e) when (!ctx.Response.HasStarted && e is not OperationCanceledException)
            {
                app.Logger.LogError(e, "unhandled error");
                await Api.Error(ctx, 500, "internal error (see the server log)");
            }
        });

        app.MapGet("/", api.Page);
        app.MapGet("/app.js", ctx => Static(ctx, "app.js", "text/javascript; charset=utf-8"));
        app.MapGet("/app.css", ctx => Static(ctx, "app.css", "text/css; charset=utf-8"));
        app.MapGet("/report.css", ctx => Text(ctx, ReportHtml.Css, "text/css; charset=utf-8"));
        app.MapGet("/openapi.json", ctx => Static(ctx, "openapi.json", "application/json; charset=utf-8"));
        app.MapGet("/ui/findings/{id}", api.FindingFragment);
        app.MapPost("/api/extract", api.Extract);
        app.MapPost("/api/check", api.Check);
        app.MapGet("/api/runs", api.Runs);
        app.MapGet("/api/runs/{id}", api.Run);
        app.MapGet("/api/findings", api.Findings);
        app.MapGet("/api/findings/{id}", api.Finding);
        app.MapPost("/api/findings/{id}/decisions", api.Decide);
        app.MapPost("/api/findings/{id}/undo", api.Undo);
        app.MapPost("/api/decisions/bulk", api.Bulk);
        app.MapGet("/api/decisions", api.Export);
        o.MapEndpoints?.Invoke(app);
        app.MapFallback(ctx => Api.Error(ctx, 404, $"no such endpoint: {ctx.Request.Method} {ctx.Request.Path} (see /openapi.json)"));
        return (app, null);
    }

    private static bool Authorized(HttpRequest r, string token)
    {
        var given = r.Headers.Authorization.ToString();
        if (given.StartsWith("Bearer ", StringComparison.Ordinal)) given = given[7..].Trim();
        else given = r.Headers["X-FactCheck-Token"].ToString();
        var a = Encoding.UTF8.GetBytes(given);
        var b = Encoding.UTF8.GetBytes(token);
        return a.Length == b.Length && CryptographicOperations.FixedTimeEquals(a, b);
    }

    internal static string Resource(string name)
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("wwwroot/" + name) ?? throw new FileNotFoundException(name);
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd();
    }

    private static Task Static(HttpContext ctx, string name, string type) => Text(ctx, Resource(name), type);

    internal static Task Text(HttpContext ctx, string text, string type, int status = 200)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = type;
        ctx.Response.Headers.CacheControl = "no-store";
        return ctx.Response.WriteAsync(text, Encoding.UTF8);
    }
}
