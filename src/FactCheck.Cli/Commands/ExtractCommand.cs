using System.CommandLine;
using FactCheck.Model;
using FactCheck.Pipeline;
using FactCheck.Readers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Cli.Commands;

/// <summary>`factcheck extract PATHS... [--format jsonl|json|table] [--lang auto|id|en] [--claims] [--kinds ...] [--threads N]`:
/// prints the mentions (and claim frames) found in articles. Documents are read as a stream, analyzed on every core and printed
/// in input order, so the output is the same for any --threads and memory does not grow with the input.</summary>
public static class ExtractCommand
{
    public static readonly string[] AllKinds = ["temporal", "quantity", "entity"];

    public static Command Create()
    {
        var cmd = new Command("extract", "Print the dates, times, durations, quantities, money, names (and with --claims, claim frames) found in articles. " +
            "Exit codes: 0 ok, 1 some input failed, 64 usage error.");
        var paths = CliOptions.Paths();
        var format = new Option<string>("--format") { Description = "jsonl (one mention per line), json, or table", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "json", "table");
        var lang = new Option<string>("--lang") { Description = "auto (use the document's lang or detect it), id, or en", DefaultValueFactory = _ => "auto" };
        lang.AcceptOnlyFromAmong("auto", "id", "en");
        var claims = new Option<bool>("--claims") { Description = "Also print claim frames (who did what, to whom, when, how many)" };
        var kinds = new Option<string>("--kinds") { Description = "Comma-separated kinds to print: temporal, quantity, entity (default: all); temporal alone runs only the temporal stage", DefaultValueFactory = _ => "temporal,quantity,entity" };
        kinds.Validators.Add(r =>
        {
            var bad = (r.GetValueOrDefault<string>() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(k => !AllKinds.Contains(k)).ToList();
            if (bad.Count > 0) r.AddError($"--kinds: unknown kind {string.Join(", ", bad.Select(b => $"\"{b}\""))}; known: {string.Join(", ", AllKinds)}");
        });
        var threads = CliOptions.Threads();
        var maxDoc = CliOptions.MaxDocMb();
        cmd.Arguments.Add(paths);
        foreach (var o in new Option[] { format, lang, claims, kinds, threads, maxDoc }) cmd.Options.Add(o);
        cmd.SetAction(pr =>
        {
            // Console.Out flushes every line (a write system call per mention); the rows go out in 64 KB blocks instead
            var stdout = new BufferedWriter(Console.Out);
            try
            {
                return Run(pr.GetValue(paths)!, pr.GetValue(format)!, pr.GetValue(lang)!, stdout, Console.Error,
                    pr.GetValue(claims), pr.GetValue(kinds)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    pr.GetValue(threads), CliOptions.Limits(pr.GetValue(maxDoc)));
            }
            finally { stdout.Flush(); }
        });
        return cmd;
    }

    /// <summary>Collects what is written and hands it to the inner writer (same encoding and line ends) in large blocks.</summary>
    internal sealed class BufferedWriter(TextWriter inner, int block = 1 << 16) : TextWriter(inner.FormatProvider)
    {
        private readonly System.Text.StringBuilder buf = new(block + 1024);

        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value) { buf.Append(value); if (buf.Length >= block) Drain(); }

        public override void Write(string? value) { buf.Append(value); if (buf.Length >= block) Drain(); }

        public override void Write(char[] chars, int index, int count) { buf.Append(chars, index, count); if (buf.Length >= block) Drain(); }

        public override void Write(ReadOnlySpan<char> chars) { buf.Append(chars); if (buf.Length >= block) Drain(); }

        public override void WriteLine(string? value) { buf.Append(value).Append(NewLine); if (buf.Length >= block) Drain(); }

        public override void Flush() { Drain(); inner.Flush(); }

        private void Drain()
        {
            if (buf.Length == 0) return;
            foreach (var chunk in buf.GetChunks()) inner.Write(chunk.Span);
            buf.Clear();
        }
    }

    /// <summary>Runs the command; returns 0 when every input was read, 1 when some input failed.</summary>
    public static int Run(IReadOnlyList<string> paths, string format, string lang, TextWriter stdout, TextWriter stderr,
        bool claims = false, IReadOnlyCollection<string>? kinds = null, int threads = 0, ReadLimits? limits = null)
    {
        kinds ??= AllKinds;
        var options = new ExtractOptions
        {
            Temporal = kinds.Contains("temporal"), Quantity = kinds.Contains("quantity"), Entity = kinds.Contains("entity"),
            Claims = claims, Lang = lang, Lines = format == "jsonl",
        };
        var work = new ExtractionWork(options);
        bool failed = false;
        var writer = new RowWriter(format, stdout);
        var items = new ArticleReader(limits).Stream(paths);
        OrderedPipeline.Run(items,
            item => item.HasArticle ? (item.Diagnostic, work.Run(item)) : (item.Diagnostic, null),
            r =>
            {
                if (r.Diagnostic is { } d) { stderr.WriteLine(d); failed |= d.Level == DiagnosticLevel.Error; }
                if (r.Item2 is not { } doc) return;
                foreach (var dd in doc.Diagnostics) { stderr.WriteLine(dd); failed |= dd.Level == DiagnosticLevel.Error && dd.Message.Contains("analysis failed"); }
                if (doc.Lines is { } lines) foreach (var l in lines) stdout.WriteLine(l);
                else foreach (var o in doc.Rows) writer.Write(o);
            },
            threads <= 0 ? OrderedPipeline.DefaultThreads : threads);
        writer.End();
        stdout.Flush();
        return failed ? 1 : 0;
    }

    /// <summary>Prints rows as they come: jsonl lines, the elements of one indented JSON array, or table rows.</summary>
    private sealed class RowWriter(string format, TextWriter w)
    {
        private bool any;

        public void Write(JObject o)
        {
            switch (format)
            {
                case "jsonl": w.WriteLine(o.ToString(Formatting.None)); break;
                case "json":
                    w.Write(any ? ",\n" : "[\n");
                    // the element as JArray.ToString(Indented) would print it: indented two more spaces
                    w.Write("  " + o.ToString(Formatting.Indented).ReplaceLineEndings("\n  "));
                    break;
                default:
                    if (!any) w.WriteLine($"{"doc",-24} {"start",6} {"kind",-12} {"text",-32} {"value",-24} rule");
                    WriteTableRow(o);
                    break;
            }
            any = true;
        }

        public void End()
        {
            if (format == "json") w.WriteLine(any ? "\n]" : "[]");
            else if (format == "table" && !any) w.WriteLine($"{"doc",-24} {"start",6} {"kind",-12} {"text",-32} {"value",-24} rule");
        }

        private void WriteTableRow(JObject o)
        {
            var text = (o.Value<string>("text") ?? o["predicate"]?.Value<string>("text") ?? "").Replace('\n', ' ');
            if (text.Length > 32) text = text[..31] + "…";
            var doc = o.Value<string>("doc")!;
            if (doc.Length > 24) doc = doc[..23] + "…";
            var value = o["value"]?.ToString() ?? o.Value<string>("relation") ?? "";
            if (value.Length > 24) value = value[..23] + "…";
            w.WriteLine($"{doc,-24} {o.Value<int>("start"),6} {o.Value<string>("kind"),-12} {text,-32} {value,-24} {o.Value<string>("rule")}");
        }
    }
}
