using FactCheck.Evaluation;

namespace FactCheck.Tests.Evaluation;

/// <summary>
/// English temporal extraction on Microsoft Recognizers-Text DateTime specs (MIT, read from ../shared/eval/recognizers_specs):
/// per spec file and per half (dev = looked at while writing rules, test = only measured), the share of cases whose expected
/// TIMEX values FactCheck produces must not fall below the figures below: measured with the same scorer after the second round of
/// issue 12 (branch s5-timex; before issue 12, on main at 19e8aa3, they were lower in every file that changed).
/// </summary>
[Category("Eval")]
public class RecognizersEvalTests
{
    /// <summary>(found, cases) at the last measurement: value dev, value test, span dev, span test; null where the file has no such case.</summary>
    private sealed record Before((int, int)? ValueDev, (int, int)? ValueTest, (int, int)? SpanDev, (int, int)? SpanTest);

    private static readonly Dictionary<string, Before> before = new()
    {
        ["DateExtractor"] = new(null, null, (52, 76), (47, 65)),
        ["DateParser"] = new((16, 67), (17, 68), (50, 67), (50, 68)),
        ["DatePeriodExtractor"] = new(null, null, (165, 178), (158, 175)),
        ["DatePeriodParser"] = new((38, 129), (37, 119), (105, 129), (101, 119)),
        ["DateTimeExtractor"] = new(null, null, (33, 35), (44, 46)),
        ["DateTimeModel"] = new((100, 443), (115, 474), (340, 444), (360, 474)),
        ["DateTimeModelCalendarMode"] = new((4, 22), (6, 22), (15, 22), (11, 22)),
        ["DateTimeModelComplexCalendar"] = new((52, 218), (58, 214), (163, 220), (162, 215)),
        ["DateTimeModelExperimentalMode"] = new((46, 142), (37, 136), (114, 142), (111, 136)),
        ["DateTimeModelExtendedTypes"] = new((6, 25), (8, 19), (16, 25), (14, 19)),
        ["DateTimeModelSplitDateAndTime"] = new((3, 18), (4, 15), (6, 18), (7, 15)),
        ["DateTimeModelTasksMode"] = new((5, 39), (3, 18), (26, 39), (14, 18)),
        ["DateTimeParser"] = new((3, 31), (1, 33), (28, 31), (29, 33)),
        ["DateTimePeriodExtractor"] = new(null, null, (41, 43), (49, 54)),
        ["DateTimePeriodParser"] = new((1, 56), (5, 43), (53, 56), (39, 43)),
        ["DurationExtractor"] = new(null, null, (18, 33), (24, 31)),
        ["DurationParser"] = new((16, 23), (14, 33), (18, 23), (18, 33)),
        ["HolidayExtractor"] = new(null, null, (2, 3), (4, 8)),
        ["HolidayParser"] = new((2, 11), (3, 11), (6, 14), (9, 12)),
        ["MergedExtractor"] = new(null, null, (30, 54), (25, 38)),
        ["MergedExtractorSkipFromTo"] = new(null, null, (1, 2), null),
        ["MergedParser"] = new((29, 78), (24, 82), (73, 78), (65, 82)),
        ["SetExtractor"] = new(null, null, (7, 9), (19, 22)),
        ["SetParser"] = new((11, 21), (4, 11), (19, 21), (7, 11)),
        ["TimeExtractor"] = new(null, null, (13, 52), (7, 40)),
        ["TimeParser"] = new((3, 43), (3, 49), (9, 43), (12, 49)),
        ["TimePeriodExtractor"] = new(null, null, (6, 32), (8, 37)),
        ["TimePeriodParser"] = new((0, 40), (0, 31), (11, 40), (7, 31)),
        ["TimeZoneExtractor"] = new(null, null, (0, 9), (0, 12)),
        ["TimeZoneParser"] = new(null, null, (1, 28), (0, 20)),
    };

    [Test]
    public void Every_spec_file_keeps_or_raises_its_share_on_both_halves()
    {
        var dir = TestData.RequireEval("recognizers_specs");
        var scores = RecognizersEval.Run(dir);
        var w = new StringWriter();
        FactCheck.Cli.Commands.EvalCommand.WriteRecognizers(w, scores);
        TestContext.Out.WriteLine(w.ToString());
        Assert.Multiple(() =>
        {
            foreach (var (file, b) in before)
            {
                var dev = scores.Single(s => s.File == file && s.Half == DevSplit.Half.Dev);
                var test = scores.Single(s => s.File == file && s.Half == DevSplit.Half.Test);
                Check(file, "value dev", b.ValueDev, dev.ValueFound, dev.WithValue);
                Check(file, "value test", b.ValueTest, test.ValueFound, test.WithValue);
                Check(file, "span dev", b.SpanDev, dev.SpanFound, dev.WithSpan);
                Check(file, "span test", b.SpanTest, test.SpanFound, test.WithSpan);
            }
        });
    }

    private static void Check(string file, string what, (int Found, int Cases)? was, int found, int cases)
    {
        if (was is not { } w) return;
        Assert.That(cases, Is.EqualTo(w.Cases), $"{file} {what}: the number of cases changed; the split or the specs moved");
        Assert.That(found, Is.GreaterThanOrEqualTo(w.Found), $"{file} {what}: {found}/{cases}, before {w.Found}/{w.Cases}");
    }
}
