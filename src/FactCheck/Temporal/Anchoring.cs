using System.Globalization;

namespace FactCheck.Temporal;

/// <summary>Shifts the value of a previous date in the text ("the third quarter" -> "a year earlier" = the same quarter a year before).</summary>
internal static class Anchoring
{
    /// <summary>The anchor value moved by the match's direction and amount, keeping the anchor's granularity; null when the mode or units do not fit.</summary>
    public static string? Shift(string anchor, string mode, TemporalFields f)
    {
        DateOnly day = default;
        bool isDay = anchor.Length >= 10 && DateOnly.TryParseExact(anchor[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
        bool isMonth = anchor.Length >= 7 && anchor[4] == '-' && char.IsDigit(anchor[5]) && char.IsDigit(anchor[6]) && (anchor.Length == 7 || isDay);
        // "the same day", "that year": the previous date's own day, month or year
        if (mode == "same")
            return f.Unit switch
            {
                "D" => isDay ? anchor[..10] : null,
                "M" => isMonth ? anchor[..7] : null,
                "Y" => anchor.Length >= 4 && int.TryParse(anchor.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out _) ? anchor[..4] : null,
                _ => null,
            };
        // "the 1988 quarter", "the 1989 period" after "the third quarter": that quarter of the stated year
        if (mode == "quarteryear")
            return anchor is [_, _, _, _, '-', 'Q', >= '1' and <= '4'] && f.Year is { } qy ? $"{qy:0000}{anchor[4..]}" : null;
        // "the quarter" after "the fiscal first quarter": the quarter under discussion
        if (mode == "samequarter")
            return anchor is [_, _, _, _, '-', 'Q', >= '1' and <= '4'] ? anchor : null;
        if (f.Unit is not { } unit || f.NumUnknown) return null;
        int delta = (f.Dir ?? 0) * (int)Math.Round(f.Num ?? 1);
        if (delta == 0) return null;
        bool isQuarter = anchor.Length == 7 && anchor[4] == '-' && anchor[5] == 'Q';
        if (mode == "quarter" && !isQuarter) return null;
        if (!int.TryParse(anchor.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return null;
        var rest = anchor[4..];
        switch (unit)
        {
            case "Y" when mode == "unit":
                // "the following year" is a year, whatever the granularity of the date it follows
                return (year + delta).ToString("0000", CultureInfo.InvariantCulture);
            case "Y":
                if (rest.Length > 0 && rest[0] != '-') return null;
                if (rest.Length >= 6 && rest[1] != 'Q' && rest[1] != 'W' && DateOnly.TryParseExact(anchor[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return d.AddYears(delta).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + anchor[10..];
                return (year + delta).ToString("0000", CultureInfo.InvariantCulture) + rest;
            case "M" when isMonth && mode is "any" or "unit":
                var m = new DateOnly(year, int.Parse(anchor.AsSpan(5, 2), CultureInfo.InvariantCulture), 1).AddMonths(delta);
                return m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            case "D" when isDay && mode is "any" or "unit":
                return day.AddDays(delta).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case "W" when isDay && mode == "any":
                var w = day.AddDays(7 * delta).ToDateTime(TimeOnly.MinValue);
                return $"{ISOWeek.GetYear(w):0000}-W{ISOWeek.GetWeekOfYear(w):00}";
            case "Q" when isQuarter && rest[2] is >= '1' and <= '4':
                int q0 = year * 4 + (rest[2] - '1') + delta;
                return $"{q0 / 4:0000}-Q{q0 % 4 + 1}";
        }
        return null;
    }
}
