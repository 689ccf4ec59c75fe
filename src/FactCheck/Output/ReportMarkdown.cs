using System.Globalization;
using System.Text;
using FactCheck.Checks;

namespace FactCheck.Output;

/// <summary>report.md: summary, inputs, findings with evidence and suggestions, and the fact table.</summary>
public static class ReportMarkdown
{
    public static string Render(Report r)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        RenderTo(r, w);
        return w.ToString();
    }

    /// <summary>report.md written to <paramref name="w"/> as it is rendered (the text of <see cref="Render"/>, never whole in
    /// memory: a large run's report was two copies of tens of megabytes).</summary>
    public static void RenderTo(Report r, TextWriter w)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# FactCheck discrepancy report").AppendLine();
        if (r.Generated is not null) sb.AppendLine($"Generated: {Esc(r.Generated)}").AppendLine();
        sb.AppendLine($"**{r.Findings.Count} findings**: {r.Count(Severity.High)} high, {r.Count(Severity.Medium)} medium, {r.Count(Severity.Low)} low; " +
                      $"{r.Articles.Count(a => a.Ok)} articles checked, {r.Failed} failed.").AppendLine();

        sb.AppendLine("## Articles").AppendLine();
        sb.AppendLine("| id | title | source | published | lang | status |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var a in r.Articles)
            sb.AppendLine($"| {Cell(a.Id)} | {Cell(a.Title)} | {Cell(a.Source)} | {a.Published?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)} | {Cell(a.Lang)} | " +
                          (a.Ok ? "ok" : "**failed**: " + Cell(a.Error)) + (a.Ok && a.Error is not null ? " (" + Cell(a.Error) + ")" : "") + " |")
              .Spill(w);
        sb.AppendLine();

        sb.AppendLine("## Findings").AppendLine();
        if (r.Findings.Count == 0) sb.AppendLine("No findings.").AppendLine();
        if (r.Threshold is { } th && r.Findings.Count > 0)
            sb.AppendLine($"Shown first: findings scored {th.ToString("0.00", CultureInfo.InvariantCulture)} or more (the display threshold), and confirmed ones; " +
                          "dismissed and lower-scored ones are folded at the end.").AppendLine();
        // grouped by story (the order within a story stays severity, then score)
        var byStory = r.ShownFindings.GroupBy(f => f.Story ?? "").ToList();
        foreach (var story in byStory)
        {
            if (byStory.Count > 1 || r.Stories.Count > 1)
            {
                var title = r.Stories.FirstOrDefault(s => s.Id == story.Key)?.Title;
                sb.AppendLine($"### Story {Cell(story.Key)}{(string.IsNullOrEmpty(title) ? "" : ": " + Cell(title))}").AppendLine();
            }
            foreach (var f in story) RenderFinding(sb, f).Spill(w);
        }
        var folded = r.FoldedFindings.ToList();
        if (folded.Count > 0)
        {
            sb.AppendLine($"<details><summary>{folded.Count} more, less likely</summary>").AppendLine();
            foreach (var f in folded) RenderFinding(sb, f).Spill(w);
            sb.AppendLine("</details>").AppendLine();
        }
        FactTable(sb, r, w);
        w.Write(sb);
    }

    private static StringBuilder RenderFinding(StringBuilder sb, Finding f)
    {
            sb.AppendLine($"### {f.Severity.ToString().ToUpperInvariant()} `{f.Rule}` — {Esc(f.Message)}").AppendLine();
            sb.AppendLine($"id `{f.Id}`, score {f.Score.ToString("0.00", CultureInfo.InvariantCulture)}" + (f.Verdict is { } v ? $", verdict **{v.ToString().ToLowerInvariant()}**" : "") +
                          (f.ReviewNote is not null ? $" ({Esc(f.ReviewNote)})" : "")).AppendLine();
            if (f.Explanation.Count > 0)
                sb.AppendLine("Why this score: " + Esc(ExplanationText(f.Explanation)) + ".").AppendLine();
            foreach (var e in f.Evidence)
            {
                var sentence = e.Sentence ?? e.Text;
                int s = Math.Clamp(e.Start - e.SentenceStart, 0, sentence.Length), t = Math.Clamp(e.End - e.SentenceStart, s, sentence.Length);
                if (e.Sentence is null) { s = 0; t = sentence.Length; }
                sb.AppendLine($"> {Esc(OneLine(sentence[..s]))}**{Esc(OneLine(sentence[s..t]))}**{Esc(OneLine(sentence[t..]))}  ");
                sb.AppendLine($"> — {Esc(e.Doc)}" + (e.Source is not null ? $" ({Esc(e.Source)})" : "") + (e.Value is not null ? $", value {Esc(e.Value)}" : "")).AppendLine();
            }
            if (f.Suggestions.Count > 0)
            {
                sb.AppendLine("Suggestions:").AppendLine();
                int i = 1;
                foreach (var g in f.Suggestions)
                    sb.AppendLine($"{i++}. **{Esc(g.Text)}** ({Esc(g.Value)}, {g.Score.ToString("0.00", CultureInfo.InvariantCulture)}): {Esc(g.Reason)}");
                sb.AppendLine();
            }
            return sb;
        }

    private static void FactTable(StringBuilder sb, Report r, TextWriter w)
    {
        sb.AppendLine("## Fact table").AppendLine();
        if (r.Facts.Count == 0) sb.AppendLine("No aligned facts (claim extraction has not run on these articles).").AppendLine();
        else
        {
            // one table per story (facts are aligned within a story only)
            var byStory = r.Facts.GroupBy(f => f.Story ?? "").ToList();
            foreach (var story in byStory)
            {
                if (byStory.Count > 1 || r.Stories.Count > 1)
                {
                    var title = r.Stories.FirstOrDefault(s => s.Id == story.Key)?.Title;
                    sb.AppendLine($"### Story {Cell(story.Key)}{(string.IsNullOrEmpty(title) ? "" : ": " + Cell(title))}").AppendLine();
                }
                sb.AppendLine("| fact | agreement | what each source says |");
                sb.AppendLine("|---|---|---|");
                foreach (var row in story)
                {
                    var fact = string.Join(" ", new[] { row.Subject, row.Relation, row.Object, row.Complement }.Where(x => !string.IsNullOrEmpty(x)));
                    var cells = string.Join("<br>", row.Cells.Select(c => $"{Cell(c.Source ?? c.Doc)}: {Cell(c.Time ?? c.Value ?? "")} {Cell(Trim(c.Sentence, 120))}"));
                    sb.AppendLine($"| {Cell(fact)} | {row.Agreement.ToString().ToLowerInvariant()}{(row.Conflict is null ? "" : " (" + row.Conflict + ")")} | {cells} |").Spill(w);
                }
                sb.AppendLine();
            }
        }
    }

    /// <summary>"weekday_offset = 3 (+1.20), rule=weekday-date (+0.80), not lang=en (+0.40)": the features that moved the score most
    /// (contributions in the model's raw score units, before calibration).</summary>
    public static string ExplanationText(IReadOnlyList<FactCheck.Triage.ScoreReason> reasons) =>
        string.Join(", ", reasons.Select(r => (r.Feature.Contains('=') && r.Value == 1 ? r.Feature : r.Feature.Contains('=') && r.Value == 0 ? "not " + r.Feature
                : $"{r.Feature} = {r.Value.ToString("0.##", CultureInfo.InvariantCulture)}") +
            $" ({(r.Contribution >= 0 ? "+" : "−")}{Math.Abs(r.Contribution).ToString("0.00", CultureInfo.InvariantCulture)})"));

    private static string Trim(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
    private static string OneLine(string s) => s.Replace('\r', ' ').Replace('\n', ' ');
    /// <summary>Article text is data: no raw HTML, no emphasis markers taken from it.</summary>
    private static string Esc(string? s) => SafeText.Markdown(s);
    private static string Cell(string? s) => Esc(OneLine(s ?? "")).Replace("|", "\\|");
}

/// <summary>Rendering a large report straight to its file: what a builder holds is written out once it is large.</summary>
internal static class Spilling
{
    private const int Threshold = 1 << 16;

    /// <summary>Writes the builder's text to <paramref name="w"/> and clears it once it holds <see cref="Threshold"/>
    /// characters or more (the text written is the same either way).</summary>
    public static void Spill(this StringBuilder sb, TextWriter w)
    {
        if (sb.Length < Threshold) return;
        w.Write(sb);
        sb.Clear();
    }
}
