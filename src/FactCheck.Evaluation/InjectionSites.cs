using System.Globalization;
using System.Text.RegularExpressions;

namespace FactCheck.Evaluation;

/// <summary>
/// A place in an article's text that the injection harness can edit, found by the harness's own recognizers.
/// <see cref="Key"/> is the written value normalized for comparing across articles ("md:3-12", "y:2009", "wd:2",
/// "n:36 senators", "name:Jim Mattis"); <see cref="Value"/> is the part of the text that an edit changes.
/// </summary>
public sealed record Site(int Start, int End, string Text, string Key)
{
    /// <summary>Where inside <see cref="Text"/> (offsets into the article) the value an edit changes lies.</summary>
    public int ValueStart { get; init; }
    public int ValueEnd { get; init; }
    /// <summary>The parsed fields, for the edit: day, month (1-12), year, weekday (1 = Monday ... 7 = Sunday), count.</summary>
    public int? Day { get; init; }
    public int? Month { get; init; }
    public int? Year { get; init; }
    public int? Weekday { get; init; }
    public double? Count { get; init; }
    /// <summary>The form of the site: month-day, day-month, numeric, year, weekday; digits, grouped, decimal, word; name.</summary>
    public string Form { get; init; } = "";
    public string Value(string text) => text[ValueStart..ValueEnd];
    /// <summary>Every key the site may be matched on: for a count, its value with the head noun and with each later noun before the phrase ends.</summary>
    public IReadOnlyList<string> Keys { get => keys ?? [Key]; init => keys = value; }
    private readonly IReadOnlyList<string>? keys;
}

