using System.Diagnostics;
using FactCheck.Checks;
using FactCheck.Cli;
using FactCheck.Cli.Commands;
using FactCheck.Model;
using FactCheck.Output;
using FactCheck.Readers;
using FactCheck.Tests.Readers;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Robustness;

/// <summary>Issue #11: inputs that used to break a run (hang, crash, read twice, misread) and command lines that were misread.</summary>
public class InputBreakTests
{
    private const string Good = "{\"id\":\"ok\",\"text\":\"Polisi menangkap pelaku pada Jumat (8/1/2021).\",\"published\":\"2021-01-11\",\"lang\":\"id\"}\n";

    private static bool Unix => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    private static void Mkfifo(string path)
    {
        var p = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!;
        p.WaitForExit();
        Assume.That(p.ExitCode, Is.EqualTo(0), "mkfifo");
    }

    [Test]
    public void A_fifo_in_a_folder_is_skipped_with_a_message_and_does_not_hang()
    {
        if (!Unix) Assert.Ignore("POSIX only");
        using var dir = new TempDir();
        dir.Write("a.jsonl", Good);
        Mkfifo(Path.Combine(dir.Path, "pipe.txt"));
        var r = new ArticleReader().Read(dir.Path);
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "ok" }));
        Assert.That(r.Diagnostics.Single(d => d.Origin.Path.EndsWith("pipe.txt")).Message, Does.Contain("named pipe (FIFO)"));
        Assert.That(r.HasErrors, Is.False, "a skipped pipe in a folder is a warning");
        // named on the command line it is a failed input, still without blocking
        var named = new ArticleReader().Read(Path.Combine(dir.Path, "pipe.txt"));
        Assert.That(named.Diagnostics.Single().Level, Is.EqualTo(DiagnosticLevel.Error));
    }

    [Test]
    public void A_symlink_to_dev_zero_is_skipped_not_read_into_memory()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("Linux only");
        using var dir = new TempDir();
        dir.Write("a.jsonl", Good);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "zero.txt"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "zero.jsonl"), "/dev/zero");
        var r = new ArticleReader().Read(dir.Path);
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "ok" }));
        Assert.That(r.Diagnostics.Count(d => d.Message.Contains("character device")), Is.EqualTo(2));
    }

    [Test]
    public void A_symlink_loop_and_a_file_reached_twice_are_read_once()
    {
        if (!Unix) Assert.Ignore("POSIX only");
        using var dir = new TempDir();
        dir.Write("sub/a.jsonl", Good);
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "sub", "loop"), "..");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "b.jsonl"), Path.Combine(dir.Path, "sub", "a.jsonl"));
        var r = new ArticleReader().Read(new[] { dir.Path, Path.Combine(dir.Path, "sub", "a.jsonl") });
        Assert.That(r.Articles, Has.Count.EqualTo(1), string.Join("\n", r.Diagnostics));
        Assert.That(r.HasErrors, Is.False);
        Assert.That(r.Diagnostics.Any(d => d.Message.Contains("read once")));
    }

    [Test]
    public void Files_and_documents_above_the_limits_are_refused_with_a_message_and_the_rest_is_read()
    {
        using var dir = new TempDir();
        var limits = new ReadLimits { MaxDocumentBytes = 1000 };
        dir.Write("big.txt", "Judul\n" + new string('x', 2000));
        dir.Write("docs.jsonl", "{\"id\":\"big\",\"text\":\"" + new string('y', 1500) + "\"}\n" +
                                "{\"id\":\"huge\",\"text\":\"" + new string('z', 5000) + "\"}\n" + Good);
        var r = new ArticleReader(limits).Read(dir.Path);
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "ok" }));
        Assert.That(r.Diagnostics.Single(d => d.Origin.Path.EndsWith("big.txt")).Message, Does.Contain("limit"));
        Assert.That(r.Diagnostics.Single(d => d.Origin.Line == 1).Message, Does.Contain("limit"));
        Assert.That(r.Diagnostics.Single(d => d.Origin.Line == 2).Message, Does.Contain("limit"), "an over-long line is skipped unread");
    }

    [TestCase("{\"id\":\"a\",\"text\":5}", "\"text\" must be a string, found a number (5)")]
    [TestCase("{\"id\":\"a\",\"text\":[\"x\"]}", "\"text\" must be a string, found an array")]
    [TestCase("{\"id\":true,\"text\":\"x\"}", "\"id\" must be a string, found a boolean")]
    [TestCase("{\"id\":\"a\",\"text\":\"x\",\"published\":20210111}", "\"published\" must be a string")]
    public void Wrong_json_types_are_rejected_by_line(string line, string message)
    {
        var r = new JsonlArticleReader().Read(line + "\n" + Good, "t.jsonl");
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "ok" }));
        var d = r.Diagnostics.Single();
        Assert.That(d.Level, Is.EqualTo(DiagnosticLevel.Error));
        Assert.That(d.Origin.ToString(), Is.EqualTo("t.jsonl:1"));
        Assert.That(d.Message, Does.Contain(message));
    }

    [Test]
    public void An_integer_id_is_still_read()
    {
        var r = new JsonlArticleReader().Read("{\"id\":42,\"text\":\"x\"}", "t.jsonl");
        Assert.That(r.Articles.Single().Id, Is.EqualTo("42"));
    }

    [Test]
    public void A_utf16_bom_followed_by_junk_is_not_an_article()
    {
        using var dir = new TempDir();
        var rng = new Random(11);
        var junk = new byte[4000];
        rng.NextBytes(junk);
        foreach (var i in Enumerable.Range(0, junk.Length)) if (junk[i] == 0) junk[i] = 1;
        var txt = dir.Write("junk.txt", new byte[] { 0xFF, 0xFE }.Concat(junk).ToArray());
        var jsonl = dir.Write("junk.jsonl", new byte[] { 0xFE, 0xFF }.Concat(junk).ToArray());
        var r = new ArticleReader().Read(txt, jsonl);
        Assert.That(r.Articles, Is.Empty);
        var errors = r.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error).Select(d => d.Message).ToList();
        Assert.That(errors, Has.Count.EqualTo(2));
        Assert.That(errors, Has.All.Contains("not UTF-16 text"));
        // real UTF-16 is still read
        var ok = dir.Write("ok.txt", new byte[] { 0xFF, 0xFE }.Concat(System.Text.Encoding.Unicode.GetBytes("Judul\nSenin, 11 Jan 2021 09:24 WIB\nIsi berita.")).ToArray());
        Assert.That(new ArticleReader().Read(ok).Articles, Has.Count.EqualTo(1));
    }

    private static AnalyzedArticle Analyze(string text) => new ArticleAnalyzer().Analyze(new Article
    {
        Id = "d", Text = text, Lang = "id", Published = new DateTimeOffset(2021, 1, 11, 9, 24, 0, TimeSpan.FromHours(7)),
    });

    private static IReadOnlyList<Finding> Check(string text) => new Checker().Check([Analyze(text)]).Findings;

    [TestCase("\uFF11\uFF10/\uFF11/\uFF12\uFF10\uFF12\uFF10")]               // full-width
    [TestCase("\u0661\u0660/\u0661/\u0662\u0660\u0662\u0660")]               // Arabic-Indic
    [TestCase("\uFF11\uFF10\uFF0F\uFF11\uFF0F\uFF12\uFF10\uFF12\uFF10")]     // full-width digits and slashes
    [TestCase("10\u200B/1/2020")]                                            // zero-width space
    [TestCase("10/\u200E1/2020")]                                            // left-to-right mark
    public void Unicode_digits_and_format_characters_read_as_the_ascii_date(string date)
    {
        var text = $"Polisi menangkap pelaku pada Minggu malam ({date}).";
        var a = Analyze(text);
        var m = a.Temporal.Single(t => t.Text.Contains(date));
        Assert.That(m.Value, Is.EqualTo("2020-01-10"));
        Assert.That(text[m.Start..m.End], Is.EqualTo(m.Text), "offsets point into the original text");
        var findings = Check(text);
        Assert.That(findings.Where(f => f.Message.Contains("no month") || f.Message.Contains("-1")), Is.Empty);
        var ascii = Check("Polisi menangkap pelaku pada Minggu malam (10/1/2020).");
        Assert.That(findings.Select(f => (f.Rule, f.Severity)), Is.EqualTo(ascii.Select(f => (f.Rule, f.Severity))),
            "the same findings as the ASCII date (the weekday contradiction is not hidden)");
        Assert.That(findings.Any(f => f.Rule == "weekday-date" && f.Severity == Severity.High));
    }

    private static (int Code, string Err) Cli(params string[] args)
    {
        var err = new StringWriter();
        var root = new System.CommandLine.RootCommand("t");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        return (FactCheck.Cli.Cli.Invoke(root, args, err), err.ToString());
    }

    [Test]
    public void Unknown_options_are_usage_errors_with_exit_code_64_not_paths()
    {
        var (code, err) = Cli("check", "x", "--bogus", "--out", Path.Combine(Path.GetTempPath(), "fc-never-" + Guid.NewGuid().ToString("N")));
        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err, Does.Contain("--bogus"));
        Assert.That(Cli("extract", "--kinds", "temporal,bogus", "x").Code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(Cli("extract", "--threads", "-2", "x").Code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(Cli("check", "x").Code, Is.EqualTo(ExitCodes.Usage), "--out is required");
        Assert.That(new[] { ExitCodes.Ok, ExitCodes.InputFailed, ExitCodes.WriteFailed, ExitCodes.FindingsReachedFailOn, ExitCodes.Usage }, Is.Unique);
    }

    [Test]
    public void A_failed_input_does_not_mask_fail_on()
    {
        using var dir = new TempDir();
        var input = dir.Write("in/docs.jsonl", "{not json\n");
        File.Copy(SeedFiles.Seed000, Path.Combine(dir.Path, "in", "seed.txt"));
        var err = new StringWriter();
        int code = CheckCommand.Run(new CheckCommand.CheckRequest([Path.Combine(dir.Path, "in")], Path.Combine(dir.Path, "out")) { FailOn = "high", Progress = false }, new StringWriter(), err);
        Assert.That(code, Is.EqualTo(ExitCodes.FindingsReachedFailOn));
        Assert.That(err.ToString(), Does.Contain("docs.jsonl:1").And.Contain("input(s) failed"));
        int without = CheckCommand.Run(new CheckCommand.CheckRequest([Path.Combine(dir.Path, "in")], Path.Combine(dir.Path, "out2")) { Progress = false }, new StringWriter(), new StringWriter());
        Assert.That(without, Is.EqualTo(ExitCodes.InputFailed));
    }

    [Test]
    public void A_crash_before_the_swap_keeps_the_old_report_set_and_the_next_run_leaves_no_temporary_file()
    {
        using var dir = new TempDir();
        var outDir = Path.Combine(dir.Path, "out");
        var req = new CheckCommand.CheckRequest([SeedFiles.Parler], outDir) { Progress = false };
        Assert.That(CheckCommand.Run(req, new StringWriter(), new StringWriter()), Is.EqualTo(0));
        var before = Directory.GetFiles(outDir).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllText);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");
        // a run that dies after writing its files but before they are swapped in (kill -9 stands here)
        ReportWriter.BeforeSwap = staging => throw new IOException("killed");
        try { Assert.That(CheckCommand.Run(req with { Paths = [SeedFiles.Seed000] }, new StringWriter(), new StringWriter()), Is.EqualTo(CheckCommand.WriteFailed)); }
        finally { ReportWriter.BeforeSwap = null; }
        foreach (var (name, text) in before) Assert.That(File.ReadAllText(Path.Combine(outDir, name)), Is.EqualTo(text), name + " is still the old run's");
        // a staging folder left by a killed process is removed by the next run
        Directory.CreateDirectory(Path.Combine(dir.Path, ".out.factcheck-dead"));
        File.WriteAllText(Path.Combine(dir.Path, ".out.factcheck-dead", "report.json"), "{}");
        File.WriteAllText(Path.Combine(outDir, ".report.json.0123.tmp"), "orphan");
        Assert.That(CheckCommand.Run(req with { Paths = [SeedFiles.Seed000] }, new StringWriter(), new StringWriter()), Is.EqualTo(0));
        Assert.That(Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "out" }));
        Assert.That(Directory.GetFiles(outDir).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "notes.txt", "report.html", "report.json", "report.md" }));
        var json = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
        Assert.That(json["articles"]!.Count(), Is.EqualTo(1), "the new set, as a whole");
        Assert.That(File.ReadAllText(Path.Combine(outDir, "report.html")), Does.Not.Contain("003_fed5c5e60128165f"), "html of the same run as json");
    }
}

