using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using FactCheck.Evaluation;
using FactCheck.Model;
using FactCheck.Temporal;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace FactCheck.Cli.Commands;

/// <summary>`factcheck eval timex --docs DOCS --gold GOLD`: scores the temporal extractor against gold TIMEX3 annotations.</summary>
public static class EvalCommand
{
    /// <summary>Exit code when every input line was read and every document extracted.</summary>
    public const int Ok = 0;
    /// <summary>Exit code when scores were printed but some input lines were bad or the extractor failed on a document.</summary>
    public const int DataErrors = 1;
    /// <summary>Exit code when an input file is missing or unreadable, or the errors file cannot be written.</summary>
    public const int FileError = 2;

    public static Command Create()
    {
        var eval = new Command("eval", "Measure FactCheck against gold annotations.");
        eval.Subcommands.Add(CreateTimex());
        eval.Subcommands.Add(InjectCommand.Create());
        eval.Subcommands.Add(CreateMeantime());
        eval.Subcommands.Add(CreateRecognizers());
        return eval;
    }

    private static Command CreateMeantime()
    {
        var docs = new Option<string>("--docs") { Description = "MEANTIME docs.jsonl (sentences, timexes, values)", Required = true };
        var show = new Option<int>("--show") { Description = "Print this many misses and spurious items of each kind", DefaultValueFactory = _ => 0 };
        var half = new Option<string>("--half") { Description = "dev, test or all documents (split by hash of the document id)", DefaultValueFactory = _ => "all" };
        half.AcceptOnlyFromAmong("dev", "test", "all");
        var cmd = new Command("meantime", "Precision and recall of dates and numbers against the MEANTIME gold (English).");
        cmd.Options.Add(docs); cmd.Options.Add(show); cmd.Options.Add(half);
        cmd.SetAction(pr =>
        {
            var path = pr.GetValue(docs)!;
            if (!File.Exists(path)) { Console.Error.WriteLine($"error: {path}: no such file"); return FileError; }
            var (dates, numbers) = MeantimeEval.Run(path, half: DevSplit.Parse(pr.GetValue(half)));
            foreach (var (name, s) in new[] { ("dates", dates), ("numbers", numbers) })
            {
                var valueAcc = s.MatchedGold == 0 ? 0 : 100.0 * s.ValueCorrect / s.MatchedGold;
                var extra = name == "dates" ? FormattableString.Invariant($"  value accuracy {valueAcc:F1}") : "";
                Console.WriteLine(FormattableString.Invariant(
                    $"{name,-8} gold {s.Gold,4} predicted {s.Predicted,4}  P {100 * s.Precision:F1}  R {100 * s.Recall:F1}  F1 {100 * s.F1:F1}") + extra);
                foreach (var m in s.Missed.Take(pr.GetValue(show))) Console.WriteLine("  missed: " + m);
                foreach (var m in s.Spurious.Take(pr.GetValue(show))) Console.WriteLine("  spurious: " + m);
            }
            return Ok;
        });
        return cmd;
    }

    private static Command CreateRecognizers()
    {
        var specs = new Option<string>("--specs") { Description = "The recognizers_specs folder (holding DateTime/English/*.json)", Required = true };
        var show = new Option<int>("--show") { Description = "Print this many failed cases of each file and half", DefaultValueFactory = _ => 0 };
        var file = new Option<string?>("--file") { Description = "Only print failures of this spec file (e.g. DateTimeModel)" };
        var half = new Option<string>("--half") { Description = "Print failures of the dev or test half", DefaultValueFactory = _ => "dev" };
        half.AcceptOnlyFromAmong("dev", "test");
        var cmd = new Command("recognizers", "Per Recognizers-Text English DateTime spec file: share of cases whose expected TIMEX values FactCheck produces, dev and test halves.");
        cmd.Options.Add(specs); cmd.Options.Add(show); cmd.Options.Add(file); cmd.Options.Add(half);
        cmd.SetAction(pr =>
        {
            var dir = pr.GetValue(specs)!;
            if (!Directory.Exists(Path.Combine(dir, "DateTime", "English"))) { Console.Error.WriteLine($"error: {dir}: no DateTime/English folder"); return FileError; }
            var scores = RecognizersEval.Run(dir, keepFailures: pr.GetValue(show));
            WriteRecognizers(Console.Out, scores);
            var only = pr.GetValue(file); var which = DevSplit.Parse(pr.GetValue(half));
            foreach (var s in scores.Where(s => s.Half == which && (only is null || s.File == only)))
                foreach (var f in s.Failures) Console.WriteLine($"  {s.File}: {f}");
            return Ok;
        });
        return cmd;
    }

