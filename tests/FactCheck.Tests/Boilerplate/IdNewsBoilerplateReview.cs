using FactCheck.Readers;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Boilerplate;

/// <summary>Evaluation-only review aids over shared/eval/id_news (not part of the repo); run explicitly and read the output.</summary>
[Explicit("reads shared/eval; prints spans for review by eye")]
public class IdNewsBoilerplateReview
{
    private static string Articles
    {
        get
        {
            if (TestData.EvalDir is not { } eval) { Assert.Ignore("no shared/eval"); return ""; }
            return Path.Combine(eval, "id_news", "id_news_articles.jsonl");
        }
    }

    [Test]
    public void PrintBoilerplateSpans()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var r = new ArticleReader().Read(Articles);
        sw.Stop();
        long chars = r.Articles.Sum(a => (long)a.Text.Length);
        TestContext.Out.WriteLine($"{r.Articles.Count} articles, {chars / 1e6:F2} M chars read in {sw.ElapsedMilliseconds} ms; {r.Diagnostics.Count} diagnostics");
        var counts = new Dictionary<string, int>();
        foreach (var a in r.Articles)
            foreach (var s in a.Boilerplate)
            {
                var t = a.Text[s.Start..s.End].Replace("\n", "⏎");
                var key = t.Length > 24 ? t[..24] : t;
                counts[key] = counts.GetValueOrDefault(key) + 1;
                TestContext.Out.WriteLine($"BP {a.Id}\t{t}");
            }
        foreach (var (k, v) in counts.OrderByDescending(kv => kv.Value).Take(40)) TestContext.Out.WriteLine($"COUNT {v}\t{k}");
        var langs = r.Articles.GroupBy(a => a.Lang).Select(g => $"{g.Key}={g.Count()}");
        TestContext.Out.WriteLine("LANG " + string.Join(" ", langs));
    }

    [Test]
    public void PrintDatelineParseRate()
    {
        int n = 0, ok = 0, agree = 0;
        foreach (var line in File.ReadLines(Articles))
        {
            var o = JObject.Parse(line);
            var raw = o.Value<string>("published_raw");
            if (string.IsNullOrEmpty(raw)) continue;
            n++;
            if (!DatelineParser.TryParse(raw, out var d, allowLeadingWords: true)) { TestContext.Out.WriteLine($"FAIL\t{raw}"); continue; }
            ok++;
            if (IsoDate.TryParse(o.Value<string>("published")!, out var p) && p.DateTime == d.DateTime) agree++;
            else TestContext.Out.WriteLine($"DIFF\t{raw}\t{d:O}\t{o.Value<string>("published")}");
        }
        TestContext.Out.WriteLine($"RATE {ok}/{n} parsed, {agree} agree with \"published\"");
    }
}

/// <summary>Evaluation-only: sentence splits on shared/eval/id_news, printing short and very long sentences for review.</summary>
[Explicit("reads shared/eval; prints sentences for review by eye")]
public class IdNewsSentenceReview
{
    [Test]
    public void PrintSuspiciousSentences()
    {
        if (TestData.EvalDir is not { } eval) { Assert.Ignore("no shared/eval"); return; }
        var r = new ArticleReader().Read(Path.Combine(eval, "id_news", "id_news_articles.jsonl"));
        int total = 0;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        foreach (var a in r.Articles)
            foreach (var s in FactCheck.Text.SentenceSplitter.Default.Split(a.Text))
            {
                total++;
                var t = a.Text[s.Start..s.End];
                if (t.Length < 25 && !a.IsBoilerplate(s.Start)) TestContext.Out.WriteLine($"SHORT\t{t}");
                if (t.Length > 600) TestContext.Out.WriteLine($"LONG\t{t[..200]}");
            }
        TestContext.Out.WriteLine($"SENTENCES {total} in {sw.ElapsedMilliseconds} ms");
    }
}
