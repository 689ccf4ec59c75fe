using FactCheck.Boilerplate;

namespace FactCheck.Tests.Boilerplate;

public class BoilerplateRuleTests
{
    private static IEnumerable<TestCaseData> Positives() =>
        BoilerplateDetector.Default.Rules.SelectMany(r => r.Examples.Select(e =>
            new TestCaseData(r.Id, e.Text, e.Match).SetName($"{r.Id} matches \"{Short(e.Text)}\"")));

    private static IEnumerable<TestCaseData> Negatives() =>
        BoilerplateDetector.Default.Rules.SelectMany(r => r.Negative.Select(e =>
            new TestCaseData(r.Id, e.Text).SetName($"{r.Id} ignores \"{Short(e.Text)}\"")));

    private static string Short(string s) => s.Length > 40 ? s[..40] + "..." : s;
    private static BoilerplateRule Rule(string id) => BoilerplateDetector.Default.Rules.Single(r => r.Id == id);

    [TestCaseSource(nameof(Positives))]
    public void Example_Matches(string id, string text, string? match)
    {
        var rule = Rule(id);
        var span = rule.Find(text, 0, text.Length);
        Assert.That(span, Is.Not.Null);
        var expected = match ?? (rule.Scope == BoilerplateScope.Line ? text.Trim() : null);
        if (expected is not null) Assert.That(text[span!.Value.Start..span.Value.End], Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Negatives))]
    public void Negative_DoesNotMatch(string id, string text) =>
        Assert.That(Rule(id).Find(text, 0, text.Length), Is.Null);

    [Test]
    public void EveryRule_HasIdPositiveAndNegativeExamples()
    {
        Assert.That(BoilerplateDetector.Default.Rules, Is.Not.Empty);
        foreach (var r in BoilerplateDetector.Default.Rules)
        {
            Assert.That(r.Id, Does.Match(@"^bp\.[a-z0-9.-]+$"));
            Assert.That(r.Examples, Is.Not.Empty, r.Id);
            Assert.That(r.Negative, Is.Not.Empty, r.Id);
            Assert.That(r.Pattern.MatchTimeout, Is.EqualTo(BoilerplateDetector.MatchTimeout), r.Id);
        }
    }

    [Test]
    public void Detect_MarksWholeLinesAndOnlyPrefixes()
    {
        const string text = "SEPUTARTANGSEL.COM - Parler kembali online.\n\nBaca Juga: Banjir di Jember\n\nParler dimiliki perusahaan Rusia.";
        var spans = BoilerplateDetector.Default.Detect(text).Select(s => text[s.Start..s.End]);
        Assert.That(spans, Is.EqualTo(new[] { "SEPUTARTANGSEL.COM - ", "Baca Juga: Banjir di Jember" }));
    }

    /// <summary>The regexes generated at build time find what the regexes built from the rules' text do: on every example,
    /// negative and line of the sample articles and of the id_news articles when ../shared is there.</summary>
    [Test]
    public void Generated_regexes_find_the_same_spans()
    {
        var generated = BoilerplateDetector.Default;
        var built = new BoilerplateDetector(generated.Rules.Select(r => r with { Pattern = BoilerplateDetector.Compile(r.Pattern.ToString(), generated: false) }).ToList());
        Assert.That(built.Rules.Select(r => r.Pattern.GetType()), Has.All.EqualTo(typeof(System.Text.RegularExpressions.Regex)));
        var texts = generated.Rules.SelectMany(r => r.Examples.Concat(r.Negative)).Select(e => e.Text)
            .Concat(Directory.GetFiles(Readers.SeedFiles.Parler).Select(File.ReadAllText)).ToList();
        if (TestData.EvalDir is { } eval && File.Exists(Path.Combine(eval, "id_news", "id_news_articles.jsonl")))
            texts.AddRange(File.ReadLines(Path.Combine(eval, "id_news", "id_news_articles.jsonl")).Take(400)
                .Select(l => Newtonsoft.Json.Linq.JObject.Parse(l).Value<string>("text") ?? ""));
        foreach (var t in texts) Assert.That(generated.Detect(t), Is.EqualTo(built.Detect(t)), Short(t));
    }

    /// <summary>A rule edited since scripts/gen-boilerplate-regexes.py last ran still works (its regex is built at load time),
    /// only slower: a warning says to run the script.</summary>
    [Test]
    public void Every_rule_has_a_generated_regex()
    {
        var stale = BoilerplateDetector.Default.Rules.Where(r => r.Pattern.GetType() == typeof(System.Text.RegularExpressions.Regex)).Select(r => r.Id).ToList();
        if (stale.Count > 0) Assert.Warn($"no generated regex for {string.Join(", ", stale)}: run scripts/gen-boilerplate-regexes.py");
    }

    [TestCase(@"^(?:.{0,250}?[\s./(|]|)(?:Foto|Photo)\s*:\s*(?:[^.!?\n]|\.(?!\s)){1,80}$", ':')]
    [TestCase(@"^\[Gambas:[^\]]*\]$", ':')]
    [TestCase(@"^(?i:tags?|topik)\s*:\s*[^.!?]{1,200}$", ':')]
    [TestCase(@"^\([a-z]{2,5}(?:/[a-z]{2,5}){0,3}\)$", '\0')]    // the comma of {2,5} is no literal
    [TestCase(@"^Editor\s*:?\s*[\p{Lu}][^.!?]{0,80}\.?$", '\0')]  // an optional colon
    [TestCase(@"^a:b|c$", '\0')]                                   // alternatives at the top level
    [TestCase(@"^(?:a:b)x$", '\0')]                                // only inside a group
    [TestCase(@"^a,*b$", '\0')]
    [TestCase(@"^a,{0,3}b$", '\0')]
    [TestCase(@"^a,{1,3}b$", ',')]
    [TestCase(@"^a,+b$", ',')]
    [TestCase(@"^[:,]x$", '\0')]                                   // a class
    [TestCase(@"^(?<n>a)\k<n>$", '\0')]
    [TestCase(@"(?x) a # : comment", '\0')]
    public void RequiredChar_names_only_a_character_every_match_has(string pattern, char expected) =>
        Assert.That(BoilerplateRule.RequiredChar(pattern), Is.EqualTo(expected));

    [Test]
    public void Every_rule_finds_the_same_with_or_without_its_required_character_check()
    {
        // each rule's examples and negatives, and every line of the seed articles, through Find and through the bare regex
        var lines = Directory.GetFiles(Path.GetDirectoryName(Readers.SeedFiles.Seed003)!).SelectMany(File.ReadLines).ToList();
        foreach (var r in BoilerplateDetector.Default.Rules)
            foreach (var line in lines.Concat(r.Examples.Select(e => e.Text)).Concat(r.Negative.Select(e => e.Text)))
            {
                var t = line.Trim();
                if (t.Length == 0 || t.Length > r.MaxLineLength) continue;
                bool regex = r.Scope == BoilerplateScope.Line ? r.Pattern.IsMatch(t) : r.Pattern.Match(t) is { Success: true, Index: 0, Length: > 0 };
                Assert.That(r.Find(t, 0, t.Length) is not null, Is.EqualTo(regex), $"{r.Id}: \"{t}\"");
            }
    }

    [Test]
    public void Detect_IsFast()
    {
        var text = string.Concat(Enumerable.Repeat(File.ReadAllText(Readers.SeedFiles.Seed003) + "\n\n", 200));
        BoilerplateDetector.Default.Detect(text);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var n = BoilerplateDetector.Default.Detect(text).Count;
        sw.Stop();
        var mbPerSec = text.Length / 1e6 / sw.Elapsed.TotalSeconds;
        TestContext.Out.WriteLine($"{text.Length / 1e6:F2} M chars, {n} spans, {sw.Elapsed.TotalMilliseconds:F1} ms, {mbPerSec:F1} M chars/s");
        Assert.That(mbPerSec, Is.GreaterThan(1.0));
    }
}
