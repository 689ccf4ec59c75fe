using System.Globalization;
using FactCheck.Checks;
using FactCheck.Cli.Commands;
using FactCheck.Evaluation;
using FactCheck.Model;
using FactCheck.Readers;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Evaluation;

/// <summary>The injected-discrepancy harness: on hand-made stories, and on the real id_news and BASIL stories (Eval; skipped when absent, failed in CI).</summary>
public class InjectionEvalTests
{
    private static Article Doc(string id, string text, string lang = "id", string published = "2025-06-20") => TestData.Article(text, lang, published, id);

    [Test]
    public void A_date_typo_and_a_misspelled_name_injected_into_a_small_cluster_are_found()
    {
        var a = Doc("a", "Menteri Keuangan Sri Mulyani Indrawati berbicara di Jakarta, Kamis (19/6/2025). Sri Mulyani Indrawati menyebut defisit melebar.");
        var b = Doc("b", "Sri Mulyani Indrawati menjelaskan hal itu kepada wartawan, Kamis (19/6/2025).");
        var report = new InjectionHarness(new ArticleAnalyzer(), new Checker(), seed: 3)
            .Run([("c1", ["a", "b"])], new Dictionary<string, Article> { ["a"] = a, ["b"] = b });
        var typo = report.Injections.Single(i => i.Kind == InjectionKind.DateTypo);
        Assert.That(typo.After, Is.Not.EqualTo(typo.Before));
        Assert.That(typo.Hits.Select(f => f.Rule), Does.Contain("weekday-date"), $"{typo.Before} -> {typo.After}");
        var benign = report.Injections.Single(i => i.Kind == InjectionKind.BenignDateFormat);
        Assert.That(benign.After, Does.Contain("Juni 2025"));
        Assert.That(benign.Hits.Concat(benign.Other), Is.Empty, $"{benign.Before} -> {benign.After} is the same date");
        var name = report.Injections.Single(i => i.Kind == InjectionKind.Name);
        Assert.That(name.Before, Is.EqualTo("Sri Mulyani Indrawati"));
        Assert.That(name.AlsoIn, Is.Not.EqualTo(name.Doc));
    }

    [Test]
    public void In_an_english_story_the_harness_picks_a_date_a_count_and_a_name_that_the_other_article_also_states()
    {
        var a = Doc("a", "Defense Secretary Jim Mattis resigned on Thursday after the president decided to withdraw 2,000 troops from Syria.\n"
            + "He had served since 2017 and told aides he would leave.", "en", "2018-12-20");
        var b = Doc("b", "Jim Mattis said on Thursday that he would step down. The decision to pull 2,000 American troops out of Syria came a day earlier.\n"
            + "Mattis, who has served since 2017, said the president deserved a secretary whose views were better aligned.", "en", "2018-12-20");
        var articles = new Dictionary<string, Article> { ["a"] = a, ["b"] = b };
        var report = new InjectionHarness(new ArticleAnalyzer(), new Checker(), seed: 1, rounds: 2).Run([("s", ["a", "b"])], articles);
        foreach (var kind in new[] { InjectionKind.DateNoWeekday, InjectionKind.Count, InjectionKind.Name })
        {
            var made = report.Injections.Where(i => i.Kind == kind).ToList();
            Assert.That(made, Is.Not.Empty, kind.ToString());
            foreach (var i in made)
            {
                Assert.That(i.AlsoIn, Is.Not.Null.And.Not.EqualTo(i.Doc), $"{kind} {i.Before}");
                Assert.That(articles[i.AlsoIn!].Text, Does.Contain(i.AlsoText!), $"{kind} {i.Before}");
                Assert.That(i.After, Is.Not.EqualTo(i.Before));
            }
        }
        Assert.That(report.Injections.Where(i => i.Kind == InjectionKind.Count).Select(i => i.Before), Has.All.Contains("2,000"));
        Assert.That(report.Injections.Where(i => i.Kind == InjectionKind.Name).Select(i => i.Before), Has.All.EqualTo("Jim Mattis"));
        Assert.That(report.Injections.Where(i => i.Kind == InjectionKind.BenignParagraphSwap), Is.Not.Empty);
    }

