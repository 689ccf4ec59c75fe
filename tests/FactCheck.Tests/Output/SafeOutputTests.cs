using FactCheck.Checks;
using FactCheck.Output;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Output;

public class SafeOutputTests
{
    private static Finding Hostile(Verdict? verdict = Verdict.Confirmed) => new()
    {
        Id = "weekday-date-0123456789ab", Rule = "weekday-date", Severity = Severity.High, Score = 0.9,
        Message = "Minggu is not the weekday of 10/1/2020 </script><script>alert(1)</script>",
        Evidence = [new Evidence("a1", 20, 44, "Minggu malam (10/1/2020)")
        {
            Sentence = "Lihat [x](javascript:alert(1)) ![p](http://evil.example/p.png) pada Minggu malam (10/1/2020) </script><img src=x onerror=alert(1)>\u001b[31mred",
            SentenceStart = -48, Value = "2020-01-10", Source = "detik",
        }],
        Suggestions = [new Suggestion("2021-01-10", "Minggu malam (10/1/2021)", "weekday fits", 0.8)],
        Verdict = verdict,
    };

    private static Report R(string? url = "javascript:alert(document.cookie)", string? source = "detik") => new("2021-01-11T09:24:00+07:00",
        [new ReportArticle("a1", true) { Title = "Parler <b>tumbang</b>", Url = url, Source = source, Lang = "id", Published = new DateTimeOffset(2021, 1, 11, 9, 24, 0, TimeSpan.FromHours(7)) }],
        [Hostile()], []);

    [Test]
    public void JavascriptUrlIsNotALinkInReportHtml()
    {
        var html = ReportHtml.Render(R());
        Assert.That(html, Does.Not.Contain("href=\"javascript"));
        Assert.That(html, Does.Not.Contain("javascript:alert(document.cookie)\""));
        Assert.That(html, Does.Contain("Parler &lt;b&gt;tumbang&lt;/b&gt;"));
        Assert.That(html, Does.Not.Contain("<script>alert"));
        Assert.That(html, Does.Not.Contain("<img src=x"));
        Assert.That(html, Does.Contain("Content-Security-Policy"));
        var ok = ReportHtml.Render(R("https://news.example/parler?a=1&b=2"));
        Assert.That(ok, Does.Contain("<a href=\"https://news.example/parler?a=1&amp;b=2\""));
    }

    [TestCase("javascript:alert(1)")]
    [TestCase(" JaVaScRiPt:alert(1)")]
    [TestCase("data:text/html,<script>alert(1)</script>")]
    [TestCase("vbscript:msgbox(1)")]
    [TestCase("//evil.example/x")]
    [TestCase("http://exa mple.com/")]
    public void OnlyHttpUrlsBecomeLinks(string url)
    {
        Assert.That(SafeText.HttpUrl(url), Is.Null);
        Assert.That(SafeText.Link(url, "x"), Does.Not.Contain("<a"));
    }

    [Test]
    public void ClaimReviewJsonLdEscapesScriptEndTags()
    {
        var text = ClaimReviewJson.Serialize(R("https://news.example/parler"));
        Assert.That(text, Does.Not.Contain("</script"));
        Assert.That(text, Does.Not.Contain("<"));
        Assert.That(text, Does.Contain("\\u003c/script\\u003e"));
        var parsed = JArray.Parse(text);
        Assert.That(parsed[0]!.Value<string>("reviewBody"), Does.Contain("</script><script>alert(1)</script>"), "the escape is JSON, so the text is unchanged");
    }

    [Test]
    public void MarkdownKeepsNoLinksImagesOrHtmlFromArticleText()
    {
        var md = ReportMarkdown.Render(R());
        Assert.That(md, Does.Not.Contain("[x](javascript"));
        Assert.That(md, Does.Not.Contain("![p](http"));
        Assert.That(md, Does.Not.Contain("<img"));
        Assert.That(md, Does.Not.Contain("</script>"));
        Assert.That(md, Does.Contain("\\[x\\]\\(javascript:alert\\(1\\)\\)"));
    }

