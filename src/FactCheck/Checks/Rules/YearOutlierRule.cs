namespace FactCheck.Checks.Rules;

/// <summary>year-outlier (low): a fully stated date before publication whose year contradicts its own sentence's frame: the sentence
/// puts the event at the time of publication ("tahun ini", "kemarin", "pekan lalu"; "this year", "yesterday": the "recent" list of
/// checks.json), yet the year differs from the publication year and the date is more than 60 days before publication. A year
/// merely far from the article's other dates is history, not a typo, and is not flagged. Dates weekday-date flags are left to it;
/// dates after publication are after-publication's.</summary>
/// <remarks>Message: "{date}: the year {year} is {n} years from the article's time frame (published {pubYear}; its dates centre on {median})".</remarks>
public sealed class YearOutlierRule : ArticleRule
{
    public const string RuleId = "year-outlier";
    public override string Id => RuleId;
    public override Severity Severity => Severity.Low;
    public override double Prior => 0.3;

    /// <summary>A date within this many days before publication fits any "recent" frame.</summary>
    public const int FrameDays = 60;

    public override IEnumerable<Finding> CheckArticle(AnalyzedArticle a, CheckContext context)
    {
        var events = MentionFacts.Events(a);
        if (events.Count == 0) yield break;
        var years = events.Select(e => e.Date!.Value.Year).Order().ToList();
        int median = years[years.Count / 2];
        if (a.PublishedDate is not { } published) yield break;
        int? pubYear = published.Year;
        var pack = MentionFacts.Pack(a);
        var words = CheckWords.Get(a.Lang);
        foreach (var m in events)
        {
            var d = m.Date!.Value;
            if (d > published || published.DayNumber - d.DayNumber <= FrameDays || d.Year == published.Year) continue;
            var frameWord = words.Recent.Anywhere(a.SentenceText(a.SentenceAt(m.Start)));
            if (frameWord is null) continue;
            int distance = Math.Min(Math.Abs(d.Year - median), Math.Abs(d.Year - published.Year));
            if (distance < 1) distance = Math.Abs(d.Year - published.Year);
            int frame = pubYear ?? median;
            var suggestions = new List<Suggestion>();
            var written = DateText.Written(m, pack.Lexicon, pack.Temporal.DateOrder, d);
            if (d.Day <= DateTime.DaysInMonth(frame, d.Month))
            {
                var c = new DateOnly(frame, d.Month, d.Day);
                if (a.PublishedDate is not { } p || c <= p)
                {
                    var typo = written is null ? 0 : DateText.TypoLikeness(written.Year, frame.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    suggestions.Add(new Suggestion(DateText.Iso(c), written?.Rewrite(c.Day, c.Month, c.Year, pack.Lexicon) ?? DateText.Iso(c),
                        "the article's year" + (typo >= 1 ? "; one digit differs" : ""), Math.Round(0.3 + 0.5 * typo, 4)));
                }
            }
            var f = MentionFacts.Features(Id, Severity, a, m);
            f["years_from_frame"] = distance;
            f["frame_word"] = 1;
            f["stated_date_count"] = events.Count;
            f["suggestion_count"] = suggestions.Count;
            yield return new Finding
            {
                Id = MentionFacts.IdOf(Id, a, m), Rule = Id, Severity = Severity, Score = Prior,
                Message = $"{DateText.Short(d)}: the year {d.Year} is {distance} years from the article's time frame (" +
                    (pubYear is { } y ? $"published {y}; " : "") + $"its dates centre on {median}), yet its sentence says \"{frameWord}\"",
                Evidence = [MentionFacts.EvidenceOf(a, m)], Suggestions = suggestions, Features = f,
            };
        }
    }
}
