namespace FactCheck.Output;

/// <summary>Writes report.json, report.md, report.html (and claimreview.jsonld) into a folder, each file atomically.</summary>
public static class ReportWriter
{
    /// <summary>The paths written.</summary>
    public static IReadOnlyList<string> Write(Report report, string outDir, bool claimReview = false, ClaimReviewOptions? claimReviewOptions = null)
    {
        Directory.CreateDirectory(outDir);
        var written = new List<string>();
        void W(string name, string text)
        {
            var p = Path.Combine(outDir, name);
            AtomicFile.WriteAllText(p, text);
            written.Add(p);
        }
        W("report.json", ReportJson.Serialize(report));
        W("report.md", ReportMarkdown.Render(report));
        W("report.html", ReportHtml.Render(report));
        if (claimReview) W("claimreview.jsonld", ClaimReviewJson.Serialize(report, claimReviewOptions ?? ClaimReviewOptions.FromEnvironment()));
        return written;
    }
}
