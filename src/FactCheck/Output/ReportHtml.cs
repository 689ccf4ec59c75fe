using System.Globalization;
using System.Text;
using FactCheck.Checks;
using static System.Net.WebUtility;

namespace FactCheck.Output;

/// <summary>report.html: one self-contained page (inline CSS and JS, no network) with evidence side by side, the disputed span
/// highlighted, the fact table and filters by rule and severity. Every piece of article text is HTML-escaped.</summary>
public static class ReportHtml
{
    private const string Css = """
        body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1em 2em;color:#222}
        h1{font-size:1.5em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
        table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
        .finding{border:1px solid #ccc;border-left:6px solid #999;border-radius:4px;margin:1em 0;padding:.6em 1em}
        .finding.high{border-left-color:#c62828}.finding.medium{border-left-color:#ef6c00}.finding.low{border-left-color:#9e9d24}
        .sev{font-weight:bold;text-transform:uppercase;font-size:.8em;padding:.1em .4em;border-radius:3px;color:#fff;background:#999}
        .high .sev{background:#c62828}.medium .sev{background:#ef6c00}.low .sev{background:#9e9d24}
        .rule{font-family:monospace;color:#555}.id{font-family:monospace;color:#888;font-size:.85em}
        .evidence{display:flex;gap:1em;flex-wrap:wrap}.ev{flex:1 1 300px;background:#fafafa;border:1px solid #eee;padding:.5em;border-radius:3px}
        .ev .doc{font-size:.8em;color:#666}mark{background:#ffe082;padding:0 .1em}.ev.disputed mark{background:#ef9a9a}
        .sugg li{margin:.2em 0}.failed{color:#c62828}.filters{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #eee}
        .agree{color:#2e7d32}.disagree{color:#c62828;font-weight:bold}
        """;

    private const string Js = """
        function applyFilters(){var r=document.getElementById('f-rule').value,s=document.getElementById('f-sev').value,n=0;
        document.querySelectorAll('.finding').forEach(function(e){var show=(!r||e.getAttribute('data-rule')===r)&&(!s||e.getAttribute('data-severity')===s);
        e.style.display=show?'':'none';if(show)n++;});document.getElementById('f-count').textContent=n+' shown';}
        document.addEventListener('DOMContentLoaded',function(){document.getElementById('f-rule').onchange=applyFilters;
        document.getElementById('f-sev').onchange=applyFilters;applyFilters();});
        """;

    public static string Render(Report r)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        sb.Append("<title>FactCheck report</title><style>").Append(Css).Append("</style></head><body>\n");
        sb.Append("<h1>FactCheck discrepancy report</h1>\n");
        if (r.Generated is not null) sb.Append("<p>Generated: ").Append(E(r.Generated)).Append("</p>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<p><b>{r.Findings.Count} findings</b>: {r.Count(Severity.High)} high, {r.Count(Severity.Medium)} medium, {r.Count(Severity.Low)} low; ")
          .Append(CultureInfo.InvariantCulture, $"{r.Articles.Count(a => a.Ok)} articles checked, {r.Failed} failed.</p>\n");

