using System.Globalization;

namespace FactCheck.Text.Patterns;

/// <summary>Built-in token classes decided by a token's shape rather than a lexicon: numbers, numeric dates, clock times.</summary>
public static class Shapes
{
    /// <summary>Names a pattern may use as @name without a lexicon entry.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "int", "num", "day", "monthnum", "year", "numdate", "numdm", "isodate", "clock", "ordinal", "decade", "decimal",
        "word", "cap", "any", "punct", "amount", "amountsfx", "cardinal", "colonclock", "milclock", "amountrange",
        "yearrange", "clockdur",
    };

    /// <summary>The shapes by number, so that a compiled pattern tests one without comparing its name (<see cref="KindOf"/>).</summary>
    internal enum Kind : byte
    {
        Unknown, Any, Word, Cap, Punct, Int, Num, Decimal, Day, MonthNum, Year, Ordinal, Decade, Clock, ColonClock, MilClock,
        AmountRange, NumDate, NumDm, IsoDate, Amount, AmountSfx, Cardinal, YearRange, ClockDur,
    }

    /// <summary>The kind of a shape name (<see cref="Kind.Unknown"/> for a name that is not a shape: no token has it).</summary>
    internal static Kind KindOf(string shape) => shape switch
    {
        "any" => Kind.Any, "word" => Kind.Word, "cap" => Kind.Cap, "punct" => Kind.Punct,
        "int" => Kind.Int, "num" => Kind.Num, "decimal" => Kind.Decimal, "day" => Kind.Day, "monthnum" => Kind.MonthNum,
        "year" => Kind.Year, "ordinal" => Kind.Ordinal, "decade" => Kind.Decade, "clock" => Kind.Clock,
        "colonclock" => Kind.ColonClock, "milclock" => Kind.MilClock, "amountrange" => Kind.AmountRange,
        "numdate" => Kind.NumDate, "numdm" => Kind.NumDm, "isodate" => Kind.IsoDate, "amount" => Kind.Amount,
        "amountsfx" => Kind.AmountSfx, "cardinal" => Kind.Cardinal, "yearrange" => Kind.YearRange, "clockdur" => Kind.ClockDur,
        _ => Kind.Unknown,
    };

    /// <summary>True when the token has the named shape.</summary>
    public static bool Is(string shape, string text, in Token t) => Is(KindOf(shape), text, t);

    /// <summary>True when the token has the shape.</summary>
    internal static bool Is(Kind shape, string text, in Token t)
    {
        switch (shape)
        {
            case Kind.Any: return true;
            case Kind.Word: return t.Type == TokenType.Word;
            case Kind.Cap: return t.Type == TokenType.Word && t.Capitalized;
            case Kind.Punct: return t.Type == TokenType.Punct;
            case Kind.Unknown: return false;
        }
        if (t.Type != TokenType.Number) return false;
        var s = Clean(t.Span(text));
        switch (shape)
        {
            case Kind.Int: return AllDigits(s) && s.Length <= 9;
            case Kind.Num: return (AllDigits(s) && s.Length <= 15) || TryDecimal(s, out _);
            case Kind.Decimal: return TryDecimal(s, out _);
            case Kind.Day: return AllDigits(s) && s.Length <= 2 && Int(s) is >= 1 and <= 31;
            case Kind.MonthNum: return AllDigits(s) && s.Length <= 2 && Int(s) is >= 1 and <= 12;
            case Kind.Year: return AllDigits(s) && s.Length == 4 && Int(s) is >= 1000 and <= 2199;
            case Kind.Ordinal: return TryOrdinal(s, out _);
            case Kind.Decade: return TryDecade(s, out _);
            case Kind.Clock: return TryClock(s, out _, out _);
            case Kind.ColonClock: return s.IndexOf(':') > 0 && TryClock(s, out _, out _);
            case Kind.MilClock: return TryMilitaryClock(s, out _, out _);
            case Kind.AmountRange: return TryAmountRange(s, '.', out _, out _);
            case Kind.NumDate: return NumericDateParts(s, stackalloc int[3]) == 3;
            case Kind.NumDm: return NumericDateParts(s, stackalloc int[3]) == 2;
            case Kind.IsoDate: return TryIsoDate(s, out _, out _, out _);
            case Kind.Amount: return TryAmount(s, '.', out _);
            case Kind.AmountSfx: return TrySplitSuffix(s, out var digits, out _) && TryAmount(digits, '.', out _);
            case Kind.Cardinal: return IsCardinal(s);
            case Kind.YearRange: return TryYearRange(s, out _, out _, out _);
            case Kind.ClockDur: return TryClockDuration(s, out _, out _, out _);
        }
        return false;
    }

    public static bool AllDigits(ReadOnlySpan<char> s)
    {
        s = Clean(s);
        if (s.IsEmpty) return false;
        foreach (var c in s) if (c < '0' || c > '9') return false;
        return true;
    }

    public static int Int(ReadOnlySpan<char> s) =>
        int.TryParse(Clean(s), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;

    /// <summary>
    /// A number token as ASCII: other decimal digits (full-width "１０", Arabic-Indic "١٠", Devanagari ...) become ASCII digits
    /// of the same value, full-width punctuation its ASCII form, and format characters (zero-width space, joiners, bidi marks,
    /// soft hyphen) are dropped. The token's span in the original text is unchanged, so offsets still point into it; only the
    /// value is read from the cleaned form. Plain ASCII comes back as it is, without copying.
    /// </summary>
    public static ReadOnlySpan<char> Clean(ReadOnlySpan<char> s)
    {
        int k = 0;
        while (k < s.Length && s[k] < 0x80) k++;
        if (k == s.Length) return s;
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c < 0x80) sb.Append(c);
            else if (char.GetUnicodeCategory(c) == UnicodeCategory.Format) continue;
            else if (char.IsDigit(c)) sb.Append((char)('0' + (int)char.GetNumericValue(c)));
            else if (c is >= '\uFF01' and <= '\uFF5E') sb.Append((char)(c - 0xFEE0));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>"22nd", "1st", "3rd", "4th", "ke-5" style ordinals written with digits.</summary>
    public static bool TryOrdinal(ReadOnlySpan<char> s, out int value)
    {
        s = Clean(s);
        value = 0;
        int i = 0;
        while (i < s.Length && char.IsDigit(s[i])) i++;
        if (i == 0 || i > 3) return false;
        var suffix = s[i..];
        if (!(suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
              || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)))
            return false;
        value = Int(s[..i]);
        return true;
    }

    /// <summary>"1990s", "1990-an", "80s": the decade as its first three digits (199) or two-digit form (8 -> 198).</summary>
    public static bool TryDecade(ReadOnlySpan<char> s, out int decade)
    {
        s = Clean(s);
        decade = 0;
        ReadOnlySpan<char> digits;
        if (s.EndsWith("-an", StringComparison.OrdinalIgnoreCase)) digits = s[..^3];
        else if (s.EndsWith("s", StringComparison.OrdinalIgnoreCase)) digits = s[..^1];
        else return false;
        if (!AllDigits(digits) || !digits.EndsWith("0")) return false;
        if (digits.Length == 4) { decade = Int(digits) / 10; return true; }
        if (digits.Length == 2) { decade = 190 + Int(digits) / 10; return true; }
        return false;
    }

    /// <summary>"09:24", "8.23", "23:59:10": hours and minutes (seconds ignored).</summary>
    public static bool TryClock(ReadOnlySpan<char> s, out int hour, out int minute)
    {
        s = Clean(s);
        hour = minute = -1;
        int sep = s.IndexOfAny(':', '.');
        if (sep < 1 || sep > 2) return false;
        var h = s[..sep];
        var rest = s[(sep + 1)..];
        if (rest.Length == 5 && rest[2] == s[sep]) rest = rest[..2];
        if (rest.Length != 2 || !AllDigits(h) || !AllDigits(rest)) return false;
        hour = Int(h); minute = Int(rest);
        return hour is >= 0 and <= 24 && minute is >= 0 and <= 59;
    }

    /// <summary>"2011-2012", "1987-88", "2009/10": two years joined by a hyphen or slash, the second later (two digits continue the first's century and must exceed its last two, so "2016-11" stays a month); split is the separator's index.</summary>
    public static bool TryYearRange(ReadOnlySpan<char> s, out int first, out int second, out int split)
    {
        first = second = 0;
        split = s.IndexOfAny('-', '/');
        if (split != 4 || s.Length is not (7 or 9)) return false;
        if (!AllDigits(s[..4]) || !AllDigits(s[5..])) return false;
        first = Int(s[..4]);
        second = s.Length == 9 ? Int(s[5..]) : first / 100 * 100 + Int(s[5..]);
        return first is >= 1000 and <= 2199 && second > first && second - first <= 100;
    }

    /// <summary>"2:14:09", "1:02:33": hours, minutes and seconds of a measured time (a race), read as a duration.</summary>
    public static bool TryClockDuration(ReadOnlySpan<char> s, out int hours, out int minutes, out int seconds)
    {
        hours = minutes = seconds = -1;
        int a = s.IndexOf(':');
        if (a < 1 || a > 2 || s.Length != a + 6 || s[a + 3] != ':') return false;
        if (!AllDigits(s[..a]) || !AllDigits(s.Slice(a + 1, 2)) || !AllDigits(s[(a + 4)..])) return false;
        hours = Int(s[..a]); minutes = Int(s.Slice(a + 1, 2)); seconds = Int(s[(a + 4)..]);
        return minutes <= 59 && seconds <= 59;
    }

    /// <summary>"0800", "1430": four digits read as hours and minutes (only meaningful beside a time zone: "0800 UTC").</summary>
    public static bool TryMilitaryClock(ReadOnlySpan<char> s, out int hour, out int minute)
    {
        s = Clean(s);
        hour = minute = -1;
        if (s.Length != 4 || !AllDigits(s)) return false;
        hour = Int(s[..2]); minute = Int(s[2..]);
        return hour <= 23 && minute <= 59;
    }

    /// <summary>"15-20", "200-250", "1,500-2,000": two amounts joined by a hyphen, the first smaller than the second (else a code or a score).</summary>
    public static bool TryAmountRange(ReadOnlySpan<char> s, char decimalSep, out double low, out double high)
    {
        s = Clean(s);
        low = high = 0;
        int dash = s.IndexOf('-');
        if (dash < 1 || dash == s.Length - 1 || s[(dash + 1)..].IndexOf('-') >= 0) return false;
        var a = s[..dash]; var b = s[(dash + 1)..];
        if (!TryAmount(a, decimalSep, out low) || !TryAmount(b, decimalSep, out high)) return false;
        if (AllDigits(a) && a.Length == 4 && low is >= 1800 and <= 2100) return false; // 1998-2000, 2010-11: years
        return low < high;
    }

    /// <summary>"8/1/2021", "18-06-2025", "10.1.2021" (dots need a 4-digit year), "10/1": the numeric parts in written order.</summary>
    public static bool TryNumericDate(ReadOnlySpan<char> s, out int[] parts)
    {
        s = Clean(s);
        Span<int> buf = stackalloc int[3];
        int count = NumericDateParts(s, buf);
        parts = count > 0 ? buf[..count].ToArray() : [];
        return count > 0;
    }

    /// <summary>The parts of a numeric date written into <paramref name="buf"/> (3 long); returns how many (2 or 3), or 0 when it is not one.</summary>
    private static int NumericDateParts(ReadOnlySpan<char> s, Span<int> buf)
    {
        char sep = '\0';
        Span<int> lens = stackalloc int[3];
        int count = 0, i = 0;
        while (i < s.Length)
        {
            int j = i;
            while (j < s.Length && char.IsDigit(s[j])) j++;
            if (j == i || count == 3) return 0;
            buf[count] = Int(s[i..j]);
            lens[count] = j - i;
            count++;
            if (j == s.Length) break;
            char c = s[j];
            if (c is not ('/' or '-' or '.')) return 0;
            if (sep == '\0') sep = c; else if (sep != c) return 0;
            i = j + 1;
            if (i == s.Length) return 0;
        }
        if (count < 2) return 0;
        if (lens[0] > 2 || lens[1] > 2) return 0;
        if (count == 3 && lens[2] is not (2 or 3 or 4)) return 0;
        if (sep == '.' && (count != 3 || lens[2] != 4)) return 0;
        if (sep == '-' && count != 3) return 0;
        if (count == 2 && sep != '/') return 0;
        return count;
    }

    /// <summary>"2021-01-10": ISO calendar date.</summary>
    public static bool TryIsoDate(ReadOnlySpan<char> s, out int y, out int m, out int d)
    {
        s = Clean(s);
        y = m = d = 0;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return false;
        if (!AllDigits(s[..4]) || !AllDigits(s.Slice(5, 2)) || !AllDigits(s.Slice(8, 2))) return false;
        y = Int(s[..4]); m = Int(s.Slice(5, 2)); d = Int(s.Slice(8, 2));
        return true;
    }

    /// <summary>A number written with digits: "12", "1,5" or "1.5" (decimal), "12.000" or "300,000" (thousands).</summary>
    public static bool TryDecimal(ReadOnlySpan<char> s, out double value)
    {
        s = Clean(s);
        value = 0;
        int sepCount = 0; char sep = '\0';
        foreach (var c in s)
        {
            if (char.IsDigit(c)) continue;
            if (c is '.' or ',') { sepCount++; sep = c; continue; }
            return false;
        }
        if (sepCount == 0) return double.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (sepCount != 1) return false;
        int k = s.IndexOf(sep);
        var frac = s[(k + 1)..];
        if (frac.Length == 3) return false; // a thousands group, not a decimal
        if (k == 0 || frac.Length == 0) return false;
        double whole = 0, part = 0, scale = 1;
        foreach (var c in s[..k]) whole = whole * 10 + (c - '0');
        foreach (var c in frac) { part = part * 10 + (c - '0'); scale *= 10; }
        value = whole + part / scale;
        return true;
    }

    /// <summary>
    /// A number written with digits and '.' or ',' ("12", "12.000", "300,000", "4,8", "1.5", "1.234.567,89"), read with the
    /// language's decimal separator: both separators present, the last one is decimal; one separator repeated groups thousands;
    /// a single separator is decimal when it is the language's, else it groups thousands when 3 digits follow ("12.000" in English
    /// text is 12000, "1,500" in Indonesian text is 1.5). A leading zero ("0812", "09") is a code, not an amount; "0,5" is.
    /// </summary>
    public static bool TryAmount(ReadOnlySpan<char> s, char decimalSep, out double value)
    {
        s = Clean(s);
        value = 0;
        if (s.IsEmpty || s.Length > 24 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1])) return false;
        if (s.Length > 1 && s[0] == '0' && char.IsAsciiDigit(s[1])) return false;
        int dots = 0, commas = 0, lastDot = -1, lastComma = -1;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsAsciiDigit(c)) continue;
            if (c == '.') { dots++; lastDot = i; }
            else if (c == ',') { commas++; lastComma = i; }
            else return false;
            if (!char.IsAsciiDigit(s[i - 1])) return false;
        }
        char dec = '\0';
        if (dots > 0 && commas > 0)
        {
            dec = lastDot > lastComma ? '.' : ',';
            if ((dec == '.' ? dots : commas) != 1) return false;
        }
        else if (dots + commas == 1)
        {
            char sep = dots > 0 ? '.' : ',';
            int fracLen = s.Length - (sep == '.' ? lastDot : lastComma) - 1;
            dec = sep == decimalSep || fracLen != 3 ? sep : '\0';
        }
        int decAt = dec == '\0' ? s.Length : (dec == '.' ? lastDot : lastComma);
        // thousands groups before the decimal separator: first 1-3 digits, then exactly 3
        Span<char> buf = stackalloc char[s.Length];
        int n = 0, group = 0, groups = 0;
        for (int i = 0; i < decAt; i++)
        {
            char c = s[i];
            if (char.IsAsciiDigit(c)) { buf[n++] = c; group++; continue; }
            if ((groups == 0 && group > 3) || (groups > 0 && group != 3)) return false;
            groups++; group = 0;
        }
        if (groups > 0 && group != 3) return false;
        if (n > 15) return false;
        if (dec != '\0')
        {
            buf[n++] = '.';
            for (int i = decAt + 1; i < s.Length; i++) buf[n++] = s[i];
        }
        return double.TryParse(buf[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>"12jt", "1.5bn", "300rb": the digits and a glued lowercase suffix of 1-3 letters (whether it is a multiplier is the lexicon's business).</summary>
    public static bool TrySplitSuffix(ReadOnlySpan<char> s, out ReadOnlySpan<char> digits, out ReadOnlySpan<char> suffix)
    {
        s = Clean(s);
        int k = s.Length;
        while (k > 0 && char.IsAsciiLetterLower(s[k - 1])) k--;
        digits = s[..k]; suffix = s[k..];
        return k > 0 && suffix.Length is >= 1 and <= 3;
    }

    /// <summary>An amount that can stand alone as a count: not a likely year (4 digits, 1800-2100) and not a long digit run without separators (phone numbers, ids).</summary>
    public static bool IsCardinal(ReadOnlySpan<char> s)
    {
        s = Clean(s);
        if (!TryAmount(s, '.', out _)) return false;
        if (AllDigits(s))
        {
            if (s.Length == 4 && Int(s) is >= 1800 and <= 2100) return false;
            if (s.Length >= 7) return false;
        }
        return true;
    }
}
