using FactCheck.Evaluation;

namespace FactCheck.Tests.Evaluation;

public class TimexScorerTests
{
    private static TimexItem T(int start, int end, string value, string type = "DATE", string doc = "d1") =>
        new(doc, start, end, type, value);

    [Test]
    public void ExactMatchWithRightValueScoresOneEverywhere()
    {
        var gold = new[] { T(0, 6, "1998-08-07"), T(10, 20, "P1W", "DURATION") };
        var pred = new[] { T(10, 20, "P1W", "DURATION"), T(0, 6, "1998-08-07") };

        var s = TimexScorer.Score(gold, pred).Overall;

        Assert.That(s.Strict, Is.EqualTo(new PrfScore(2, 2, 2)));
        Assert.That(s.Relaxed, Is.EqualTo(new PrfScore(2, 2, 2)));
        Assert.That(s.Value, Is.EqualTo(new PrfScore(2, 2, 2)));
        Assert.That(s.Strict.F1, Is.EqualTo(1.0));
        Assert.That(s.Value.F1, Is.EqualTo(1.0));
        Assert.That(s.ValueAccuracy, Is.EqualTo(1.0));
        Assert.That(s.TypeAccuracy, Is.EqualTo(1.0));
    }

    [Test]
    public void PartialOverlapIsRelaxedButNotStrict()
    {
        // gold "Sunday morning" [0,14), system "Sunday" [0,6): the TE-3 README's own example
        var gold = new[] { T(0, 14, "1998-08-09TMO", "TIME") };
        var pred = new[] { T(0, 6, "1998-08-09") };

        var e = TimexScorer.Score(gold, pred);
        var s = e.Overall;

        Assert.That(s.Strict.Correct, Is.EqualTo(0));
        Assert.That(s.Strict.F1, Is.EqualTo(0.0));
        Assert.That(s.Relaxed.Correct, Is.EqualTo(1));
        Assert.That(s.Relaxed.F1, Is.EqualTo(1.0));
        Assert.That(s.Value.Correct, Is.EqualTo(0));
        Assert.That(s.Type.Correct, Is.EqualTo(0));
        Assert.That(e.Errors.Select(x => x.Kind),
            Is.EquivalentTo(new[] { TimexErrorKind.WrongValue, TimexErrorKind.WrongType, TimexErrorKind.WrongSpan }));
    }

    [Test]
    public void AdjacentSpansDoNotOverlap()
    {
        var e = TimexScorer.Score([T(0, 5, "X")], [T(5, 9, "X")]);

        Assert.That(e.Overall.Relaxed.Correct, Is.EqualTo(0));
        Assert.That(e.CountErrors(TimexErrorKind.Missed), Is.EqualTo(1));
        Assert.That(e.CountErrors(TimexErrorKind.Spurious), Is.EqualTo(1));
    }

    [Test]
    public void MissedAndSpuriousCountAgainstRecallAndPrecision()
    {
        // 3 gold, 2 predictions: one exact, one spurious, two gold missed
        var gold = new[] { T(0, 4, "1998"), T(10, 15, "1998-08"), T(30, 35, "PRESENT_REF") };
        var pred = new[] { T(0, 4, "1998"), T(20, 25, "P2D", "DURATION") };

        var e = TimexScorer.Score(gold, pred);
        var s = e.Overall;

        Assert.That(s.Relaxed.Precision, Is.EqualTo(0.5));
        Assert.That(s.Relaxed.Recall, Is.EqualTo(1.0 / 3).Within(1e-12));
        Assert.That(s.Relaxed.F1, Is.EqualTo(0.4).Within(1e-12)); // 2PR/(P+R) = (1/3)/(5/6)
        Assert.That(s.Strict.F1, Is.EqualTo(0.4).Within(1e-12));
        Assert.That(e.CountErrors(TimexErrorKind.Missed), Is.EqualTo(2));
        Assert.That(e.CountErrors(TimexErrorKind.Spurious), Is.EqualTo(1));
        Assert.That(e.Errors.Single(x => x.Kind == TimexErrorKind.Spurious).Predicted, Is.EqualTo(pred[1]));
        Assert.That(e.Errors.Where(x => x.Kind == TimexErrorKind.Missed).Select(x => x.Gold!.Start), Is.EqualTo(new[] { 10, 30 }));
    }