        sb.Append("<h2>Articles</h2>\n<table><tr><th>id</th><th>title</th><th>source</th><th>published</th><th>lang</th><th>status</th></tr>\n");
        foreach (var a in r.Articles)
        {
            sb.Append("<tr><td>").Append(E(a.Id)).Append("</td><td>");
            if (a.Url is not null) sb.Append("<a href=\"").Append(E(a.Url)).Append("\">").Append(E(a.Title ?? a.Url)).Append("</a>");
            else sb.Append(E(a.Title));
            sb.Append("</td><td>").Append(E(a.Source)).Append("</td><td>")
              .Append(E(a.Published?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture))).Append("</td><td>").Append(E(a.Lang)).Append("</td><td>");
            if (a.Ok) sb.Append("ok").Append(a.Error is null ? "" : " <small>(" + E(a.Error) + ")</small>");
            else sb.Append("<span class=\"failed\">failed: ").Append(E(a.Error)).Append("</span>");
            sb.Append("</td></tr>\n");
        }
        sb.Append("</table>\n");

        sb.Append("<h2>Findings</h2>\n<div class=\"filters\">Rule <select id=\"f-rule\"><option value=\"\">all</option>");
        foreach (var rule in r.Findings.Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal))
            sb.Append("<option value=\"").Append(E(rule)).Append("\">").Append(E(rule)).Append("</option>");
        sb.Append("</select> Severity <select id=\"f-sev\"><option value=\"\">all</option><option>high</option><option>medium</option><option>low</option></select> ");
        sb.Append("<span id=\"f-count\"></span></div>\n");
        if (r.Findings.Count == 0) sb.Append("<p>No findings.</p>\n");
        foreach (var f in r.Findings) Finding(sb, f);

        sb.Append("<h2>Fact table</h2>\n");
        if (r.Facts.Count == 0) sb.Append("<p>No aligned facts (claim extraction has not run on these articles).</p>\n");
        else
        {
            sb.Append("<table><tr><th>fact</th><th>agreement</th><th>what each source says</th></tr>\n");
            foreach (var row in r.Facts)
            {
                var fact = string.Join(" ", new[] { row.Subject, row.Relation, row.Object, row.Complement }.Where(x => !string.IsNullOrEmpty(x)));
                var cls = row.Agreement switch { Align.Agreement.Agree => "agree", Align.Agreement.Disagree => "disagree", _ => "" };
                sb.Append("<tr><td>").Append(E(fact)).Append("</td><td class=\"").Append(cls).Append("\">").Append(E(row.Agreement.ToString().ToLowerInvariant()))
                  .Append(row.Conflict is null ? "" : " (" + E(row.Conflict) + ")").Append("</td><td>");
                foreach (var c in row.Cells)
                    sb.Append("<div><b>").Append(E(c.Source ?? c.Doc)).Append("</b> ").Append(E(c.Time)).Append(": ").Append(E(c.Sentence)).Append("</div>");
                sb.Append("</td></tr>\n");
            }
            sb.Append("</table>\n");
        }
        sb.Append("<script>").Append(Js).Append("</script>\n</body></html>\n");
        return sb.ToString();
    }

    private static void Finding(StringBuilder sb, Finding f)
    {
        var sev = f.Severity.ToString().ToLowerInvariant();
        sb.Append("<section class=\"finding ").Append(sev).Append("\" data-rule=\"").Append(E(f.Rule)).Append("\" data-severity=\"").Append(sev)
          .Append("\" id=\"").Append(E(f.Id)).Append("\">\n");
        sb.Append("<p><span class=\"sev\">").Append(sev).Append("</span> <span class=\"rule\">").Append(E(f.Rule)).Append("</span> ")
          .Append(E(f.Message)).Append("</p>\n<p class=\"id\">").Append(E(f.Id))
          .Append(CultureInfo.InvariantCulture, $" · score {f.Score:0.00}");
        if (f.Verdict is { } v) sb.Append(" · verdict ").Append(E(v.ToString().ToLowerInvariant()));
        if (f.ReviewNote is not null) sb.Append(" · ").Append(E(f.ReviewNote));
        sb.Append("</p>\n<div class=\"evidence\">\n");
        bool first = true;
        foreach (var e in f.Evidence)
        {
            var sentence = e.Sentence ?? e.Text;
            int s = e.Sentence is null ? 0 : Math.Clamp(e.Start - e.SentenceStart, 0, sentence.Length);
            int t = e.Sentence is null ? sentence.Length : Math.Clamp(e.End - e.SentenceStart, s, sentence.Length);
            sb.Append("<div class=\"ev").Append(first ? " disputed" : "").Append("\"><div class=\"doc\">").Append(E(e.Doc))
              .Append(e.Source is null ? "" : " · " + E(e.Source)).Append(e.Value is null ? "" : " · " + E(e.Value)).Append("</div>")
              .Append(E(sentence[..s])).Append("<mark>").Append(E(sentence[s..t])).Append("</mark>").Append(E(sentence[t..])).Append("</div>\n");
            first = false;
        }
        sb.Append("</div>\n");
        if (f.Suggestions.Count > 0)
        {
            sb.Append("<ol class=\"sugg\">");
            foreach (var g in f.Suggestions)
                sb.Append("<li><b>").Append(E(g.Text)).Append("</b> (").Append(E(g.Value)).Append(CultureInfo.InvariantCulture, $", {g.Score:0.00}): ").Append(E(g.Reason)).Append("</li>");
            sb.Append("</ol>\n");
        }
        sb.Append("</section>\n");
    }

    /// <summary>HTML-escapes text and attribute values (quotes included).</summary>
    private static string E(string? s) => s is null ? "" : HtmlEncode(s);
}