    [Test]
    public void TerminalTextHasNoControlSequences()
    {
        var t = SafeText.Terminal("a\u001b[31mred\u001b]0;title\u0007 b\u0008c\u202Ed\nnext");
        Assert.That(t.Any(c => c == '\u001b' || c == '\u0007' || c == '\u0008' || c == '\u202E'), Is.False);
        Assert.That(t, Does.StartWith("ared title".Replace(" title", "")));
        Assert.That(t, Does.Contain("\nnext"));
    }

    [Test]
    public void ClaimReviewCarriesUrlAuthorDateShortClaimAndTheArticle()
    {
        var reviewed = new DateTimeOffset(2021, 1, 14, 10, 0, 0, TimeSpan.FromHours(7));
        var options = new ClaimReviewOptions
        {
            Organization = "Cek Fakta Redaksi", OrganizationUrl = "https://cekfakta.example/", ReviewBaseUrl = "https://cekfakta.example/review/",
            ReviewedAt = _ => reviewed,
        };
        var o = (JObject)ClaimReviewJson.ToJson(R("https://news.example/parler"), options)[0];
        Assert.That(o.Value<string>("url"), Is.EqualTo("https://cekfakta.example/review/weekday-date-0123456789ab"));
        Assert.That(o["author"]!.Value<string>("name"), Is.EqualTo("Cek Fakta Redaksi"));
        Assert.That(o.Value<string>("datePublished"), Is.EqualTo("2021-01-14"), "dated by the review, not by the article");
        Assert.That(o.Value<string>("claimReviewed")!.Length, Is.LessThanOrEqualTo(ClaimReviewJson.ClaimLength + 2));
        Assert.That(o.Value<string>("claimReviewed"), Does.Contain("Minggu malam (10/1/2020)"));
        Assert.That(o["reviewRating"]!.Value<string>("alternateName"), Does.Contain("Minggu malam (10/1/2021)"));
        var item = o["itemReviewed"]!;
        Assert.That(item["appearance"]!.Value<string>("url"), Is.EqualTo("https://news.example/parler"));
        Assert.That(item["author"]!.Value<string>("name"), Is.EqualTo("detik"));
        Assert.That(item.Value<string>("datePublished"), Is.EqualTo("2021-01-11"));
        Assert.That(o.Value<string>("inLanguage"), Is.EqualTo("id"));

        var js = (JObject)ClaimReviewJson.ToJson(R("javascript:alert(1)"), options)[0];
        Assert.That(js["itemReviewed"]!["appearance"]!["url"], Is.Null, "a javascript: url is not an appearance");
    }

    [Test]
    public void AFindingInOurOwnArticleIsACorrection()
    {
        var o = (JObject)ClaimReviewJson.ToJson(R("https://news.example/parler"), new ClaimReviewOptions { OwnSource = "Detik" })[0];
        Assert.That(o.Value<string>("@type"), Is.EqualTo("NewsArticle"));
        Assert.That(o["correction"]!.Value<string>("@type"), Is.EqualTo("CorrectionComment"));
        Assert.That(o["correction"]!.Value<string>("text"), Does.Contain("should read \"Minggu malam (10/1/2021)\""));
    }

    [Test]
    public void StaticReportAndReviewPageShareTheFindingTemplate()
    {
        var f = Hostile();
        var review = new FindingReview([new ReviewLine("ana", "confirmed", DateTimeOffset.UnixEpoch, "ok", "x"), new ReviewLine("budi", "dismissed", DateTimeOffset.UnixEpoch, null, null)], true);
        var fragment = ReportHtml.RenderFinding(f, review);
        Assert.That(ReportHtml.Render(R() with { Findings = [f] }, _ => review), Does.Contain(fragment));
        Assert.That(fragment, Does.Contain("Reviewers disagree"));
        Assert.That(fragment, Does.Contain("class=\"verdict confirmed\""));
    }
}
