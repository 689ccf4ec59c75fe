using System.Globalization;

namespace FactCheck.Temporal;

/// <summary>What composing a match produced: a normalized value, or an error saying why the text is not a real date.</summary>
internal sealed record Composed(string Value, DateFields Stated, DateFields Inferred, DateOnly? Date, bool Relative, string? AlternativeValue)
{
    public string? Error { get; init; }
    public static Composed Fail(string error, DateFields stated = DateFields.None) => new("", stated, DateFields.None, null, false, null) { Error = error };
}

/// <summary>Turns the fields of a match into a TIMEX3 value, resolving what is relative against the reference date.</summary>
internal static class TemporalComposer
{
    private static readonly CultureInfo inv = CultureInfo.InvariantCulture;

    public static Composed Compose(TemporalRule rule, TemporalFields f, DateTimeOffset? reference)
    {
        if (rule.Value is { } fixedValue) return new(fixedValue, DateFields.None, DateFields.None, null, fixedValue.EndsWith("_REF"), null);
        return rule.Kind switch
        {
            TemporalKind.Duration => Duration(f),
            TemporalKind.Set => Set(f),
            TemporalKind.Time => Time(f, reference),
            _ => Shifted(Date(f, reference), f),
        };
    }

    /// <summary>A day moved by the rule's day shift ("the day before last Tuesday"); a value without a day stays as it is.</summary>
    private static Composed Shifted(Composed c, TemporalFields f)
    {
        if (f.DayShift is not { } shift || c.Error is not null || c.Date is not { } d) return c;
        var moved = d.AddDays(shift);
        return c with { Value = Iso(moved) + c.Value[10..], Date = moved, AlternativeValue = null };
    }

    private static DateFields StatedOf(TemporalFields f)
    {
        var s = DateFields.None;
        if (f.YearFromText) s |= DateFields.Year;
        if (f.Month is not null) s |= DateFields.Month;
        if (f.Day is not null) s |= DateFields.Day;
        if (f.Weekday is not null) s |= DateFields.Weekday;
        if (f.Hour is not null) s |= DateFields.Time;
        if (f.Tod is not null) s |= DateFields.PartOfDay;
        return s;
    }

    private static Composed Date(TemporalFields f, DateTimeOffset? reference)
    {
        var stated = StatedOf(f);
        var refDate = reference is { } r ? DateOnly.FromDateTime(r.DateTime) : (DateOnly?)null;

        if (f.Decade is { } dec) return new($"{dec}", stated, DateFields.None, null, false, null);
        if (f.Holiday is { } holiday) return HolidayDate(holiday, f, stated, refDate);
        if (f.Unit == "CE" && f.Dir is null && (f.Ordinal ?? (f.Num is { } cn && cn == Math.Floor(cn) ? (int)cn : null)) is { } century)
        {
            // "the 19th century" (abad ke-19) is the 1800s: TimeML writes its first two digits, 18
            if (century is < 1 or > 30) return Composed.Fail($"no century {century}");
            return new($"{century - 1:00}", stated | DateFields.Year, DateFields.None, null, false, null);
        }

        if (f.Day is not null || f.Month is not null || f.YearFromText || f.Quarter is not null || f.Season is not null
            || (f.Ordinal is not null && (f.Unit is "Q" or "HALF" || (f.Unit == "W" && (f.YearFromText || f.YearDelta is not null || f.Dir is not null)))))
            return Calendar(f, stated, refDate);

        if (refDate is not { } rd)
            return new("XXXX-XX-XX", stated, DateFields.None, null, true, null);

        if (f.Weekday is { } wd)
        {
            var d = ResolveWeekday(wd, f, rd);
            return new(Iso(d), stated, DateFields.Year | DateFields.Month | DateFields.Day, d, true, null);
        }
        if (f.Unit is { } unit)
        {
            if (f.NumUnknown) return new((f.Dir ?? 0) < 0 ? "PAST_REF" : (f.Dir ?? 0) > 0 ? "FUTURE_REF" : "PRESENT_REF", stated, DateFields.None, null, true, null);
            int n = (int)Math.Round(f.Num ?? 1);
            int dir = f.Dir ?? 0;
            // "the weekend" (no this/next/last) written on a weekday is the one just gone, unless the sentence speaks of the future
            if (unit == "WE" && f.Dir is null && f.Tense is not > 0 && IsoWeekday(rd) <= 5) dir = -1;
            return Offset(unit, dir * n, rd, reference!.Value, stated);
        }
        return Composed.Fail("no calendar fields");
    }