    [Test]
    public void The_same_seed_makes_the_same_edits()
    {
        var a = Doc("a", "Presiden Joko Widodo meresmikan 25 penerbangan baru pada Selasa. Sebanyak tujuh orang terluka sejak 2009.");
        var b = Doc("b", "Joko Widodo meresmikan 25 penerbangan itu pada Selasa; tujuh orang terluka.");
        var articles = new Dictionary<string, Article> { ["a"] = a, ["b"] = b };
        string Edits(int seed) => string.Join("|", new InjectionHarness(new ArticleAnalyzer(), new Checker(), seed).Run([("s", ["a", "b"])], articles)
            .Injections.Select(i => $"{i.Kind}:{i.Doc}:{i.Start}:{i.After}"));
        Assert.That(Edits(7), Is.EqualTo(Edits(7)));
        Assert.That(Edits(7), Is.Not.Empty);
    }

    // ---------- the real corpora ----------

    private const int Rounds = 3;
    private static readonly Dictionary<string, (InjectionReport Report, IReadOnlyDictionary<string, Article> Articles)> runs = new(StringComparer.Ordinal);

    /// <summary>The harness run on a corpus, once per test run (the analyses are the expensive part).</summary>
    private static (InjectionReport Report, IReadOnlyDictionary<string, Article> Articles) RunOn(string corpus)
    {
        lock (runs)
        {
            if (runs.TryGetValue(corpus, out var done)) return done;
            if (corpus == IndosumPairs) return runs[corpus] = RunOnIndosumPairs();
            var (articlesFile, clustersFile) = corpus == "id_news" ? ("id_news_articles.jsonl", "id_news_clusters.jsonl") : ("docs.jsonl", "clusters.jsonl");
            var dir = TestData.EvalDir is { } e ? Path.Combine(e, corpus) : null;
            if (dir is null || !File.Exists(Path.Combine(dir, clustersFile)) || !File.Exists(Path.Combine(dir, articlesFile)))
                WeekdayCheckEvalTests.MissingEval($"../shared/eval/{corpus}");
            var read = new ArticleReader().Read(Path.Combine(dir!, articlesFile));
            var byId = read.Articles.GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var clusters = File.ReadLines(Path.Combine(dir!, clustersFile)).Where(l => !string.IsNullOrWhiteSpace(l)).Select(JObject.Parse)
                .Select(o => (o.Value<string>("cluster_id")!, (IReadOnlyList<string>)o["article_ids"]!.Values<string>().OfType<string>().ToList())).ToList();
            var report = new InjectionHarness(new ArticleAnalyzer(), new Checker(), seed: 1, rounds: Rounds).Run(clusters, byId);
            var writer = new StringWriter();
            InjectCommand.Print(report, writer, TextWriter.Null, verbose: false);
            TestContext.Progress.WriteLine($"{corpus}, seed 1, {Rounds} rounds:\n{writer}");
            return runs[corpus] = (report, byId);
        }
    }

    /// <summary>Each IndoSum article (CC BY-SA 4.0) and its gold abstractive summary as a story of two sources, as
    /// scripts/indosum-pairs.py writes them for the CLI: the summary tells the article's facts in other words.</summary>
    private const string IndosumPairs = "indosum_pairs";

