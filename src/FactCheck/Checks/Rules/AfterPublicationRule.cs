using System.Text.RegularExpressions;

namespace FactCheck.Checks.Rules;

/// <summary>after-publication (medium): a fully stated date after the publication date in a sentence that says the event is past
/// (telah, sudah, lalu, silam; was, a verb in -ed: the "past" list of checks.json), and has no plan or schedule marker (akan,
/// dijadwalkan, will, scheduled: "future") and is not about a schedule, promotion, holiday, validity period, contract end,
/// deadline, fixture or invitation ("notEvent"). The end of a range that runs on ("18-20 Juni") is not a finding. An inferred
/// year is never evidence.</summary>
/// <remarks>Message: "{date} is {n} days after the article was published ({published}) and the sentence does not speak of a plan".</remarks>
public sealed class AfterPublicationRule : ArticleRule
{
    public const string RuleId = "after-publication";
    public override string Id => RuleId;
    public override Severity Severity => Severity.Medium;
    public override double Prior => 0.5;

    private static readonly Regex RangeBefore = new(@"\d{1,2}\s*(?:[-–—]|s\.?d\.?|s/d)\s*$", RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <summary>Whether the mention is the end of a range written just before it ("18-20 Juni", "18 s.d. 20 Juni").</summary>
    private static bool EndsARange(AnalyzedArticle a, Temporal.TemporalMention m)
    {
        var text = a.Article.Text;
        int from = Math.Max(0, m.Start - 12);
        try { return RangeBefore.IsMatch(text[from..m.Start]) || m.Text.Contains('-') || m.Text.Contains('–'); }
        catch (RegexMatchTimeoutException) { return true; }
    }

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
            var sentence = a.SentenceText(a.SentenceAt(m.Start));
            if (words.Future.Anywhere(sentence) is not null || words.NotEvent.Anywhere(sentence) is not null) continue;
            if (words.Past.Anywhere(sentence) is not { } pastWord) continue;
            if (EndsARange(a, m)) continue;

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
            f["past_marker"] = 1;
            yield return new Finding
            {
                Id = MentionFacts.IdOf(Id, a, m), Rule = Id, Severity = Severity, Score = Prior,
                Message = $"{DateText.Short(d)} is {days} days after the article was published ({DateText.Short(pub)}), yet the sentence tells it as past (\"{pastWord}\")",
                Evidence = [MentionFacts.EvidenceOf(a, m)], Suggestions = suggestions, Features = f,
            };
        }
    }
}
