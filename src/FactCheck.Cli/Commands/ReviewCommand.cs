using System.CommandLine;
using System.Globalization;
using FactCheck.Checks;
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
        var report = new Argument<string>("REPORT_DIR") { Description = "Folder with report.json (from factcheck check)" };
        var labels = new Option<string>("--labels") { Description = "Decisions JSONL to append to", DefaultValueFactory = _ => FactCheck.Lang.DataPaths.DecisionsFile };
        var reviewer = new Option<string?>("--reviewer") { Description = "Reviewer name (default $USER)" };
        var set = new Option<string[]>("--set") { Description = "Non-interactive: FINDING_ID=confirmed|dismissed|unsure (repeatable)", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var note = new Option<string?>("--note") { Description = "Note stored with the --set decisions" };
        var cmd = new Command("review", "Review the flagged findings of a report: confirm, dismiss or mark unsure; decisions feed `factcheck train`.");
        cmd.Arguments.Add(report);
        cmd.Options.Add(labels);
        cmd.Options.Add(reviewer);
        cmd.Options.Add(set);
        cmd.Options.Add(note);
        cmd.SetAction(pr =>
        {
            var who = pr.GetValue(reviewer) ?? Environment.GetEnvironmentVariable("USER") ?? Environment.GetEnvironmentVariable("USERNAME") ?? "unknown";
            var store = new DecisionStore(pr.GetValue(labels) ?? FactCheck.Lang.DataPaths.DecisionsFile, d => Console.Error.WriteLine(d));
            var sets = pr.GetValue(set);
            if (sets is { Length: > 0 })
                return RunSet(pr.GetValue(report)!, sets, pr.GetValue(note), store, who, TimeProvider.System, Console.Out, Console.Error);
            if (Console.IsInputRedirected)
            {
                Console.Error.WriteLine("error: interactive review needs a terminal; use --set FINDING_ID=confirmed|dismissed|unsure in scripts");
                return BadArguments;
            }
            return RunInteractive(pr.GetValue(report)!, store, who, TimeProvider.System, AnsiConsole.Console, new ConsoleReviewInput(), Console.Error);
        });
        return cmd;
    }

    /// <summary>Writes the --set decisions after checking every id is in the report and every verdict is known (all or nothing).</summary>
    public static int RunSet(string reportDir, IReadOnlyList<string> sets, string? note, DecisionStore store, string reviewer,
        TimeProvider clock, TextWriter output, TextWriter error)
    {
        var report = ReportReader.Read(reportDir);
        if (!report.Ok)
        {
            error.WriteLine("error: " + report.Error);
            return FileError;
        }
        var byId = report.Findings.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var decisions = new List<Decision>();
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
            else decisions.Add(Decision.For(finding, verdict.Value, note, reviewer, clock.GetLocalNow()));
        }
        if (bad)
        {
            error.WriteLine("nothing written");
            return BadArguments;
        }
        if (store.AppendAll(decisions) is { } writeError)
        {
            error.WriteLine("error: " + writeError);
            return FileError;
        }
        foreach (var d in decisions) output.WriteLine($"{d.FindingId}: {DecisionStore.VerdictName(d.Verdict)}");
        output.WriteLine($"{decisions.Count} decision{(decisions.Count == 1 ? "" : "s")} appended to {store.Path}");
        return Ok;
    }

    /// <summary>
    /// One finding at a time, starting at the first without a decision: c confirm, d dismiss, u unsure, n note (kept for the
    /// next verdict), s skip, b back, q quit. Each verdict is appended to the decisions file at once.
    /// </summary>
    public static int RunInteractive(string reportDir, DecisionStore store, string reviewer, TimeProvider clock,
        IAnsiConsole console, IReviewInput input, TextWriter error)
    {
        var report = ReportReader.Read(reportDir);
        if (!report.Ok)
        {
            error.WriteLine("error: " + report.Error);
            return FileError;
        }
        var findings = report.Findings;
        if (findings.Count == 0)
        {
            console.MarkupLine($"[green]No findings in {Markup.Escape(report.Path)}: nothing to review.[/]");
            return Ok;
        }
        var latest = new Dictionary<string, Decision>(store.Latest(), StringComparer.Ordinal);
        int index = Enumerable.Range(0, findings.Count).FirstOrDefault(i => !latest.ContainsKey(findings[i].Id), -1);
        if (index < 0)
        {
            console.MarkupLine($"[green]All {findings.Count} findings have a decision in {Markup.Escape(store.Path)}.[/] Press b to go back over them, any other key to quit.");
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
            Show(console, f, index, findings.Count, latest.GetValueOrDefault(f.Id), note);
            var key = input.ReadKey();
            if (key is null) break;
            char c = char.ToLowerInvariant(key.Value.KeyChar);
            Verdict? verdict = c switch { 'c' => Verdict.Confirmed, 'd' => Verdict.Dismissed, 'u' => Verdict.Unsure, _ => null };
            if (verdict is { } v)
            {
                var decision = Decision.For(f, v, note, reviewer, clock.GetLocalNow());
                if (store.Append(decision) is { } writeError)
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
            written, written == 1 ? "" : "s", Markup.Escape(store.Path), left, findings.Count));
        return Ok;
    }

    private static void Show(IAnsiConsole console, Finding f, int index, int count, Decision? earlier, string? note)
    {
        console.WriteLine();
        console.Write(new Rule($"[bold]{index + 1}/{count}[/] {Markup.Escape(f.Rule)} [dim]{Markup.Escape(f.Id)}[/]").LeftJustified());
        var severity = f.Severity switch { Severity.High => "red", Severity.Medium => "yellow", _ => "grey" };
        console.MarkupLine(string.Format(CultureInfo.InvariantCulture, "[{0}]{1}[/]  score [bold]{2:0.00}[/]", severity, f.Severity.ToString().ToLowerInvariant(), f.Score));
        console.MarkupLine(Markup.Escape(f.Message));
        if (f.Explanation.Count > 0)
            console.MarkupLine("[dim]why this score: " + Markup.Escape(FactCheck.Output.ReportMarkdown.ExplanationText(f.Explanation)) + "[/]");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("source").AddColumn("evidence");
        foreach (var e in f.Evidence)
        {
            var who = e.Source is { Length: > 0 } s ? $"{Markup.Escape(s)}\n[dim]{Markup.Escape(e.Doc)}[/]" : Markup.Escape(e.Doc);
            table.AddRow(new Markup(who), new Markup(Highlight(e)));
        }
        console.Write(table);
        if (f.Suggestions.Count > 0)
        {
            var best = f.Suggestions[0];
            console.MarkupLine($"suggestion: [green]{Markup.Escape(best.Text)}[/]" + (best.Reason.Length > 0 ? $" [dim]({Markup.Escape(best.Reason)})[/]" : ""));
        }
        if (earlier is not null)
            console.MarkupLine($"[dim]earlier decision: {DecisionStore.VerdictName(earlier.Verdict)} by {Markup.Escape(earlier.Reviewer)}" +
                (earlier.Note is { } n ? $" ({Markup.Escape(n)})" : "") + "[/]");
        if (note is not null) console.MarkupLine($"note: [italic]{Markup.Escape(note)}[/]");
        console.MarkupLine("[dim]c confirm  d dismiss  u unsure  n note  s skip  b back  q quit[/]");
    }

    /// <summary>The evidence sentence (or span text) as markup, with the disputed span highlighted; all text escaped.</summary>
    public static string Highlight(Evidence e)
    {
        if (e.Sentence is { } sentence)
        {
            int start = e.Start - e.SentenceStart, end = e.End - e.SentenceStart;
            if (start >= 0 && end <= sentence.Length && start < end)
                return Markup.Escape(sentence[..start]) + "[black on yellow]" + Markup.Escape(sentence[start..end]) + "[/]"
                    + Markup.Escape(sentence[end..]) + (e.Value is { } v1 ? $" [dim]= {Markup.Escape(v1)}[/]" : "");
            return Markup.Escape(sentence) + $"\n[black on yellow]{Markup.Escape(e.Text)}[/]" + (e.Value is { } v2 ? $" [dim]= {Markup.Escape(v2)}[/]" : "");
        }
        return $"[black on yellow]{Markup.Escape(e.Text)}[/]" + (e.Value is { } v ? $" [dim]= {Markup.Escape(v)}[/]" : "");
    }
}