    private static (InjectionReport Report, IReadOnlyDictionary<string, Article> Articles) RunOnIndosumPairs()
    {
        var source = TestData.EvalDir is { } e ? Path.Combine(e, "indosum_sample", "articles.jsonl") : null;
        if (source is null || !File.Exists(source)) WeekdayCheckEvalTests.MissingEval("../shared/eval/indosum_sample");
        var lines = new List<string>();
        var clusters = new List<(string, IReadOnlyList<string>)>();
        foreach (var line in File.ReadLines(source!).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var o = JObject.Parse(line);
            if (o.Value<string>("summary") is not { Length: > 0 } summary) continue;
            string id = o.Value<string>("id")!, sid = id + "-summary";
            lines.Add(new JObject { ["id"] = id, ["source"] = o["source"], ["published"] = o["published"], ["text"] = o["text"] }.ToString(Newtonsoft.Json.Formatting.None));
            lines.Add(new JObject { ["id"] = sid, ["source"] = "ringkasan", ["published"] = o["published"], ["text"] = summary }.ToString(Newtonsoft.Json.Formatting.None));
            clusters.Add(("s" + clusters.Count.ToString("000", CultureInfo.InvariantCulture), [id, sid]));
        }
        var file = Path.Combine(Path.GetTempPath(), $"factcheck-indosum-pairs-{Environment.ProcessId}.jsonl");
        File.WriteAllLines(file, lines);
        try
        {
            var byId = new ArticleReader().Read(file).Articles.GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var report = new InjectionHarness(new ArticleAnalyzer(), new Checker(), seed: 1, rounds: Rounds).Run(clusters, byId);
            var writer = new StringWriter();
            InjectCommand.Print(report, writer, TextWriter.Null, verbose: false);
            TestContext.Progress.WriteLine($"{IndosumPairs}, seed 1, {Rounds} rounds:\n{writer}");
            return (report, byId);
        }
        finally { File.Delete(file); }
    }

    /// <summary>One fact told in other words: on the IndoSum pairs, recall stays at today's level (3 rounds, seed 1:
    /// dates 83.1%, counts 90.4%, names 99.7%) and benign edits raise no more than they do today.</summary>
    [Test, Category("Eval")]
    public void On_articles_and_their_summaries_recall_stays_at_least_at_todays_level()
    {
        var (report, _) = RunOn(IndosumPairs);
        Assert.That(report.RecallOf(InjectionKind.DateNoWeekday), Is.GreaterThanOrEqualTo(0.81), "dates without a weekday");
        Assert.That(report.RecallOf(InjectionKind.Count), Is.GreaterThanOrEqualTo(0.90), "counts");
        Assert.That(report.RecallOf(InjectionKind.Name), Is.GreaterThanOrEqualTo(0.98), "names");
        Assert.That(report.BenignFlaggedShare, Is.LessThanOrEqualTo(0.01), "benign edits flagged");
    }

