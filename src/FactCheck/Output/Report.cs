using FactCheck.Align;
using FactCheck.Checks;
using FactCheck.Model;
using FactCheck.Stories;

namespace FactCheck.Output;

/// <summary>One input of a check run: an article that was read (ok) or an input that failed, with its error.</summary>
public sealed record ReportArticle(string Id, bool Ok)
{
    public string? Title { get; init; }
    public string? Source { get; init; }
    public DateTimeOffset? Published { get; init; }
    public string? Lang { get; init; }
    /// <summary>Why the input failed (failed inputs), or what was wrong but recovered (ok articles).</summary>
    public string? Error { get; init; }
    /// <summary>File (and line) the input came from.</summary>
    public string? Origin { get; init; }
    public string? Url { get; init; }
    /// <summary>Id of the story the article was grouped into (ok articles of a run that grouped stories).</summary>
    public string? Story { get; init; }
}

/// <summary>Everything a discrepancy report shows: inputs, findings (ordered), the fact table, and when it was generated.</summary>
public sealed record Report(string? Generated, IReadOnlyList<ReportArticle> Articles, IReadOnlyList<Finding> Findings, IReadOnlyList<FactRow> Facts)
{
    /// <summary>The display threshold of the run: findings scored below it are folded away (Finding.Shown false); null when every finding is shown.</summary>
    public double? Threshold { get; init; }
    public int Count(Severity s) => Findings.Count(f => f.Severity == s);
    /// <summary>Findings above the fold, and the ones folded under "N more, less likely".</summary>
    public IEnumerable<Finding> ShownFindings => Findings.Where(f => f.Shown);
    public IEnumerable<Finding> FoldedFindings => Findings.Where(f => !f.Shown);
    public int Failed => Articles.Count(a => !a.Ok);
    /// <summary>The stories the articles were grouped into; findings are compared only within a story.</summary>
    public IReadOnlyList<Story> Stories { get; init; } = [];

    /// <summary>Builds the report of a run. <paramref name="generated"/> comes from the caller (never the clock); when null, the
    /// latest publication date among the articles is used. <paramref name="stories"/>, when given, assigns the read articles (by
    /// position) their stories. <paramref name="facts"/>, when given, is the fact table the checker built story by story
    /// (<see cref="FactCheck.Checks.CheckResult.Facts"/>); otherwise the claims of all articles are aligned as one story.</summary>
    public static Report Build(ReadResult read, IReadOnlyList<AnalyzedArticle> analyzed, IReadOnlyList<Finding> findings, string? generated = null,
        StoryGrouping? stories = null, IReadOnlyList<FactRow>? facts = null)
    {
        bool storiesFit = stories is not null && stories.Assignments.Count == read.Articles.Count;
        var articles = new List<ReportArticle>();
        var origins = new HashSet<Origin>(read.Articles.Select(a => a.Origin));
        for (int i = 0; i < read.Articles.Count; i++)
        {
            var a = read.Articles[i];
            var err = read.Diagnostics.FirstOrDefault(d => d.Level == DiagnosticLevel.Error && d.Origin == a.Origin);
            articles.Add(new ReportArticle(a.Id, true)
            {
                Title = a.Title, Source = a.Source, Published = a.Published, Lang = a.Lang, Url = a.Url,
                Origin = a.Origin.ToString(), Error = err?.Message, Story = storiesFit ? stories!.Assignments[i] : null,
            });
        }
        foreach (var d in read.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error && !origins.Contains(d.Origin)))
        {
            var id = Path.GetFileNameWithoutExtension(d.Origin.Path) + (d.Origin.Line is { } l ? ":" + l : "");
            articles.Add(new ReportArticle(id, false) { Error = d.Message, Origin = d.Origin.ToString() });
        }
        facts ??= ClaimAligner.Align(analyzed.SelectMany(a => a.Claims.Select(c => (c, a.Article.Source))));
        generated ??= read.Articles.Where(a => a.Published is not null).Select(a => a.Published!.Value).DefaultIfEmpty().Max() is { } max && max != default
            ? max.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) : null;
        return new Report(generated, articles, findings, facts) { Stories = storiesFit ? stories!.Stories : [] };
    }
}

/// <summary>Writes files atomically: a temporary file in the same folder, then a rename over the target.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(tmp, text, new System.Text.UTF8Encoding(false));
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }
}
