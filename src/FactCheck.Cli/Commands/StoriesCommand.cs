using System.Globalization;
using System.CommandLine;
using FactCheck.Readers;
using FactCheck.Stories;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Cli.Commands;

/// <summary>`factcheck stories PATHS... [--format jsonl|table] [--lang auto|id|en] [--threshold X] [--window DAYS]`: groups the
/// articles into stories and prints {"doc","story","title"} per article, in input order.</summary>
public static class StoriesCommand
{
    public static Command Create()
    {
        var cmd = new Command("stories", "Group articles into stories (a given JSONL \"story\"/\"cluster\" field wins; others are grouped by " +
            "shared rare words, entities and publication time) and print each article's story. Exit codes: 0 ok, 1 some input failed.");
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files or folders (.txt, .jsonl, .html)" };
        var format = new Option<string>("--format") { Description = "jsonl ({\"doc\",\"story\",\"title\"} per article) or table", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var lang = new Option<string>("--lang") { Description = "auto (the document's lang or detected), id, or en", DefaultValueFactory = _ => "auto" };
        lang.AcceptOnlyFromAmong("auto", "id", "en");
        var threshold = new Option<double?>("--threshold") { Description = $"Similarity an article needs to join a story (default {StoryOptions.Default.JoinThreshold.ToString(CultureInfo.InvariantCulture)})" };
        var window = new Option<int?>("--window") { Description = $"Days between publication dates within which an article may join a story (default {StoryOptions.Default.WindowDays})" };
        cmd.Arguments.Add(paths);
        foreach (var o in new Option[] { format, lang, threshold, window }) cmd.Options.Add(o);
        cmd.SetAction(pr =>
        {
            var options = StoryOptions.Default;
            if (pr.GetValue(threshold) is { } t) options = options with { JoinThreshold = t };
            if (pr.GetValue(window) is { } w) options = options with { WindowDays = w };
            return Run(pr.GetValue(paths)!, pr.GetValue(format)!, pr.GetValue(lang)!, Console.Out, Console.Error, options);
        });
        return cmd;
    }

    /// <summary>Runs the command; returns 0 when every input was read, 1 when some input failed.</summary>
    public static int Run(IReadOnlyList<string> paths, string format, string lang, TextWriter stdout, TextWriter stderr, StoryOptions? options = null)
    {
        var read = new ArticleReader().Read(paths);
        foreach (var d in read.Diagnostics) stderr.WriteLine(d);
        var articles = read.Articles.Select(a => lang == "auto" ? a : a with { Lang = lang }).ToList();
        var grouping = new StoryGrouper(options).Group(articles);
        if (format == "table")
        {
            stdout.WriteLine($"{"story",-12} {"doc",-28} {"joined",6} title");
            var members = Enumerable.Range(0, articles.Count).ToLookup(i => grouping.Assignments[i], StringComparer.Ordinal);
            foreach (var s in grouping.Stories)
            {
                foreach (var i in members[s.Id])
                {
                    var doc = articles[i].Id.Length > 28 ? articles[i].Id[..27] + "…" : articles[i].Id;
                    var joined = grouping.Similarities[i] is { } sim ? sim.ToString("0.00", CultureInfo.InvariantCulture) : "";
                    stdout.WriteLine($"{s.Id,-12} {doc,-28} {joined,6} {StoryGrouper.TitleOf(articles[i])}");
                }
            }
            stdout.WriteLine($"{articles.Count} articles in {grouping.Stories.Count} stories");
        }
        else
        {
            for (int i = 0; i < articles.Count; i++)
                stdout.WriteLine(new JObject
                {
                    ["doc"] = articles[i].Id, ["story"] = grouping.Assignments[i], ["title"] = StoryGrouper.TitleOf(articles[i]),
                }.ToString(Formatting.None));
        }
        return read.HasErrors ? 1 : 0;
    }
}