/// <summary>
/// The injection harness's own recognizers of dates, counts and names: simple regular expressions over the text, compiled once
/// with a timeout, independent of the engine's extractors, so that the harness measures the checker instead of agreeing with it.
/// </summary>
public static class InjectionSites
{
    // wall-clock, so generous: the harness reads the shared corpora (known text), and on a machine shared by many jobs a
    // 2 s limit was once reached by a short pattern on a short article
    private static readonly TimeSpan timeout = TimeSpan.FromSeconds(10);
    private const RegexOptions Opts = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    // month forms (English and Indonesian) -> month number
    private static readonly Dictionary<string, int> weekdays = new(StringComparer.Ordinal)
    {
        ["Monday"] = 1, ["Tuesday"] = 2, ["Wednesday"] = 3, ["Thursday"] = 4, ["Friday"] = 5, ["Saturday"] = 6, ["Sunday"] = 7,
        ["Senin"] = 1, ["Selasa"] = 2, ["Rabu"] = 3, ["Kamis"] = 4, ["Jumat"] = 5, ["Jum'at"] = 5, ["Sabtu"] = 6, ["Minggu"] = 7,
    };
    private static readonly string[] weekdayEn = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] weekdayId = ["", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];
    private static readonly string[] monthEn = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] monthId = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly Dictionary<string, int> months = BuildMonths();

    private static Dictionary<string, int> BuildMonths()
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int m = 1; m <= 12; m++) { d[monthEn[m]] = m; d[monthId[m]] = m; }
        string[] enShort = ["", "Jan.", "Feb.", "Mar.", "Apr.", "", "", "", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
        string[] idShort = ["", "Jan", "Feb", "Mar", "Apr", "", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
        for (int m = 1; m <= 12; m++)
        {
            if (enShort[m] != "") d[enShort[m]] = m;
            if (idShort[m] != "") d[idShort[m]] = m;
        }
        d["Agt"] = 8; d["Sept"] = 9; d["Pebruari"] = 2; d["Nopember"] = 11;
        return d;
    }

    private static string Alt(IEnumerable<string> words) => string.Join("|", words.OrderByDescending(w => w.Length).Select(Regex.Escape));
    private static readonly string Mon = Alt(months.Keys);
    private static readonly string Wd = Alt(weekdays.Keys);

    private static readonly Regex monthDay = new($@"(?<![\p{{L}}\d])(?<mon>{Mon})(?!\p{{L}})\s+(?<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:.]\d)(?:,?\s+(?<y>(?:19|20)\d{{2}})(?!\d))?", Opts, timeout);
    private static readonly Regex dayMonth = new($@"(?<![\p{{L}}\d/.,-])(?<d>\d{{1,2}})\s+(?<mon>{Mon})(?!\p{{L}})(?:,?\s+(?<y>(?:19|20)\d{{2}})(?!\d))?", Opts, timeout);
    private static readonly Regex numeric = new(@"(?<![\d/.-])(?<a>\d{1,2})/(?<b>\d{1,2})/(?<y>(?:19|20)\d{2})(?![\d/])", Opts, timeout);
    private static readonly Regex sinceYear = new(@"(?<![\p{L}])(?<p>[Ss]ince|[Ii]n|[Ss]ejak|[Tt]ahun)\s+(?<y>(?:19|20)\d{2})(?![\d/.,]\d|\d)", Opts, timeout);
    private static readonly Regex onWeekday = new($@"(?<![\p{{L}}])(?<p>[Oo]n|[Ll]ast|[Pp]ada|[Hh]ari|[Ss]ejak)\s+(?<w>{Wd})(?!\p{{L}})", Opts, timeout);
    private static readonly Regex anyWeekday = new($@"(?<![\p{{L}}])(?<w>{Wd})(?!\p{{L}})", Opts, timeout);
    /// <summary>A weekday followed by a full date: "Kamis (19/6/2025)", "Senin, 12 Februari 2018", "Tuesday, March 12, 2019".</summary>
    private static readonly Regex weekdayDate = new($@"(?<![\p{{L}}])(?<w>{Wd}),?\s*(?:(?:pagi|siang|sore|malam|morning|afternoon|evening|night)\s*)?(?:(?:\(\s*)?(?<d>\d{{1,2}})[/.-](?<m>\d{{1,2}})[/.-](?<y>(?:19|20)\d{{2}})|(?<d>\d{{1,2}})\s+(?<mon>{Mon})\s+(?<y>(?:19|20)\d{{2}})|(?<mon>{Mon})\s+(?<d>\d{{1,2}}),?\s+(?<y>(?:19|20)\d{{2}}))(?!\d)", Opts, timeout);
    private static readonly Regex weekdayBefore = new($@"(?<![\p{{L}}])(?:{Wd})(?!\p{{L}})[\s,(]*(?:(?:pagi|siang|sore|malam|morning|afternoon|evening|night)[\s,(]*)?$", Opts, timeout);

    // counts
    private static readonly Dictionary<string, int> numberWordsEn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
    };
    private static readonly Dictionary<string, int> numberWordsId = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dua"] = 2, ["tiga"] = 3, ["empat"] = 4, ["lima"] = 5, ["enam"] = 6, ["tujuh"] = 7, ["delapan"] = 8, ["sembilan"] = 9,
        ["sepuluh"] = 10, ["sebelas"] = 11,
    };
    private static readonly string[] scales = ["ribu", "juta", "miliar", "milyar", "triliun", "thousand", "million", "billion", "trillion"];
    private static readonly string[] percents = ["persen", "percent", "%"];
    private static readonly HashSet<string> notHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        // function words
        "of", "to", "and", "or", "in", "on", "at", "the", "an", "for", "from", "by", "with", "is", "was", "were", "are", "be", "been", "has",
        "have", "had", "that", "who", "which", "as", "more", "than", "per", "into", "out", "over", "up", "down", "after", "before", "times",
        "dari", "di", "ke", "dan", "atau", "yang", "untuk", "pada", "dengan", "itu", "ini", "lalu", "lagi", "pun", "sebagai", "oleh",
        "adalah", "kali", "hingga", "sampai", "dalam", "saja", "lebih", "para", "sudah", "telah", "akan", "ia", "tersebut", "kata",
        // clock words and parts of day: "10 am", "pukul 10 malam" are times, not counts
        "old", "am", "pm", "a.m", "p.m", "pukul", "wib", "wita", "wit", "malam", "pagi", "siang", "sore", "lalu", "silam", "mendatang", "ago",
    };
    private static readonly HashSet<string> modifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "other", "more", "new", "additional", "former", "current", "young", "small", "large", "major", "senior", "top", "different", "separate",
        "local", "foreign", "armed", "civilian", "sitting", "total", "registered", "active", "active-duty", "unarmed", "innocent", "undocumented",
        "federal", "state", "retired", "elected", "military", "black", "white", "female", "male", "high-ranking", "veteran",
    };
    private static readonly Regex count = new(
        @"(?:(?<=Rp)|(?<![\p{L}\d.,/:+\-#]))(?<n>\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?|" + Alt(numberWordsEn.Keys.Concat(numberWordsId.Keys).SelectMany(w => new[] { w, char.ToUpperInvariant(w[0]) + w[1..] })) + @")(?![\p{L}\d])"
        + @"(?:(?<pct>%)|\s+(?<scale>" + Alt(scales) + @")(?!\p{L})|(?<ws>\s+\p{L}[\p{L}\-]*\p{L}(?:[ ]\p{L}[\p{L}\-]*\p{L}){0,2}))",
        Opts, timeout);
    private static readonly Regex countBefore = new(@"(?:\b(?:ke|no|nomor|pasal|nomer|number|pukul|jam|at|tanggal|tgl)[\s.-]*|[+#])$", Opts | RegexOptions.IgnoreCase, timeout);
    private static readonly Regex qualifierBefore = new(@"(?:\b(?:about|around|nearly|almost|roughly|approximately|some|over|more than|less than|at least|up to|sekitar|hampir|lebih dari|kurang dari|sedikitnya|setidaknya|sekira|kira-kira|hingga|sebanyak|mencapai))\s*$", Opts | RegexOptions.IgnoreCase, timeout);

    // names
    private static readonly Regex nameRun = new(@"(?<![\p{L}\d.'’-])(?:\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+)?)(?:[ ](?:\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+)?))+(?![\p{L}\d'’-])", Opts, timeout);
    private static readonly HashSet<string> nameStop = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "When", "While", "After", "Before", "As", "For", "From", "To", "With",
        "This", "That", "These", "Those", "It", "He", "She", "They", "We", "His", "Her", "Their", "Our", "Its", "Mr", "Mrs", "Ms", "Dr", "By",
        "Of", "Yet", "So", "Since", "Still", "Then", "There", "Here", "What", "Why", "How", "Who", "Also", "Now", "Last", "Next", "Some", "Many",
        "Di", "Pada", "Dalam", "Menurut", "Namun", "Sementara", "Selain", "Dengan", "Untuk", "Ia", "Dia", "Mereka", "Kami", "Kita", "Saat",
        "Ketika", "Sejak", "Setelah", "Sebelum", "Hal", "Itu", "Ini", "Baca", "Juga", "Simak", "Adapun", "Kemudian", "Lalu", "Bahkan", "Sedangkan",
        "Meski", "Jika", "Kalau", "Karena", "Sebab", "Oleh", "Dari", "Ke", "Yang", "Dan", "Atau", "Tak", "Tidak", "Bukan", "Sebelumnya",
        "Selanjutnya", "Berdasarkan", "Terkait", "Soal", "Advertisement", "Foto", "Video", "Tonton", "Lihat",
    };

    /// <summary>Dates without a stated weekday beside them: "March 12", "12 March 2019", "12 Maret 2025", "12/3/2025", "since 2009", "on Tuesday".</summary>
    public static IReadOnlyList<Site> Dates(string text, string lang)
    {
        var sites = new List<Site>();
        bool Beside(int start) => weekdayBefore.IsMatch(text.AsSpan(Math.Max(0, start - 24), start - Math.Max(0, start - 24)).ToString());
        foreach (Match m in monthDay.Matches(text)) AddDayMonth(m, "month-day");
        foreach (Match m in dayMonth.Matches(text)) AddDayMonth(m, "day-month");
        foreach (Match m in numeric.Matches(text))
        {
            if (Beside(m.Index)) continue;
            int a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture), b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
            bool dayFirst = lang != "en";
            var (d, mo, dg) = dayFirst ? (a, b, m.Groups["a"]) : (b, a, m.Groups["b"]);
            int y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) continue;
            sites.Add(new Site(m.Index, m.Index + m.Length, m.Value, $"md:{mo}-{d}") { ValueStart = dg.Index, ValueEnd = dg.Index + dg.Length, Day = d, Month = mo, Year = y, Form = "numeric" });
        }
        foreach (Match m in sinceYear.Matches(text))
        {
            var g = m.Groups["y"];
            sites.Add(new Site(m.Index, m.Index + m.Length, m.Value, "y:" + g.Value) { ValueStart = g.Index, ValueEnd = g.Index + g.Length, Year = int.Parse(g.Value, CultureInfo.InvariantCulture), Form = "year" });
        }
        foreach (Match m in onWeekday.Matches(text))
        {
            var g = m.Groups["w"];
            int after = m.Index + m.Length;
            // a weekday followed by a date is a weekday date (the DateTypo kind), not a weekday alone
            var rest = text.AsSpan(after, Math.Min(24, text.Length - after)).ToString();
            if (Regex.IsMatch(rest, $@"^[\s,(]*(?:(?:pagi|siang|sore|malam|morning|afternoon|evening|night)[\s,(]*)?(?:\d|(?:{Mon})(?!\p{{L}}))", RegexOptions.CultureInvariant, timeout)) continue;
            sites.Add(new Site(m.Index, after, m.Value, "wd:" + weekdays[g.Value]) { ValueStart = g.Index, ValueEnd = g.Index + g.Length, Weekday = weekdays[g.Value], Form = "weekday" });
        }
        return sites.OrderBy(s => s.Start).ToList();

        void AddDayMonth(Match m, string form)
        {
            if (Beside(m.Index)) return;
            var dg = m.Groups["d"];
            int d = int.Parse(dg.Value, CultureInfo.InvariantCulture), mo = months[m.Groups["mon"].Value];
            int? y = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            if (d < 1 || d > DateTime.DaysInMonth(y ?? 2000, mo)) return;
            // "May 5" in English is usually a date, "may" lower case is a verb and is not matched (the month is capitalized)
            sites.Add(new Site(m.Index, m.Index + m.Length, m.Value, $"md:{mo}-{d}") { ValueStart = dg.Index, ValueEnd = dg.Index + dg.Length, Day = d, Month = mo, Year = y, Form = form });
        }
    }

    /// <summary>
    /// Every date value the text writes, with or without a weekday beside it, by key, with where it is first written (what another
    /// article "also states"): month and day of every date, a weekday wherever it stands, a year wherever it stands.
    /// </summary>
    public static IReadOnlyDictionary<string, (int Start, int End)> DateKeys(string text, string lang)
    {
        var keys = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var s in Dates(text, lang)) keys.TryAdd(s.Key, (s.Start, s.End));
        foreach (var s in WeekdayDates(text, lang)) keys.TryAdd($"md:{s.Month}-{s.Day}", (s.Start, s.End));
        foreach (Match m in anyWeekday.Matches(text)) keys.TryAdd("wd:" + weekdays[m.Groups["w"].Value], (m.Index, m.Index + m.Length));
        foreach (Match m in yearToken.Matches(text)) keys.TryAdd("y:" + m.Value, (m.Index, m.Index + m.Length));
        return keys;
    }

    private static readonly Regex yearToken = new(@"(?<![\d.,/])(?:19|20)\d{2}(?![\d/]|[.,]\d)", Opts, timeout);

    /// <summary>A weekday beside a full date: "Kamis (19/6/2025)", "Senin, 12 Februari 2018", "Tuesday, March 12, 2019"; day-first numbers.</summary>
    public static IReadOnlyList<Site> WeekdayDates(string text, string lang = "id")
    {
        var sites = new List<Site>();
        foreach (Match m in weekdayDate.Matches(text))
        {
            var dg = m.Groups["d"];
            // numbers are day first in Indonesian, month first in English
            if (lang == "en" && !m.Groups["mon"].Success) dg = m.Groups["m"];
            int d = int.Parse(dg.Value, CultureInfo.InvariantCulture), y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            int mo = m.Groups["mon"].Success ? months[m.Groups["mon"].Value]
                : int.Parse((lang == "en" ? m.Groups["d"] : m.Groups["m"]).Value, CultureInfo.InvariantCulture);
            if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) continue;
            int wd = weekdays[m.Groups["w"].Value];
            sites.Add(new Site(m.Index, m.Index + m.Length, m.Value, $"wdate:{y}-{mo}-{d}")
            {
                ValueStart = dg.Index, ValueEnd = dg.Index + dg.Length, Day = d, Month = mo, Year = y, Weekday = wd,
                Form = m.Groups["mon"].Success ? "weekday-month" : "weekday-numeric",
            });
        }
        return sites;
    }

    /// <summary>True when the stated weekday fits the stated date.</summary>
    public static bool WeekdayFits(Site s) => s is { Day: { } d, Month: { } m, Year: { } y, Weekday: { } w } && ((int)new DateOnly(y, m, d).DayOfWeek + 6) % 7 + 1 == w;

    /// <summary>Counts: a number (digits or a number word) and the noun, scale word or percent after it ("36 senators", "5 juta", "tujuh orang", "50 persen").</summary>
    public static IReadOnlyList<Site> Counts(string text, string lang)
    {
        var sites = new List<Site>();
        foreach (Match m in count.Matches(text))
        {
            var n = m.Groups["n"];
            var others = new List<string>();
            var before = text.AsSpan(Math.Max(0, n.Index - 12), n.Index - Math.Max(0, n.Index - 12)).ToString();
            if (countBefore.IsMatch(before)) continue;
            // the unit: a percent, a scale word, or the head noun right after the number, or after one modifier ("2,000 American troops", "19 other states")
            string unit;
            int end;
            if (m.Groups["pct"].Success || m.Groups["scale"].Success)
            {
                unit = m.Groups["pct"].Success ? "persen" : m.Groups["scale"].Value;
                end = m.Index + m.Length;
            }
            else
            {
                // the head noun: the first word after the number that is not a modifier; a capitalized word or a modifier may come before it
                var words = Regex.Matches(m.Groups["ws"].Value, @"\S+", RegexOptions.CultureInvariant, timeout).Select(w => (Start: m.Groups["ws"].Index + w.Index, W: w.Value)).ToList();
                unit = "";
                end = 0;
                foreach (var (ws, w) in words)
                {
                    if (notHeads.Contains(w) || months.ContainsKey(w) || weekdays.ContainsKey(w)) break;
                    bool modifier = modifiers.Contains(w) || char.IsUpper(w[0]);
                    if (!modifier)
                    {
                        if (unit == "") { unit = w; end = ws + w.Length; }
                        else others.Add(w.ToLowerInvariant());
                    }
                    if (IsSentenceEnd(text, ws + w.Length)) break;
                }
                if (unit == "") continue;
            }
            unit = unit.ToLowerInvariant();
            if (unit is "percent" or "persen" or "%") unit = "persen";
            var (value, form) = ParseNumber(n.Value, lang);
            if (value is null) continue;
            if (form == "digits" && value is >= 1900 and <= 2099) continue;               // a year
            if (form == "digits" && n.Value.Length >= 7) continue;                         // a phone or id number
            if (value < 2 && !m.Groups["scale"].Success) continue;
            if (form == "word" && char.IsUpper(n.Value[0]) && unit.Length > 0 && m.Index > 0 && !IsSentenceStart(text, m.Index)) continue;
            string v = value.Value.ToString("R", CultureInfo.InvariantCulture);
            sites.Add(new Site(m.Index, end, text[m.Index..end], $"n:{v} {unit}")
            {
                ValueStart = n.Index, ValueEnd = n.Index + n.Length, Count = value, Form = form,
                Keys = [$"n:{v} {unit}", .. others.Where(o => !notHeads.Contains(o)).Select(o => $"n:{v} {o}")],
            });
        }
        return sites;
    }

    /// <summary>True when a qualifier (about, sekitar, more than) stands right before the count.</summary>
    public static bool Qualified(string text, Site s) =>
        qualifierBefore.IsMatch(text.AsSpan(Math.Max(0, s.ValueStart - 16), s.ValueStart - Math.Max(0, s.ValueStart - 16)).ToString());

    private static bool IsSentenceEnd(string text, int at) => at < text.Length && text[at] is '.' or ',' or ';' or ':' or '!' or '?' or '\n';

    private static bool IsSentenceStart(string text, int at)
    {
        int i = at - 1;
        while (i >= 0 && text[i] is ' ' or '"' or '“' or '(') i--;
        return i < 0 || text[i] is '.' or '!' or '?' or '\n';
    }

    /// <summary>The value of a number as written: digits, grouped digits (2,000; 2.000), a decimal (1.3; 5,5) or a number word.</summary>
    public static (double? Value, string Form) ParseNumber(string s, string lang)
    {
        if (numberWordsEn.TryGetValue(s, out var we)) return (we, "word");
        if (numberWordsId.TryGetValue(s, out var wi)) return (wi, "word");
        if (Regex.IsMatch(s, @"^\d{1,3}(?:[.,]\d{3})+$", RegexOptions.CultureInvariant, timeout))
        {
            // "2,000" in English and "2.000" in Indonesian are thousands; "1.500" in English, "2,500" in Indonesian could be decimals: take the language's reading
            char sep = s.First(c => c is '.' or ',');
            bool grouping = lang == "en" ? sep == ',' : sep == '.';
            if (grouping && s.All(c => char.IsDigit(c) || c == sep))
                return (double.Parse(s.Replace(sep.ToString(), ""), CultureInfo.InvariantCulture), "grouped");
        }
        if (Regex.IsMatch(s, @"^\d+$", RegexOptions.CultureInvariant, timeout)) return (double.Parse(s, CultureInfo.InvariantCulture), "digits");
        var dec = Regex.Match(s, @"^(\d+)([.,])(\d+)$", RegexOptions.CultureInvariant, timeout);
        if (dec.Success)
        {
            char decimalSep = lang == "en" ? '.' : ',';
            if (dec.Groups[2].Value[0] != decimalSep) return (null, "");
            return (double.Parse(dec.Groups[1].Value + "." + dec.Groups[3].Value, CultureInfo.InvariantCulture), "decimal");
        }
        return (null, "");
    }

    /// <summary>Capitalized names of two or more words (each of two letters or more), leading function words trimmed.</summary>
    public static IReadOnlyList<Site> Names(string text)
    {
        var sites = new List<Site>();
        foreach (Match m in nameRun.Matches(text))
        {
            var words = new List<(int Start, string W)>();
            foreach (Match w in Regex.Matches(m.Value, @"\S+", RegexOptions.CultureInvariant, timeout)) words.Add((m.Index + w.Index, w.Value));
            int a = 0, b = words.Count;
            while (a < b && (nameStop.Contains(words[a].W) || weekdays.ContainsKey(words[a].W) || months.ContainsKey(words[a].W))) a++;
            while (b > a && (nameStop.Contains(words[b - 1].W) || weekdays.ContainsKey(words[b - 1].W) || months.ContainsKey(words[b - 1].W))) b--;
            if (b - a < 2) continue;
            // a run broken by a function word in the middle ("Trump And Pence") is not one name
            if (words.Skip(a).Take(b - a).Any(w => nameStop.Contains(w.W))) continue;
            // the whole run, and its shorter ends ("Defense Secretary Jim Mattis": also "Jim Mattis", "Secretary Jim Mattis", "Defense Secretary")
            for (int i = a; i <= b - 2; i++)
                for (int j = b; j >= i + 2; j--)
                {
                    if (i != a && j != b) continue;
                    int start = words[i].Start, end = words[j - 1].Start + words[j - 1].W.Length;
                    var name = text[start..end];
                    sites.Add(new Site(start, end, name, "name:" + name) { ValueStart = start, ValueEnd = end, Form = i == a && j == b ? "name" : "name-part" });
                }
        }
        return sites;
    }

    /// <summary>The words a text writes in lower case (common words: "direktur", "tahun"), lowered.</summary>
    public static IReadOnlySet<string> LowerCaseWords(IEnumerable<string> texts) =>
        texts.SelectMany(t => wordRx.Matches(t).Select(m => m.Value)).Where(w => char.IsLower(w[0])).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when every word of a capitalized run is a word the story also writes in lower case ("Peraturan Pemerintah", "Ulang Tahun"): a capitalized phrase, not a name.</summary>
    public static bool IsCommonPhrase(string name, IReadOnlySet<string> lowerCaseWords) =>
        wordRx.Matches(name).All(m => lowerCaseWords.Contains(m.Value.ToLowerInvariant()));

    /// <summary>True when <paramref name="text"/> writes <paramref name="name"/> exactly, as whole words.</summary>
    public static bool WritesName(string text, string name)
    {
        for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            int end = at + name.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]))) return true;
        }
        return false;
    }

    // ---------- edits ----------

    /// <summary>The date site's text with the day moved by 2-5 (staying valid), the year moved back by 2-4, or the weekday changed.</summary>
    public static string? EditDate(string text, Site s, Random rng)
    {
        var value = s.Value(text);
        string replaced;
        if (s.Weekday is { } w && s.Day is null)
        {
            int nw = (w - 1 + rng.Next(2, 6)) % 7 + 1;
            var names = weekdayEn.Contains(value) ? weekdayEn : weekdayId;
            replaced = value == "Jum'at" ? weekdayId[nw] : names[nw];
        }
        else if (s.Day is { } d)
        {
            int days = DateTime.DaysInMonth(s.Year ?? 2001, s.Month!.Value);
            int delta = rng.Next(2, 6);
            int nd = d + (rng.Next(2) == 0 ? delta : -delta);
            if (nd < 1 || nd > days) nd = d + (nd < 1 ? delta : -delta);
            if (nd < 1 || nd > days) return null;
            replaced = nd.ToString(value.Length == 2 && nd < 10 ? "00" : "0", CultureInfo.InvariantCulture);
        }
        else if (s.Year is { } y) replaced = (y - rng.Next(2, 5)).ToString(CultureInfo.InvariantCulture);
        else return null;
        return Splice(text, s, replaced);
    }

    /// <summary>A weekday date's text with the day moved by 1-3 so the weekday no longer fits.</summary>
    public static string? EditWeekdayDate(string text, Site s, Random rng)
    {
        int d = s.Day!.Value, days = DateTime.DaysInMonth(s.Year!.Value, s.Month!.Value);
        int delta = rng.Next(1, 4);
        int nd = d + (rng.Next(2) == 0 ? delta : -delta);
        if (nd < 1 || nd > days) nd = d + (nd < 1 ? delta : -delta);
        if (nd < 1 || nd > days) return null;
        return Splice(text, s, nd.ToString(s.Value(text).Length == 2 && nd < 10 ? "00" : "0", CultureInfo.InvariantCulture));
    }

    /// <summary>The count site's text with a clearly different number: digits reversed (36 -> 63), a small number moved by 2-3 (5 -> 7), others times 1.6; a number word by 3.</summary>
    public static string EditCount(string text, Site s, string lang)
    {
        var value = s.Value(text);
        double v = s.Count!.Value;
        bool percent = s.Key.EndsWith(" persen", StringComparison.Ordinal);
        string replaced;
        switch (s.Form)
        {
            case "word":
            {
                var words = numberWordsEn.ContainsKey(value) ? numberWordsEn : numberWordsId;
                int target = words.ContainsValue((int)v + 3) ? (int)v + 3 : (int)v - 3;
                var word = words.FirstOrDefault(kv => kv.Value == target).Key ?? (words == numberWordsId && target == 12 ? "dua belas" : "");
                if (word == "") word = target.ToString(CultureInfo.InvariantCulture);
                replaced = char.IsUpper(value[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word;
                break;
            }
            case "digits":
            {
                long n = (long)v;
                var rev = new string(value.Reverse().ToArray());
                long r = long.Parse(rev, CultureInfo.InvariantCulture);
                long nv = value.Length >= 2 && rev[0] != '0' && Math.Abs(r - n) >= 0.25 * Math.Max(r, n) && (!percent || r <= 100) && !(r is >= 1900 and <= 2099) ? r
                    : n < 10 ? (n <= 7 ? n + 2 : n - 3)
                    : percent && n * 1.6 > 100 ? (long)Math.Round(n * 0.6)
                    : (long)Math.Round(n * 1.6);
                replaced = nv.ToString(CultureInfo.InvariantCulture);
                break;
            }
            case "grouped":
            {
                char sep = value.First(c => c is '.' or ',');
                long nv = (long)Math.Round(v * 1.6);
                replaced = nv.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', sep);
                break;
            }
            default: // decimal
            {
                char sep = value.Contains(',') ? ',' : '.';
                int decimals = value.Length - value.IndexOf(sep) - 1;
                double nv = percent && v * 1.6 > 100 ? v * 0.6 : v * 1.6;
                replaced = nv.ToString("F" + decimals, CultureInfo.InvariantCulture).Replace('.', sep);
                break;
            }
        }
        return Splice(text, s, replaced);
    }

    /// <summary>A typing slip in one word of a name (four letters or more): two inner letters swapped, or one dropped; null when no word can take one.</summary>
    public static string? Typo(string name, Random rng, IReadOnlySet<string>? commonWords = null)
    {
        var words = Regex.Matches(name, @"\p{L}{4,}", RegexOptions.CultureInvariant, timeout).ToList();
        // the slip goes into a proper word ("Maumere" in "Kepala Bandara Maumere") when the text writes the others in lower case too
        var proper = words.Where(w => commonWords is null || !commonWords.Contains(w.Value.ToLowerInvariant())).ToList();
        if (proper.Count > 0) words = proper;
        if (words.Count == 0) return null;
        var w = words[rng.Next(words.Count)];
        // inner positions only: the first and the last letter stay
        var inner = Enumerable.Range(w.Index + 1, w.Length - 3).Where(i => name[i] != name[i + 1] && char.IsLower(name[i]) && char.IsLower(name[i + 1])).ToList();
        if (inner.Count == 0) return null;
        int k = inner[rng.Next(inner.Count)];
        return rng.Next(2) == 0
            ? name[..k] + name[k + 1] + name[k] + name[(k + 2)..]
            : name[..k] + name[(k + 1)..];
    }

    /// <summary>A numeric date ("19/6/2025") or an English "March 12, 2019" rewritten as "19 Juni 2025" / "12 March 2019": the same date.</summary>
    public static string? ReformatDate(string text, Site s, string lang)
    {
        if (s.Year is null || s.Month is null || s.Day is null) return null;
        var monthName = lang == "en" ? monthEn[s.Month.Value] : monthId[s.Month.Value];
        return s.Form switch
        {
            "numeric" => $"{s.Day} {monthName} {s.Year}",
            "month-day" when lang == "en" => $"{s.Day} {monthName} {s.Year}",
            _ => null,
        };
    }

    private static string Splice(string text, Site s, string replaced) =>
        text[s.Start..s.ValueStart] + replaced + text[s.ValueEnd..s.End];

    // ---------- benign paraphrase ----------

    private static readonly Dictionary<string, string> synonymsId = new(StringComparer.Ordinal)
    {
        ["mengatakan"] = "menyatakan", ["menyatakan"] = "mengatakan", ["sangat"] = "amat", ["namun"] = "akan tetapi", ["tetapi"] = "namun",
        ["karena"] = "sebab", ["kemudian"] = "lalu", ["sekarang"] = "kini", ["kini"] = "sekarang", ["bisa"] = "dapat", ["dapat"] = "bisa",
        ["harus"] = "mesti", ["ingin"] = "mau", ["telah"] = "sudah", ["sudah"] = "telah", ["agar"] = "supaya", ["supaya"] = "agar",
        ["hanya"] = "cuma", ["ketika"] = "saat", ["menjelaskan"] = "menerangkan", ["mengungkapkan"] = "menyampaikan", ["menyebut"] = "mengatakan",
        ["merupakan"] = "adalah", ["membuat"] = "menjadikan", ["memberikan"] = "memberi", ["mendapatkan"] = "memperoleh", ["penting"] = "utama",
    };
    private static readonly Dictionary<string, string> synonymsEn = new(StringComparer.Ordinal)
    {
        ["said"] = "stated", ["says"] = "states", ["told"] = "informed", ["but"] = "yet", ["very"] = "really", ["big"] = "large",
        ["large"] = "big", ["help"] = "assist", ["helped"] = "assisted", ["began"] = "started", ["started"] = "began", ["quickly"] = "rapidly",
        ["important"] = "significant", ["show"] = "indicate", ["shows"] = "indicates", ["showed"] = "indicated", ["buy"] = "purchase",
        ["wanted"] = "sought", ["however"] = "nevertheless", ["because"] = "as", ["believe"] = "think", ["believes"] = "thinks",
        ["called"] = "described", ["criticized"] = "faulted", ["asked"] = "requested", ["decision"] = "choice",
    };
    private static readonly Regex wordRx = new(@"\p{L}+", Opts, timeout);
    private static readonly Regex leadingClause = new(@"^(?<sub>Karena|Ketika|Meski|Meskipun|Walaupun|Jika|Kalau|Because|While|Although|Though|If)\s+(?<a>[^,;:""“”]{3,}?),\s+(?<b>\p{Ll}[^,;:""“”]*?)(?<end>[.!?]?)$", Opts, timeout);
    private static readonly Regex dateWordRx = new($@"\d|(?<!\p{{L}})(?:{Mon}|{Wd})(?!\p{{L}})", Opts, timeout);
    private static readonly Regex sentenceRx = new(@"[^.!?\n]+(?:[.!?]+|$)", Opts | RegexOptions.Multiline, timeout);

    // words that say nothing of which fact a sentence tells: the commonest function words of news in both languages
    private static readonly HashSet<string> plainWords = new(StringComparer.Ordinal)
    {
        "that", "this", "with", "from", "have", "been", "were", "said", "says", "will", "would", "their", "they", "about", "after",
        "before", "which", "when", "where", "what", "than", "also", "into", "over", "more", "most", "some", "such", "only", "other",
        "there", "these", "those", "while", "could", "should", "just", "last", "first", "year", "years", "week", "day", "time", "told",
        "yang", "dengan", "dalam", "untuk", "pada", "dari", "akan", "telah", "sudah", "juga", "tersebut", "adalah", "bahwa", "karena",
        "oleh", "atau", "kepada", "saat", "ketika", "setelah", "sebelum", "masih", "hanya", "lebih", "para", "sejak", "hari", "tahun",
        "bulan", "kata", "ujar", "menurut", "seperti", "hingga", "sekitar", "mereka", "kami", "kita", "saya", "bisa", "dapat",
    };

    /// <summary>How many content words two sentences share (lower case, four letters or more, not a plain function word, a
    /// month or a weekday; an English plural compares with its singular): the harness's own reading of whether two sentences
    /// tell the same fact, independent of the checker's alignment.</summary>
    public static int SharedContentWords(string a, string b)
    {
        static HashSet<string> Words(string s)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match m in wordRx.Matches(s))
            {
                var w = m.Value.ToLowerInvariant();
                if (w.Length < 4 || plainWords.Contains(w)) continue;
                var cap = char.ToUpperInvariant(w[0]) + w[1..];
                if (months.ContainsKey(cap) || weekdays.ContainsKey(cap)) continue;
                if (w.Length > 4 && w[^1] == 's' && w[^2] != 's') w = w[..^1];
                set.Add(w);
            }
            return set;
        }
        var x = Words(a);
        x.IntersectWith(Words(b));
        return x.Count;
    }

    /// <summary>The sentence (as <see cref="Sentences"/> splits) that holds the position, or the whole text when none does.</summary>
    public static string SentenceAt(string text, int at)
    {
        foreach (var (a, b) in Sentences(text))
            if (a <= at && at < b) return text[a..b];
        return text;
    }

    /// <summary>Sentences of the text (a simple split at . ! ? and line ends), trimmed.</summary>
    public static IEnumerable<(int Start, int End)> Sentences(string text)
    {
        foreach (Match m in sentenceRx.Matches(text))
        {
            int a = m.Index, b = m.Index + m.Length;
            while (a < b && char.IsWhiteSpace(text[a])) a++;
            while (b > a && char.IsWhiteSpace(text[b - 1])) b--;
            if (b - a >= 20) yield return (a, b);
        }
    }

    /// <summary>A sentence without numbers and dates reworded with synonyms from a small per-language list; null when none of its words is in the list.</summary>
    public static string? Paraphrase(string sentence, string lang)
    {
        if (dateWordRx.IsMatch(sentence)) return null;
        var syn = lang == "en" ? synonymsEn : synonymsId;
        int swaps = 0;
        // a leading subordinate clause moved to the end: "Karena hujan turun, acara dibatalkan." -> "Acara dibatalkan karena hujan turun."
        var clause = leadingClause.Match(sentence);
        if (clause.Success)
        {
            var main = clause.Groups["b"].Value;
            sentence = char.ToUpperInvariant(main[0]) + main[1..] + " " + clause.Groups["sub"].Value.ToLowerInvariant() + " " + clause.Groups["a"].Value + clause.Groups["end"].Value;
            swaps++;
        }
        var result = wordRx.Replace(sentence, m =>
        {
            if (swaps >= 4) return m.Value;
            var lower = m.Value.ToLowerInvariant();
            if (!syn.TryGetValue(lower, out var s) || (m.Value != lower && m.Value != char.ToUpperInvariant(lower[0]) + lower[1..])) return m.Value;
            swaps++;
            return m.Value == lower ? s : char.ToUpperInvariant(s[0]) + s[1..];
        });
        return swaps == 0 ? null : result;
    }

    /// <summary>Paragraphs (lines) of the text with at least 40 characters.</summary>
    public static IReadOnlyList<(int Start, int End)> Paragraphs(string text)
    {
        var list = new List<(int, int)>();
        int at = 0;
        while (at < text.Length)
        {
            int nl = text.IndexOf('\n', at);
            int end = nl < 0 ? text.Length : nl;
            int a = at, b = end;
            while (a < b && char.IsWhiteSpace(text[a])) a++;
            while (b > a && char.IsWhiteSpace(text[b - 1])) b--;
            if (b - a >= 40) list.Add((a, b));
            at = end + 1;
        }
        return list;
    }

    private static readonly Regex sequenceStart = new(@"^\W*(?:Then|After|Afterward|Afterwards|Later|Earlier|Next|Finally|Meanwhile|Kemudian|Lalu|Setelah|Sesudah|Sebelumnya|Selanjutnya|Berlanjut|Akhirnya|Sementara|Usai|Seusai)\b", Opts, timeout);

    /// <summary>True when a paragraph opens with a sequence word (then, kemudian): moving it would change the story.</summary>
    public static bool OpensWithSequence(string paragraph) => sequenceStart.IsMatch(paragraph);
}
