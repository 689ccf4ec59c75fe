namespace FactCheck.Quantities;

/// <summary>What a quantity mention measures: a count or measure, an amount of money, or a percentage.</summary>
public enum QuantityKind { Quantity, Money, Percent }

/// <summary>A number found in a document with what it counts, its qualifier and the interval the qualifier allows.</summary>
public sealed record QuantityMention
{
    public required string Doc { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public required string Text { get; init; }
    public required QuantityKind Kind { get; init; }
    /// <summary>The point value as written: "12 juta" = 12000000, "25%" = 25, "setengah" = 0.5.</summary>
    public required double Value { get; init; }
    /// <summary>Lower bound of the values the text allows (see <see cref="QuantityInterval"/>); -Infinity when unbounded.</summary>
    public required double Low { get; init; }
    /// <summary>Upper bound of the values the text allows; +Infinity when unbounded.</summary>
    public required double High { get; init; }
    /// <summary>True when Low itself is excluded ("lebih dari 214 ribu": more than, not equal).</summary>
    public bool LowExclusive { get; init; }
    /// <summary>True when High itself is excluded ("kurang dari 10", "hampir 1.000").</summary>
    public bool HighExclusive { get; init; }
    /// <summary>TIMEX-style modifier from the words before the number: APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE; null when exact.</summary>
    public string? Qualifier { get; init; }
    /// <summary>Canonical unit shared across languages: "users", "people", "IDR", "USD", "%", "magnitude", "fraction"; null for a bare number.</summary>
    public string? Unit { get; init; }
    /// <summary>Id of the rule that produced this mention ("id.count-unit").</summary>
    public required string Rule { get; init; }
}

/// <summary>
/// The interval a qualifier gives a value v: none [v, v]; APPROX [0.9v, 1.1v]; MORE_THAN (v, +inf); EQUAL_OR_MORE [v, +inf);
/// LESS_THAN [0, v) or, for "close below" words (hampir, nearly) whose lexicon entry binds "low": "0.9", [0.9v, v); EQUAL_OR_LESS [0, v].
/// A qualifier's lexicon entry may override the factors with "low" and "high" binds.
/// </summary>
public static class QuantityInterval
{
    /// <summary>Low, high and exclusivity for a value under a qualifier, with optional factor overrides.</summary>
    public static (double Low, double High, bool LowExclusive, bool HighExclusive) Of(double v, string? qualifier, double? lowFactor = null, double? highFactor = null)
    {
        double? lo = lowFactor * v, hi = highFactor * v;
        return qualifier switch
        {
            "APPROX" => (lo ?? 0.9 * v, hi ?? 1.1 * v, false, false),
            "MORE_THAN" => (lo ?? v, hi ?? double.PositiveInfinity, true, false),
            "EQUAL_OR_MORE" => (lo ?? v, hi ?? double.PositiveInfinity, false, false),
            "LESS_THAN" => (lo ?? 0, hi ?? v, false, true),
            "EQUAL_OR_LESS" => (lo ?? 0, hi ?? v, false, false),
            _ => (v, v, false, false),
        };
    }
}
