using System.Globalization;
using FactCheck.Model;
using FactCheck.Temporal;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Evaluation;

/// <summary>Indonesian extraction measured on real "weekday + date" mentions from ../shared/eval (skipped when absent).</summary>
[Category("Eval")]
public class WeekdayMentionEvalTests
{
    private static readonly string[] docFiles =
    [
        "id_news/id_news_articles.jsonl",
        "id_factchecks/turnbackhoax_2024-2025_factchecks.jsonl",
        "id_factchecks/turnbackhoax_older_factchecks.jsonl",
        "indosum_sample/articles.jsonl",
    ];

    /// <summary>Reads the evaluation documents as articles (published dates without offset are WIB).</summary>
    internal static Dictionary<string, Article> LoadDocs(string eval)
    {
        var docs = new Dictionary<string, Article>();
        foreach (var rel in docFiles)
        {
            var path = Path.Combine(eval, rel);
            if (!File.Exists(path)) continue;
            foreach (var line in File.ReadLines(path))
            {
                var o = JObject.Parse(line, new JsonLoadSettings());
                var id = o.Value<string>("id")!;
                docs[id] = new Article { Id = id, Text = o.Value<string>("text") ?? "", Lang = "id", Published = Published(o["published"]) };
            }
        }
        return docs;
    }

    private static DateTimeOffset? Published(JToken? t)
    {
        if (t is null) return null;
        if (t.Type == JTokenType.Date) return new DateTimeOffset(DateTime.SpecifyKind(t.Value<DateTime>(), DateTimeKind.Unspecified), TimeSpan.FromHours(7));
        var s = t.Value<string>()!;
        if (s.Length == 10) s += "T12:00:00";
        var styles = DateTimeStyles.AllowWhiteSpaces;
        return s.EndsWith('Z') || s.LastIndexOfAny(['+', '-']) > 10
            ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, styles)
            : new DateTimeOffset(DateTime.Parse(s, CultureInfo.InvariantCulture), TimeSpan.FromHours(7));
    }

    [Test]
    public void Extract_finds_the_written_date_of_at_least_99_percent_of_weekday_mentions()
    {
        var file = TestData.RequireEval("id_news/weekday_mentions.jsonl");
        var eval = TestData.EvalDir!;
        var docs = LoadDocs(eval);
        var extractor = new TemporalExtractor();
        var cache = new Dictionary<string, IReadOnlyList<TemporalMention>>();
        int total = 0, ok = 0;
        var misses = new List<string>();
        foreach (var line in File.ReadLines(file!))
        {
            var o = JObject.Parse(line);
            total++;
            if (!docs.TryGetValue(o.Value<string>("doc_id")!, out var doc)) { misses.Add("missing doc " + o["doc_id"]); continue; }
            if (!cache.TryGetValue(doc.Id, out var mentions)) cache[doc.Id] = mentions = extractor.Extract(doc);
            var mention = o.Value<string>("mention")!;
            var date = o.Value<string>("date") ?? "";
            bool found = false;
            for (int at = doc.Text.IndexOf(mention, StringComparison.Ordinal); at >= 0 && !found; at = doc.Text.IndexOf(mention, at + 1, StringComparison.Ordinal))
            {
                int end = at + mention.Length;
                found = mentions.Any(m => m.Start < end && at < m.End &&
                    (date.Length == 0 ? m.Invalid is not null : m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == date));
            }
            if (found) ok++; else misses.Add($"{mention} -> {date}");
        }
        double rate = 100.0 * ok / total;
        TestContext.Out.WriteLine($"weekday mentions: {ok}/{total} = {rate:F2}%");
        // the issue asks for 99%; the floor is the last measurement (1864 of 1864)
        Assert.That(rate, Is.GreaterThanOrEqualTo(100.0), string.Join("\n", misses.Take(30)));
    }
}
