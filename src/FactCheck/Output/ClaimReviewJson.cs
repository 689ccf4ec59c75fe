using System.Globalization;
using FactCheck.Checks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Output;

/// <summary>Who publishes the ClaimReviews and where: settings of the newsroom, not of the articles.</summary>
public sealed record ClaimReviewOptions
{
    /// <summary>The organization that authors the reviews (FACTCHECK_ORG_NAME).</summary>
    public string Organization { get; init; } = "FactCheck newsroom";
    public string? OrganizationUrl { get; init; }
    /// <summary>Where a review is published: the finding id is appended (FACTCHECK_REVIEW_URL, e.g. https://example.org/cek-fakta/).
    /// Without it the url points into report.html.</summary>
    public string? ReviewBaseUrl { get; init; }
    /// <summary>The outlet's own source name (FACTCHECK_OWN_SOURCE): a finding in its own article becomes a correction note.</summary>
    public string? OwnSource { get; init; }
    /// <summary>When the finding was confirmed (the review date); null: no date.</summary>
    public Func<Finding, DateTimeOffset?>? ReviewedAt { get; init; }
    /// <summary>The fix the reviewer chose, when any (else the best suggestion).</summary>
    public Func<Finding, string?>? ChosenFix { get; init; }

    /// <summary>The settings from the environment (FACTCHECK_ORG_NAME, FACTCHECK_ORG_URL, FACTCHECK_REVIEW_URL, FACTCHECK_OWN_SOURCE).</summary>
    public static ClaimReviewOptions FromEnvironment()
    {
        static string? Env(string n) => Environment.GetEnvironmentVariable(n) is { Length: > 0 } v ? v : null;
        return new ClaimReviewOptions
        {
            Organization = Env("FACTCHECK_ORG_NAME") ?? "FactCheck newsroom", OrganizationUrl = SafeText.HttpUrl(Env("FACTCHECK_ORG_URL")),
            ReviewBaseUrl = SafeText.HttpUrl(Env("FACTCHECK_REVIEW_URL")), OwnSource = Env("FACTCHECK_OWN_SOURCE"),
        };
    }
}

/// <summary>
/// schema.org ClaimReview JSON-LD for the findings a reviewer confirmed (Verdict == Confirmed): the review's url, the newsroom as
/// author, the review date, a short claimReviewed (the flagged words and a few around them), a rating with alternateName, the
/// claim's appearance (the article's url, headline, outlet and date) and inLanguage. A confirmed finding in the newsroom's own
/// article is a correction note (NewsArticle with a CorrectionComment) instead. The serialized text escapes &lt; &gt; &amp; so it
/// can be embedded in a &lt;script type="application/ld+json"&gt; element.
/// </summary>
public static class ClaimReviewJson
{
    /// <summary>Longest claimReviewed, in characters.</summary>
    public const int ClaimLength = 110;