    /// <summary>One row per spec file: value share (cases with TIMEX values) and span share, dev and test halves, and quiet negatives.</summary>
    public static void WriteRecognizers(TextWriter w, IReadOnlyList<RecognizersFileScore> scores)
    {
        static string Pct(int found, int all) => all == 0 ? "     -      " : FormattableString.Invariant($"{100.0 * found / all,5:F1} ({all,3})");
        w.WriteLine(FormattableString.Invariant($"{"spec file",-32} {"value dev",-12} {"value test",-12} {"span dev",-12} {"span test",-12} {"quiet neg",-12}"));
        var totals = new int[12];
        foreach (var g in scores.GroupBy(s => s.File))
        {
            var d = g.First(s => s.Half == DevSplit.Half.Dev); var t = g.First(s => s.Half == DevSplit.Half.Test);
            w.WriteLine($"{g.Key,-32} {Pct(d.ValueFound, d.WithValue)} {Pct(t.ValueFound, t.WithValue)} {Pct(d.SpanFound, d.WithSpan)} {Pct(t.SpanFound, t.WithSpan)} {Pct(d.Quiet + t.Quiet, d.Negative + t.Negative)}");
            int[] add = [d.ValueFound, d.WithValue, t.ValueFound, t.WithValue, d.SpanFound, d.WithSpan, t.SpanFound, t.WithSpan, d.Quiet + t.Quiet, d.Negative + t.Negative];
            for (int k = 0; k < add.Length; k++) totals[k] += add[k];
        }
        w.WriteLine($"{"all",-32} {Pct(totals[0], totals[1])} {Pct(totals[2], totals[3])} {Pct(totals[4], totals[5])} {Pct(totals[6], totals[7])} {Pct(totals[8], totals[9])}");
    }

    private static Command CreateTimex()
    {
        var docs = new Option<string>("--docs") { Description = "Documents JSONL: {id, text, published?, lang?}; published is the reference date", Required = true };
        var gold = new Option<string>("--gold") { Description = "Gold TIMEX3 JSONL: {doc, start, end, type, value}", Required = true };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var errors = new Option<string?>("--errors") { Description = "Write every disagreement (missed, spurious, wrong value, wrong type, wrong span) to this JSONL file" };

        var cmd = new Command("timex", "Score temporal expressions (TempEval-3 strict/relaxed span, value and type) against gold.");
        cmd.Options.Add(docs);
        cmd.Options.Add(gold);
        cmd.Options.Add(format);
        cmd.Options.Add(errors);
        cmd.SetAction(pr => RunTimex(
            pr.GetValue(docs)!, pr.GetValue(gold)!, pr.GetValue(format) ?? "table", pr.GetValue(errors),
            Console.Out, Console.Error));
        return cmd;
    }

    /// <summary>Reads docs and gold, runs the extractor on every document, scores and prints; returns the exit code.</summary>
    public static int RunTimex(string docsPath, string goldPath, string format, string? errorsPath,
        TextWriter output, TextWriter error, Func<Article, IReadOnlyList<TemporalMention>>? extract = null)
    {
        var docsRead = GoldReader.ReadDocs(docsPath, defaultLang: "en");
        var goldRead = GoldReader.ReadGold(goldPath);
        var fileFailures = docsRead.Diagnostics.Concat(goldRead.Diagnostics).Where(d => d.Origin.Line is null && d.Level == DiagnosticLevel.Error).ToList();
        if (fileFailures.Count > 0)
        {
            foreach (var d in fileFailures) error.WriteLine(d);
            return FileError;
        }
        bool dataErrors = false;
        foreach (var d in docsRead.Diagnostics.Concat(goldRead.Diagnostics))
        {
            error.WriteLine(d);
            dataErrors |= d.Level == DiagnosticLevel.Error;
        }

        var articles = docsRead.Articles;
        var docIds = articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var unknownDocs = goldRead.Items.Select(g => g.Doc).Where(d => !docIds.Contains(d)).Distinct().ToList();
        foreach (var d in unknownDocs)
            error.WriteLine($"warning: {goldPath}: gold names document \"{d}\" that is not in {docsPath}; its expressions count as missed");

        extract ??= new TemporalExtractor().Extract;
        var predicted = new List<TimexItem>();
        long chars = 0;
        var clock = Stopwatch.StartNew();
        foreach (var article in articles)
        {
            chars += article.Text.Length;
            try
            {
                foreach (var m in extract(article))
                    predicted.Add(new TimexItem(article.Id, m.Start, m.End, TypeName(m.Kind), m.Value));
            }
            catch (Exception e)
            {
                error.WriteLine($"error: {article.Origin}: extractor failed on document \"{article.Id}\": {e.GetType().Name}: {e.Message}");
                dataErrors = true;
            }
        }
        clock.Stop();

        var evaluation = TimexScorer.Score(goldRead.Items, predicted, articles.Select(a => a.Id));
        var texts = articles.ToDictionary(a => a.Id, a => a.Text, StringComparer.Ordinal);

        if (errorsPath is not null)
        {
            try { WriteErrors(errorsPath, evaluation, texts); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                error.WriteLine($"error: {errorsPath}: cannot write errors file: {e.Message}");
                return FileError;
            }
        }

        if (format == "json") output.WriteLine(ToJson(evaluation, articles.Count, chars, clock.Elapsed));
        else WriteTable(output, evaluation, articles.Count, chars, clock.Elapsed);
        return dataErrors ? DataErrors : Ok;
    }

