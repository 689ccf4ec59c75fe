using System.Globalization;
using System.Text.RegularExpressions;
using FactCheck.Lang;
using FactCheck.Temporal;

namespace FactCheck.Checks;

/// <summary>The day, month and year of a date as the article wrote them ("10", "1", "2020" in "Minggu (10/1/2020)"),
/// with their offsets in <see cref="Text"/>.</summary>
public sealed record WrittenDate(string Text, string Day, int DayAt, string Month, int MonthAt, string Year, int YearAt, bool MonthIsWord)
{
    /// <summary>The same date written with other field values, in the article's style (padding, separators, month-name length and case).</summary>
    public string Rewrite(int day, int month, int year, Lexicon lexicon)
    {
        var parts = new[]
        {
            (At: DayAt, Len: Day.Length, New: Pad(day, Day)),
            (At: MonthAt, Len: Month.Length, New: MonthIsWord ? MonthWord(month, lexicon) : Pad(month, Month)),
            (At: YearAt, Len: Year.Length, New: YearText(year)),
        };
        var s = Text;
        foreach (var (at, len, nw) in parts.OrderByDescending(p => p.At)) s = s[..at] + nw + s[(at + len)..];
        return s;
    }

    private static string Pad(int v, string like) =>
        v.ToString(like.Length == 2 && like[0] == '0' ? "00" : "0", CultureInfo.InvariantCulture);

    private string YearText(int year) =>
        Year.Length == 2 ? (year % 100).ToString("00", CultureInfo.InvariantCulture) : year.ToString(CultureInfo.InvariantCulture);

    private string MonthWord(int month, Lexicon lexicon)
    {
        var forms = lexicon.EntriesOf("month").Where(e => e.Number == month).Select(e => e.Form).ToList();
        if (forms.Count == 0) return CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(month);
        var written = Month.TrimEnd('.');
        var form = forms.OrderBy(f => Math.Abs(f.Length - written.Length)).First();
        if (written.Length > 0 && written.All(c => !char.IsLetter(c) || char.IsUpper(c))) form = form.ToUpperInvariant();
        else if (written.Length > 0 && char.IsUpper(written[0])) form = char.ToUpperInvariant(form[0]) + form[1..];
        return form;
    }
}

/// <summary>Date wording helpers for messages and suggestions.</summary>
public static class DateText
{
    private static readonly TimeSpan timeout = TimeSpan.FromSeconds(1);
    private static readonly Regex numeric = new(@"(?<a>\d{1,2})\s?(?<sep>[/.\-])\s?(?<b>\d{1,2})\s?\k<sep>\s?(?<y>\d{2,4})(?!\d)",
        RegexOptions.Compiled | RegexOptions.CultureInvariant, timeout);
    private static readonly Regex dayMonthYear = new(@"(?<!\d)(?<d>\d{1,2})\s+(?<m>\p{L}+\.?),?\s+(?<y>\d{2,4})(?!\d)",
        RegexOptions.Compiled | RegexOptions.CultureInvariant, timeout);
    private static readonly Regex monthDayYear = new(@"(?<m>\p{L}+\.?)\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{2,4})(?!\d)",
        RegexOptions.Compiled | RegexOptions.CultureInvariant, timeout);

