using System.Globalization;
using FactCheck.Text;
using FactCheck.Text.Patterns;

namespace FactCheck.Temporal;

/// <summary>The calendar and relative fields a rule's match stated, gathered from its bindings.</summary>
internal sealed class TemporalFields
{
    public int? Weekday, Day, Month, Year, Hour, Minute, Dir, Ordinal, Decade, Quarter;
    /// <summary>Years to add to the reference year when the text names the year relatively ("last year's third quarter").</summary>
    public int? YearDelta;
    /// <summary>Days to move a composed day by ("the day before last Tuesday": -1).</summary>
    public int? DayShift;
    /// <summary>True when the text names the week a day falls in ("the week of March 6"): the value is that ISO week.</summary>
    public bool WeekOf;
    /// <summary>True when the rule's number is an ordinal ("kuartal ke-2" is the second quarter, not two quarters).</summary>
    public bool NumIsOrdinal;
    /// <summary>True when the rule reads its year as a decade ("the 1970's" = 197).</summary>
    public bool YearIsDecade;
    /// <summary>Direction suggested by the sentence's tense (-1 past, +1 future), used when the text states none.</summary>
    public int? Tense;
    public double? Num;
    public bool NumUnknown, Every, YearFromText;
    /// <summary>True when the number has a written fraction ("5 1/2", "a minute and a half"), read as smaller units.</summary>
    public bool Fraction;
    public string? Tod, AmPm, Unit, Mod, Season;
    /// <summary>A holiday's rule from the lexicon or a rule ("12-25", "11-4-4" = fourth Thursday of November, "EASTER", "ELECTION").</summary>
    public string? Holiday;
    public TimeSpan? Tz;
    /// <summary>The second year of a year range ("2011-2012", "1987-88"), and where in the text it starts.</summary>
    public int? RangeYear;
    public int RangeYearStart;
    /// <summary>A measured time written like a clock ("2:14:09"): hours, minutes, seconds.</summary>
    public (int H, int M, int S)? ClockDuration;
    /// <summary>The other reading of an ambiguous numeric date (month-first vs day-first).</summary>
    public (int Day, int Month)? Alternative;

    public static TemporalFields From(Binding? bindings, string text, Token[] tokens, TemporalRule rule, string dateOrder)
    {
        var f = new TemporalFields();
        // bindings come newest-first; apply oldest-first so later words refine earlier ones
        var list = new List<Binding>();
        for (var b = bindings; b is not null; b = b.Next) list.Add(b);
        List<double>? spelled = rule.SpelledYear is not null ? [] : null;
        for (int i = list.Count - 1; i >= 0; i--)
        {
            bool number = list[i].Class is "int" or "num" or "decimal";
            if (number && spelled is not null) { if (list[i].Entry is { } ne) spelled.Add(ne.Number); else if (Shapes.TryDecimal(tokens[list[i].Token].Span(text), out var sv)) spelled.Add(sv); continue; }
            // a compound number word: "twenty-four", "forty five" (a tens word, then a unit word at most a hyphen away) is one number
            if (number && i + 1 < list.Count && list[i].Entry is { Number: >= 1 and <= 9 } unitWord && list[i + 1].Entry is { Number: >= 20 and <= 90 } tens
                && tens.Number % 10 == 0 && list[i + 1].Class == list[i].Class && list[i].Token - list[i + 1].Token is 1 or 2
                && f.Num == tens.Number) { f.Num += unitWord.Number; continue; }
            if (rule.FirstNumber && (f.Num is not null || f.NumUnknown) && number) continue;
            // in a duration, "1/2" after a number is a fraction ("5 1/2 hours"), not a day and month
            if (rule.Kind == TemporalKind.Duration && list[i].Class == "numdm" && Shapes.TryNumericDate(tokens[list[i].Token].Span(text), out var fr)
                && fr.Length == 2 && fr[0] < fr[1] && fr[1] <= 4) { f.Num = (f.Num ?? 0) + (double)fr[0] / fr[1]; f.Fraction = true; continue; }
            f.Apply(list[i], text, tokens, dateOrder);
        }
        if (spelled is { Count: > 0 })
        {
            // "nineteen ninety-six" = 19 * 100 + 90 + 6; "two thousand eight" = 2 * 1000 + 8
            double y = spelled[0] * (rule.SpelledYear == "thousands" ? 1000 : 100);
            for (int k = 1; k < spelled.Count; k++) y += spelled[k];
            f.Year = (int)y; f.YearFromText = true;
        }
        foreach (var (k, v) in rule.Bind) f.Default(k, v);
        if (f.YearIsDecade && f.Year is { } dy && dy % 10 == 0) { f.Decade = dy / 10; f.Year = null; f.YearFromText = false; }
        if (f.NumIsOrdinal && f.Ordinal is null && f.Num is { } on && on == Math.Floor(on)) { f.Ordinal = (int)on; f.Num = null; }
        return f;
    }

