using System.CommandLine;
using System.Globalization;
using FactCheck.Checks;
using FactCheck.Output;
using FactCheck.Review;
using Spectre.Console;

namespace FactCheck.Cli.Commands;

/// <summary>Where the interactive review reads keys and note text from (the terminal, or a script in tests).</summary>
public interface IReviewInput
{
    /// <summary>The next key, or null when input has ended.</summary>
    ConsoleKeyInfo? ReadKey();
    /// <summary>A line of text (a note), or null when input has ended.</summary>
    string? ReadLine();
}

/// <summary>Keys and lines from the real console.</summary>
public sealed class ConsoleReviewInput : IReviewInput
{
    public ConsoleKeyInfo? ReadKey() => Console.ReadKey(intercept: true);
    public string? ReadLine() => Console.ReadLine();
}

/// <summary>`factcheck review REPORT_DIR`: confirm, dismiss or mark unsure each finding of a report, interactively or with --set.</summary>
public static class ReviewCommand
{
    public const int Ok = 0;
    /// <summary>A --set names an unknown finding or verdict; nothing was written.</summary>
    public const int BadArguments = 1;
    /// <summary>The report is missing or broken, or the decisions file cannot be written.</summary>
    public const int FileError = 2;

    public static Command Create()
    {
        var report = new Argument<string?>("REPORT_DIR") { Description = "Folder with report.json (from factcheck check); default: the store's latest run", Arity = ArgumentArity.ZeroOrOne };
        var labels = new Option<string?>("--labels") { Description = "Append to this decisions JSONL file instead of the store" };
        var db = StoreOptions.DbOption();
        var reviewer = new Option<string?>("--reviewer") { Description = "Reviewer name (default $FACTCHECK_REVIEWER, else the login name)" };
        var set = new Option<string[]>("--set") { Description = "Non-interactive: FINDING_ID=confirmed|dismissed|unsure (repeatable)", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var note = new Option<string?>("--note") { Description = "Note stored with the --set decisions" };
        var fix = new Option<string?>("--fix") { Description = "The chosen fix stored with the --set decisions" };
        var undo = new Option<string?>("--undo") { Description = "Undo the latest decision on FINDING_ID (history is kept)" };
        var import = new Option<string?>("--import") { Description = "Import a decisions JSONL file into the store (once per file content)" };
        var export = new Option<string?>("--export") { Description = "Write the store's decision history as JSONL to PATH (- for stdout)" };
        var cmd = new Command("review", "Review the flagged findings of a report: confirm, dismiss or mark unsure; decisions feed `factcheck train`.");
        cmd.Arguments.Add(report);
        foreach (var o in new Option[] { labels, db, reviewer, set, note, fix, undo, import, export }) cmd.Options.Add(o);
        cmd.SetAction(pr =>
        {
            var who = ReviewerName(pr.GetValue(reviewer));
            var dir = pr.GetValue(report);
            if (pr.GetValue(labels) is { } jsonl)
            {
                var store = new DecisionStore(jsonl, d => Console.Error.WriteLine(d));
                return Dispatch(dir, new JsonlReviewLog(store));
            }
            var (fs, problem) = StoreOptions.Open(pr.GetValue(db), Console.Error);
            if (fs is null) { Console.Error.WriteLine("error: " + problem); return FileError; }
            using (fs)
            {
                try
                {
                    if (pr.GetValue(import) is { } file)
                    {
                        var n = fs.ImportJsonl(file, w => Console.Error.WriteLine("warning: " + w));
                        Console.WriteLine(n is null ? $"{file}: already imported into {fs.Describe}" : $"{n} decisions imported from {file} into {fs.Describe}");
                        return Ok;
                    }
                    if (pr.GetValue(export) is { } outPath)
                    {
                        var text = fs.ExportJsonl();
                        if (outPath == "-") Console.Out.Write(text); else FactCheck.Output.AtomicFile.WriteAllText(outPath, text);
                        return Ok;
                    }
                    if (pr.GetValue(undo) is { } undoId)
                    {
                        var u = fs.Undo(undoId, who);
                        if (u is null) { Console.Error.WriteLine($"error: no decision on \"{undoId}\" to undo"); return BadArguments; }
                        Console.WriteLine($"{undoId}: decision {u.Undoes} undone");
                        return Ok;
                    }
                    return Dispatch(dir, new StoreReviewLog(fs));
                }
                catch (FactCheck.Store.StoreException e) { Console.Error.WriteLine("error: " + e.Message); return FileError; }
                catch (IOException e) { Console.Error.WriteLine("error: " + e.Message); return FileError; }
            }

            int Dispatch(string? reportDir, IReviewLog log)
            {
                var sets = pr.GetValue(set);
                if (sets is { Length: > 0 })
                    return RunSet(reportDir, sets, pr.GetValue(note), log, who, TimeProvider.System, Console.Out, Console.Error, pr.GetValue(fix));
                if (Console.IsInputRedirected)
                {
                    Console.Error.WriteLine("error: interactive review needs a terminal; use --set FINDING_ID=confirmed|dismissed|unsure in scripts");
                    return BadArguments;
                }
                return RunInteractive(reportDir, log, who, TimeProvider.System, AnsiConsole.Console, new ConsoleReviewInput(), Console.Error);
            }
        });
        return cmd;
    }

    /// <summary>The reviewer: --reviewer, else $FACTCHECK_REVIEWER, else $USER, else the login name of the process.</summary>
    public static string ReviewerName(string? given)
    {
        foreach (var c in new[] { given, Environment.GetEnvironmentVariable("FACTCHECK_REVIEWER"), Environment.GetEnvironmentVariable("USER"), Environment.GetEnvironmentVariable("USERNAME") })
            if (!string.IsNullOrWhiteSpace(c)) return c.Trim();
        try { if (!string.IsNullOrWhiteSpace(Environment.UserName)) return Environment.UserName; } catch (InvalidOperationException) { }
        return "unknown";
    }

    /// <summary>Findings to review: the report in <paramref name="reportDir"/>, or the store's latest run when no folder is given.</summary>
    private static ReportRead LoadFindings(string? reportDir, IReviewLog log)
    {
        if (reportDir is not null) return ReportReader.Read(reportDir);
        if (log is StoreReviewLog s)
        {
            var run = s.Store.LatestRun();
            if (run is null) return new ReportRead(s.Where, [], $"{s.Where}: no runs stored yet (run factcheck check first)");
            return new ReportRead($"{s.Where} run {run.Id}", s.Store.Findings(run.Id).Select(f => f.Finding).ToList(), null);
        }
        return ReportReader.Read(".");
    }

    public static int RunSet(string reportDir, IReadOnlyList<string> sets, string? note, DecisionStore store, string reviewer,
        TimeProvider clock, TextWriter output, TextWriter error) => RunSet(reportDir, sets, note, new JsonlReviewLog(store), reviewer, clock, output, error);

    public static int RunInteractive(string reportDir, DecisionStore store, string reviewer, TimeProvider clock,
        IAnsiConsole console, IReviewInput input, TextWriter error) => RunInteractive(reportDir, new JsonlReviewLog(store), reviewer, clock, console, input, error);

    /// <summary>Writes the --set decisions after checking every id is in the report and every verdict is known (all or nothing).</summary>
    public static int RunSet(string? reportDir, IReadOnlyList<string> sets, string? note, IReviewLog store, string reviewer,
        TimeProvider clock, TextWriter output, TextWriter error, string? fix = null)
    {
        var report = LoadFindings(reportDir, store);
        if (!report.Ok)
        {
            error.WriteLine("error: " + report.Error);
            return FileError;
        }
        var byId = report.Findings.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var decisions = new List<(Finding Finding, Verdict Verdict)>();
        bool bad = false;
        foreach (var s in sets)
        {
            int eq = s.LastIndexOf('=');
            var id = eq > 0 ? s[..eq] : s;
            var verdict = eq > 0 ? DecisionStore.ParseVerdict(s[(eq + 1)..]) : null;
            if (verdict is null)
            {
                error.WriteLine($"error: --set \"{s}\": expected FINDING_ID=confirmed|dismissed|unsure");
                bad = true;
            }
            else if (!byId.TryGetValue(id, out var finding))
            {
                error.WriteLine($"error: --set \"{s}\": no finding \"{id}\" in {report.Path}");
                bad = true;
            }
            else decisions.Add((finding, verdict.Value));
        }
        if (bad)
        {
            error.WriteLine("nothing written");
            return BadArguments;
        }
        var (recorded, writeError) = store.Record(decisions, note, fix, reviewer, clock);
        foreach (var d in decisions.Take(recorded)) output.WriteLine($"{d.Finding.Id}: {DecisionStore.VerdictName(d.Verdict)}");
        if (writeError is not null)
        {
            error.WriteLine("error: " + writeError);
            error.WriteLine($"{recorded} of {decisions.Count} decisions recorded before the error");
            return FileError;
        }
        output.WriteLine($"{decisions.Count} decision{(decisions.Count == 1 ? "" : "s")} {(store is JsonlReviewLog ? "appended to" : "recorded in")} {store.Where}");
        return Ok;
    }

    /// <summary>
    /// One finding at a time, starting at the first without a decision: c confirm, d dismiss, u unsure, n note (kept for the
    /// next verdict), s skip, b back, q quit. Each verdict is appended to the decisions file at once.
    /// </summary>
    public static int RunInteractive(string? reportDir, IReviewLog store, string reviewer, TimeProvider clock,
        IAnsiConsole console, IReviewInput input, TextWriter error)
    {
        var report = LoadFindings(reportDir, store);
        if (!report.Ok)
        {
            error.WriteLine("error: " + report.Error);
            return FileError;
        }
        var findings = report.Findings;
        if (findings.Count == 0)
        {
            console.MarkupLine($"[green]No findings in {Esc(report.Path)}: nothing to review.[/]");
            return Ok;
        }
        var latest = new Dictionary<string, Decision>(store.Latest(), StringComparer.Ordinal);
        int index = Enumerable.Range(0, findings.Count).FirstOrDefault(i => !latest.ContainsKey(findings[i].Id), -1);
        if (index < 0)
        {
            console.MarkupLine($"[green]All {findings.Count} findings have a decision in {Esc(store.Where)}.[/] Press b to go back over them, any other key to quit.");
            if (input.ReadKey() is not { KeyChar: 'b' or 'B' }) return Ok;
            index = findings.Count - 1;
        }
        else if (index > 0)
            console.MarkupLine($"Resuming at finding {index + 1} of {findings.Count} (the first without a decision).");

        int written = 0;
        string? note = null;
        while (index >= 0 && index < findings.Count)
        {
            var f = findings[index];
            Show(console, f, index, findings.Count, latest.GetValueOrDefault(f.Id), note, store.Reviews(f.Id));
            var key = input.ReadKey();
            if (key is null) break;
            char c = char.ToLowerInvariant(key.Value.KeyChar);
            Verdict? verdict = c switch { 'c' => Verdict.Confirmed, 'd' => Verdict.Dismissed, 'u' => Verdict.Unsure, _ => null };
            if (verdict is { } v)
            {
                var decision = Decision.For(f, v, note, reviewer, clock.GetLocalNow());
                if (store.Record([(f, v)], note, null, reviewer, clock).Error is { } writeError)
                {
                    error.WriteLine("error: " + writeError);
                    return FileError;
                }
                latest[f.Id] = decision;
                written++;
                note = null;
                console.MarkupLine($"[bold]{DecisionStore.VerdictName(v)}[/]");
                index++;
            }
            else if (c == 'n')
            {
                console.Markup("Note: ");
                var text = input.ReadLine();
                if (text is null) break;
                note = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            }
            else if (c == 's') { note = null; index++; }
            else if (c == 'b') { note = null; index = Math.Max(0, index - 1); }
            else if (c == 'q') break;
            else console.MarkupLine("[yellow]Keys: c confirm, d dismiss, u unsure, n note, s skip, b back, q quit[/]");
        }
        int left = findings.Count(f => !latest.ContainsKey(f.Id));
        console.MarkupLine(string.Format(CultureInfo.InvariantCulture, "{0} decision{1} written to {2}; {3} of {4} findings still without a decision.",
            written, written == 1 ? "" : "s", Esc(store.Where), left, findings.Count));
        return Ok;
    }

    private static void Show(IAnsiConsole console, Finding f, int index, int count, Decision? earlier, string? note, FindingReview? reviews = null)
    {
        console.WriteLine();
        console.Write(new Rule($"[bold]{index + 1}/{count}[/] {Esc(f.Rule)} [dim]{Esc(f.Id)}[/]").LeftJustified());
        var severity = f.Severity switch { Severity.High => "red", Severity.Medium => "yellow", _ => "grey" };
        console.MarkupLine(string.Format(CultureInfo.InvariantCulture, "[{0}]{1}[/]  score [bold]{2:0.00}[/]", severity, f.Severity.ToString().ToLowerInvariant(), f.Score));
        console.MarkupLine(Esc(f.Message));
        if (f.Explanation.Count > 0)
            console.MarkupLine("[dim]why this score: " + Esc(FactCheck.Output.ReportMarkdown.ExplanationText(f.Explanation)) + "[/]");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("source").AddColumn("evidence");
        foreach (var e in f.Evidence)
        {
            var who = e.Source is { Length: > 0 } s ? $"{Esc(s)}\n[dim]{Esc(e.Doc)}[/]" : Esc(e.Doc);
            table.AddRow(new Markup(who), new Markup(Highlight(e)));
        }
        console.Write(table);
        if (f.Suggestions.Count > 0)
        {
            var best = f.Suggestions[0];
            console.MarkupLine($"suggestion: [green]{Esc(best.Text)}[/]" + (best.Reason.Length > 0 ? $" [dim]({Esc(best.Reason)})[/]" : ""));
        }
        if (reviews is { ByReviewer.Count: > 1 })
        {
            if (reviews.Disagreement) console.MarkupLine("[red bold]reviewers disagree:[/]");
            foreach (var l in reviews.ByReviewer)
                console.MarkupLine($"[dim]  {Esc(l.Reviewer)}: {Esc(l.Verdict)} at {l.Time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}" +
                    (l.Fix is { } fx ? $", fix {Esc(fx)}" : "") + (l.Note is { } nt ? $" ({Esc(nt)})" : "") + "[/]");
        }
        else if (earlier is not null)
            console.MarkupLine($"[dim]earlier decision: {DecisionStore.VerdictName(earlier.Verdict)} by {Esc(earlier.Reviewer)} at {earlier.Time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}" +
                (earlier.Note is { } n ? $" ({Esc(n)})" : "") + "[/]");
        if (note is not null) console.MarkupLine($"note: [italic]{Esc(note)}[/]");
        console.MarkupLine("[dim]c confirm  d dismiss  u unsure  n note  s skip  b back  q quit[/]");
    }

    /// <summary>Article text for the terminal: control sequences stripped, then markup-escaped.</summary>
    private static string Esc(string? s) => Markup.Escape(FactCheck.Output.SafeText.Terminal(s));

    /// <summary>The evidence sentence (or span text) as markup, with the disputed span highlighted; all text escaped.</summary>
    public static string Highlight(Evidence e)
    {
        if (e.Sentence is { } sentence)
        {
            int start = e.Start - e.SentenceStart, end = e.End - e.SentenceStart;
            if (start >= 0 && end <= sentence.Length && start < end)
                return Esc(sentence[..start]) + "[black on yellow]" + Esc(sentence[start..end]) + "[/]"
                    + Esc(sentence[end..]) + (e.Value is { } v1 ? $" [dim]= {Esc(v1)}[/]" : "");
            return Esc(sentence) + $"\n[black on yellow]{Esc(e.Text)}[/]" + (e.Value is { } v2 ? $" [dim]= {Esc(v2)}[/]" : "");
        }
        return $"[black on yellow]{Esc(e.Text)}[/]" + (e.Value is { } v ? $" [dim]= {Esc(v)}[/]" : "");
    }
}

/// <summary>Where review decisions go: the store, or a decisions JSONL file (--labels).</summary>
public interface IReviewLog
{
    /// <summary>For messages: the file or the store.</summary>
    string Where { get; }
    /// <summary>The latest decision of each finding.</summary>
    IReadOnlyDictionary<string, Decision> Latest();
    /// <summary>Records the decisions in order; returns how many were recorded and the error that stopped it, if any.</summary>
    (int Recorded, string? Error) Record(IReadOnlyList<(Finding Finding, Verdict Verdict)> decisions, string? note, string? fix, string reviewer, TimeProvider clock);
    /// <summary>Each reviewer's latest decision on a finding, when the log keeps them apart.</summary>
    FindingReview? Reviews(string findingId) => null;
}

/// <summary>Decisions appended to a JSONL file (the --labels format).</summary>
public sealed class JsonlReviewLog(DecisionStore store) : IReviewLog
{
    public string Where => store.Path;
    public IReadOnlyDictionary<string, Decision> Latest() => store.Latest();
    public (int Recorded, string? Error) Record(IReadOnlyList<(Finding Finding, Verdict Verdict)> decisions, string? note, string? fix, string reviewer, TimeProvider clock)
    {
        var error = store.AppendAll(decisions.Select(d => Decision.For(d.Finding, d.Verdict, note, reviewer, clock.GetLocalNow())).ToList());
        return error is null ? (decisions.Count, null) : (0, error);
    }
}

/// <summary>Decisions recorded in the store, each in its own transaction, with the fix chosen and what the reviewer saw.</summary>
public sealed class StoreReviewLog(FactCheck.Store.FactStore store) : IReviewLog
{
    public FactCheck.Store.FactStore Store => store;
    public FindingReview? Reviews(string findingId)
    {
        var s = FactCheck.Store.DecisionSummary.Fold(findingId, store.History(findingId));
        return new FindingReview(s.ByReviewer.Select(d => new ReviewLine(d.Reviewer, DecisionStore.VerdictName(d.Verdict!.Value), d.Time, d.Note, d.Fix)).ToList(), s.Disagreement);
    }
    public string Where => store.Describe;
    public IReadOnlyDictionary<string, Decision> Latest() => store.Latest();
    public (int Recorded, string? Error) Record(IReadOnlyList<(Finding Finding, Verdict Verdict)> decisions, string? note, string? fix, string reviewer, TimeProvider clock)
    {
        int n = 0;
        try
        {
            foreach (var (f, v) in decisions)
            {
                store.Record(FactCheck.Store.StoredDecision.For(f, v, reviewer, clock.GetLocalNow(), note, fix));
                n++;
            }
            return (n, null);
        }
        catch (FactCheck.Store.StoreException e) { return (n, e.Message); }
    }
}
