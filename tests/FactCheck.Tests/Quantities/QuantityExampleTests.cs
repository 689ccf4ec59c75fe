using System.Globalization;
using FactCheck.Lang;
using FactCheck.Quantities;

namespace FactCheck.Tests.Quantities;

/// <summary>Runs every example written beside the quantity rules and the quantity lexicon classes, in every language.</summary>
public class QuantityExampleTests
{
    public sealed record Case(string Lang, string Owner, RuleExample Example, bool Positive, string? RuleId)
    {
        public override string ToString() => $"{Lang} {Owner} {(Positive ? "+" : "-")} \"{Example.Text}\"";
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var lang in LanguagePack.Available())
        {
            var pack = LanguagePack.Get(lang);
            foreach (var rule in pack.Quantity.Rules)
            {
                foreach (var e in rule.Examples) yield return Data(new Case(lang, rule.Id, e, true, rule.Id));
                foreach (var e in rule.Negative) yield return Data(new Case(lang, rule.Id, e, false, rule.Id));
            }
            foreach (var e in pack.Quantity.Negative) yield return Data(new Case(lang, "quantity.json", e, false, null));
            foreach (var (cls, (pos, neg)) in pack.Lexicon.Examples)
            {
                if (pack.Lexicon.DimensionOf(cls) != "quantity") continue;
                foreach (var e in pos) yield return Data(new Case(lang, "lexicon:" + cls, e, true, null));
                foreach (var e in neg) yield return Data(new Case(lang, "lexicon:" + cls, e, false, null));
            }
        }
    }

    private static TestCaseData Data(Case c) => new TestCaseData(c).SetName(c.ToString());

    internal static string Show(IEnumerable<QuantityMention> ms) =>
        string.Join("; ", ms.Select(m => $"'{m.Text}'={m.Value.ToString(CultureInfo.InvariantCulture)} {m.Unit} {m.Qualifier} ({m.Rule})"));

    [TestCaseSource(nameof(Cases))]
    public void Example_holds(Case c)
    {
        var article = TestData.Article(c.Example.Text, c.Lang, c.Example.Ref ?? "2021-01-20");
        var mentions = new QuantityExtractor().Extract(article);
        var shown = Show(mentions);
        double? value = c.Example.Value is null ? null : double.Parse(c.Example.Value, CultureInfo.InvariantCulture);
        if (c.Positive)
        {
            var expectedText = c.Example.Match ?? c.Example.Text;
            var m = mentions.FirstOrDefault(x => x.Text == expectedText);
            Assert.That(m, Is.Not.Null, $"no mention '{expectedText}' in \"{c.Example.Text}\"; got: {shown}");
            if (value is not null) Assert.That(m!.Value, Is.EqualTo(value.Value).Within(1e-9 * Math.Max(1, Math.Abs(value.Value))), shown);
            if (c.Example.Unit is not null) Assert.That(m!.Unit, Is.EqualTo(c.Example.Unit), shown);
            if (c.Example.Low is { } lo) Assert.That(m!.Low, Is.EqualTo(lo).Within(1e-9 * Math.Max(1, Math.Abs(lo))), "low: " + shown);
            if (c.Example.High is { } hi) Assert.That(m!.High, Is.EqualTo(hi).Within(1e-9 * Math.Max(1, Math.Abs(hi))), "high: " + shown);
            if (c.Example.Mod is not null) Assert.That(m!.Qualifier, Is.EqualTo(c.Example.Mod), shown);
            if (c.Example.Kind is not null) Assert.That(m!.Kind.ToString(), Is.EqualTo(c.Example.Kind).IgnoreCase, shown);
            if (c.RuleId is not null) Assert.That(m!.Rule, Is.EqualTo(c.RuleId), shown);
        }
        else if (value is not null)
            Assert.That(mentions.Where(x => Math.Abs(x.Value - value.Value) <= 1e-9 * Math.Max(1, Math.Abs(value.Value))), Is.Empty,
                $"value {c.Example.Value} must not be produced; got: {shown}");
        else if (c.RuleId is not null)
            Assert.That(mentions.Where(x => x.Rule == c.RuleId), Is.Empty, $"rule must not fire; got: {shown}");
        else
            Assert.That(mentions, Is.Empty, $"nothing should be found; got: {shown}");
    }

    private static readonly string[] requiredClasses = ["mult", "currency", "qual", "numw", "counted"];

    [TestCaseSource(typeof(LanguagePack), nameof(LanguagePack.Available))]
    public void Every_language_has_quantity_rules_of_every_kind(string lang)
    {
        var pack = LanguagePack.Get(lang);
        Assert.That(File.Exists(Path.Combine(pack.Folder, "quantity.json")), $"{lang} has no quantity.json");
        foreach (var kind in Enum.GetValues<QuantityKind>())
            Assert.That(pack.Quantity.Rules.Any(r => r.Kind == kind), $"{lang} has no {kind} rule");
        foreach (var cls in requiredClasses)
            Assert.That(pack.Lexicon.EntriesOf(cls), Is.Not.Empty, $"{lang} lexicon lacks class {cls}");
    }

    [TestCaseSource(typeof(LanguagePack), nameof(LanguagePack.Available))]
    public void Every_quantity_rule_has_positive_and_negative_examples(string lang)
    {
        foreach (var r in LanguagePack.Get(lang).Quantity.Rules)
        {
            Assert.That(r.Examples, Is.Not.Empty, $"{r.Id} has no example");
            Assert.That(r.Negative, Is.Not.Empty, $"{r.Id} has no negative example");
        }
    }
}