    private void Apply(Binding b, string text, Token[] tokens, string dateOrder)
    {
        var span = tokens[b.Token].Span(text);
        var e = b.Entry;
        switch (b.Class)
        {
            case "month": Month = e?.Number; break;
            case "weekday": Weekday = e?.Number; break;
            case "day": Day = Shapes.Int(span); break;
            case "monthnum": Month = Shapes.Int(span); break;
            case "year": Year = Shapes.Int(span); YearFromText = true; break;
            case "ordinal":
                if (e is not null) Ordinal = e.Number;
                else if (Shapes.TryOrdinal(span, out var o)) Ordinal = o;
                break;
            case "decade": if (Shapes.TryDecade(span, out var d)) Decade = d; break;
            case "milclock": if (Shapes.TryMilitaryClock(span, out var mh, out var mm)) { Hour = mh; Minute = mm; } break;
            case "colonclock":
            case "clock": if (Shapes.TryClock(span, out var h, out var mi)) { Hour = h; Minute = mi; } break;
            case "isodate":
                if (Shapes.TryIsoDate(span, out var y, out var mo, out var dd)) { Year = y; Month = mo; Day = dd; YearFromText = true; }
                break;
            case "yearrange":
                if (Shapes.TryYearRange(span, out var y1, out var y2, out var split))
                {
                    Year = y1; YearFromText = true; RangeYear = y2; RangeYearStart = tokens[b.Token].Start + split + 1;
                }
                break;
            case "clockdur":
                if (Shapes.TryClockDuration(span, out var ch, out var cm, out var cs)) ClockDuration = (ch, cm, cs);
                break;
            case "numdate":
            case "numdm":
                ApplyNumericDate(span, dateOrder);
                break;
            case "int":
            case "num":
            case "decimal":
                if (e is not null) { if (e.Text == "X") NumUnknown = true; else Num = e.Number; }
                else if (Shapes.TryDecimal(span, out var v)) Num = v;
                break;
            default:
                if (e is not null) Set(b.Class, e.ValueText);
                break;
        }
        if (e is not null) foreach (var (k, v) in e.Extra) Set(k, v);
    }

    private void ApplyNumericDate(ReadOnlySpan<char> span, string dateOrder)
    {
        if (!Shapes.TryNumericDate(span, out var p)) return;
        int a = p[0], b = p[1];
        bool monthFirst = dateOrder == "mdy";
        Day = monthFirst ? b : a;
        Month = monthFirst ? a : b;
        if (monthFirst && a <= 12 && b <= 12 && a != b) Alternative = (a, b);
        if (p.Length == 3)
        {
            Year = p[2] < 100 && span.Length - span.LastIndexOfAny('/', '-', '.') == 3 ? (p[2] < 50 ? 2000 + p[2] : 1900 + p[2]) : p[2];
            YearFromText = true;
        }
    }

    /// <summary>Sets a field by name from lexicon or rule data.</summary>
    public void Set(string key, string value)
    {
        int Int() => int.Parse(value, CultureInfo.InvariantCulture);
        switch (key)
        {
            case "unit": Unit = value; break;
            case "qunit": Unit = value; Num ??= 1; break;
            case "num":
                if (value == "X") NumUnknown = true;
                else Num = double.Parse(value, CultureInfo.InvariantCulture);
                break;
            case "dir":
            case "predir": Dir = Int(); break;
            case "yeardelta": YearDelta = Int(); break;
            case "dayshift": DayShift = Int(); break;
            case "weekof": WeekOf = true; break;
            case "numordinal": NumIsOrdinal = true; break;
            case "yeardecade": YearIsDecade = true; break;
            case "tod": Tod = value; break;
            case "ampm": AmPm = value; break;
            case "tz": Tz = TimeSpan.Parse(value.TrimStart('+', '-'), CultureInfo.InvariantCulture) * (value.StartsWith('-') ? -1 : 1); break;
            case "mod": Mod = value; break;
            case "season": Season = value; break;
            case "holiday":
            case "holidayname": Holiday = value; break;
            case "plus": Num = (Num ?? 0) + double.Parse(value, CultureInfo.InvariantCulture); Fraction = true; break;
            case "every": Every = true; break;
            case "quarter": Quarter = Int(); break;
            case "ordinal": Ordinal = Int(); break;
            case "month": Month = Int(); break;
            case "day": Day = Int(); break;
            case "weekday": Weekday = Int(); break;
            case "hour": Hour = Int(); break;
            case "minute": Minute = Int(); break;
        }
    }

    private void Default(string key, string value)
    {
        bool missing = key switch
        {
            "unit" => Unit is null, "num" => Num is null && !NumUnknown, "dir" => Dir is null, "tod" => Tod is null,
            "mod" => Mod is null, "month" => Month is null, "day" => Day is null, "weekday" => Weekday is null,
            "hour" => Hour is null, "minute" => Minute is null, "quarter" => Quarter is null, "season" => Season is null, "holiday" => Holiday is null, "yeardelta" => YearDelta is null, "dayshift" => DayShift is null, "ordinal" => Ordinal is null,
            _ => true,
        };
        if (missing) Set(key, value);
    }
}