    [Test]
    public void ValueF1UsesPredictionsAndGoldAsDenominators()
    {
        // 4 gold; 5 predictions; 4 relaxed matches of which 3 have the right value; 1 spurious
        var gold = new[] { T(0, 5, "A"), T(10, 15, "B"), T(20, 25, "C"), T(30, 35, "D") };
        var pred = new[] { T(0, 5, "A"), T(10, 15, "B"), T(21, 24, "C"), T(30, 35, "wrong"), T(40, 45, "E") };

        var e = TimexScorer.Score(gold, pred);
        var s = e.Overall;

        Assert.That(s.Value, Is.EqualTo(new PrfScore(3, 5, 4)));
        Assert.That(s.Value.Precision, Is.EqualTo(0.6).Within(1e-12));
        Assert.That(s.Value.Recall, Is.EqualTo(0.75).Within(1e-12));
        Assert.That(s.Value.F1, Is.EqualTo(2 * 0.6 * 0.75 / 1.35).Within(1e-12));
        // TE-3 reports value F1 as value accuracy x relaxed F1: the two must agree
        Assert.That(s.Value.F1, Is.EqualTo(s.ValueAccuracy * s.Relaxed.F1).Within(1e-12));
        Assert.That(s.ValueAccuracy, Is.EqualTo(0.75));
        Assert.That(s.Strict.Correct, Is.EqualTo(3));

        var wrong = e.Errors.Single(x => x.Kind == TimexErrorKind.WrongValue);
        Assert.That(wrong.GoldValue, Is.EqualTo("D"));
        Assert.That(wrong.PredictedValue, Is.EqualTo("wrong"));
    }

    [Test]
    public void ValuesCompareTrimmedAndCaseSensitive()
    {
        var gold = new[] { T(0, 5, " 2021-W02 "), T(10, 15, "present_ref") };
        var pred = new[] { T(0, 5, "2021-W02"), T(10, 15, "PRESENT_REF") };

        var s = TimexScorer.Score(gold, pred).Overall;

        Assert.That(s.Value.Correct, Is.EqualTo(1));
    }

    [Test]
    public void TwoPredictionsOverlappingOneGoldMatchOnlyTheLargerOverlap()
    {
        // gold "last Monday morning" [10,29); predictions "last Monday" [10,21) (11 chars) and "morning" [22,29) (7 chars)
        var gold = new[] { T(10, 29, "1998-08-03TMO", "TIME") };
        var pred = new[] { T(22, 29, "TMO", "TIME"), T(10, 21, "1998-08-03TMO", "TIME") };

        var e = TimexScorer.Score(gold, pred);
        var s = e.Overall;

        Assert.That(s.Relaxed, Is.EqualTo(new PrfScore(1, 2, 1)));
        Assert.That(s.Relaxed.Precision, Is.EqualTo(0.5));
        Assert.That(s.Relaxed.Recall, Is.EqualTo(1.0));
        Assert.That(s.Value.Correct, Is.EqualTo(1));
        Assert.That(e.Matches.Single().Predicted, Is.EqualTo(pred[1]));
        Assert.That(e.Errors.Single(x => x.Kind == TimexErrorKind.Spurious).Predicted, Is.EqualTo(pred[0]));
    }

