using System.Globalization;
using System.Text;
using FactCheck.Checks;
using FactCheck.Output;
using FactCheck.Review;
using FactCheck.Store;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Web;

/// <summary>The handlers of the HTTP API and the review page.</summary>
internal sealed class Api(ServeOptions options, FactStore store, CheckPipeline pipeline)
{
    private readonly object engineGate = new();

    public static Task Error(HttpContext ctx, int status, string message) =>
        Json(ctx, new JObject { ["error"] = message }, status);

    public static Task Json(HttpContext ctx, JToken body, int status = 200) =>
        ReviewServer.Text(ctx, body.ToString(Formatting.Indented) + "\n", "application/json; charset=utf-8", status);

    private Task<JToken?> Body(HttpContext ctx) => Body(ctx, options);

    /// <summary>The JSON body, or an error written to the response (400 malformed, 413 too large, 415 not JSON).</summary>
    public static async Task<JToken?> Body(HttpContext ctx, ServeOptions options)
    {
        var req = ctx.Request;
        if (req.ContentLength > options.MaxBodyBytes)
        {
            // Read what was sent (Kestrel stops at a hard limit above ours) so the client gets the answer, not a reset.
            try { await req.Body.CopyToAsync(Stream.Null); } catch (BadHttpRequestException) { }
            await Error(ctx, 413, $"request body of {req.ContentLength} bytes is over the {options.MaxBodyBytes} byte limit");
            return null;
        }
        if (req.ContentType is { } ct && !ct.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            await Error(ctx, 415, $"send JSON (Content-Type: application/json), not {ct}");
            return null;
        }
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await req.Body.ReadAsync(chunk)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > options.MaxBodyBytes)
            {
                try { await req.Body.CopyToAsync(Stream.Null); } catch (BadHttpRequestException) { }
                await Error(ctx, 413, $"request body over the {options.MaxBodyBytes} byte limit");
                return null;
            }
        }
        string text;
        try { text = new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length); }
        catch (DecoderFallbackException) { await Error(ctx, 400, "request body is not UTF-8"); return null; }
        if (string.IsNullOrWhiteSpace(text)) { await Error(ctx, 400, "empty request body: send a JSON object"); return null; }
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            var token = JToken.ReadFrom(reader);
            if (reader.Read()) { await Error(ctx, 400, "malformed JSON: text after the JSON value"); return null; }
            return token;
        }
        catch (JsonException e)
        {
            await Error(ctx, 400, "malformed JSON: " + e.Message);
            return null;
        }
    }

    private static string? Str(JObject o, string key) => o[key]?.Type == JTokenType.String ? (string?)o[key] : null;

    // ------------------------------------------------------------------ page

    public Task Page(HttpContext ctx)
    {
        var html = ReviewServer.Resource("index.html").Replace("{{REVIEWER}}", SafeText.Html(options.DefaultReviewer));
        return ReviewServer.Text(ctx, html, "text/html; charset=utf-8");
    }

    /// <summary>One finding as the shared template renders it (the same HTML as in report.html), with the reviewers' decisions.</summary>
    public Task FindingFragment(HttpContext ctx)
    {
        var id = (string)ctx.Request.RouteValues["id"]!;
        var found = store.FindFinding(id);
        if (found is null) return ReviewServer.Text(ctx, "<p>No such finding.</p>", "text/html; charset=utf-8", 404);
        var summary = store.Summaries().GetValueOrDefault(id);
        var f = WithVerdict(found.Finding, summary);
        return ReviewServer.Text(ctx, ReportHtml.RenderFinding(f, Review(summary), interactive: true), "text/html; charset=utf-8");
    }

    // ------------------------------------------------------------------ engine

    public async Task Extract(HttpContext ctx)
    {
        if (await Body(ctx) is not { } body) return;
        if (body is not JObject o || Str(o, "text") is not { } text) { await Error(ctx, 400, "expected {\"text\": \"...\", \"lang\"?: \"id|en\", \"reftime\"?: ISO date}"); return; }
        DateTimeOffset? reftime = null;
        if (Str(o, "reftime") is { Length: > 0 } rt)
        {
            if (!FactCheck.Readers.IsoDate.TryParse(rt, out var t)) { await Error(ctx, 400, $"\"reftime\" is not an ISO 8601 date or date-time: \"{rt}\""); return; }
            reftime = t;
        }
        var lang = Str(o, "lang");
        if (lang is not null and not ("id" or "en" or "auto")) { await Error(ctx, 400, $"\"lang\" must be id, en or auto, not \"{lang}\""); return; }
        JArray mentions;
        lock (engineGate) mentions = pipeline.Extract(text, lang == "auto" ? null : lang, reftime);
        await Json(ctx, mentions);
    }

    public async Task Check(HttpContext ctx)
    {
        if (await Body(ctx) is not { } body) return;
        if (body is not JObject o || o["articles"] is not JArray articles || articles.Count == 0)
        {
            await Error(ctx, 400, "expected {\"articles\": [{\"id\", \"text\", \"published\"?, \"lang\"?, \"title\"?, \"source\"?, \"url\"?}, ...]}");
            return;
        }
        Report report;
        lock (engineGate) report = pipeline.Run(articles.ToList(), store);
        var failed = report.Articles.Where(a => !a.Ok).ToList();
        if (failed.Count == articles.Count)
        {
            await Json(ctx, new JObject { ["error"] = "no article could be read", ["articles"] = new JArray(failed.Select(a => new JObject { ["id"] = a.Id, ["error"] = a.Error })) }, 400);
            return;
        }
        var run = store.SaveRun(report);
        var json = ReportJson.ToJson(report);
        var summaries = store.Summaries();
        var result = new JObject
        {
            ["run"] = run,
            ["stories"] = Stories(report.Findings.Select(f => (f, FactStore.StoryOf(f))).ToList(), report.Articles),
            ["articles"] = json["articles"],
            ["findings"] = new JArray(report.Findings.Select(f => FindingBody(f, FactStore.StoryOf(f), summaries.GetValueOrDefault(f.Id)))),
            ["summary"] = json["summary"],
        };
        await Json(ctx, result, 201);
    }

    private static JArray Stories(IReadOnlyList<(Finding Finding, string Story)> findings, IReadOnlyList<ReportArticle> articles)
    {
        var keys = findings.Select(x => x.Story).Distinct().DefaultIfEmpty("").ToList();
        return new JArray(keys.Select(k => new JObject
        {
            ["id"] = k, ["findings"] = findings.Count(x => x.Story == k),
            ["articles"] = new JArray(articles.Where(a => a.Ok).Select(a => a.Id)),
        }));
    }

    public Task Runs(HttpContext ctx) => Json(ctx, new JArray(store.Runs().Select(RunJson)));

    private static JObject RunJson(RunRecord r) => new()
    {
        ["id"] = r.Id, ["created"] = r.Created.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        ["generated"] = r.Generated, ["articles"] = r.Articles, ["findings"] = r.Findings,
    };

    public Task Run(HttpContext ctx)
    {
        var id = (string)ctx.Request.RouteValues["id"]!;
        var report = store.RunReport(id);
        if (report is null) return Error(ctx, 404, $"no run \"{id}\"");
        var summaries = store.Summaries();
        report["findings"] = new JArray(store.Findings(id).Select(f => FindingBody(f.Finding, f.Story, summaries.GetValueOrDefault(f.Finding.Id))));
        return Json(ctx, report);
    }

    // ------------------------------------------------------------------ findings and decisions

    private static Finding WithVerdict(Finding f, DecisionSummary? s) =>
        s?.Latest is { } d ? f with { Verdict = d.Verdict, ReviewNote = d.Note } : f with { Verdict = null, ReviewNote = null };

    private static FindingReview Review(DecisionSummary? s) => s is null ? FindingReview.None
        : new FindingReview(s.ByReviewer.Select(d => new ReviewLine(d.Reviewer, DecisionStore.VerdictName(d.Verdict!.Value), d.Time, d.Note, d.Fix)).ToList(), s.Disagreement);

    private static JObject DecisionJson(StoredDecision d)
    {
        var o = d.ToJson();
        o.Remove("seen");
        o.Remove("features");
        return o;
    }

    /// <summary>A finding as in report.json (with its latest verdict), plus story, decision, each reviewer's latest, disagreement.</summary>
    private static JObject FindingBody(Finding f, string story, DecisionSummary? s)
    {
        var o = FindingJson.ToJson(WithVerdict(f, s));
        o["story"] = story;
        o["decision"] = s?.Latest is { } d ? DecisionJson(d) : null;
        o["reviews"] = new JArray((s?.ByReviewer ?? []).Select(DecisionJson));
        o["disagreement"] = s?.Disagreement ?? false;
        o["history"] = s?.History.Count ?? 0;
        return o;
    }

    public Task Findings(HttpContext ctx)
    {
        var q = ctx.Request.Query;
        string? P(string k) => q.TryGetValue(k, out var v) && v.Count > 0 && !string.IsNullOrEmpty(v[0]) ? v[0] : null;
        var runId = P("run") ?? store.LatestRun()?.Id;
        if (runId is null) return Json(ctx, new JObject { ["run"] = null, ["findings"] = new JArray() });
        if (store.GetRun(runId) is null) return Error(ctx, 404, $"no run \"{runId}\"");
        double? minScore = null;
        if (P("minScore") is { } ms)
        {
            if (!double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var m)) return Error(ctx, 400, $"minScore must be a number, not \"{ms}\"");
            minScore = m;
        }
        var severity = P("severity");
        if (severity is not null and not ("high" or "medium" or "low")) return Error(ctx, 400, "severity must be high, medium or low");
        var verdict = P("verdict");
        if (verdict is not null and not ("confirmed" or "dismissed" or "unsure" or "undecided" or "disagreement"))
            return Error(ctx, 400, "verdict must be confirmed, dismissed, unsure, undecided or disagreement");
        var summaries = store.Summaries();
        var list = new JArray();
        foreach (var sf in store.Findings(runId))
        {
            var f = sf.Finding;
            var s = summaries.GetValueOrDefault(f.Id);
            var latest = s?.Latest?.Verdict is { } lv ? DecisionStore.VerdictName(lv) : null;
            if (P("story") is { } story && sf.Story != story) continue;
            if (P("rule") is { } rule && f.Rule != rule) continue;
            if (severity is not null && f.Severity.ToString().ToLowerInvariant() != severity) continue;
            if (minScore is { } min && f.Score < min) continue;
            if (P("outlet") is { } outlet && !f.Evidence.Any(e => string.Equals(e.Source, outlet, StringComparison.OrdinalIgnoreCase))) continue;
            if (P("reviewer") is { } who && !(s?.ByReviewer.Any(d => d.Reviewer == who) ?? false)) continue;
            if (verdict is not null && !(verdict switch
            {
                "undecided" => latest is null,
                "disagreement" => s?.Disagreement ?? false,
                _ => latest == verdict,
            })) continue;
            list.Add(FindingBody(f, sf.Story, s));
        }
        return Json(ctx, new JObject { ["run"] = runId, ["findings"] = list });
    }

    public Task Finding(HttpContext ctx)
    {
        var id = (string)ctx.Request.RouteValues["id"]!;
        var found = store.FindFinding(id);
        if (found is null) return Error(ctx, 404, $"no finding \"{id}\"");
        var s = store.Summaries().GetValueOrDefault(id);
        var o = FindingBody(found.Finding, found.Story, s);
        o["run"] = found.RunId;
        o["decisions"] = new JArray((s?.History ?? []).Select(DecisionJson));
        return Json(ctx, o);
    }

    private static (Verdict? Verdict, string? Note, string? Fix, string? Reviewer, string? Problem) DecisionFields(JToken body)
    {
        if (body is not JObject o) return (null, null, null, null, "expected {\"verdict\": \"confirmed|dismissed|unsure\", \"note\"?, \"fix\"?, \"reviewer\"}");
        var v = DecisionStore.ParseVerdict(Str(o, "verdict"));
        if (v is null) return (null, null, null, null, $"\"verdict\" must be confirmed, dismissed or unsure, not {o["verdict"]?.ToString(Formatting.None) ?? "missing"}");
        var reviewer = Str(o, "reviewer")?.Trim();
        if (string.IsNullOrEmpty(reviewer)) return (null, null, null, null, "\"reviewer\" is required (who decided)");
        if (reviewer.Length > 100) return (null, null, null, null, "\"reviewer\" is longer than 100 characters");
        foreach (var k in new[] { "note", "fix" })
            if (o[k] is { } t && t.Type is not (JTokenType.String or JTokenType.Null)) return (null, null, null, null, $"\"{k}\" must be a string");
        var note = Str(o, "note");
        var fix = Str(o, "fix");
        return (v, string.IsNullOrWhiteSpace(note) ? null : note, string.IsNullOrWhiteSpace(fix) ? null : fix, reviewer, null);
    }

    public async Task Decide(HttpContext ctx)
    {
        var id = (string)ctx.Request.RouteValues["id"]!;
        if (await Body(ctx) is not { } body) return;
        var (verdict, note, fix, reviewer, problem) = DecisionFields(body);
        if (problem is not null) { await Error(ctx, 400, problem); return; }
        var found = store.FindFinding(id);
        if (found is null) { await Error(ctx, 404, $"no finding \"{id}\""); return; }
        var d = store.Record(StoredDecision.For(found.Finding, verdict!.Value, reviewer!, options.Clock.GetLocalNow(), note, fix));
        var s = store.Summaries().GetValueOrDefault(id);
        var o = DecisionJson(d);
        o["finding"] = FindingBody(found.Finding, found.Story, s);
        await Json(ctx, o, 201);
    }

    public async Task Undo(HttpContext ctx)
    {
        var id = (string)ctx.Request.RouteValues["id"]!;
        if (await Body(ctx) is not { } body) return;
        var reviewer = body is JObject o ? Str(o, "reviewer")?.Trim() : null;
        if (string.IsNullOrEmpty(reviewer)) { await Error(ctx, 400, "expected {\"reviewer\": \"...\"}: whose latest decision to undo"); return; }
        var found = store.FindFinding(id);
        if (found is null) { await Error(ctx, 404, $"no finding \"{id}\""); return; }
        var undo = store.Undo(id, reviewer, onlyOwn: true);
        if (undo is null) { await Error(ctx, 409, $"{reviewer} has no decision on \"{id}\" to undo"); return; }
        var result = DecisionJson(undo);
        result["finding"] = FindingBody(found.Finding, found.Story, store.Summaries().GetValueOrDefault(id));
        await Json(ctx, result);
    }

    /// <summary>The same verdict on many findings ("dismiss these 12"), in one transaction.</summary>
    public async Task Bulk(HttpContext ctx)
    {
        if (await Body(ctx) is not { } body) return;
        var (verdict, note, fix, reviewer, problem) = DecisionFields(body);
        if (problem is not null) { await Error(ctx, 400, problem); return; }
        if (body["ids"] is not JArray ids || ids.Count == 0 || ids.Any(t => t.Type != JTokenType.String))
        {
            await Error(ctx, 400, "\"ids\" must be a non-empty array of finding ids");
            return;
        }
        var decisions = new List<StoredDecision>();
        foreach (var id in ids.Select(t => (string)t!).Distinct(StringComparer.Ordinal))
        {
            var found = store.FindFinding(id);
            if (found is null) { await Error(ctx, 404, $"no finding \"{id}\"; nothing recorded"); return; }
            decisions.Add(StoredDecision.For(found.Finding, verdict!.Value, reviewer!, options.Clock.GetLocalNow(), note, fix));
        }
        var recorded = store.RecordAll(decisions);
        await Json(ctx, new JObject { ["recorded"] = recorded.Count, ["decisions"] = new JArray(recorded.Select(DecisionJson)) }, 201);
    }

    public Task Export(HttpContext ctx)
    {
        var format = ctx.Request.Query["format"].ToString();
        if (format is "" or "jsonl")
        {
            ctx.Response.Headers.ContentDisposition = "attachment; filename=\"decisions.jsonl\"";
            return ReviewServer.Text(ctx, store.ExportJsonl(), "application/x-ndjson; charset=utf-8");
        }
        if (format == "json") return Json(ctx, new JArray(store.History().Select(d => d.ToJson())));
        return Error(ctx, 400, "format must be jsonl or json");
    }
}
