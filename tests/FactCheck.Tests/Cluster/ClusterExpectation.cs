using FactCheck.Checks;
using FactCheck.Cli.Commands;
using FactCheck.Cluster;
using FactCheck.Output;
using FactCheck.Readers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Cluster;

/// <summary>The eval documents the cluster tests ingest, and what a single-process `check` finds in them.</summary>
internal static class ClusterExpectation
{
    /// <summary>The id_news and BASIL dev documents, one compact JSONL line each (id_news grouped automatically, BASIL by its
    /// "cluster"). The cluster knows an article by its id (the same id again is a new version of it), and three BASIL articles
    /// share the id "basil-empty-hpo": the second and third are given "~2" and "~3", for the cluster and `check` alike.</summary>
    public static IReadOnlyList<string> EvalDocuments()
    {
        var idNews = TestData.RequireEval("id_news/id_news_articles.jsonl");
        var basil = TestData.RequireEval("basil_en_dev/docs.jsonl");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<string>();
        foreach (var line in File.ReadLines(idNews).Concat(File.ReadLines(basil)).Where(l => l.Trim().Length > 0))
        {
            var o = JObject.Parse(line);
            var id = o.Value<string>("id")!;
            int n = seen[id] = seen.GetValueOrDefault(id) + 1;
            if (n > 1) o["id"] = id + "~" + n;
            list.Add(o.ToString(Formatting.None));
        }
        return list;
    }

    /// <summary>The id of a JSONL document.</summary>
    public static string IdOf(string line) => JObject.Parse(line).Value<string>("id")!;

    /// <summary>The shipped triage model (models/triage), which the cluster tests give both `check` and the silos.</summary>
    public static string ModelDir => TestData.Path2("models", "triage");

    /// <summary>`factcheck check --model models/triage` (the shipped triage model, as the cluster is given) of the documents in
    /// the cluster's order (publication, then id), so it groups them as the cluster does; its findings, each as one
    /// normalized JSON line.</summary>
    public static IReadOnlyList<string> CheckFindings(IReadOnlyList<string> lines, string dir)
    {
        // the two cluster tests ingest the same documents: `check` runs once for both
        var key = FactCheck.Store.FactStore.Hash(string.Join("\n", lines));
        lock (Checked)
        {
            if (!Checked.TryGetValue(key, out var found)) Checked[key] = found = RunCheck(lines, dir);
            return found;
        }
    }

    private static readonly Dictionary<string, IReadOnlyList<string>> Checked = new(StringComparer.Ordinal);

    private static IReadOnlyList<string> RunCheck(IReadOnlyList<string> lines, string dir)
    {
        var articles = new JsonlArticleReader().Read(string.Join("\n", lines), "x").Articles;
        var byId = lines.ToDictionary(IdOf, l => l, StringComparer.Ordinal);
        var ordered = ClusterServices.InCanonicalOrder(articles).Select(a => byId[a.Id]).ToList();
        Directory.CreateDirectory(dir);
        var input = Path.Combine(dir, "in.jsonl");
        File.WriteAllLines(input, ordered);
        var outDir = Path.Combine(dir, "out");
        var err = new StringWriter();
        int code = CheckCommand.Run(new CheckCommand.CheckRequest([input], outDir) { Progress = false, Threads = 2, Model = ModelDir, ModelGiven = true }, new StringWriter(), err);
        Assert.That(code, Is.EqualTo(CheckCommand.Ok), err.ToString());
        var report = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
        return Normalize(report["findings"]!.Select(f => FindingJson.FromJson((JObject)f)));
    }

    /// <summary>Findings as comparable lines: id, rule, severity, score and the features that moved it, story, message,
    /// evidence, suggestions, features and the display flag, in the checker's order (the reviewers' verdicts, which depend on
    /// the store, left out). Evidence sentences are cut to the window report.json shows (<see cref="EvidenceWindow"/>, a no-op
    /// on report.json's own findings): the store keeps whole sentences, the report a window around the span.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<Finding> findings) =>
        Checker.Order(findings).Select(f => FindingJson.ToJson(f with { Verdict = null, ReviewNote = null, Evidence = f.Evidence.Select(EvidenceWindow.Cut).ToList() }).ToString(Formatting.None)).ToList();

    /// <summary>The model scored them: some finding carries the features that moved its score (a rule prior carries none).</summary>
    public static void AssertModelScored(IEnumerable<Finding> findings) =>
        Assert.That(findings.Any(f => f.Explanation.Count > 0), Is.True, "scored by the triage model, not by the rules' priors");

    /// <summary>Says where two finding lists first differ.</summary>
    public static void AssertSame(IReadOnlyList<string> cluster, IReadOnlyList<string> check)
    {
        var onlyCluster = cluster.Except(check).Take(3).ToList();
        var onlyCheck = check.Except(cluster).Take(3).ToList();
        Assert.That(cluster, Is.EqualTo(check),
            $"cluster {cluster.Count} findings, check {check.Count}; only in the cluster: {string.Join("\n", onlyCluster)}\nonly in check: {string.Join("\n", onlyCheck)}");
    }
}