    private static Composed Calendar(TemporalFields f, DateFields stated, DateOnly? refDate)
    {
        var inferred = DateFields.None;
        int? year = f.Year;
        if (year is null && f.YearDelta is { } yd && refDate is { } rdy) { year = rdy.Year + yd; inferred |= DateFields.Year; }
        if (year is null && refDate is null)
            return new("XXXX" + (f.Month is { } mm ? "-" + mm.ToString("00", inv) + (f.Day is { } ddd ? "-" + ddd.ToString("00", inv) : "") : ""), stated, DateFields.None, null, true, null);

        if (f.Quarter is not null || (f.Ordinal is not null && f.Unit == "Q"))
        {
            int q = f.Quarter ?? f.Ordinal!.Value;
            if (q is < 1 or > 4) return Composed.Fail($"no quarter {q}");
            if (year is null)
            {
                // the latest such quarter that has begun, unless the sentence speaks of the future
                var rq = refDate!.Value;
                year = rq.Year - ((q - 1) * 3 + 1 > rq.Month && (f.Dir ?? f.Tense) is not > 0 ? 1 : 0);
                inferred |= DateFields.Year;
            }
            return new($"{year:0000}-Q{q}", stated, inferred, null, inferred != 0, null);
        }
        if (f.Ordinal is { } week && f.Unit == "W" && f.Month is null)
        {
            // "the third week of 2027", "the first week of this year": that ISO week of the year
            if (year is null) { year = refDate!.Value.Year + (f.Dir ?? 0); inferred |= DateFields.Year; }
            if (week < 1 || week > ISOWeek.GetWeeksInYear(year.Value)) return Composed.Fail($"{year} has no week {week}");
            return new($"{year:0000}-W{week:00}", stated, inferred, null, inferred != 0, null);
        }
        if (f.Ordinal is { } half && f.Unit == "HALF")
        {
            // "the second half of 1989" (semester II 2024) = 1989-H2; without a year, the latest such half that has begun
            if (half is < 1 or > 2) return Composed.Fail($"no half {half}");
            if (year is null)
            {
                var rh = refDate!.Value;
                year = f.Dir is { } hd ? rh.Year + hd : rh.Year - (half == 2 && rh.Month < 7 && (f.Dir ?? f.Tense) is not > 0 ? 1 : 0);
                inferred |= DateFields.Year;
            }
            return new($"{year:0000}-H{half}", stated, inferred, null, inferred != 0, null);
        }
        if (f.Season is { } season)
        {
            if (year is null) { year = SeasonYear(season, f.Dir, refDate!.Value); inferred |= DateFields.Year; }
            return new($"{year:0000}-{season}", stated, inferred, null, inferred != 0, null);
        }
        int? day = f.Day ?? (f.Month is not null ? f.Ordinal : null);
        if (f.Month is { } month)
        {
            if (month is < 1 or > 12) return Composed.Fail($"there is no month {month}", stated);
            if (day is { } d)
            {
                if (year is null)
                {
                    var picked = InferYear(d, month, f.Weekday, f.Dir, f.Tense, refDate!.Value);
                    if (picked is null) return Composed.Fail($"{d}/{month} is not a date in any year near {refDate:yyyy}");
                    year = picked; inferred |= DateFields.Year;
                }
                if (d < 1 || d > DateTime.DaysInMonth(year.Value, month))
                    return Composed.Fail(stated: stated, error: d < 1 || d > 31
                        ? $"there is no day {d} in any month"
                        : $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {year} has {DateTime.DaysInMonth(year.Value, month)} days, not {d}");
                var date = new DateOnly(year.Value, month, d);
                if (f.WeekOf)
                {
                    var wk = date.ToDateTime(TimeOnly.MinValue);
                    return new($"{ISOWeek.GetYear(wk):0000}-W{ISOWeek.GetWeekOfYear(wk):00}", stated, inferred, null, inferred != 0, null);
                }
                string? alt = null;
                if (f.Alternative is { } a && a.Day <= DateTime.DaysInMonth(year.Value, a.Month))
                    alt = Iso(new DateOnly(year.Value, a.Month, a.Day));
                return new(Iso(date), stated, inferred, date, inferred != 0, alt);
            }
            if (year is null && f.Dir == 0) { year = refDate!.Value.Year; inferred |= DateFields.Year; } // "this September"
            if (year is null)
            {
                year = ClosestYearForMonth(month, f.Dir, f.Tense, refDate!.Value);
                inferred |= DateFields.Year;
            }
            return new($"{year:0000}-{month:00}", stated, inferred, null, inferred != 0, null);
        }
        if (day is { } onlyDay && refDate is { } rd2)
        {
            if (onlyDay < 1 || onlyDay > DateTime.DaysInMonth(rd2.Year, rd2.Month)) return Composed.Fail($"there is no day {onlyDay} in {rd2:yyyy-MM}");
            var date = new DateOnly(rd2.Year, rd2.Month, onlyDay);
            return new(Iso(date), stated, DateFields.Year | DateFields.Month, date, true, null);
        }
        if (year is { } y) return new($"{y:0000}", stated, inferred, null, false, null);
        return Composed.Fail("no calendar fields");
    }

    private static Composed HolidayDate(string holiday, TemporalFields f, DateFields stated, DateOnly? refDate)
    {
        stated |= DateFields.Month | DateFields.Day;
        DateOnly? Of(int y) => Holidays.Date(holiday, y);
        DateFields inferred = DateFields.None;
        int? year = f.Year ?? (f.YearDelta is { } yd && refDate is { } r0 ? r0.Year + yd : null);
        if (year is null)
        {
            if (refDate is not { } rd) return new("XXXX-XX-XX", stated, DateFields.None, null, true, null);
            // the occurrence nearest the reference, leaning to a stated direction or the sentence's tense
            double bestScore = double.MaxValue;
            for (int y = rd.Year - 1; y <= rd.Year + 1; y++)
            {
                if (Of(y) is not { } d) continue;
                double score = Math.Abs(d.DayNumber - rd.DayNumber);
                int lean = f.Dir ?? f.Tense ?? 0;
                if (lean < 0 && d > rd) score += 1_000;
                if (lean > 0 && d < rd) score += 1_000;
                if (score < bestScore) { bestScore = score; year = y; }
            }
            inferred |= DateFields.Year;
        }
        if (year is null || Of(year.Value) is not { } date) return Composed.Fail($"no date for holiday {holiday}");
        if (f.Unit == "W")
        {
            var dt = date.ToDateTime(TimeOnly.MinValue);
            return new($"{ISOWeek.GetYear(dt):0000}-W{ISOWeek.GetWeekOfYear(dt):00}", stated, inferred, null, inferred != 0, null);
        }
        return new(Iso(date), stated, inferred, date, inferred != 0, null);
    }

    /// <summary>The year (reference year -1, 0 or +1) that makes day/month closest to the reference, agreeing with a stated weekday and a stated "ago", and leaning to the sentence's tense.</summary>
    private static int? InferYear(int day, int month, int? weekday, int? dir, int? tense, DateOnly reference)
    {
        int? best = null; double bestScore = double.MaxValue;
        for (int y = reference.Year - 1; y <= reference.Year + 1; y++)
        {
            if (day < 1 || day > DateTime.DaysInMonth(y, month)) continue;
            var d = new DateOnly(y, month, day);
            double score = Math.Abs(d.DayNumber - reference.DayNumber);
            if (weekday is { } wd && IsoWeekday(d) != wd) score += 10_000;
            if (dir is < 0 && d > reference) score += 1_000;
            if (dir is > 0 && d < reference) score += 1_000;
            // the sentence's tense weighs like half a year, as for a bare month
            if (dir is null && tense is < 0 && d > reference) score += 183;
            if (dir is null && tense is > 0 && d < reference) score += 183;
            if (score < bestScore) { bestScore = score; best = y; }
        }
        return best;
    }

    /// <summary>The year that puts the month closest to the reference; a stated direction is binding, the sentence's tense weighs like half a year.</summary>
    private static int ClosestYearForMonth(int month, int? dir, int? tense, DateOnly reference)
    {
        int best = reference.Year; int bestScore = int.MaxValue;
        for (int y = reference.Year - 1; y <= reference.Year + 1; y++)
        {
            int diff = (y * 12 + month) - (reference.Year * 12 + reference.Month);
            int score = Math.Abs(diff) * 2 + (diff > 0 ? 1 : 0);
            if (dir is < 0 && diff > 0) score += 100;
            if (dir is > 0 && diff < 0) score += 100;
            if (dir is null && tense is < 0 && diff > 0) score += 12;
            if (dir is null && tense is > 0 && diff < 0) score += 12;
            if (score < bestScore) { bestScore = score; best = y; }
        }
        return best;
    }

    /// <summary>The year of a season: "last fall" is the latest fall that has ended, "next spring" the first that has not begun.</summary>
    private static int SeasonYear(string season, int? dir, DateOnly reference)
    {
        int start = season switch { "SP" => 3, "SU" => 6, "FA" => 9, "WI" => 12, _ => 1 };
        return dir switch
        {
            < 0 => start + 3 <= reference.Month ? reference.Year : reference.Year - 1,
            > 0 => start > reference.Month ? reference.Year : reference.Year + 1,
            _ => reference.Year,
        };
    }

    public static int IsoWeekday(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    private static DateOnly ResolveWeekday(int wd, TemporalFields f, DateOnly rd)
    {
        int refWd = IsoWeekday(rd);
        var monday = rd.AddDays(1 - refWd);
        if (f.Unit == "W" && f.Dir is { } wdir)
            return monday.AddDays(7 * wdir * (int)Math.Round(f.Num ?? 1) + wd - 1);
        return f.Dir switch
        {
            < 0 => rd.AddDays(-(((refWd - wd + 7) % 7) is 0 ? 7 : (refWd - wd + 7) % 7)),
            > 0 => rd.AddDays(((wd - refWd + 7) % 7) is 0 ? 7 : (wd - refWd + 7) % 7),
            0 => monday.AddDays(wd - 1),
            _ when f.Tense > 0 => rd.AddDays((wd - refWd + 7) % 7),
            _ => rd.AddDays(-((refWd - wd + 7) % 7)),
        };
    }

    private static Composed Offset(string unit, int delta, DateOnly rd, DateTimeOffset reference, DateFields stated)
    {
        const DateFields all = DateFields.Year | DateFields.Month | DateFields.Day;
        switch (unit)
        {
            case "D":
                var d = rd.AddDays(delta);
                return new(Iso(d), stated, all, d, true, null);
            case "WE":
            case "W":
                var w = rd.AddDays(7 * delta).ToDateTime(TimeOnly.MinValue);
                return new($"{ISOWeek.GetYear(w):0000}-W{ISOWeek.GetWeekOfYear(w):00}{(unit == "WE" ? "-WE" : "")}", stated, all, null, true, null);
            case "M":
                var m = rd.AddMonths(delta);
                return new($"{m.Year:0000}-{m.Month:00}", stated, DateFields.Year | DateFields.Month, null, true, null);
            case "Q":
                int q0 = rd.Year * 4 + (rd.Month - 1) / 3 + delta;
                return new($"{q0 / 4:0000}-Q{q0 % 4 + 1}", stated, DateFields.Year | DateFields.Month, null, true, null);
            case "Y":
                return new($"{rd.Year + delta:0000}", stated, DateFields.Year, null, true, null);
            case "DE":
                return new($"{rd.Year / 10 + delta:000}", stated, DateFields.Year, null, true, null);
            case "CE":
                return new($"{rd.Year / 100 + delta:00}", stated, DateFields.Year, null, true, null);
            case "H":
            case "MI":
            case "S":
                var t = reference.DateTime.Add(unit switch { "H" => TimeSpan.FromHours(delta), "MI" => TimeSpan.FromMinutes(delta), _ => TimeSpan.FromSeconds(delta) });
                return new(t.ToString("yyyy-MM-dd'T'HH:mm", inv), stated, all | DateFields.Time, DateOnly.FromDateTime(t), true, null);
        }
        return Composed.Fail($"unknown unit {unit}");
    }

    private static Composed Time(TemporalFields f, DateTimeOffset? reference)
    {
        var stated = StatedOf(f);
        int? hour = f.Hour;
        if (hour is null && f.Num is { } n && n is >= 0 and <= 24 && n == Math.Floor(n)) { hour = (int)n; stated |= DateFields.Time; }
        // the date part: what the text stated, else the reference day
        Composed datePart;
        bool hasDate = f.Day is not null || f.Month is not null || f.YearFromText || f.Weekday is not null || (f.Unit is "D" && f.Dir is not null);
        if (hasDate)
        {
            var tmp = new TemporalFields
            {
                Weekday = f.Weekday, Day = f.Day, Month = f.Month, Year = f.Year, YearFromText = f.YearFromText,
                Dir = f.Dir, Tense = f.Tense, Unit = f.Unit is "D" or "W" ? f.Unit : null, Num = f.Unit is "D" or "W" ? f.Num : null, Alternative = f.Alternative,
            };
            datePart = Date(tmp, reference);
            if (datePart.Error is not null) return datePart;
        }
        else if (reference is { } r)
        {
            var d = DateOnly.FromDateTime(r.DateTime);
            datePart = new(Iso(d), DateFields.None, DateFields.Year | DateFields.Month | DateFields.Day, d, true, null);
        }
        else datePart = new("XXXX-XX-XX", DateFields.None, DateFields.None, null, true, null);

        if (hour is { } h)
        {
            if (f.AmPm == "PM" && h < 12) h += 12;
            else if (f.AmPm == "AM" && h == 12) h = 0;
            else if (f.AmPm is null && f.Tod is "AF" or "EV" or "NI" && h < 12 && !(f.Tod == "NI" && h <= 3)) h += 12;
            if (h > 24) return Composed.Fail($"there is no hour {h}");
            int minute = f.Minute ?? 0;
            var v = $"{datePart.Value}T{h:00}:{minute:00}";
            return new(v, stated, datePart.Inferred, datePart.Date, datePart.Relative, null);
        }
        if (f.Tod is { } tod)
            return new($"{datePart.Value}T{tod}", stated, datePart.Inferred, datePart.Date, datePart.Relative, null);
        return datePart with { Stated = stated };
    }

    private static Composed Duration(TemporalFields f)
    {
        // "5 1/2 hours" = PT5H30M, "2 1/2 years" = P2Y6M, "a minute and a half" = PT1M30S (a decimal stays: "3.5 years" = P3.5Y)
        if (f.Fraction && f.Num is { } whole && whole != Math.Floor(whole) && !f.NumUnknown && f.Unit is "H" or "MI" or "Y" or "D")
        {
            int w = (int)Math.Floor(whole);
            double frac = whole - w;
            string? mixed = f.Unit switch
            {
                "H" => $"PT{(w > 0 ? $"{w}H" : "")}{FormatNum(frac * 60)}M",
                "MI" => $"PT{(w > 0 ? $"{w}M" : "")}{FormatNum(frac * 60)}S",
                "Y" => $"P{(w > 0 ? $"{w}Y" : "")}{FormatNum(frac * 12)}M",
                "D" => $"P{(w > 0 ? $"{w}D" : "")}T{FormatNum(frac * 24)}H",
                _ => null,
            };
            if (mixed is not null && !mixed.Contains('.')) return new(mixed, DateFields.None, DateFields.None, null, false, null);
        }
        if (f.ClockDuration is var (ch, cm, cs))
        {
            var t = (ch > 0 ? $"{ch}H" : "") + (cm > 0 ? $"{cm}M" : "") + (cs > 0 || ch + cm == 0 ? $"{cs}S" : "");
            return new("PT" + t, DateFields.None, DateFields.None, null, false, null);
        }
        if (f.Unit is not { } unit) return Composed.Fail("a duration needs a unit");
        string n = f.NumUnknown ? "X" : FormatNum(f.Num ?? 1);
        string v = unit switch
        {
            "S" => $"PT{n}S", "MI" => $"PT{n}M", "H" => $"PT{n}H",
            "D" => $"P{n}D", "W" => $"P{n}W", "WE" => $"P{n}WE", "M" => $"P{n}M", "Q" => $"P{n}Q", "Y" => $"P{n}Y",
            "DE" => f.NumUnknown ? "PXY" : $"P{FormatNum((f.Num ?? 1) * 10)}Y",
            "CE" => f.NumUnknown ? "PXC" : $"P{FormatNum((f.Num ?? 1) * 100)}Y",
            _ => "",
        };
        return v.Length == 0 ? Composed.Fail($"unknown unit {unit}") : new(v, DateFields.None, DateFields.None, null, false, null);
    }

    private static Composed Set(TemporalFields f)
    {
        if (f.Weekday is { } wd) return new($"XXXX-WXX-{wd}{(f.Tod is { } wt ? "T" + wt : "")}", DateFields.Weekday, DateFields.None, null, false, null);
        if (f.Season is { } season) return new($"XXXX-{season}", DateFields.None, DateFields.None, null, false, null);
        if (f.Month is { } m) return new($"XXXX-{m:00}", DateFields.Month, DateFields.None, null, false, null);
        if (f.Tod is { } tod && f.Unit is null) return new($"XXXX-XX-XXT{tod}", DateFields.PartOfDay, DateFields.None, null, false, null);
        var d = Duration(f);
        return d.Error is null ? d : Composed.Fail("a set needs a unit, weekday or month");
    }

    private static string FormatNum(double n) => n.ToString("0.##", inv);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", inv);
}