    public static JArray ToJson(Report r, ClaimReviewOptions? options = null)
    {
        options ??= new ClaimReviewOptions();
        var byId = r.Articles.Where(a => a.Ok).GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        var list = new JArray();
        foreach (var f in r.Findings.Where(f => f.Verdict == Verdict.Confirmed))
        {
            var e = f.Evidence.Count > 0 ? f.Evidence[0] : null;
            var art = e is not null && byId.TryGetValue(e.Doc, out var a) ? a : null;
            var reviewed = options.ReviewedAt?.Invoke(f);
            var fix = options.ChosenFix?.Invoke(f) ?? (f.Suggestions.Count > 0 ? f.Suggestions[0].Text : null);
            var url = options.ReviewBaseUrl is { } b ? b + Uri.EscapeDataString(f.Id) : "report.html#" + Uri.EscapeDataString(f.Id);
            var articleUrl = SafeText.HttpUrl(art?.Url);
            var lang = art?.Lang;
            bool own = options.OwnSource is { } ownSource && art?.Source is { } src && string.Equals(src.Trim(), ownSource.Trim(), StringComparison.OrdinalIgnoreCase);
            if (own)
            {
                var correction = new JObject { ["@type"] = "CorrectionComment", ["text"] = CorrectionText(f, e, fix) };
                if (reviewed is { } rd) correction["datePublished"] = rd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var article = new JObject { ["@context"] = "https://schema.org", ["@type"] = "NewsArticle", ["identifier"] = f.Id };
                if (articleUrl is not null) article["url"] = articleUrl;
                if (art?.Title is not null) article["headline"] = art.Title;
                if (lang is not null) article["inLanguage"] = lang;
                article["correction"] = correction;
                list.Add(article);
                continue;
            }
            var appearance = new JObject { ["@type"] = "NewsArticle" };
            if (articleUrl is not null) appearance["url"] = articleUrl;
            if (art?.Title is not null) appearance["headline"] = art.Title;
            if (art?.Published is { } p) appearance["datePublished"] = p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (art?.Source is not null) appearance["publisher"] = new JObject { ["@type"] = "Organization", ["name"] = art.Source };
            var item = new JObject { ["@type"] = "Claim", ["appearance"] = appearance };
            if (art?.Source is not null) item["author"] = new JObject { ["@type"] = "Organization", ["name"] = art.Source };
            if (art?.Published is { } p2) item["datePublished"] = p2.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var author = new JObject { ["@type"] = "Organization", ["name"] = options.Organization };
            if (options.OrganizationUrl is not null) author["url"] = options.OrganizationUrl;
            var review = new JObject
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "ClaimReview",
                ["identifier"] = f.Id,
                ["url"] = url,
                ["claimReviewed"] = ShortClaim(e, f.Message),
                ["itemReviewed"] = item,
                ["author"] = author,
                ["reviewRating"] = new JObject
                {
                    ["@type"] = "Rating", ["ratingValue"] = 1, ["bestRating"] = 5, ["worstRating"] = 1,
                    ["alternateName"] = fix is not null && e is not null ? $"Incorrect: \"{e.Text}\" should read \"{fix}\"" : "Incorrect",
                },
                ["reviewBody"] = f.ReviewNote is null ? f.Message : f.Message + " — " + f.ReviewNote,
            };
            if (reviewed is { } when) review["datePublished"] = when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (lang is not null) review["inLanguage"] = lang;
            list.Add(review);
        }
        return list;
    }

    /// <summary>The flagged words with a few words around them from the sentence, at most <see cref="ClaimLength"/> characters.</summary>
    public static string ShortClaim(Evidence? e, string fallback)
    {
        if (e is null) return Clip(fallback, ClaimLength);
        if (e.Sentence is not { } s) return Clip(e.Text, ClaimLength);
        int start = Math.Clamp(e.Start - e.SentenceStart, 0, s.Length), end = Math.Clamp(e.End - e.SentenceStart, start, s.Length);
        if (end - start >= ClaimLength) return Clip(s[start..end], ClaimLength);
        int room = (ClaimLength - (end - start)) / 2;
        int from = Math.Max(0, start - room), to = Math.Min(s.Length, end + room);
        while (from > 0 && from < start && !char.IsWhiteSpace(s[from - 1])) from++;
        while (to < s.Length && to > end && !char.IsWhiteSpace(s[to])) to--;
        var text = s[from..to].Trim();
        return (from > 0 ? "…" : "") + text + (to < s.Length ? "…" : "");
    }

    private static string CorrectionText(Finding f, Evidence? e, string? fix) =>
        fix is not null && e is not null ? $"Correction: \"{e.Text}\" should read \"{fix}\". {f.Message}" : "Correction: " + f.Message;

    private static string Clip(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    /// <summary>The JSON-LD text, safe inside an HTML script element (no raw &lt;/script&gt;).</summary>
    public static string Serialize(Report r, ClaimReviewOptions? options = null) => SafeText.JsonForScript(ToJson(r, options).ToString(Formatting.Indented)) + "\n";
}
