using System.Globalization;
using FactCheck.Checks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Output;

/// <summary>schema.org ClaimReview JSON-LD for the findings a reviewer confirmed (Verdict == Confirmed).</summary>
public static class ClaimReviewJson
{
    public static JArray ToJson(Report r, string author = "FactCheck")
    {
        var byId = r.Articles.Where(a => a.Ok).GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        var list = new JArray();
        foreach (var f in r.Findings.Where(f => f.Verdict == Verdict.Confirmed))
        {
            var e = f.Evidence.Count > 0 ? f.Evidence[0] : null;
            var art = e is not null && byId.TryGetValue(e.Doc, out var a) ? a : null;
            var appearance = new JObject { ["@type"] = "NewsArticle" };
            if (art?.Url is not null) appearance["url"] = art.Url;
            if (art?.Title is not null) appearance["headline"] = art.Title;
            if (art?.Published is { } p) appearance["datePublished"] = p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (art?.Source is not null) appearance["publisher"] = new JObject { ["@type"] = "Organization", ["name"] = art.Source };
            var review = new JObject
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "ClaimReview",
                ["identifier"] = f.Id,
                ["claimReviewed"] = e?.Sentence ?? e?.Text ?? f.Message,
                ["itemReviewed"] = new JObject
                {
                    ["@type"] = "Claim",
                    ["appearance"] = appearance,
                },
                ["author"] = new JObject { ["@type"] = "Organization", ["name"] = author },
                ["reviewRating"] = new JObject
                {
                    ["@type"] = "Rating", ["ratingValue"] = 1, ["bestRating"] = 5, ["worstRating"] = 1,
                    ["alternateName"] = f.Suggestions.Count > 0 ? $"Incorrect: {e?.Text} should read {f.Suggestions[0].Text}" : "Incorrect",
                },
                ["reviewBody"] = f.ReviewNote is null ? f.Message : f.Message + " — " + f.ReviewNote,
            };
            if (r.Generated is { Length: >= 10 } g) review["datePublished"] = g[..10];
            if (art?.Url is not null) review["url"] = art.Url;
            list.Add(review);
        }
        return list;
    }

    public static string Serialize(Report r) => ToJson(r).ToString(Formatting.Indented) + "\n";
}