    [Test]
    public void OnePredictionOverlappingTwoGoldMatchesOnlyOne()
    {
        // prediction "Monday and Tuesday" [0,18) covers gold "Monday" [0,6) and "Tuesday" [11,18)
        var gold = new[] { T(0, 6, "XXXX-WXX-1"), T(11, 18, "XXXX-WXX-2") };
        var pred = new[] { T(0, 18, "XXXX-WXX-2") };

        var e = TimexScorer.Score(gold, pred);

        Assert.That(e.Overall.Relaxed, Is.EqualTo(new PrfScore(1, 1, 2)));
        Assert.That(e.Matches.Single().Gold, Is.EqualTo(gold[1])); // 7 shared characters beat 6
        Assert.That(e.Overall.Value.Correct, Is.EqualTo(1));
        Assert.That(e.Errors.Single(x => x.Kind == TimexErrorKind.Missed).Gold, Is.EqualTo(gold[0]));
    }

    [Test]
    public void GreedyMatchPrefersExactSpanOnEqualOverlap()
    {
        // both predictions share all 6 characters of the gold; the exact one wins, the wider one is spurious
        var gold = new[] { T(5, 11, "A") };
        var pred = new[] { T(0, 11, "B"), T(5, 11, "A") };

        var e = TimexScorer.Score(gold, pred);

        Assert.That(e.Matches.Single().Predicted, Is.EqualTo(pred[1]));
        Assert.That(e.Overall.Strict.Correct, Is.EqualTo(1));
        Assert.That(e.Overall.Value.Correct, Is.EqualTo(1));
    }

    [Test]
    public void DuplicatePredictionsCountOnceForStrict()
    {
        var gold = new[] { T(0, 4, "1998") };
        var pred = new[] { T(0, 4, "1998"), T(0, 4, "1998") };

        var s = TimexScorer.Score(gold, pred).Overall;

        Assert.That(s.Strict, Is.EqualTo(new PrfScore(1, 2, 1)));
        Assert.That(s.Relaxed, Is.EqualTo(new PrfScore(1, 2, 1)));
    }

    [Test]
    public void SpansInDifferentDocumentsNeverMatchAndTotalsAreMicroAveraged()
    {
        var gold = new[] { T(0, 4, "1998", doc: "a"), T(0, 4, "1999", doc: "b"), T(8, 12, "2000", doc: "b") };
        var pred = new[] { T(0, 4, "1998", doc: "b"), T(8, 12, "2000", doc: "b"), T(0, 4, "x", doc: "c") };

        var e = TimexScorer.Score(gold, pred, ["a", "b", "c", "empty"]);

        Assert.That(e.Documents.Select(d => d.Doc), Is.EqualTo(new[] { "a", "b", "c", "empty" }));
        var a = e.Documents[0].Scores;
        var b = e.Documents[1].Scores;
        var c = e.Documents[2].Scores;
        var empty = e.Documents[3].Scores;
        Assert.That(a.Relaxed, Is.EqualTo(new PrfScore(0, 0, 1)));
        Assert.That(b.Relaxed, Is.EqualTo(new PrfScore(2, 2, 2)));
        Assert.That(b.Value, Is.EqualTo(new PrfScore(1, 2, 2)));
        Assert.That(c.Relaxed, Is.EqualTo(new PrfScore(0, 1, 0)));
        Assert.That(empty.Relaxed.F1, Is.EqualTo(1.0)); // TE-3: nothing to find and nothing found
        Assert.That(e.Overall.Relaxed, Is.EqualTo(new PrfScore(2, 3, 3)));
        Assert.That(e.Overall.Value, Is.EqualTo(new PrfScore(1, 3, 3)));
    }

    [Test]
    public void NoPredictionsScoresZero()
    {
        var s = TimexScorer.Score([T(0, 4, "1998")], []).Overall;

        Assert.That(s.Relaxed.Precision, Is.EqualTo(0.0));
        Assert.That(s.Relaxed.Recall, Is.EqualTo(0.0));
        Assert.That(s.Relaxed.F1, Is.EqualTo(0.0));
        Assert.That(s.ValueAccuracy, Is.EqualTo(0.0));
    }
}
