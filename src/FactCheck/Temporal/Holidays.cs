namespace FactCheck.Temporal;

/// <summary>Dates of holidays named by rule in the lexicon: fixed ("12-25"), the Nth weekday of a month ("11-4-4" = fourth
/// Thursday of November, "05-1-L" = last Monday of May), "EASTER" (Western, Gregorian), "ELECTION" (US: the Tuesday after the first Monday of November).</summary>
internal static class Holidays
{
    public static DateOnly? Date(string rule, int year)
    {
        if (rule == "EASTER") return Easter(year);
        if (rule == "ELECTION") return NthWeekday(year, 11, 1, 1)?.AddDays(1);
        var parts = rule.Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], out var m) && int.TryParse(parts[1], out var d))
            return m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(year, m) ? new DateOnly(year, m, d) : null;
        if (parts.Length == 3 && int.TryParse(parts[0], out m) && int.TryParse(parts[1], out var wd))
            return parts[2] == "L" ? LastWeekday(year, m, wd) : int.TryParse(parts[2], out var n) ? NthWeekday(year, m, wd, n) : null;
        return null;
    }

    private static DateOnly? NthWeekday(int year, int month, int isoWeekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        int offset = (isoWeekday - TemporalComposer.IsoWeekday(first) + 7) % 7;
        var d = first.AddDays(offset + 7 * (n - 1));
        return d.Month == month ? d : null;
    }

    private static DateOnly LastWeekday(int year, int month, int isoWeekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-((TemporalComposer.IsoWeekday(last) - isoWeekday + 7) % 7));
    }

    /// <summary>Western Easter Sunday (anonymous Gregorian algorithm).</summary>
    private static DateOnly Easter(int y)
    {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(y, month, day);
    }
}
