using FactCheck.Lang;
using FactCheck.Temporal;
using FactCheck.Text;
using FactCheck.Text.Patterns;

namespace FactCheck.Tests.Text;

/// <summary>The rule index may drop a rule from a token's candidates only when the rule cannot match there: candidates are
/// found with a memo of each token's lexicon entries and a look at the next token for all rules at once.</summary>
public class RuleCandidateTests
{
    [TestCaseSource(typeof(LanguagePack), nameof(LanguagePack.Available))]
    public void Every_rule_that_matches_at_a_token_is_among_its_candidates(string lang)
    {
        var grammar = LanguagePack.Get(lang).Temporal;
        var texts = grammar.Rules.SelectMany(r => r.Examples.Concat(r.Negative)).Select(e => e.Text).Distinct().ToList();
        var candidates = new List<TemporalRule>();
        int checkedMatches = 0;
        Assert.Multiple(() =>
        {
            foreach (var text in texts)
            {
                var tokens = Tokenizer.Tokenize(text);
                for (int i = 0; i < tokens.Length; i++)
                {
                    grammar.CandidatesAt(text, tokens, i, candidates);
                    foreach (var rule in grammar.Rules)
                    {
                        if (rule.Pattern.MatchAt(text, tokens, i, out _) < 0) continue;
                        checkedMatches++;
                        Assert.That(candidates, Does.Contain(rule), $"{rule.Id} matches at token {i} of \"{text}\" but is no candidate");
                    }
                }
            }
        });
        Assert.That(checkedMatches, Is.GreaterThan(texts.Count / 2), "the examples should exercise the rules");
    }

    [TestCaseSource(typeof(LanguagePack), nameof(LanguagePack.Available))]
    public void The_required_token_reject_changes_no_temporal_match(string lang)
    {
        var g = LanguagePack.Get(lang).Temporal;
        SameMatchesWithoutTheReject(g.Rules, g.Lexicon, g.Rules.SelectMany(r => r.Examples.Concat(r.Negative)).Select(e => e.Text));
    }

    [TestCaseSource(typeof(LanguagePack), nameof(LanguagePack.Available))]
    public void The_required_token_reject_changes_no_quantity_match(string lang)
    {
        var pack = LanguagePack.Get(lang);
        var g = pack.Quantity;
        // the temporal examples too: dates and times among numbers
        SameMatchesWithoutTheReject(g.Rules, g.Lexicon, g.Rules.SelectMany(r => r.Examples.Concat(r.Negative)).Concat(g.Negative)
            .Concat(pack.Temporal.Rules.SelectMany(r => r.Examples)).Select(e => e.Text));
    }

    /// <summary>A rule set's patterns skip their program where a token they need is out of reach; the same pattern compiled on
    /// its own (in no rule set, so without the reject) must find the same end and bindings at every token.</summary>
    private static void SameMatchesWithoutTheReject<TRule>(IReadOnlyList<TRule> rules, Lexicon lexicon, IEnumerable<string> examples)
        where TRule : IPatternRule
    {
        var texts = examples.Distinct().ToList();
        // the examples joined: matches that would run on into the next example, or across a paragraph break
        texts.Add(string.Join(" ", texts));
        texts.Add(string.Join("\n\n", texts.Take(texts.Count - 1)));
        var plain = rules.Select(r => TokenPattern.Parse(r.Pattern.Source, lexicon)).ToList();
        int matches = 0;
        Assert.Multiple(() =>
        {
            foreach (var text in texts)
            {
                var tokens = Tokenizer.Tokenize(text);
                for (int i = 0; i < tokens.Length; i++)
                    for (int r = 0; r < rules.Count; r++)
                    {
                        int end = rules[r].Pattern.MatchAt(text, tokens, i, out var b);
                        int want = plain[r].MatchAt(text, tokens, i, out var wb);
                        if (want >= 0) matches++;
                        if (end == want && Describe(b) == Describe(wb)) continue;
                        Assert.Fail($"{rules[r].Id} at token {i} of \"{text[..Math.Min(text.Length, 80)]}\": {end} {Describe(b)}, without the reject {want} {Describe(wb)}");
                    }
            }
        });
        Assert.That(matches, Is.GreaterThan(texts.Count), "the examples should exercise the rules");
    }

    private static string Describe(Binding? b)
    {
        var parts = new List<string>();
        for (; b is not null; b = b.Next) parts.Add($"{b.Class}@{b.Token}-{b.End}:{b.Entry?.Form}");
        return string.Join(" ", parts);
    }

    [Test]
    public void The_token_memo_follows_the_document_being_matched()
    {
        var lexicon = LanguagePack.Get("en").Lexicon;
        const string a = "Friday and March", b = "Monday and 2021";
        var ta = Tokenizer.Tokenize(a);
        var tb = Tokenizer.Tokenize(b);
        Assert.That(lexicon.TryGetAt("weekday", a, ta, 0, out var fri) && fri.Number == 5);
        Assert.That(lexicon.TryGetAt("weekday", b, tb, 0, out var mon) && mon.Number == 1, "another document: its own words");
        Assert.That(lexicon.TryGetAt("month", a, ta, 2, out var mar) && mar.Number == 3, "back to the first document");
        Assert.That(lexicon.TryGetAt("month", b, tb, 2, out _), Is.False);
    }
}
