using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FactCheck.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Readers;

/// <summary>Reads an HTML news page: title, publication date from meta/JSON-LD/&lt;time&gt;, and the body text as paragraphs separated by blank lines.</summary>
public sealed class HtmlArticleReader : IArticleFormatReader
{
    private static readonly string[] dropped = ["script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe", "svg", "template", "button"];
    private static readonly string[] dateMetas =
    [
        "meta[property='article:published_time']", "meta[property='og:published_time']", "meta[name='article:published_time']",
        "meta[itemprop='datePublished']", "meta[name='pubdate']", "meta[name='publishdate']", "meta[name='publish-date']",
        "meta[name='date']", "meta[name='dc.date']", "meta[name='DC.date.issued']",
    ];

    public IReadOnlyList<string> Extensions { get; } = [".html", ".htm"];

    public ReadResult Read(string text, string path)
    {
        var origin = new Origin(path);
        if (string.IsNullOrWhiteSpace(text)) return ReadResult.Failed(Diagnostic.Error(origin, "empty file"));
        var parser = new HtmlParser();
        var doc = parser.ParseDocument(text);
        var diags = new List<Diagnostic>();

        var title = Meta(doc, "meta[property='og:title']") ?? Clean(doc.Title) ?? Clean(doc.QuerySelector("h1")?.TextContent);
        var published = PublishedDate(doc, origin, diags);
        var lang = doc.DocumentElement.GetAttribute("lang");
        var url = Meta(doc, "meta[property='og:url']") ?? doc.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
        var source = Meta(doc, "meta[property='og:site_name']");

        foreach (var tag in dropped)
            foreach (var el in doc.QuerySelectorAll(tag).ToList()) el.Remove();

        var body = BodyText(doc);
        if (body.Length == 0) return ReadResult.Failed(Diagnostic.Error(origin, "no article text found in the HTML"));
        if (published is null) diags.Add(Diagnostic.Warning(origin, "no publication date found (meta, JSON-LD or <time>)"));

        var article = new Article
        {
            Id = Path.GetFileNameWithoutExtension(path),
            Text = body,
            Title = title,
            Published = published,
            Source = source,
            Url = url,
            Origin = origin,
        };
        return new ReadResult([ArticleFinisher.Finish(article, lang)], diags);
    }

    private static DateTimeOffset? PublishedDate(IDocument doc, Origin origin, List<Diagnostic> diags)
    {
        foreach (var sel in dateMetas)
            if (Meta(doc, sel) is { } v && TryDate(v, out var d)) return d;
        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var reader = new JsonTextReader(new StringReader(script.TextContent)) { DateParseHandling = DateParseHandling.None };
                var token = JToken.ReadFrom(reader);
                foreach (var dp in token.SelectTokens("$..datePublished"))
                    if (dp.Type == JTokenType.String && TryDate(dp.Value<string>()!, out var d)) return d;
            }
            catch (JsonException e) { diags.Add(Diagnostic.Warning(origin, $"unreadable JSON-LD block: {e.Message}")); }
        }
        foreach (var time in doc.QuerySelectorAll("time[datetime]"))
            if (TryDate(time.GetAttribute("datetime")!, out var d)) return d;
        return null;
    }

    private static bool TryDate(string s, out DateTimeOffset d) =>
        IsoDate.TryParse(s, out d) || DatelineParser.TryParse(s, out d, allowLeadingWords: true);

    /// <summary>Paragraphs of the &lt;article&gt; element, else of the element holding the most &lt;p&gt; text, else all body text.</summary>
    private static string BodyText(IDocument doc)
    {
        IEnumerable<IElement> paragraphs = [];
        var article = doc.QuerySelectorAll("article").OrderByDescending(a => a.TextContent.Length).FirstOrDefault();
        if (article is not null) paragraphs = Blocks(article);
        if (!paragraphs.Any())
        {
            var best = doc.QuerySelectorAll("p")
                .Where(p => p.ParentElement is not null)
                .GroupBy(p => p.ParentElement!)
                .Select(g => (Parent: g.Key, Length: g.Sum(p => p.TextContent.Length)))
                .OrderByDescending(g => g.Length)
                .FirstOrDefault();
            if (best.Parent is not null) paragraphs = Blocks(best.Parent);
        }
        var sb = new StringBuilder();
        foreach (var p in paragraphs)
        {
            var t = Clean(p.TextContent);
            if (t is null) continue;
            if (sb.Length > 0) sb.Append("\n\n");
            sb.Append(t);
        }
        if (sb.Length == 0 && (article ?? doc.Body) is { } fallback)
            foreach (var line in fallback.TextContent.Split('\n'))
                if (Clean(line) is { } t) { if (sb.Length > 0) sb.Append("\n\n"); sb.Append(t); }
        return sb.ToString();
    }

    private static IEnumerable<IElement> Blocks(IElement root) =>
        root.QuerySelectorAll("p, h2, h3, h4, li, blockquote, figcaption")
            .Where(e => !InsideBlock(e, root))
            .Where(e => e.LocalName != "blockquote" || e.QuerySelector("p") is null)
            .ToList();

    private static bool InsideBlock(IElement e, IElement root)
    {
        for (var a = e.ParentElement; a is not null && a != root; a = a.ParentElement)
            if (a.LocalName is "p" or "li" or "figcaption" || a.LocalName == "blockquote" && e.LocalName != "p") return true;
        return false;
    }

    private static string? Meta(IDocument doc, string selector) => Clean(doc.QuerySelector(selector)?.GetAttribute("content"));

    /// <summary>Whitespace runs become one space; empty becomes null.</summary>
    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
