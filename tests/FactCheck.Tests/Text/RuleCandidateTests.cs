using FactCheck.Lang;
using FactCheck.Temporal;
using FactCheck.Text;

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