    [TestCase("id_news"), TestCase("basil_en_dev"), Category("Eval")]
    public void The_harness_finds_sites_of_each_kind_and_prints_recall(string corpus)
    {
        var (report, _) = RunOn(corpus);
        var writer = new StringWriter();
        InjectCommand.Print(report, writer, TextWriter.Null, verbose: false);
        TestContext.Out.WriteLine($"{corpus}, seed 1, {Rounds} rounds:\n{writer}");
        foreach (var kind in new[] { InjectionKind.DateNoWeekday, InjectionKind.Count, InjectionKind.Name })
        {
            Assert.That(report.Sites(kind), Is.GreaterThanOrEqualTo(40), $"{kind} sites on {corpus}");
            int stories = report.Injections.Where(i => i.Kind == kind).Select(i => i.Cluster).Distinct().Count();
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}: sites in {stories} of {report.Clusters} stories"));
        }
        foreach (var kind in new[] { InjectionKind.BenignParaphrase, InjectionKind.BenignParagraphSwap })
            Assert.That(report.Sites(kind), Is.GreaterThanOrEqualTo(40), $"{kind} edits on {corpus}");
    }

    /// <summary>Floors under what the slot aligner and the name rule find today (3 rounds, seed 1), so that a change
    /// that loses recall shows; the issue's target is 90% per kind, which names reach and dates and counts do not yet.</summary>
    [TestCase("id_news", 0.95, 0.65, 0.77, 0.95), TestCase("basil_en_dev", 0.0, 0.52, 0.64, 0.95), Category("Eval")]
    public void Recall_of_each_kind_stays_at_least_at_todays_level(string corpus, double typo, double date, double count, double name)
    {
        var (report, _) = RunOn(corpus);
        Assert.That(report.RecallOf(InjectionKind.DateTypo), Is.GreaterThanOrEqualTo(typo), "weekday date typos");
        Assert.That(report.RecallOf(InjectionKind.DateNoWeekday), Is.GreaterThanOrEqualTo(date), "dates without a weekday");
        Assert.That(report.RecallOf(InjectionKind.Count), Is.GreaterThanOrEqualTo(count), "counts");
        Assert.That(report.RecallOf(InjectionKind.Name), Is.GreaterThanOrEqualTo(name), "names");
        Assert.That(report.Precision, Is.GreaterThanOrEqualTo(0.90), "findings of injected runs at the edit");
    }

    [TestCase("id_news"), TestCase("basil_en_dev"), Category("Eval")]
    public void Every_site_states_a_value_that_another_article_of_the_story_also_states(string corpus)
    {
        var (report, articles) = RunOn(corpus);
        var wrong = new List<string>();
        foreach (var i in report.Injections.Where(i => i.Kind is InjectionKind.DateNoWeekday or InjectionKind.Count or InjectionKind.Name))
        {
            var other = i.AlsoIn is null ? null : articles[i.AlsoIn].Text;
            string why = other is null || i.AlsoIn == i.Doc ? "no other article"
                : !other.Contains(i.AlsoText!, StringComparison.Ordinal) ? "the other article does not write " + i.AlsoText
                : !SameValue(i, articles[i.Doc].Lang) ? $"\"{i.AlsoText}\" is not the value of \"{i.Before}\""
                : "";
            if (why != "") wrong.Add($"{i.Kind} [{i.Doc}] \"{i.Before}\": {why}");
        }
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong.Take(20)));
    }

    /// <summary>An independent reading of the two texts: the same name, the same number, the same day (and month) or weekday or year.</summary>
    private static bool SameValue(Injection i, string lang)
    {
        var also = i.AlsoText!;
        switch (i.Kind)
        {
            case InjectionKind.Name:
                return also == i.Before;
            case InjectionKind.Count:
            {
                static string FirstNumber(string s) => System.Text.RegularExpressions.Regex.Match(s, @"^(?:\d+(?:[.,]\d+)*|\p{L}+)").Value;
                var (a, _) = InjectionSites.ParseNumber(FirstNumber(i.Before), lang);
                var (b, _) = InjectionSites.ParseNumber(FirstNumber(also), lang);
                return a is not null && a == b;
            }
            default:
            {
                if (i.Form == "weekday") return also.Contains(i.Before.Split(' ')[^1], StringComparison.Ordinal);
                if (i.Form == "year") return also.Contains(System.Text.RegularExpressions.Regex.Match(i.Before, @"\d{4}").Value, StringComparison.Ordinal);
                // the day number written in both
                var days = System.Text.RegularExpressions.Regex.Matches(i.Before, @"\d{1,2}").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToHashSet();
                return System.Text.RegularExpressions.Regex.Matches(also, @"\d{1,2}").Any(m => days.Contains(int.Parse(m.Value, CultureInfo.InvariantCulture)));
            }
        }
    }

    [TestCase("id_news"), TestCase("basil_en_dev"), Category("Eval")]
    public void Benign_edits_raise_findings_in_at_most_2_percent_of_the_cases(string corpus)
    {
        var (report, _) = RunOn(corpus);
        var flagged = report.Injections.Where(i => i.Benign && i.Flagged)
            .Select(i => $"{i.Kind} [{i.Doc}] \"{i.Before}\" -> \"{i.After}\": {string.Join(" | ", i.Hits.Concat(i.Other).Select(f => f.Rule + ": " + f.Message))}").ToList();
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"benign edits flagged on {corpus}: {report.BenignFlagged}/{report.Benign} ({report.BenignFlaggedShare:P1})"));
        foreach (var f in flagged) TestContext.Out.WriteLine("  " + f);
        Assert.That(report.Benign, Is.GreaterThan(100));
        Assert.That(report.BenignFlaggedShare, Is.LessThanOrEqualTo(0.02), string.Join("\n", flagged.Take(20)));
    }
}
