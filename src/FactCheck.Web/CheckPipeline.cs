using FactCheck.Checks;
using FactCheck.Output;
using FactCheck.Readers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Web;

/// <summary>The check pipeline for documents posted over HTTP: the same reader (JSONL documents), analyzer, checker and triage
/// scoring as `factcheck check`, with the store's verdicts applied.</summary>
public sealed class CheckPipeline(string? modelDir)
{
    private readonly ArticleAnalyzer analyzer = new();
    private readonly Checker checker = new();
    private FactCheck.Triage.TriageScorer? scorer;
    private bool scorerLoaded;
    private readonly object gate = new();

    /// <summary>Checks the documents ({"id","text","published"?,"lang"?,"title"?,"source"?,"url"?}); bad documents are listed in
    /// the report as failed inputs, like bad JSONL lines.</summary>
    public Report Run(IReadOnlyList<JToken> documents, IDecisionSource? decisions)
    {
        var text = string.Join("\n", documents.Select(d => d.ToString(Formatting.None)));
        var read = new JsonlArticleReader().Read(text, "request");
        var analyzed = read.Articles.Select(analyzer.Analyze).ToList();
        var result = checker.Check(analyzed);
        IReadOnlyList<Finding> findings = result.Findings;
        if (Scorer() is { Model: not null } s) findings = Checker.Order(findings.Select(f => f with { Score = Math.Round(s.Score(f), 4) }));
        if (decisions is not null) findings = Checker.ApplyDecisions(findings, decisions.Load());
        return Report.Build(read, analyzed, findings, null);
    }

    /// <summary>The mentions of one text, as `factcheck extract --format json` prints them.</summary>
    public JArray Extract(string text, string? lang, DateTimeOffset? reftime)
    {
        // Through the JSONL reader, so language detection and boilerplate marking are the same as for files.
        var doc = new JObject { ["id"] = "request", ["text"] = text };
        if (reftime is { } t) doc["published"] = t.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        if (lang is not null) doc["lang"] = lang;
        var read = new JsonlArticleReader().Read(doc.ToString(Formatting.None), "request");
        if (read.Articles.Count == 0) return [];
        var result = analyzer.Analyze(read.Articles[0]);
        var rows = new List<JObject>();
        rows.AddRange(result.Temporal.Select(MentionJson.ToJson));
        rows.AddRange(result.QuantityMentions.Select(MentionJson.ToJson));
        rows.AddRange(result.EntityMentions.Select(MentionJson.ToJson));
        rows.Sort((x, y) => x.Value<int>("start").CompareTo(y.Value<int>("start")));
        return new JArray(rows);
    }

    private FactCheck.Triage.TriageScorer? Scorer()
    {
        lock (gate)
        {
            if (scorerLoaded) return scorer;
            scorerLoaded = true;
            var dir = modelDir ?? FactCheck.Triage.ModelStore.DefaultDir;
            if (File.Exists(FactCheck.Triage.ModelStore.ModelPath(dir)))
                scorer = FactCheck.Triage.TriageScorer.Load(dir, checker);
            return scorer;
        }
    }
}