    /// <summary>The TIMEX3 type name of a temporal kind (DATE, TIME, DURATION, SET).</summary>
    public static string TypeName(TemporalKind kind) => kind.ToString().ToUpperInvariant();

    private static void WriteTable(TextWriter w, TimexEvaluation e, int docs, long chars, TimeSpan elapsed)
    {
        var s = e.Overall;
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine(string.Format(inv, "TIMEX3 evaluation: {0} documents, {1} gold, {2} predicted", docs, s.Gold, s.Predicted));
        w.WriteLine();
        w.WriteLine(string.Format(inv, "{0,-9}{1,8}{2,8}{3,8}{4,9}{5,11}{6,7}", "", "P", "R", "F1", "correct", "predicted", "gold"));
        Row("strict", s.Strict);
        Row("relaxed", s.Relaxed);
        Row("value", s.Value);
        Row("type", s.Type);
        w.WriteLine();
        w.WriteLine(string.Format(inv, "value accuracy {0:0.00}%, type accuracy {1:0.00}% (of {2} relaxed matches)",
            100 * s.ValueAccuracy, 100 * s.TypeAccuracy, s.Relaxed.Correct));
        w.WriteLine(string.Format(inv, "errors: missed {0}, spurious {1}, wrong value {2}, wrong type {3}, wrong span {4}",
            e.CountErrors(TimexErrorKind.Missed), e.CountErrors(TimexErrorKind.Spurious), e.CountErrors(TimexErrorKind.WrongValue),
            e.CountErrors(TimexErrorKind.WrongType), e.CountErrors(TimexErrorKind.WrongSpan)));
        w.WriteLine(string.Format(inv, "extraction: {0:0.000} s for {1:N0} characters", elapsed.TotalSeconds, chars));

        void Row(string name, PrfScore p) => w.WriteLine(string.Format(inv, "{0,-9}{1,8:0.00}{2,8:0.00}{3,8:0.00}{4,9}{5,11}{6,7}",
            name, 100 * p.Precision, 100 * p.Recall, 100 * p.F1, p.Correct, p.Predicted, p.Gold));
    }

    private static readonly JsonSerializerSettings JsonSettings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Converters = { new StringEnumConverter(new CamelCaseNamingStrategy()) },
        Formatting = Formatting.Indented,
    };

    private static string ToJson(TimexEvaluation e, int docs, long chars, TimeSpan elapsed) =>
        JsonConvert.SerializeObject(new
        {
            documentCount = docs,
            overall = e.Overall,
            errorCounts = Enum.GetValues<TimexErrorKind>().ToDictionary(KindName, e.CountErrors),
            extractionSeconds = Math.Round(elapsed.TotalSeconds, 4),
            characters = chars,
            documents = e.Documents,
        }, JsonSettings);

    private static void WriteErrors(string path, TimexEvaluation e, IReadOnlyDictionary<string, string> texts)
    {
        var settings = new JsonSerializerSettings { Formatting = Formatting.None, NullValueHandling = NullValueHandling.Ignore };
        using var w = new StreamWriter(path, append: false, new UTF8Encoding(false));
        foreach (var err in e.Errors)
        {
            texts.TryGetValue(err.Doc, out var text);
            w.WriteLine(JsonConvert.SerializeObject(new
            {
                kind = KindName(err.Kind),
                doc = err.Doc,
                gold = Describe(err.Gold, text),
                predicted = Describe(err.Predicted, text),
            }, settings));
        }
    }

    /// <summary>The camelCase name used for an error kind in JSON output ("missed", "wrongValue").</summary>
    public static string KindName(TimexErrorKind kind)
    {
        var name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static object? Describe(TimexItem? item, string? text) => item is null ? null : new
    {
        start = item.Start,
        end = item.End,
        text = text is not null && item.Start >= 0 && item.End <= text.Length ? text[item.Start..item.End] : null,
        type = item.Type,
        value = item.Value,
    };
}
