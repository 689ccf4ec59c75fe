using FactCheck.Claims;
using FactCheck.Lang;
using FactCheck.Model;
using FactCheck.Text;

namespace FactCheck.Tests.Claims;

/// <summary>Runs the examples written beside every relation in every language's relations.json.</summary>
public class RelationExampleTests
{
    public sealed record Case(string Lang, string Relation, RelationExample? Positive, string? Negative)
    {
        public override string ToString() => $"{Lang} {Relation} {(Positive is not null ? "+ " + Positive.Text : "- " + Negative)}";
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var lang in LanguagePack.Available())
            foreach (var (rel, (pos, neg)) in RelationGrammar.Get(lang).Examples)
            {
                foreach (var e in pos) yield return new TestCaseData(new Case(lang, rel, e, null)).SetName(new Case(lang, rel, e, null).ToString());
                foreach (var n in neg) yield return new TestCaseData(new Case(lang, rel, null, n)).SetName(new Case(lang, rel, null, n).ToString());
            }
    }

    private static readonly (string Name, string Kind)[] names =
    [
        ("Google", "organization"), ("Parler", "organization"), ("Amazon", "organization"), ("Apple", "organization"),
        ("Play Store", "product"), ("App Store", "product"), ("Matze", "person"), ("DDos-Guard", "organization"),
        ("DDoS-Guard", "organization"), ("Rusia", "location"),
    ];

    /// <summary>Stands in for the entity extractor in these tests: a handful of known names found by exact text.</summary>
    internal static List<ClaimArgument> KnownNames(string text)
    {
        var list = new List<ClaimArgument>();
        foreach (var (name, kind) in names)
            for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
                list.Add(new ClaimArgument(at, at + name.Length, name, kind) { Canonical = name });
        return list.OrderBy(a => a.Start).ToList();
    }

    internal static IReadOnlyList<ClaimFrame> Build(string text, string lang)
    {
        var article = TestData.Article(text, lang, "2021-01-20");
        var tokens = Tokenizer.Tokenize(text);
        var temporal = new FactCheck.Temporal.TemporalExtractor().Extract(article);
        var quantities = FactCheck.Quantities.QuantityExtractor.Extract(article, tokens, temporal).Select(FactCheck.Checks.ArticleAnalyzer.ToArgument).ToList();
        return new ClaimBuilder(RelationGrammar.Get(lang)).Build(article, tokens, [new TextSpan(0, text.Length)], temporal, KnownNames(text), quantities);
    }

    [TestCaseSource(nameof(Cases))]
    public void Example_holds(Case c)
    {
        var claims = Build(c.Positive?.Text ?? c.Negative!, c.Lang);
        var shown = string.Join("; ", claims.Select(x => $"{x.Relation}:'{x.Predicate}' {x.Subject?.Text}->{x.Object?.Text}"));
        if (c.Positive is { } e)
        {
            var claim = claims.FirstOrDefault(x => x.Relation == c.Relation && x.Predicate == e.Predicate);
            Assert.That(claim, Is.Not.Null, $"no {c.Relation} '{e.Predicate}'; got {shown}");
            if (e.Subject is not null) Assert.That(claim!.Subject?.Text, Is.EqualTo(e.Subject), shown);
            if (e.Object is not null) Assert.That(claim!.Object?.Text, Is.EqualTo(e.Object), shown);
        }
        else
            Assert.That(claims.Where(x => x.Relation == c.Relation), Is.Empty, shown);
    }

    [TestCaseSource(typeof(LanguagePack), nameof(LanguagePack.Available))]
    public void Every_relation_has_positive_and_negative_examples(string lang)
    {
        foreach (var (rel, (pos, neg)) in RelationGrammar.Get(lang).Examples)
            Assert.That(pos.Count > 0 && neg.Count > 0, $"{lang} relation {rel} needs examples and negative examples");
    }

    [Test]
    public void Seed_sentence_google_removed_parler_on_8_january()
    {
        var claims = Build("Google telah menghapus Parler dari Play Store pada Jumat (8/1/2021).", "id");
        var c = claims.Single(x => x.Relation == "remove-from-platform");
        Assert.That(c.Subject?.Text, Is.EqualTo("Google"));
        Assert.That(c.Object?.Text, Is.EqualTo("Parler"));
        Assert.That(c.Complement?.Text, Is.EqualTo("Play Store"));
        Assert.That(c.Time?.Value, Is.EqualTo("2021-01-08"));
    }

    [Test]
    public void Negation_and_modality_are_recorded()
    {
        var c = Build("Kemarin Matze mengatakan layanan Parler tidak akan kembali online hingga sepekan.", "id").Single(x => x.Relation == "back-online");
        Assert.That(c.Negated, Is.True);
        Assert.That(c.Modality, Is.EqualTo("akan"));
        Assert.That(c.Attribution?.Text, Is.EqualTo("Matze"));
    }
}
