using FactCheck.Lang;

namespace FactCheck.Tests.Readers;

public class LanguageDetectorTests
{
    [Test]
    public void Seeds_AreIndonesian()
    {
        foreach (var p in new[] { SeedFiles.Seed000, SeedFiles.Seed003 })
            Assert.That(LanguageDetector.Default.Detect(File.ReadAllText(p)).Lang, Is.EqualTo("id"), p);
    }

    [Test]
    public void EnglishParagraph_IsEnglish()
    {
        var g = LanguageDetector.Default.Detect(
            "Parler, a social media app that is popular with supporters of President Trump, was back online on Monday after it was " +
            "dropped by Amazon. The company said that it had found a new host in Russia and that the service would return in full.");
        Assert.That(g.Lang, Is.EqualTo("en"));
        Assert.That(g.Confidence, Is.GreaterThan(0.8));
    }

    [Test]
    public void NoStopwords_DefaultsToFirstLanguageWithZeroConfidence()
    {
        var g = LanguageDetector.Default.Detect("12345 !!!");
        Assert.That((g.Lang, g.Confidence), Is.EqualTo(("id", 0.0)));
    }
}
