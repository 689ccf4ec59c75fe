using System.Globalization;
using FactCheck.Align;

namespace FactCheck.Checks.Rules;

/// <summary>range-order (medium): a range whose start is larger than its end ("kisaran 6,80%-4,5%", "from 2017 to 2012"):
/// one of its two values slipped. Both ends are slots of one sentence, the end right after the
/// start (a dash or a range word between them: slots.json "range"), of one kind and unit (a bare start takes the end's unit:
/// "4,25%-4,5%"); years compare only with years, and a count needs a unit (a tally, "a vote of 228 to 191", "menang 21 - 19",
/// is no range).</summary>
/// <remarks>Message: "The range runs backwards: {start} is more than {end}".</remarks>
public sealed class RangeOrderRule : ArticleRule
{
    public const string RuleId = "range-order";
    public override string Id => RuleId;
    public override Severity Severity => Severity.Medium;
    public override double Prior => 0.6;

    /// <summary>The most characters between a range's start and its end ("4,25% hingga 4,5%", "2017 to 2022").</summary>
    private const int MaxGap = 12;

    public override IEnumerable<Finding> CheckArticle(AnalyzedArticle a, CheckContext context)
    {
        var slots = context.SlotsOf(a).OrderBy(x => x.Start).ToList();
        for (int i = 0; i + 1 < slots.Count; i++)
        {
            var (s, e) = (slots[i], slots[i + 1]);
            if (s.RangePart != "start" || e.RangePart != "end" || s.SentenceStart != e.SentenceStart || e.Start < s.End || e.Start - s.End > MaxGap) continue;
            if (!Comparable(s, e) || !(Value(s) > Value(e))) continue;
            yield return new Finding
            {
                Id = Finding.MakeId(Id, a.Article.Id, s.Value, e.Value, a.Article.Text[s.SentenceStart..Math.Min(a.Article.Text.Length, e.End)]),
                Rule = Id, Severity = Severity, Score = Prior,
                Message = $"The range runs backwards: {s.Text} is more than {e.Text}; one of the two values may have slipped",
                Evidence = [s.ToEvidence(), e.ToEvidence()],
                Features = new Dictionary<string, double>(StringComparer.Ordinal)
                {
                    ["rule=" + Id] = 1, ["kind=" + s.Kind.ToString().ToLowerInvariant()] = 1, ["transposed"] = SlotAligner.Transposed(s, e) ? 1 : 0,
                },
            };
        }
    }

    private static bool Comparable(Slot s, Slot e) => (s.Kind, e.Kind) switch
    {
        (SlotKind.Date, SlotKind.Date) => s.Granularity == Granularity.Year && e.Granularity == Granularity.Year && !s.YearInferred && !e.YearInferred,
        // a count needs a unit of the quantity rules (people, flights, metres): "a vote of 228 to 191", "menang 21 - 19" are
        // tallies, not ranges
        (SlotKind.Count, SlotKind.Count) => e.Unit is not null && (s.Unit is null || s.Unit == e.Unit),
        (SlotKind.Percent or SlotKind.Money, _) when s.Kind == e.Kind => s.Unit is null || e.Unit is null || s.Unit == e.Unit,
        _ => false,
    };

    private static double Value(Slot s) => s.Kind == SlotKind.Date
        ? double.Parse(s.Value.AsSpan(0, 4), CultureInfo.InvariantCulture)
        : s.Number ?? double.NaN;
}