    private static readonly string[] weekdayNames = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>ISO weekday: 1 = Monday ... 7 = Sunday.</summary>
    public static int IsoWeekday(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    public static string WeekdayName(int isoWeekday) => weekdayNames[isoWeekday];

    /// <summary>"10 Jan 2020".</summary>
    public static string Short(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"8 and 9 Jan 2021", "30 Dec 2020 and 2 Jan 2021".</summary>
    public static string List(IReadOnlyList<DateOnly> dates)
    {
        if (dates.Count == 0) return "";
        var parts = new List<string>();
        for (int i = 0; i < dates.Count; i++)
        {
            bool sameAsNext = i + 1 < dates.Count && dates[i + 1].Year == dates[i].Year && dates[i + 1].Month == dates[i].Month;
            parts.Add(sameAsNext ? dates[i].Day.ToString(CultureInfo.InvariantCulture) : Short(dates[i]));
        }
        return parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
    }

    /// <summary>The weekday word the mention used ("Minggu", "Jum’at"), or the lexicon's first name for the weekday.</summary>
    public static string StatedWeekdayWord(TemporalMention m, Lexicon lexicon)
    {
        foreach (var w in WordList.Words(m.Text, 6))
            if (lexicon.TryGet("weekday", w, out var e) && e.Number == m.StatedWeekday) return Original(m.Text, w);
        var forms = lexicon.EntriesOf("weekday").Where(e => e.Number == m.StatedWeekday).Select(e => e.Form).ToList();
        return forms.Count > 0 ? char.ToUpperInvariant(forms[0][0]) + forms[0][1..] : WeekdayName(m.StatedWeekday ?? 1);
    }

    private static string Original(string text, string lower)
    {
        int i = text.IndexOf(lower, StringComparison.OrdinalIgnoreCase);
        return i < 0 ? lower : text.Substring(i, lower.Length);
    }

    /// <summary>Where and how a mention wrote its day, month and year, when it wrote all three; null otherwise.</summary>
    public static WrittenDate? Written(TemporalMention m, Lexicon lexicon, string dateOrder, DateOnly? stated = null)
    {
        var text = m.Text;
        try
        {
            foreach (Match x in numeric.Matches(text))
            {
                bool mdy = dateOrder == "mdy";
                Group ga = x.Groups["a"], gb = x.Groups["b"], gy = x.Groups["y"];
                var (gd, gm) = mdy ? (gb, ga) : (ga, gb);
                if (stated is { } sd && (Num(gd.Value) != sd.Day || Num(gm.Value) != sd.Month)) (gd, gm) = (gm, gd); // the other reading
                if (stated is null || (Num(gd.Value) == stated.Value.Day && Num(gm.Value) == stated.Value.Month))
                    return new WrittenDate(x.Value, gd.Value, gd.Index - x.Index, gm.Value, gm.Index - x.Index, gy.Value, gy.Index - x.Index, false);
            }
            foreach (var re in new[] { dayMonthYear, monthDayYear })
                foreach (Match x in re.Matches(text))
                {
                    Group gd = x.Groups["d"], gm = x.Groups["m"], gy = x.Groups["y"];
                    var mw = gm.Value.TrimEnd('.');
                    if (lexicon.TryGetMonth(mw, out var month) && (stated is null || (month == stated.Value.Month && Num(gd.Value) == stated.Value.Day)))
                        return new WrittenDate(x.Value, gd.Value, gd.Index - x.Index, mw, gm.Index - x.Index, gy.Value, gy.Index - x.Index, true);
                }
        }
        catch (RegexMatchTimeoutException) { }
        return null;
    }

    /// <summary>The day, month and year numbers of a written date (month names looked up), or null.</summary>
    public static (int Day, int Month, int Year)? Numbers(WrittenDate w, Lexicon lexicon)
    {
        int d = Num(w.Day), y = Num(w.Year);
        int m = w.MonthIsWord ? (lexicon.TryGetMonth(w.Month, out var mm) ? mm : -1) : Num(w.Month);
        if (d < 0 || m < 0 || y < 0) return null;
        if (w.Year.Length == 2) y += y < 50 ? 2000 : 1900;
        return (d, m, y);
    }

    private static int Num(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;

    /// <summary>How much a changed field looks like a typo of the written one: 1 for one digit replaced, 0.7 for one digit added,
    /// dropped or two swapped, 0 otherwise.</summary>
    public static double TypoLikeness(string written, string proposed)
    {
        if (written == proposed) return 0;
        if (written.Length == proposed.Length)
        {
            int diff = 0, first = -1;
            for (int i = 0; i < written.Length; i++)
                if (written[i] != proposed[i]) { if (diff++ == 0) first = i; }
            if (diff == 1) return 1;
            if (diff == 2 && first + 1 < written.Length && written[first] == proposed[first + 1] && written[first + 1] == proposed[first]) return 0.7;
            return 0;
        }
        var (longer, shorter) = written.Length > proposed.Length ? (written, proposed) : (proposed, written);
        if (longer.Length != shorter.Length + 1) return 0;
        for (int i = 0; i < longer.Length; i++)
            if (string.CompareOrdinal(longer.Remove(i, 1), shorter) == 0) return 0.7;
        return 0;
    }
}
