using FactCheck.Lang;
using FactCheck.Temporal;

namespace FactCheck.Tests.Temporal;

/// <summary>Runs every example written beside the temporal rules and lexicon entries, in every language.</summary>
public class RuleExampleTests
{
    public sealed record Case(string Lang, string Owner, RuleExample Example, bool Positive, string? RuleId, bool Ignore = false)
    {
        public override string ToString() => $"{Lang} {Owner} {(Positive ? "+" : "-")} \"{Example.Text}\"";
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var lang in LanguagePack.Available())
        {
            var pack = LanguagePack.Get(lang);
            foreach (var rule in pack.Temporal.Rules)
            {
                foreach (var e in rule.Examples) yield return Data(new Case(lang, rule.Id, e, true, rule.Id, rule.Ignore));
                foreach (var e in rule.Negative) yield return Data(new Case(lang, rule.Id, e, false, rule.Id, rule.Ignore));
            }
            foreach (var (cls, (pos, neg)) in pack.Lexicon.Examples)
            {
                if (pack.Lexicon.DimensionOf(cls) != "temporal") continue; // run by that dimension's tests
                foreach (var e in pos) yield return Data(new Case(lang, "lexicon:" + cls, e, true, null));
                foreach (var e in neg) yield return Data(new Case(lang, "lexicon:" + cls, e, false, null));
            }
        }
    }

    private static TestCaseData Data(Case c) => new TestCaseData(c).SetName(c.ToString());

    [TestCaseSource(nameof(Cases))]
    public void Example_holds(Case c)
    {
        var article = TestData.Article(c.Example.Text, c.Lang, c.Example.Ref ?? "2021-01-20");
        var mentions = new TemporalExtractor().Extract(article);
        var shown = string.Join("; ", mentions.Select(m => $"'{m.Text}'={m.Value} ({m.Rule})"));
        if (c.Ignore)
        {
            // an ignore rule's examples are text that must yield no mention; its negatives are text that other rules still read
            var covered = c.Example.Match ?? c.Example.Text;
            if (c.Positive) Assert.That(mentions.Where(x => covered.Contains(x.Text)), Is.Empty, $"nothing should be found in \"{covered}\"; got: {shown}");
            else Assert.That(mentions, Is.Not.Empty, $"other rules should still find something in \"{c.Example.Text}\"");
            return;
        }
        if (c.Positive)
        {
            var expectedText = c.Example.Match ?? c.Example.Text;
            var m = mentions.FirstOrDefault(x => x.Text == expectedText);
            Assert.That(m, Is.Not.Null, $"no mention '{expectedText}' in \"{c.Example.Text}\"; got: {shown}");
            if (c.Example.Value is not null) Assert.That(m!.Value, Is.EqualTo(c.Example.Value), shown);
            if (c.Example.Mod is not null) Assert.That(m!.Mod, Is.EqualTo(c.Example.Mod), shown);
            if (c.Example.Kind is not null) Assert.That(m!.Kind.ToString(), Is.EqualTo(c.Example.Kind).IgnoreCase, shown);
            if (c.RuleId is not null) Assert.That(m!.Rule, Is.EqualTo(c.RuleId), shown);
        }
        else if (c.Example.Value is not null)
            Assert.That(mentions.Where(x => x.Value == c.Example.Value), Is.Empty, $"value {c.Example.Value} must not be produced; got: {shown}");
        else if (c.RuleId is not null)
            Assert.That(mentions.Where(x => x.Rule == c.RuleId), Is.Empty, $"rule must not fire; got: {shown}");
        else
            Assert.That(mentions, Is.Empty, $"nothing should be found; got: {shown}");
    }

    private static readonly string[] requiredClasses = ["month", "weekday", "unit", "num", "dir", "tod", "tz", "mod", "every"];

    [TestCaseSource(typeof(LanguagePack), nameof(LanguagePack.Available))]
    public void Every_language_has_every_dimension(string lang)
    {
        var pack = LanguagePack.Get(lang);
        foreach (var cls in requiredClasses)
            Assert.That(pack.Lexicon.EntriesOf(cls), Is.Not.Empty, $"{lang} lexicon lacks class {cls}");
        foreach (var kind in Enum.GetValues<TemporalKind>())
            Assert.That(pack.Temporal.Rules.Any(r => r.Kind == kind), $"{lang} has no {kind} rule");
    }

    [TestCaseSource(typeof(LanguagePack), nameof(LanguagePack.Available))]
    public void Every_rule_and_class_has_positive_and_negative_examples(string lang)
    {
        var pack = LanguagePack.Get(lang);
        foreach (var r in pack.Temporal.Rules)
        {
            Assert.That(r.Examples, Is.Not.Empty, $"{r.Id} has no example");
            Assert.That(r.Negative, Is.Not.Empty, $"{r.Id} has no negative example");
        }
        foreach (var (cls, (pos, neg)) in pack.Lexicon.Examples)
            Assert.That(pos.Count > 0 && neg.Count > 0, $"{lang} lexicon class {cls} needs positive and negative examples");
    }
}
