namespace FactCheck.Checks.Rules;

/// <summary>after-publication (medium): a fully stated date after the publication date, in a sentence without a plan or
/// schedule marker (akan, dijadwalkan, will, scheduled). An inferred year is never evidence.</summary>
/// <remarks>Message: "{date} is {n} days after the article was published ({published}) and the sentence does not speak of a plan".</remarks>
public sealed class AfterPublicationRule : ArticleRule
{
    public const string RuleId = "after-publication";
    public override string Id => RuleId;
    public override Severity Severity => Severity.Medium;
    public override double Prior => 0.5;

    public override IEnumerable<Finding> CheckArticle(AnalyzedArticle a, CheckContext context)
    {
        if (a.PublishedDate is not { } pub) yield break;
        var words = CheckWords.Get(a.Lang);
        var pack = MentionFacts.Pack(a);
        foreach (var m in a.Temporal)
        {
            if (!MentionFacts.FullyStated(m) || MentionFacts.WeekdayMismatch(m)) continue;
            var d = m.Date!.Value;
            int days = d.DayNumber - pub.DayNumber;
            if (days < context.Options.AfterPublicationDays) continue;
            if (words.Future.Anywhere(a.SentenceText(a.SentenceAt(m.Start))) is not null) continue;

            // the same day and month in the latest year that is not after publication: a year typo
            var suggestions = new List<Suggestion>();
            var written = DateText.Written(m, pack.Lexicon, pack.Temporal.DateOrder, d);
            for (int y = pub.Year; y >= pub.Year - 1; y--)
            {
                if (d.Day > DateTime.DaysInMonth(y, d.Month)) continue;
                var c = new DateOnly(y, d.Month, d.Day);
                if (c.DayNumber - pub.DayNumber >= context.Options.AfterPublicationDays || y == d.Year) continue;
                var typo = written is null ? 0 : DateText.TypoLikeness(written.Year, y.ToString(System.Globalization.CultureInfo.InvariantCulture));
                suggestions.Add(new Suggestion(DateText.Iso(c), written?.Rewrite(c.Day, c.Month, c.Year, pack.Lexicon) ?? DateText.Iso(c),
                    $"the latest {DateText.Short(c)[..^5]} not after publication ({DateText.Short(pub)})" + (typo >= 1 ? "; one digit differs" : ""),
                    Math.Round(0.5 + 0.4 * typo, 4)));
                break;
            }
            var f = MentionFacts.Features(Id, Severity, a, m);
            f["suggestion_count"] = suggestions.Count;
            f["year_after_publication"] = d.Year - pub.Year;
            yield return new Finding
            {
                Id = MentionFacts.IdOf(Id, a, m), Rule = Id, Severity = Severity, Score = Prior,
                Message = $"{DateText.Short(d)} is {days} days after the article was published ({DateText.Short(pub)}) and the sentence does not speak of a plan or schedule",
                Evidence = [MentionFacts.EvidenceOf(a, m)], Suggestions = suggestions, Features = f,
            };
        }
    }
}
