using System.CommandLine;
using FactCheck.Model;
using FactCheck.Output;
using FactCheck.Readers;
using FactCheck.Temporal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Cli.Commands;

/// <summary>`factcheck extract PATHS... [--format jsonl|json|table] [--lang auto|id|en]`: prints the mentions found in articles.</summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var cmd = new Command("extract", "Print the dates, times, durations and other mentions found in articles.");
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files or folders (.txt, .jsonl, .html)" };
        var format = new Option<string>("--format") { Description = "jsonl (one mention per line), json, or table", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "json", "table");
        var lang = new Option<string>("--lang") { Description = "auto (use the document's lang or detect it), id, or en", DefaultValueFactory = _ => "auto" };
        lang.AcceptOnlyFromAmong("auto", "id", "en");
        cmd.Arguments.Add(paths);
        cmd.Options.Add(format);
        cmd.Options.Add(lang);
        cmd.SetAction(pr => Run(pr.GetValue(paths)!, pr.GetValue(format)!, pr.GetValue(lang)!, Console.Out, Console.Error));
        return cmd;
    }

    /// <summary>Runs the command; returns 0 when every input was read, 1 when some input failed.</summary>
    public static int Run(IReadOnlyList<string> paths, string format, string lang, TextWriter stdout, TextWriter stderr)
    {
        var read = new ArticleReader().Read(paths);
        foreach (var d in read.Diagnostics) stderr.WriteLine(d);
        var extractor = new TemporalExtractor();
        var all = new JArray();
        foreach (var article in read.Articles)
        {
            var a = lang == "auto" ? article : article with { Lang = lang };
            var result = extractor.ExtractWithDiagnostics(a);
            foreach (var d in result.Diagnostics) stderr.WriteLine(d);
            foreach (var m in result.Mentions)
            {
                var o = MentionJson.ToJson(m);
                if (format == "jsonl") stdout.WriteLine(o.ToString(Formatting.None));
                else all.Add(o);
            }
        }
        if (format == "json") stdout.WriteLine(all.ToString(Formatting.Indented));
        else if (format == "table") WriteTable(all, stdout);
        return read.HasErrors ? 1 : 0;
    }

    private static void WriteTable(JArray rows, TextWriter w)
    {
        w.WriteLine($"{"doc",-24} {"start",6} {"kind",-9} {"text",-32} {"value",-18} rule");
        foreach (var o in rows.OfType<JObject>())
        {
            var text = o.Value<string>("text")!.Replace('\n', ' ');
            if (text.Length > 32) text = text[..31] + "…";
            var doc = o.Value<string>("doc")!;
            if (doc.Length > 24) doc = doc[..23] + "…";
            w.WriteLine($"{doc,-24} {o.Value<int>("start"),6} {o.Value<string>("kind"),-9} {text,-32} {o.Value<string>("value"),-18} {o.Value<string>("rule")}");
        }
    }
}
