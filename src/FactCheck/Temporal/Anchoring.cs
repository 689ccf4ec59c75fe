using System.Globalization;

namespace FactCheck.Temporal;

/// <summary>Shifts the value of a previous date in the text ("the third quarter" -> "a year earlier" = the same quarter a year before).</summary>
internal static class Anchoring
{
    /// <summary>The anchor value moved by the match's direction and amount, keeping the anchor's granularity; null when the mode or units do not fit.</summary>
    public static string? Shift(string anchor, string mode, TemporalFields f)
    {
        // "the same day": the previous date's own day
        if (mode == "same")
            return anchor.Length >= 10 && DateOnly.TryParseExact(anchor[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? anchor[..10] : null;
        if (f.Unit is not { } unit || f.NumUnknown) return null;
        int delta = (f.Dir ?? 0) * (int)Math.Round(f.Num ?? 1);
        if (delta == 0) return null;
        bool isQuarter = anchor.Length == 7 && anchor[4] == '-' && anchor[5] == 'Q';
        if (mode == "quarter" && !isQuarter) return null;
        if (!int.TryParse(anchor.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return null;
        var rest = anchor[4..];
        switch (unit)
        {
            case "Y":
                if (rest.Length > 0 && rest[0] != '-') return null;
                if (rest.Length >= 6 && rest[1] != 'Q' && rest[1] != 'W' && DateOnly.TryParseExact(anchor[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return d.AddYears(delta).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + anchor[10..];
                return (year + delta).ToString("0000", CultureInfo.InvariantCulture) + rest;
            case "Q" when isQuarter && rest[2] is >= '1' and <= '4':
                int q0 = year * 4 + (rest[2] - '1') + delta;
                return $"{q0 / 4:0000}-Q{q0 % 4 + 1}";
        }
        return null;
    }
}
