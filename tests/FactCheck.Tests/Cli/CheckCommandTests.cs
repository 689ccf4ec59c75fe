using FactCheck.Checks;
using FactCheck.Cli.Commands;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Cli;

/// <summary>`factcheck check` end to end: the seed must-hold, report files, failed inputs, exit codes, decisions, ClaimReview.</summary>
public class CheckCommandTests
{
    private string dir = "";

    [SetUp]
    public void SetUp() { dir = Path.Combine(Path.GetTempPath(), "fc-check-" + Guid.NewGuid().ToString("N")); Directory.CreateDirectory(dir); }

    [TearDown]
    public void TearDown() { try { Directory.Delete(dir, true); } catch (IOException) { } }

    private static string Parler => TestData.Path2("data", "articles", "parler");

    private (int Code, string Out, string Err, JObject Report) Run(CheckCommand.CheckRequest req)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = CheckCommand.Run(req with { Progress = false }, o, e);
        var path = Path.Combine(req.Out, "report.json");
        return (code, o.ToString(), e.ToString(), File.Exists(path) ? ParseJson(File.ReadAllText(path)) : []);
    }

    /// <summary>Parses without turning ISO dates into DateTime (so "published" and "generated" stay as written).</summary>
    private static JObject ParseJson(string text)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(text)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JObject.Load(reader);
    }

    private static List<JObject> Findings(JObject report) => report["findings"]!.OfType<JObject>().ToList();

    [Test]
    public void Seed_reports_the_2020_date_as_high_weekday_date_with_2021_first_and_the_reasons()
    {
        var (code, output, _, report) = Run(new(new[] { Parler }, Path.Combine(dir, "out")));
        Assert.That(code, Is.EqualTo(CheckCommand.Ok));
        var f = Findings(report).Single(x => x["evidence"]![0]!.Value<string>("text") == "Minggu malam (10/1/2020)");
        Assert.That(f.Value<string>("rule"), Is.EqualTo("weekday-date"));
        Assert.That(f.Value<string>("severity"), Is.EqualTo("high"));
        Assert.That(f["suggestions"]![0]!.Value<string>("value"), Is.EqualTo("2021-01-10"));
        Assert.That(f["suggestions"]![0]!.Value<string>("text"), Is.EqualTo("10/1/2021"));
        Assert.That(f.Value<string>("suggestion"), Is.EqualTo("10/1/2021"));
        var msg = f.Value<string>("message")!;
        Assert.That(msg, Does.StartWith("10 Jan 2020 was a Friday, not a Sunday (Minggu); 10 Jan 2021 was a Sunday and fits the article (published 11 Jan 2021; the previous events are dated 8 and 9 Jan 2021)"));
        Assert.That(f["suggestions"]![0]!.Value<string>("reason"), Does.Contain("published 11 Jan 2021").And.Contain("8 and 9 Jan 2021"));
        // the narrative-order finding on the same date is folded in as a reason, not a second finding
        Assert.That(msg, Does.Contain("Berlanjut"));
        Assert.That(Findings(report).Count(x => x["evidence"]![0]!.Value<int>("start") == f["evidence"]![0]!.Value<int>("start")), Is.EqualTo(1));
        Assert.That(output, Does.Contain("1 high"));
    }

    [Test]
    public void Seed_consistent_dates_and_the_planned_event_give_no_finding()
    {
        var (_, _, _, report) = Run(new(new[] { Parler }, Path.Combine(dir, "out")));
        var flagged = Findings(report).Select(x => x["evidence"]![0]!.Value<string>("text")!).ToList();
        foreach (var ok in new[] { "Jumat (8/1/2021)", "Sabtu (9/1/2021)", "Senin 18 Januari 2021", "Selasa, 19 Januari 2021", "19 Januari", "Rabu 13 Januari lalu", "6 Januari 2021 lalu", "Senin 18 Januari kemarin" })
            Assert.That(flagged, Has.None.EqualTo(ok), ok);
        Assert.That(Findings(report).Count(x => x.Value<string>("severity") == "high"), Is.EqualTo(1));
        Assert.That(Findings(report).Where(x => x["evidence"]!.Any(e => e.Value<string>("text") == "19 Januari") && x.Value<string>("severity") == "high"), Is.Empty);
    }

    [Test]
    public void Ids_and_the_whole_report_are_stable_across_runs()
    {
        var a = Run(new(new[] { Parler }, Path.Combine(dir, "a")));
        var b = Run(new(new[] { Parler }, Path.Combine(dir, "b")));
        Assert.That(Findings(a.Report).Select(f => f.Value<string>("id")), Is.EqualTo(Findings(b.Report).Select(f => f.Value<string>("id"))));
        Assert.That(File.ReadAllText(Path.Combine(dir, "a", "report.json")), Is.EqualTo(File.ReadAllText(Path.Combine(dir, "b", "report.json"))));
        Assert.That(a.Report.Value<string>("generated"), Is.EqualTo("2021-01-20T08:23:00+07:00"), "generated comes from the input, not the clock");
    }

    [Test]
    public void Writes_three_reports_and_no_temporary_file()
    {
        var outDir = Path.Combine(dir, "out");
        File.WriteAllText(Path.Combine(dir, "out.keep"), "");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "report.json"), "old");
        Run(new(new[] { Parler }, outDir));
        Assert.That(Directory.GetFiles(outDir).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "report.html", "report.json", "report.md" }));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "report.json")), Does.StartWith("{"));
        var md = File.ReadAllText(Path.Combine(outDir, "report.md"));
        Assert.That(md, Does.Contain("weekday-date").And.Contain("10/1/2021"));
    }

    [Test]
    public void A_failed_input_is_listed_and_the_others_are_checked()
    {
        var input = Path.Combine(dir, "in");
        Directory.CreateDirectory(input);
        File.Copy(Path.Combine(Parler, "000_c99a39fa54da3e18.txt"), Path.Combine(input, "good.txt"));
        File.WriteAllText(Path.Combine(input, "empty.txt"), "");
        File.WriteAllText(Path.Combine(input, "docs.jsonl"), "{\"id\":\"ok1\",\"text\":\"Polisi menangkap pelaku pada Jumat (8/1/2021).\",\"published\":\"2021-01-11\"}\n{not json\n");
        var (code, _, err, report) = Run(new(new[] { input }, Path.Combine(dir, "out")));
        Assert.That(code, Is.EqualTo(CheckCommand.InputFailed));
        var arts = report["articles"]!.OfType<JObject>().ToList();
        Assert.That(arts.Count(a => a.Value<string>("status") == "failed"), Is.EqualTo(2));
        Assert.That(arts.Where(a => a.Value<string>("status") == "failed").Select(a => a.Value<string>("error")), Has.All.Not.Empty);
        Assert.That(arts.Where(a => a.Value<string>("status") == "ok").Select(a => a.Value<string>("id")), Is.EquivalentTo(new[] { "good", "ok1" }));
        Assert.That(Findings(report).Select(f => f.Value<string>("rule")), Does.Contain("weekday-date"));
        Assert.That(report["summary"]!.Value<int>("failed"), Is.EqualTo(2));
        Assert.That(err, Does.Contain("empty file"));
        Assert.That(File.ReadAllText(Path.Combine(dir, "out", "report.html")), Does.Contain("failed"));
    }

    [TestCase("high", CheckCommand.FindingsReachedFailOn)]
    [TestCase("low", CheckCommand.FindingsReachedFailOn)]
    [TestCase(null, CheckCommand.Ok)]
    public void Fail_on_sets_the_exit_code(string? failOn, int expected)
    {
        var (code, _, _, _) = Run(new(new[] { Parler }, Path.Combine(dir, "out")) { FailOn = failOn });
        Assert.That(code, Is.EqualTo(expected));
    }

    [Test]
    public void Fail_on_ignores_a_finding_a_reviewer_dismissed()
    {
        var first = Run(new(new[] { Parler }, Path.Combine(dir, "a")) { FailOn = "high" });
        Assert.That(first.Code, Is.EqualTo(CheckCommand.FindingsReachedFailOn));
        var high = Findings(first.Report).Where(f => f.Value<string>("severity") == "high").Select(f => f.Value<string>("id")!).ToList();
        var labels = Path.Combine(dir, "decisions.jsonl");
        var store = new FactCheck.Review.DecisionStore(labels);
        foreach (var id in high)
            store.Append(new FactCheck.Review.Decision(id, "weekday-date", Verdict.Dismissed, new Dictionary<string, double>(), null, "t", DateTimeOffset.UnixEpoch));
        var second = Run(new(new[] { Parler }, Path.Combine(dir, "b")) { FailOn = "high", Labels = labels, LabelsGiven = true });
        Assert.That(second.Code, Is.EqualTo(CheckCommand.Ok));
        Assert.That(Findings(second.Report).Where(f => high.Contains(f.Value<string>("id")!)).Select(f => f.Value<bool>("shown")), Is.All.False);
    }

    [Test]
    public void A_missing_model_or_labels_given_explicitly_is_an_error_not_a_fallback()
    {
        var missing = Path.Combine(dir, "nope");
        var m = Run(new(new[] { Parler }, Path.Combine(dir, "a")) { Model = missing, ModelGiven = true });
        Assert.That(m.Code, Is.Not.EqualTo(CheckCommand.Ok));
        Assert.That(m.Err, Does.Contain("--model").And.Contain(missing));
        Assert.That(File.Exists(Path.Combine(dir, "a", "report.json")), Is.False);
        var l = Run(new(new[] { Parler }, Path.Combine(dir, "b")) { Labels = Path.Combine(dir, "none.jsonl"), LabelsGiven = true });
        Assert.That(l.Code, Is.Not.EqualTo(CheckCommand.Ok));
        Assert.That(l.Err, Does.Contain("--labels"));
    }

    [Test]
    public void The_default_model_is_found_from_the_program_not_the_working_folder()
    {
        var cwd = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(dir);
            var r = Run(new(new[] { Parler }, Path.Combine(dir, "out")) { Model = FactCheck.Triage.ModelStore.DefaultDir });
            Assert.That(r.Err, Does.Not.Contain("priors"));
            Assert.That(Findings(r.Report).Where(f => f.Value<string>("rule") == "weekday-date").Select(f => f["explanation"]), Has.All.Not.Null);
        }
        finally { Directory.SetCurrentDirectory(cwd); }
    }

    [Test]
    public void The_report_records_its_threshold_and_folds_findings_below_it()
    {
        var r = Run(new(new[] { Parler }, Path.Combine(dir, "out")) { Threshold = 0.95 });
        Assert.That(r.Report.Properties().First().Name, Is.EqualTo("threshold"));
        Assert.That(r.Report.Value<double>("threshold"), Is.EqualTo(0.95));
        var findings = Findings(r.Report);
        Assert.That(findings, Is.Not.Empty);
        Assert.That(findings.Select(f => f.Value<bool>("shown")), Is.All.False, "priors are below 0.95");
        var md = File.ReadAllText(Path.Combine(dir, "out", "report.md"));
        Assert.That(md, Does.Contain($"{findings.Count} more, less likely"));
        var shown = Run(new(new[] { Parler }, Path.Combine(dir, "out2")) { Threshold = 0.05 });
        Assert.That(Findings(shown.Report).Select(f => f.Value<bool>("shown")), Is.All.True);
        Assert.That(File.ReadAllText(Path.Combine(dir, "out2", "report.md")), Does.Not.Contain("less likely"));
    }

    [Test]
    public void Fail_on_is_not_reached_by_lower_findings()
    {
        var input = Path.Combine(dir, "late.jsonl");
        File.WriteAllText(input, "{\"id\":\"late\",\"text\":\"Polisi telah menangkap pelaku pada 25 Januari 2021.\",\"published\":\"2021-01-11\"}\n");
        Assert.That(Run(new(new[] { input }, Path.Combine(dir, "o1")) { FailOn = "high" }).Code, Is.EqualTo(CheckCommand.Ok));
        Assert.That(Run(new(new[] { input }, Path.Combine(dir, "o2")) { FailOn = "medium" }).Code, Is.EqualTo(CheckCommand.FindingsReachedFailOn));
    }

    [Test]
    public void Decisions_are_applied_by_id_and_confirmed_findings_become_claim_reviews()
    {
        var first = Run(new(new[] { Parler }, Path.Combine(dir, "a")));
        var id = Findings(first.Report).Single(f => f.Value<string>("rule") == "weekday-date").Value<string>("id")!;
        var labels = Path.Combine(dir, "decisions.jsonl");
        var store = new FactCheck.Review.DecisionStore(labels);
        var time = new DateTimeOffset(2021, 1, 21, 10, 0, 0, TimeSpan.FromHours(7));
        Assert.That(store.AppendAll([
            new FactCheck.Review.Decision(id, "weekday-date", Verdict.Confirmed, new Dictionary<string, double>(), "Amazon cut Parler off on 10 Jan 2021", "tester", time),
            new FactCheck.Review.Decision("other", "weekday-date", Verdict.Dismissed, new Dictionary<string, double>(), null, "tester", time),
        ]), Is.Null);
        var (_, _, _, report) = Run(new(new[] { Parler }, Path.Combine(dir, "b")) { Labels = labels, ClaimReview = true });
        var f = Findings(report).Single(x => x.Value<string>("id") == id);
        Assert.That(f.Value<string>("verdict"), Is.EqualTo("confirmed"));
        Assert.That(f.Value<string>("reviewNote"), Is.EqualTo("Amazon cut Parler off on 10 Jan 2021"));
        var reviews = JArray.Parse(File.ReadAllText(Path.Combine(dir, "b", "claimreview.jsonld")));
        Assert.That(reviews, Has.Count.EqualTo(1));
        Assert.That(reviews[0]!.Value<string>("@type"), Is.EqualTo("ClaimReview"));
        Assert.That(reviews[0]!.Value<string>("@context"), Is.EqualTo("https://schema.org"));
        Assert.That(reviews[0]!["itemReviewed"]!.Value<string>("@type"), Is.EqualTo("Claim"));
        Assert.That(reviews[0]!.Value<string>("claimReviewed"), Does.Contain("Minggu malam (10/1/2020)"));
    }

    [Test]
    public void Html_escapes_article_text_titles_and_attributes()
    {
        var input = Path.Combine(dir, "evil.jsonl");
        var doc = new JObject
        {
            ["id"] = "evil\"id<b>", ["title"] = "<script>alert('t')</script>", ["source"] = "Src\" onmouseover=\"x",
            ["published"] = "2021-01-11",
            ["text"] = "Kata \"dia\" <script>alert(\"x\")</script> & 'kami' pada Minggu (10/1/2020) <img src=x onerror=alert(1)>.",
        };
        File.WriteAllText(input, doc.ToString(Newtonsoft.Json.Formatting.None) + "\n");
        var (_, _, _, report) = Run(new(new[] { input }, Path.Combine(dir, "out")));
        Assert.That(Findings(report), Is.Not.Empty);
        var html = File.ReadAllText(Path.Combine(dir, "out", "report.html"));
        Assert.That(html, Does.Not.Contain("<script>alert"));
        Assert.That(html, Does.Not.Contain("<img"));
        Assert.That(html, Does.Not.Contain("evil\"id<b>"));
        Assert.That(html, Does.Not.Contain("onmouseover=\""));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
        Assert.That(html, Does.Contain("&#39;kami&#39;"));
        Assert.That(html, Does.Contain("<mark>Minggu (10/1/2020)</mark>"));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(html, "<script>").Count, Is.EqualTo(1), "only the report's own script");
        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://"), "self-contained: no network");
        var md = File.ReadAllText(Path.Combine(dir, "out", "report.md"));
        Assert.That(md, Does.Not.Contain("<script>"));
    }

    [Test]
    public void Scores_are_rule_priors_without_a_model_and_model_probabilities_with_one()
    {
        var none = Run(new(new[] { Parler }, Path.Combine(dir, "a")) { Model = Path.Combine(dir, "no-model") });
        Assert.That(Findings(none.Report).Single(f => f.Value<string>("rule") == "weekday-date").Value<double>("score"), Is.EqualTo(0.9));
        var shipped = TestData.Path2("models", "triage");
        if (!File.Exists(Path.Combine(shipped, "model.json"))) Assert.Ignore("no shipped triage model");
        var with = Run(new(new[] { Parler }, Path.Combine(dir, "b")) { Model = shipped });
        var score = Findings(with.Report).Single(f => f.Value<string>("rule") == "weekday-date").Value<double>("score");
        Assert.That(score, Is.InRange(0.0, 1.0));
        Assert.That(Findings(with.Report).Single(f => f.Value<string>("rule") == "weekday-date").Value<string>("id"), Is.EqualTo(Findings(none.Report).Single(f => f.Value<string>("rule") == "weekday-date").Value<string>("id")));
    }

    [Test]
    public void Unknown_path_fails_and_is_listed()
    {
        var (code, _, _, report) = Run(new(new[] { Path.Combine(dir, "missing.txt"), Parler }, Path.Combine(dir, "out")));
        Assert.That(code, Is.EqualTo(CheckCommand.InputFailed));
        Assert.That(report["articles"]!.OfType<JObject>().Count(a => a.Value<string>("status") == "failed"), Is.EqualTo(1));
        Assert.That(Findings(report), Is.Not.Empty);
    }
}
