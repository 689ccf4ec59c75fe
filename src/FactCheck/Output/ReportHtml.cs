using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FactCheck.Checks;

namespace FactCheck.Output;

/// <summary>One reviewer's latest decision on a finding, as the review page and the static report show it.</summary>
public sealed record ReviewLine(string Reviewer, string Verdict, DateTimeOffset Time, string? Note, string? Fix);

/// <summary>What reviewers decided on a finding: each reviewer's latest decision (oldest first) and whether they disagree.</summary>
public sealed record FindingReview(IReadOnlyList<ReviewLine> ByReviewer, bool Disagreement)
{
    public static FindingReview None { get; } = new([], false);
}

/// <summary>
/// The HTML of findings, shared by report.html and the served review page (which inserts <see cref="RenderFinding"/>'s
/// fragment as it is): one template, so both show a finding the same way. Every piece of article text is HTML-escaped and only
/// http(s) URLs become links. report.html is one self-contained page (inline CSS and JS allowed by hash in its
/// Content-Security-Policy, no network) with findings grouped by story, evidence side by side and filters by rule and severity.
/// </summary>
public static class ReportHtml
{
    public const string Css = """
        body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1em 2em;color:#222}
        h1{font-size:1.5em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
        table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
        .table-wrap{overflow-x:auto}
        .finding{border:1px solid #ccc;border-left:6px solid #999;border-radius:4px;margin:1em 0;padding:.6em 1em;overflow-wrap:anywhere}
        .finding.high{border-left-color:#c62828}.finding.medium{border-left-color:#ef6c00}.finding.low{border-left-color:#9e9d24}
        .sev{font-weight:bold;text-transform:uppercase;font-size:.8em;padding:.1em .4em;border-radius:3px;color:#fff;background:#999}
        .high .sev{background:#c62828}.medium .sev{background:#ef6c00}.low .sev{background:#9e9d24}
        .rule{font-family:monospace;color:#555}.id{font-family:monospace;color:#888;font-size:.85em}
        .verdict{font-weight:bold;padding:.15em .6em;border-radius:3px;border:2px solid}
        .verdict.confirmed{color:#b71c1c;border-color:#b71c1c;background:#ffebee}.verdict.dismissed{color:#555;border-color:#777;background:#eee;text-decoration:line-through}
        .verdict.unsure{color:#6d4c00;border-color:#c49000;background:#fff8e1}
        .finding.v-dismissed .message{text-decoration:line-through;color:#666}
        .disagree-note{color:#b71c1c;font-weight:bold}
        .evidence{display:flex;gap:1em;flex-wrap:wrap}.ev{flex:1 1 260px;min-width:0;background:#fafafa;border:1px solid #eee;padding:.5em;border-radius:3px}
        .ev .doc{font-size:.8em;color:#666}.ev .role{font-size:.75em;font-weight:bold;text-transform:uppercase;color:#555}
        mark{background:#ffe082;padding:0 .1em}.ev.disputed{border-color:#ef9a9a}.ev.disputed mark{background:#ef9a9a;outline:2px solid #c62828}
        .sugg li{margin:.2em 0}.failed{color:#c62828}.filters{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #eee}
        .reviews{font-size:.9em;margin:.4em 0 0;padding-left:1.2em}
        .agree{color:#2e7d32}.disagree{color:#c62828;font-weight:bold}
        @media (max-width:600px){body{padding:.5em}.ev{flex-basis:100%}}
        """;

    private const string Js = """
        function applyFilters(){var r=document.getElementById('f-rule').value,s=document.getElementById('f-sev').value,n=0;
        document.querySelectorAll('.finding').forEach(function(e){var show=(!r||e.getAttribute('data-rule')===r)&&(!s||e.getAttribute('data-severity')===s);
        e.style.display=show?'':'none';if(show)n++;});document.getElementById('f-count').textContent=n+' shown';}
        document.addEventListener('DOMContentLoaded',function(){document.getElementById('f-rule').onchange=applyFilters;
        document.getElementById('f-sev').onchange=applyFilters;applyFilters();});
        """;

    /// <summary>The story a finding belongs to ("" when the run did not group stories).</summary>
    public static string StoryOf(Finding f) => f.Story ?? "";

    /// <summary>Whether a finding is shown unfolded: it reached the display threshold or a reviewer confirmed it.</summary>
    private static bool IsShown(Report r, Finding f) => f.Shown;

    /// <summary>The heading of a story's findings: its title and id.</summary>
    private static string StoryHeading(Report r, string id) =>
        r.Stories.FirstOrDefault(s => s.Id == id) is { Title: { Length: > 0 } t } ? $"{t} ({id})" : id.Length > 0 ? id : "Story";