/// <summary>Issue #11: very large inputs end with a message, without being held in memory.</summary>
public class LargeInputTests
{
    [Test]
    public void A_50_MB_single_line_jsonl_and_txt_are_refused_with_a_message_without_being_held()
    {
        using var dir = new TempDir();
        var jsonl = dir.File("one-line.jsonl");
        using (var w = new StreamWriter(jsonl))
        {
            w.Write("{\"id\":\"big\",\"text\":\"");
            var chunk = new string('a', 1 << 20);
            for (int i = 0; i < 50; i++) w.Write(chunk);
            w.Write("\"}\n{\"id\":\"ok\",\"text\":\"Rapat digelar Senin (18/1/2021).\"}\n");
        }
        var txt = dir.File("one-line.txt");
        File.Copy(jsonl, txt);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var r = new ArticleReader().Read(jsonl, txt);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "ok" }));
        Assert.That(r.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error).Select(d => d.Origin.ToString()), Is.EqualTo(new[] { jsonl + ":1", txt }));
        Assert.That(r.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error), Has.All.Matches<Diagnostic>(d => d.Message.Contains("limit")));
        Assert.That(allocated, Is.LessThan(80L << 20), "the 50 MB line is skipped, not held (at most the 16M-character line limit, 32 MB, plus buffers)");
    }
}
