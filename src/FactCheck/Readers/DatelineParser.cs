using System.Collections.Frozen;
using FactCheck.Lang;

namespace FactCheck.Readers;

/// <summary>Reads a publication dateline such as "Senin, 11 Jan 2021 09:24 WIB" or "January 20, 2021 8:23 AM EST" into a date-time with offset.</summary>
public static class DatelineParser
{
    /// <summary>Time-zone abbreviations used in datelines and their offsets; zone names, not language vocabulary.</summary>
    private static readonly FrozenDictionary<string, TimeSpan> zones = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase)
    {
        ["WIB"] = TimeSpan.FromHours(7), ["WITA"] = TimeSpan.FromHours(8), ["WIT"] = TimeSpan.FromHours(9),
        ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero,
        ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4), ["CST"] = TimeSpan.FromHours(-6), ["CDT"] = TimeSpan.FromHours(-5),
        ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6), ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7),
        ["BST"] = TimeSpan.FromHours(1), ["CET"] = TimeSpan.FromHours(1), ["CEST"] = TimeSpan.FromHours(2),
        ["SGT"] = TimeSpan.FromHours(8), ["MYT"] = TimeSpan.FromHours(8), ["HKT"] = TimeSpan.FromHours(8),
        ["JST"] = TimeSpan.FromHours(9), ["KST"] = TimeSpan.FromHours(9), ["AEST"] = TimeSpan.FromHours(10), ["AEDT"] = TimeSpan.FromHours(11),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that may stand in a dateline besides the date itself ("pukul 09.24", "Updated ...").</summary>
    private static readonly FrozenSet<string> fillers = new[]
    {
        "pukul", "pkl", "jam", "at", "on", "updated", "published", "posted", "diperbarui", "diterbitkan", "dipublikasikan", "terbit",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<Lexicon[]> lexicons = new(() =>
    {
        var list = new List<Lexicon>();
        foreach (var lang in new[] { "id", "en" }.Concat(LanguagePack.Available()).Distinct())
        {
            try { list.Add(LanguagePack.Get(lang).Lexicon); }
            catch (Exception e) when (e is ArgumentException or FormatException or IOException) { }
        }
        return list.ToArray();
    });

    private enum Kind { Word, Number, Punct }
    private readonly record struct Token(Kind Kind, int Start, int End, char Punct = '\0');

    /// <summary>
    /// Parses a line that is only a dateline: day, month name and year, with optional weekday, time, AM/PM and zone.
    /// With <paramref name="allowLeadingWords"/>, up to three unknown words before the date are skipped
    /// ("Diperbarui 30 Mei 2025, 14:00 WIB"); otherwise any other word makes the line not a dateline.
    /// Without a zone the clock time is kept with offset +00:00.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> line, out DateTimeOffset value, bool allowLeadingWords = false)
    {
        value = default;
        line = line.Trim();
        if (line.Length < 6 || line.Length > 120) return false;
        if (char.IsDigit(line[0]) && IsoDate.TryParse(line, out value)) return true;
        Span<Token> tokens = stackalloc Token[48];
        int n = Tokenize(line, tokens);
        if (n < 0) return false;

        int day = 0, month = 0, year = 0, hour = -1, minute = 0, second = 0, skipped = 0;
        bool pm = false, am = false, dateStarted = false;
        TimeSpan? offset = null;
        for (int i = 0; i < n; i++)
        {
            var t = tokens[i];
            var text = line[t.Start..t.End];
            switch (t.Kind)
            {
                case Kind.Punct:
                    if (t.Punct is '+' && offset is { } z0 && z0 == TimeSpan.Zero && i + 1 < n && tokens[i + 1].Kind == Kind.Number)
                    {   // UTC+7, GMT+07:00
                        if (!TryOffset(line, tokens, ref i, n, 1, out var o)) return false;
                        offset = o;
                    }
                    else if (t.Punct is '-' && offset is { } z1 && z1 == TimeSpan.Zero && i + 1 < n && tokens[i + 1].Kind == Kind.Number && tokens[i].Start == tokens[i - 1].End)
                    {
                        if (!TryOffset(line, tokens, ref i, n, -1, out var o)) return false;
                        offset = o;
                    }
                    else if (t.Punct is not (',' or '|' or '-' or '–' or '—' or '(' or ')' or '.' or '/')) return false;
                    break;
                case Kind.Number:
                {
                    int v = ParseInt(text);
                    bool sepNext = i + 2 < n && tokens[i + 1].Kind == Kind.Punct && tokens[i + 2].Kind == Kind.Number
                                   && tokens[i + 1].Start == t.End && tokens[i + 2].Start == tokens[i + 1].End;
                    char sep = sepNext ? tokens[i + 1].Punct : '\0';
                    // numeric date d/m/yyyy or d-m-yyyy or d.m.yyyy
                    if (sepNext && sep is '/' or '-' or '.' && i + 4 < n && tokens[i + 3].Kind == Kind.Punct && tokens[i + 3].Punct == sep
                        && tokens[i + 4].Kind == Kind.Number && tokens[i + 4].End - tokens[i + 4].Start == 4 && day == 0)
                    {
                        day = v; month = ParseInt(line[tokens[i + 2].Start..tokens[i + 2].End]);
                        year = ParseInt(line[tokens[i + 4].Start..tokens[i + 4].End]);
                        dateStarted = true; i += 4; break;
                    }
                    if (sepNext && sep is ':' or '.' && text.Length <= 2 && tokens[i + 2].End - tokens[i + 2].Start == 2 && hour < 0)
                    {
                        hour = v; minute = ParseInt(line[tokens[i + 2].Start..tokens[i + 2].End]); i += 2;
                        if (i + 2 < n && tokens[i + 1].Kind == Kind.Punct && tokens[i + 1].Punct == ':' && tokens[i + 2].Kind == Kind.Number)
                        { second = ParseInt(line[tokens[i + 2].Start..tokens[i + 2].End]); i += 2; }
                        break;
                    }
                    if (text.Length == 4 && year == 0) { year = v; dateStarted = true; break; }
                    if (text.Length <= 2 && day == 0 && v is >= 1 and <= 31) { day = v; dateStarted = true; break; }
                    return false;
                }
                case Kind.Word:
                {
                    if (month == 0 && TryMonth(text, out var m)) { month = m; dateStarted = true; break; }
                    if (TryWeekday(text)) break;
                    if (IsAmPm(text, out var isPm)) { if (isPm) pm = true; else am = true; break; }
                    if (zones.TryGetValue(text.ToString(), out var z)) { offset = z; break; }
                    if (fillers.Contains(text.ToString())) break;
                    if (allowLeadingWords && !dateStarted && skipped < 3) { skipped++; break; }
                    return false;
                }
            }
        }
        if (day == 0 || month is < 1 or > 12 || year is < 1900 or > 2200) return false;
        if (day > DateTime.DaysInMonth(year, month)) return false;
        if (hour < 0) hour = 0;
        if (pm && hour < 12) hour += 12;
        if (am && hour == 12) hour = 0;
        if (hour > 23 || minute > 59 || second > 59) return false;
        value = new DateTimeOffset(year, month, day, hour, minute, second, offset ?? TimeSpan.Zero);
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<char> line, Span<Token> tokens, ref int i, int n, int sign, out TimeSpan offset)
    {
        offset = default;
        var num = line[tokens[i + 1].Start..tokens[i + 1].End];
        int h, m = 0;
        if (num.Length == 4) { h = ParseInt(num[..2]); m = ParseInt(num[2..]); i += 1; }
        else if (num.Length <= 2)
        {
            h = ParseInt(num); i += 1;
            if (i + 2 < n && tokens[i + 1].Kind == Kind.Punct && tokens[i + 1].Punct == ':' && tokens[i + 2].Kind == Kind.Number)
            { m = ParseInt(line[tokens[i + 2].Start..tokens[i + 2].End]); i += 2; }
        }
        else return false;
        if (h > 14 || m > 59) return false;
        offset = sign * new TimeSpan(h, m, 0);
        return true;
    }

    private static bool TryMonth(ReadOnlySpan<char> word, out int month)
    {
        foreach (var lex in lexicons.Value)
            if (lex.TryGetMonth(word, out month)) return true;
        month = 0;
        return false;
    }

    private static bool TryWeekday(ReadOnlySpan<char> word)
    {
        foreach (var lex in lexicons.Value)
            if (lex.TryGetWeekday(word, out _)) return true;
        return false;
    }

    private static bool IsAmPm(ReadOnlySpan<char> w, out bool pm)
    {
        pm = w.Equals("pm", StringComparison.OrdinalIgnoreCase) || w.Equals("p.m", StringComparison.OrdinalIgnoreCase);
        return pm || w.Equals("am", StringComparison.OrdinalIgnoreCase) || w.Equals("a.m", StringComparison.OrdinalIgnoreCase);
    }

    private static int ParseInt(ReadOnlySpan<char> digits)
    {
        int v = 0;
        foreach (var c in digits) { v = v * 10 + (c - '0'); if (v > 100_000) return v; }
        return v;
    }

    /// <summary>Splits into words (letters, apostrophes, inner periods as in "a.m"), digit runs and single punctuation marks; -1 when too long.</summary>
    private static int Tokenize(ReadOnlySpan<char> s, Span<Token> tokens)
    {
        int n = 0, i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (n == tokens.Length) return -1;
            int start = i;
            if (char.IsLetter(c))
            {
                while (i < s.Length && (char.IsLetter(s[i]) || (s[i] is '\'' or '’' && i + 1 < s.Length && char.IsLetter(s[i + 1]))
                                        || (s[i] == '.' && i + 1 < s.Length && char.IsLetter(s[i + 1])))) i++;
                tokens[n++] = new Token(Kind.Word, start, i);
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                if (i - start > 4) return -1;
                tokens[n++] = new Token(Kind.Number, start, i);
            }
            else { tokens[n++] = new Token(Kind.Punct, start, i + 1, c); i++; }
        }
        return n;
    }
}
