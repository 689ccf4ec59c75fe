namespace FactCheck.Temporal;

/// <summary>The four TIMEX3 types.</summary>
public enum TemporalKind { Date, Time, Duration, Set }

/// <summary>Calendar fields of a temporal expression, used to record which were stated and which were inferred.</summary>
[Flags]
public enum DateFields
{
    None = 0,
    Year = 1,
    Month = 2,
    Day = 4,
    Weekday = 8,
    Time = 16,
    PartOfDay = 32,
}

/// <summary>A temporal expression found in a document, with its normalized TIMEX3 value.</summary>
public sealed record TemporalMention
{
    public required string Doc { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public required string Text { get; init; }
    public required TemporalKind Kind { get; init; }
    /// <summary>TIMEX3 value: 2021-01-10, 2021-01, 2021-W02, P1W, PRESENT_REF, XXXX-WXX-7, 2021-01-20T08:23.</summary>
    public required string Value { get; init; }
    /// <summary>TIMEX3 mod: START, MID, END, APPROX, LESS_THAN, EQUAL_OR_LESS, MORE_THAN...</summary>
    public string? Mod { get; init; }
    /// <summary>Id of the rule that produced this mention.</summary>
    public required string Rule { get; init; }
    /// <summary>Fields the text itself stated.</summary>
    public DateFields Stated { get; init; }
    /// <summary>Fields filled in from the reference (publication) date.</summary>
    public DateFields Inferred { get; init; }
    /// <summary>ISO weekday (1 = Monday ... 7 = Sunday) the text stated, if any.</summary>
    public int? StatedWeekday { get; init; }
    /// <summary>The resolved calendar date when the value has day granularity (stated or inferred fields).</summary>
    public DateOnly? Date { get; init; }
    /// <summary>Part of day stated ("MO", "AF", "EV", "NI").</summary>
    public string? PartOfDay { get; init; }
    /// <summary>Time-zone offset stated (WIB = +07:00).</summary>
    public TimeSpan? Offset { get; init; }
    /// <summary>True when the value depends on the reference date (kemarin, last week, Friday).</summary>
    public bool Relative { get; init; }
    /// <summary>For numeric dates that read differently day-first and month-first: the other reading.</summary>
    public string? AlternativeValue { get; init; }
    public bool Ambiguous => AlternativeValue is not null;
    /// <summary>Why the text is not a real date ("February 2021 has 28 days, not 31"), when it is not; Value is then XXXX-XX-XX.</summary>
    public string? Invalid { get; init; }
}
