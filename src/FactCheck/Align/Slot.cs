using FactCheck.Quantities;
using FactCheck.Temporal;

namespace FactCheck.Align;

/// <summary>What a slot's value is: a calendar date, a clock time, a count or measure, money, or a percentage.</summary>
public enum SlotKind { Date, Time, Count, Money, Percent }

/// <summary>How fine a date slot is: a day, a month or a year.</summary>
public enum Granularity { Day, Month, Year }

/// <summary>
/// One stated value of one article with its context, the unit of cross-source alignment: the value (as stated, with the
/// fields that were inferred), the head noun of what it counts, and the context words (stems) and entities of its
/// sentence that tell which fact it belongs to. Alignment never looks at <see cref="Value"/>.
/// </summary>
public sealed record Slot
{
    public required string Doc { get; init; }
    public string? Source { get; init; }
    public required SlotKind Kind { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    /// <summary>The value as written ("12 Maret", "36 senators").</summary>
    public required string Text { get; init; }
    /// <summary>The normalized value as text to compare (2021-01-10, --01-19, 2021-01, 14:30, 12000000).</summary>
    public required string Value { get; init; }
    public Granularity Granularity { get; init; } = Granularity.Day;
    public DateOnly? Date { get; init; }
    /// <summary>True when the year of a day or month was only inferred from publication: compare month and day only.</summary>
    public bool YearInferred { get; init; }
    /// <summary>True when the value depends on the publication date ("on Tuesday", "kemarin").</summary>
    public bool Relative { get; init; }
    /// <summary>The article's publication day, against which a relative value was resolved.</summary>
    public DateOnly? Published { get; init; }
    /// <summary>True when the value's paragraph also speaks of the day relative to publication ("hari ini", "today"):
    /// the fact belongs to the article's own day, and articles of other days may rightly state other values.</summary>
    public bool AnchoredToPublication { get; init; }
    /// <summary>True when the day is also told relative to the article's own day, in apposition ("hari ini, Kamis
    /// (19/6/2025)", "kemarin, Rabu (18/6)"): the day the article was written, or one counted from it.</summary>
    public bool ToldRelative { get; init; }
    /// <summary>The dates and clock times the value's sentence states besides the value itself (when the count was
    /// true): a count at 09:02 and one at 09:15, or on Rabu (18/6) and Kamis (19/6), are two facts.</summary>
    public IReadOnlyList<string> Frame { get; init; } = [];
    /// <summary>"start" or "end" when the value opens or closes a range ("from 1967 to 1979"), else null.</summary>
    public string? RangePart { get; init; }
    /// <summary>Numeric value and the interval its qualifier allows (counts, money, percent).</summary>
    public double? Number { get; init; }
    public double Low { get; init; }
    public double High { get; init; }
    /// <summary>Qualifier of a quantity (APPROX, MORE_THAN...), null when stated exactly.</summary>
    public string? Qualifier { get; init; }
    /// <summary>Canonical unit from the quantity rules (people, IDR, %, magnitude), when known.</summary>
    public string? Unit { get; init; }
    /// <summary>Stem of the noun the number counts ("tersangka", "senat", "penerbangan"), when there is one.</summary>
    public string? Head { get; init; }
    /// <summary>Context stems within a few tokens of the value (the event word is usually here); stems of capitalized
    /// words (names) start with '^'.</summary>
    public required IReadOnlyList<string> Near { get; init; }
    /// <summary>The other context stems of the sentence.</summary>
    public required IReadOnlyList<string> Far { get; init; }
    /// <summary>The contrast words of its clause as "group:member" (slots.json "contrasts"): "dituntut" and "divonis" are
    /// members of one group, so a term demanded and a term imposed are two facts.</summary>
    public IReadOnlyList<string> Contrasts { get; init; } = [];
    /// <summary>True when the sentence says the date is the place's own ("Rabu (18/6/2025) malam waktu setempat").</summary>
    public bool LocalTime { get; init; }
    /// <summary>True when the figure's sentence says it is so far ("hingga saat ini", "so far"): a running count, which
    /// another outlet may give as of another hour.</summary>
    public bool Running { get; init; }
    /// <summary>True when the figure's sentence says it was brought up to date ("bertambah menjadi", "rose to").</summary>
    public bool Updating { get; init; }
    /// <summary>True when the count is said to be a part of a larger one ("three other women", "53 others"): it compares
    /// only with another part.</summary>
    public bool Part { get; init; }
    /// <summary>True when the head is a counting word ("orang", slots.json "classifiers") with nothing after it that says
    /// what is counted ("sekitar 200 orang"): it names people of any kind, so it meets any head of the same unit
    /// ("320 orang atlet").</summary>
    public bool GenericHead { get; init; }
    /// <summary>Entity ids named in the sentence.</summary>
    public required IReadOnlyList<string> Entities { get; init; }
    /// <summary>Relation of a claim frame whose time or quantity this value is (remove-from-platform|...), when one is.</summary>
    public string? Relation { get; init; }
    /// <summary>The sentence and its offset.</summary>
    public required string Sentence { get; init; }
    public required int SentenceStart { get; init; }
    /// <summary>Position of the sentence in the article, 0 (first) to 1 (last).</summary>
    public double Position { get; init; }
    public TemporalMention? Mention { get; init; }
    public QuantityMention? Quantity { get; init; }

    /// <summary>The slot as a finding's evidence: its span, sentence, value and source, and its role in the finding.</summary>
    public FactCheck.Checks.Evidence ToEvidence(string? role = null) => new(Doc, Start, End, Text)
    {
        Sentence = Sentence, SentenceStart = SentenceStart, Value = Value, Source = Source, Role = role,
    };

    public override string ToString() => $"{Doc}:{Start} {Kind} \"{Text}\" = {Value}";
}