    private static string Hash(string s) => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(s))) + "'";

    /// <summary>The Content-Security-Policy of report.html: nothing loads, only its own inline style and script run.</summary>
    public static string StaticPolicy { get; } = $"default-src 'none'; style-src {Hash(Css)}; script-src {Hash(Js)}; img-src 'none'; base-uri 'none'; form-action 'none'";

    public static string Render(Report r, Func<Finding, FindingReview>? reviews = null)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        RenderTo(r, w, reviews);
        return w.ToString();
    }

    /// <summary>report.html written to <paramref name="w"/> as it is rendered (the text of <see cref="Render"/>, never whole in memory).</summary>
    public static void RenderTo(Report r, TextWriter w, Func<Finding, FindingReview>? reviews = null)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(E(StaticPolicy)).Append("\">");
        sb.Append("<meta name=\"referrer\" content=\"no-referrer\">");
        sb.Append("<title>FactCheck report</title><style>").Append(Css).Append("</style></head><body>\n");
        sb.Append("<h1>FactCheck discrepancy report</h1>\n");
        if (r.Generated is not null) sb.Append("<p>Generated: ").Append(E(r.Generated)).Append("</p>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<p><b>{r.Findings.Count} findings</b>: {r.Count(Severity.High)} high, {r.Count(Severity.Medium)} medium, {r.Count(Severity.Low)} low; ")
          .Append(CultureInfo.InvariantCulture, $"{r.Articles.Count(a => a.Ok)} articles checked, {r.Failed} failed.</p>\n");

        sb.Append("<h2>Articles</h2>\n<div class=\"table-wrap\"><table><tr><th>id</th><th>title</th><th>source</th><th>published</th><th>lang</th><th>status</th></tr>\n");
        foreach (var a in r.Articles)
        {
            sb.Append("<tr><td>").Append(E(a.Id)).Append("</td><td>");
            if (a.Url is not null) sb.Append(SafeText.Link(a.Url, a.Title ?? a.Url));
            else sb.Append(E(a.Title));
            sb.Append("</td><td>").Append(E(a.Source)).Append("</td><td>")
              .Append(E(a.Published?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture))).Append("</td><td>").Append(E(a.Lang)).Append("</td><td>");
            if (a.Ok) sb.Append("ok").Append(a.Error is null ? "" : " <small>(" + E(a.Error) + ")</small>");
            else sb.Append("<span class=\"failed\">failed: ").Append(E(a.Error)).Append("</span>");
            sb.Append("</td></tr>\n").Spill(w);
        }
        sb.Append("</table></div>\n");

        sb.Append("<h2>Findings</h2>\n<div class=\"filters\">Rule <select id=\"f-rule\"><option value=\"\">all</option>");
        foreach (var rule in r.Findings.Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal))
            sb.Append("<option value=\"").Append(E(rule)).Append("\">").Append(E(rule)).Append("</option>");
        sb.Append("</select> Severity <select id=\"f-sev\"><option value=\"\">all</option><option>high</option><option>medium</option><option>low</option></select> ");
        sb.Append("<span id=\"f-count\"></span></div>\n");
        if (r.Findings.Count == 0) sb.Append("<p>No findings.</p>\n");
        var stories = r.Findings.GroupBy(StoryOf).ToList();
        foreach (var story in stories)
        {
            if (stories.Count > 1 || story.Key.Length > 0) sb.Append("<h3 class=\"story\">").Append(E(StoryHeading(r, story.Key))).Append("</h3>\n");
            var shown = story.Where(f => IsShown(r, f)).ToList();
            foreach (var f in shown) sb.Append(RenderFinding(f, reviews?.Invoke(f))).Spill(w);
            var folded = story.Where(f => !IsShown(r, f)).ToList();
            if (folded.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<details class=\"folded\"><summary>{folded.Count} more, less likely</summary>\n");
                foreach (var f in folded) sb.Append(RenderFinding(f, reviews?.Invoke(f))).Spill(w);
                sb.Append("</details>\n");
            }
        }

        sb.Append("<h2>Fact table</h2>\n");
        if (r.Facts.Count == 0) sb.Append("<p>No aligned facts (claim extraction has not run on these articles).</p>\n");
        // one table per story (facts are aligned within a story only)
        var factStories = r.Facts.GroupBy(f => f.Story ?? "").ToList();
        foreach (var story in factStories)
        {
            if (factStories.Count > 1 || story.Key.Length > 0) sb.Append("<h3 class=\"story\">").Append(E(StoryHeading(r, story.Key))).Append("</h3>\n");
            sb.Append("<div class=\"table-wrap\"><table><tr><th>fact</th><th>agreement</th><th>what each source says</th></tr>\n");
            foreach (var row in story)
            {
                var fact = string.Join(" ", new[] { row.Subject, row.Relation, row.Object, row.Complement }.Where(x => !string.IsNullOrEmpty(x)));
                var cls = row.Agreement switch { Align.Agreement.Agree => "agree", Align.Agreement.Disagree => "disagree", _ => "" };
                sb.Append("<tr><td>").Append(E(fact)).Append("</td><td class=\"").Append(cls).Append("\">").Append(E(row.Agreement.ToString().ToLowerInvariant()))
                  .Append(row.Conflict is null ? "" : " (" + E(row.Conflict) + ")").Append("</td><td>");
                foreach (var c in row.Cells)
                    sb.Append("<div><b>").Append(E(c.Source ?? c.Doc)).Append("</b> ").Append(E(c.Time ?? c.Value)).Append(": ").Append(E(c.Sentence)).Append("</div>");
                sb.Append("</td></tr>\n").Spill(w);
            }
            sb.Append("</table></div>\n");
        }
        sb.Append("<script>").Append(Js).Append("</script>\n</body></html>\n");
        w.Write(sb);
    }

    /// <summary>
    /// One finding as an HTML section: severity, rule, message, the verdict (a badge; dismissed findings are struck through), the
    /// evidence sentences side by side with the flagged span marked apart from the supporting ones, every suggestion with its
    /// reason, and who decided what and when with disagreements called out. With <paramref name="interactive"/> each suggestion
    /// gets a radio button to choose it as the fix (the review page).
    /// </summary>
    public static string RenderFinding(Finding f, FindingReview? review = null, bool interactive = false)
    {
        var sb = new StringBuilder();
        var sev = f.Severity.ToString().ToLowerInvariant();
        var verdict = f.Verdict?.ToString().ToLowerInvariant();
        sb.Append("<section class=\"finding ").Append(sev).Append(verdict is null ? "" : " v-" + verdict).Append("\" data-rule=\"").Append(E(f.Rule))
          .Append("\" data-severity=\"").Append(sev).Append("\" data-verdict=\"").Append(verdict ?? "").Append("\" id=\"").Append(E(f.Id)).Append("\">\n");
        sb.Append("<p><span class=\"sev\">").Append(sev).Append("</span> <span class=\"rule\">").Append(E(f.Rule)).Append("</span> ");
        if (verdict is not null) sb.Append("<span class=\"verdict ").Append(verdict).Append("\">").Append(verdict).Append("</span> ");
        sb.Append("<span class=\"message\">").Append(E(f.Message)).Append("</span></p>\n<p class=\"id\">").Append(E(f.Id))
          .Append(CultureInfo.InvariantCulture, $" · score {f.Score:0.00}");
        if (f.ReviewNote is not null) sb.Append(" · note: ").Append(E(f.ReviewNote));
        sb.Append("</p>\n<div class=\"evidence\">\n");
        bool first = true;
        foreach (var e in f.Evidence)
        {
            var sentence = e.Sentence ?? e.Text;
            int s = e.Sentence is null ? 0 : Math.Clamp(e.Start - e.SentenceStart, 0, sentence.Length);
            int t = e.Sentence is null ? sentence.Length : Math.Clamp(e.End - e.SentenceStart, s, sentence.Length);
            sb.Append("<div class=\"ev").Append(first ? " disputed" : " supporting").Append("\"><div class=\"role\">").Append(first ? "flagged" : "supporting")
              .Append("</div><div class=\"doc\">").Append(E(e.Doc))
              .Append(e.Source is null ? "" : " · " + E(e.Source)).Append(e.Value is null ? "" : " · " + E(e.Value)).Append("</div>")
              .Append(E(sentence[..s])).Append("<mark>").Append(E(sentence[s..t])).Append("</mark>").Append(E(sentence[t..])).Append("</div>\n");
            first = false;
        }
        sb.Append("</div>\n");
        if (f.Suggestions.Count > 0)
        {
            sb.Append("<ol class=\"sugg\">");
            int i = 0;
            foreach (var g in f.Suggestions)
            {
                sb.Append("<li>");
                if (interactive)
                    sb.Append("<label><input type=\"radio\" name=\"fix\" value=\"").Append(E(g.Text)).Append('"').Append(i == 0 ? " checked" : "").Append("> ");
                sb.Append("<b>").Append(E(g.Text)).Append("</b> (").Append(E(g.Value)).Append(CultureInfo.InvariantCulture, $", {g.Score:0.00}): ").Append(E(g.Reason));
                if (interactive) sb.Append("</label>");
                sb.Append("</li>");
                i++;
            }
            if (interactive) sb.Append("<li><label><input type=\"radio\" name=\"fix\" value=\"\"> no fix</label></li>");
            sb.Append("</ol>\n");
        }
        if (review is { ByReviewer.Count: > 0 })
        {
            if (review.Disagreement) sb.Append("<p class=\"disagree-note\">Reviewers disagree</p>\n");
            sb.Append("<ul class=\"reviews\">");
            foreach (var l in review.ByReviewer)
            {
                sb.Append("<li><b>").Append(E(l.Reviewer)).Append("</b> <span class=\"verdict ").Append(E(l.Verdict)).Append("\">").Append(E(l.Verdict)).Append("</span> ")
                  .Append(E(l.Time.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)));
                if (l.Fix is { Length: > 0 }) sb.Append(" · fix: ").Append(E(l.Fix));
                if (l.Note is { Length: > 0 }) sb.Append(" · ").Append(E(l.Note));
                sb.Append("</li>");
            }
            sb.Append("</ul>\n");
        }
        sb.Append("</section>\n");
        return sb.ToString();
    }

    private static string E(string? s) => SafeText.Html(s);
}
