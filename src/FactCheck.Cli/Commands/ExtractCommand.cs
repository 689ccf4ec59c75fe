using System.CommandLine;
using FactCheck.Model;
using FactCheck.Output;
using FactCheck.Readers;
using FactCheck.Checks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Cli.Commands;

/// <summary>`factcheck extract PATHS... [--format jsonl|json|table] [--lang auto|id|en] [--claims] [--kinds ...]`: prints the mentions (and claim frames) found in articles.</summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var cmd = new Command("extract", "Print the dates, times, durations, quantities, money, names (and with --claims, claim frames) found in articles.");
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files or folders (.txt, .jsonl, .html)" };
        var format = new Option<string>("--format") { Description = "jsonl (one mention per line), json, or table", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "json", "table");
        var lang = new Option<string>("--lang") { Description = "auto (use the document's lang or detect it), id, or en", DefaultValueFactory = _ => "auto" };
        lang.AcceptOnlyFromAmong("auto", "id", "en");
        var claims = new Option<bool>("--claims") { Description = "Also print claim frames (who did what, to whom, when, how many)" };
        var kinds = new Option<string>("--kinds") { Description = "Comma-separated kinds to print: temporal, quantity, entity (default: all)", DefaultValueFactory = _ => "temporal,quantity,entity" };
        cmd.Arguments.Add(paths);
        cmd.Options.Add(format);
        cmd.Options.Add(lang);
        cmd.Options.Add(claims);
        cmd.Options.Add(kinds);
        cmd.SetAction(pr => Run(pr.GetValue(paths)!, pr.GetValue(format)!, pr.GetValue(lang)!, Console.Out, Console.Error,
            pr.GetValue(claims), pr.GetValue(kinds)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        return cmd;
    }

    /// <summary>Runs the command; returns 0 when every input was read, 1 when some input failed.</summary>
    public static int Run(IReadOnlyList<string> paths, string format, string lang, TextWriter stdout, TextWriter stderr,
        bool claims = false, IReadOnlyCollection<string>? kinds = null)
    {
        kinds ??= ["temporal", "quantity", "entity"];
        var read = new ArticleReader().Read(paths);
        foreach (var d in read.Diagnostics) stderr.WriteLine(d);
        var analyzer = new ArticleAnalyzer();
        var all = new JArray();
        foreach (var article in read.Articles)
        {
            var a = lang == "auto" ? article : article with { Lang = lang };
            var result = analyzer.Analyze(a);
            foreach (var d in result.Diagnostics) stderr.WriteLine(d);
            var rows = new List<JObject>();
            if (kinds.Contains("temporal")) rows.AddRange(result.Temporal.Select(MentionJson.ToJson));
            if (kinds.Contains("quantity")) rows.AddRange(result.QuantityMentions.Select(MentionJson.ToJson));
            if (kinds.Contains("entity")) rows.AddRange(result.EntityMentions.Select(MentionJson.ToJson));
            rows.Sort((x, y) => x.Value<int>("start").CompareTo(y.Value<int>("start")));
            if (claims) rows.AddRange(result.Claims.Select(MentionJson.ToJson));
            foreach (var o in rows)
            {
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
        w.WriteLine($"{"doc",-24} {"start",6} {"kind",-12} {"text",-32} {"value",-24} rule");
        foreach (var o in rows.OfType<JObject>())
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
