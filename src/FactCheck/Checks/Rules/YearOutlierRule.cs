namespace FactCheck.Checks.Rules;

/// <summary>year-outlier (low): a fully stated date before publication whose year is far (by default 2 years or more) from
/// both the publication year and the median year of the article's stated dates. Dates weekday-date flags are left to it;
/// dates after publication are after-publication's.</summary>
/// <remarks>Message: "{date}: the year {year} is {n} years from the article's time frame (published {pubYear}; its dates centre on {median})".</remarks>
public sealed class YearOutlierRule : ArticleRule
{
    public const string RuleId = "year-outlier";
    public override string Id => RuleId;
    public override Severity Severity => Severity.Low;
    public override double Prior => 0.3;

    public override IEnumerable<Finding> CheckArticle(AnalyzedArticle a, CheckContext context)
    {
        var events = MentionFacts.Events(a);
        if (events.Count == 0) yield break;
        var years = events.Select(e => e.Date!.Value.Year).Order().ToList();
        int median = years[years.Count / 2];
        int? pubYear = a.PublishedDate?.Year;
        var pack = MentionFacts.Pack(a);
        foreach (var m in events)
        {
            var d = m.Date!.Value;
            if (a.PublishedDate is { } pub && d > pub) continue;
            int distance = Math.Min(Math.Abs(d.Year - median), pubYear is { } py ? Math.Abs(d.Year - py) : int.MaxValue);
            if (distance < context.Options.YearOutlierYears) continue;
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
            f["stated_date_count"] = events.Count;
            f["suggestion_count"] = suggestions.Count;
            yield return new Finding
            {
                Id = MentionFacts.IdOf(Id, a, m), Rule = Id, Severity = Severity, Score = Prior,
                Message = $"{DateText.Short(d)}: the year {d.Year} is {distance} years from the article's time frame (" +
                    (pubYear is { } y ? $"published {y}; " : "") + $"its dates centre on {median})",
                Evidence = [MentionFacts.EvidenceOf(a, m)], Suggestions = suggestions, Features = f,
            };
        }
    }
}
