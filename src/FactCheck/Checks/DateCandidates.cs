using System.Globalization;
using FactCheck.Lang;

namespace FactCheck.Checks;

/// <summary>A date that differs from the written one in one field (year, month or day).</summary>
public sealed record DateCandidate(DateOnly Date, string Field, string Old, string New, double Typo);

/// <summary>What the article says around a date: publication, neighbouring stated dates, a sequence opener, a plan marker.</summary>
public sealed record DateContext(DateOnly? Published, IReadOnlyList<DateOnly> Previous, DateOnly? Next, string? SequenceMarker, bool FutureMarker)
{
    public DateOnly? LastPrevious => Previous.Count > 0 ? Previous[^1] : null;
}

/// <summary>A candidate with its score in [0, 1], the facts of the article that support it, and whether a neighbour is within a week.</summary>
public sealed record RankedCandidate(DateCandidate Candidate, double Score, IReadOnlyList<string> Support, bool NeighborSupport)
{
    public DateOnly Date => Candidate.Date;
}

/// <summary>Proposes corrections of a date by changing one field, and ranks them by the article's context.</summary>
public static class DateCandidates
{
    /// <summary>Dates that change one field of (day, month, year); with a weekday, only those on that weekday; without, only
    /// real dates closest to the written one (last day of the month, another month or year that has the day).</summary>
    public static IReadOnlyList<DateCandidate> Generate(int day, int month, int year, int? weekday, WrittenDate? written, Lexicon lexicon,
        int yearWindow, int? publishedYear)
    {
        var list = new List<DateCandidate>();
        bool Ok(int y, int m, int d) => y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
        void Add(int y, int m, int d, string field, string old, string nw)
        {
            if (!Ok(y, m, d)) return;
            var date = new DateOnly(y, m, d);
            if (weekday is { } w && DateText.IsoWeekday(date) != w) return;
            if (list.Any(c => c.Date == date)) return;
            list.Add(new DateCandidate(date, field, old, nw, field == "month" && written is { MonthIsWord: true }
                ? (Math.Abs(m - month) == 1 ? 0.5 : 0) : DateText.TypoLikeness(old, nw)));
        }
        string yOld = written?.Year ?? year.ToString(CultureInfo.InvariantCulture);
        string YText(int y) => yOld.Length == 2 ? (y % 100).ToString("00", CultureInfo.InvariantCulture) : y.ToString(CultureInfo.InvariantCulture);
        string mOld = written?.Month ?? month.ToString(CultureInfo.InvariantCulture);
        string dOld = written?.Day ?? day.ToString(CultureInfo.InvariantCulture);
        string Pad(int v, string like) => v.ToString(like.Length == 2 && like[0] == '0' ? "00" : "0", CultureInfo.InvariantCulture);

        var years = Enumerable.Range(year - yearWindow, 2 * yearWindow + 1).ToList();
        if (publishedYear is { } py && Math.Abs(year - py) > yearWindow) years.AddRange([py - 1, py, py + 1]);
        foreach (var y in years.Distinct().Where(y => y != year)) Add(y, month, day, "year", yOld, YText(y));
        for (int m = 1; m <= 12; m++)
            if (m != month) Add(year, m, day, "month", mOld, written is { MonthIsWord: true } ? MonthName(m, lexicon) : Pad(m, mOld));
        if (year is >= 1 and <= 9999 && month is >= 1 and <= 12)
        {
            int last = DateTime.DaysInMonth(year, month);
            if (weekday is null) Add(year, month, last, "day", dOld, Pad(last, dOld));
            else for (int d = 1; d <= last; d++) if (d != day) Add(year, month, d, "day", dOld, Pad(d, dOld));
        }
        return list;
    }

    private static string MonthName(int m, Lexicon lexicon) =>
        lexicon.EntriesOf("month").FirstOrDefault(e => e.Number == m)?.Form ?? m.ToString(CultureInfo.InvariantCulture);

    /// <summary>Days before publication within which a reported event is most likely (news reports what just happened).</summary>
    public const int RecentDays = 40;

    /// <summary>Ranks corrections, best first. Evidence, strongest first: another source in the run stating the candidate date
    /// (<paramref name="sources"/>); whether the candidate is a plausible time for the report (0-40 days before publication, or
    /// shortly after it in a sentence that speaks of a plan; then within a year; then anything else); the article's neighbouring
    /// dates and narrative order; the kind of correction (a one-field typo of the date before the weekday being the typo); then
    /// closeness to publication and to the written date (<paramref name="stated"/>), and typo likeness.</summary>
    public static IReadOnlyList<RankedCandidate> Rank(IEnumerable<DateCandidate> candidates, DateContext ctx, DateOnly? stated = null,
        IReadOnlyDictionary<DateOnly, string>? sources = null)
    {
        var ranked = new List<RankedCandidate>();
        var neighbours = ctx.Previous.Concat(ctx.Next is { } nx ? [nx] : []).ToList();
        foreach (var c in candidates)
        {
            var d = c.Date;
            double time = 0.5;
            if (ctx.Published is { } p)
            {
                int before = p.DayNumber - d.DayNumber; // > 0: before publication
                if (before >= -1 && before <= RecentDays || ctx.FutureMarker && before < 0 && -before <= 60) time = 1;
                else if (before >= -1 && before <= 366 || ctx.FutureMarker && before < 0 && -before <= 366) time = 0.45;
                else time = 0.1 / (1 + Math.Abs(before) / 365.0);
            }
            int minDist = neighbours.Count == 0 ? int.MaxValue : neighbours.Min(n => Math.Abs(n.DayNumber - d.DayNumber));
            var prev = ctx.LastPrevious;
            bool inOrder = (prev is null || d >= prev) && (ctx.Next is null || d <= ctx.Next);
            double order = neighbours.Count == 0 ? 0 : inOrder ? (minDist <= 14 ? 0.12 : 0.06) : (ctx.SequenceMarker is not null ? -0.2 : -0.06);
            double source = sources is not null && sources.ContainsKey(d) ? 0.7 : 0;
            double kind = c.Field == "weekday" ? -0.08 : 0;
            // inside the same band: nearer publication (a report tells what just happened), then nearer the written date
            double near = (ctx.Published is { } pn ? 0.2 / (1 + Math.Abs(pn.DayNumber - d.DayNumber) / 7.0) : 0)
                + (stated is { } st ? 0.08 / (1 + Math.Abs(d.DayNumber - st.DayNumber) / 3.0) : 0);
            double score = Math.Clamp((time + source + order + kind + near + 0.02 * c.Typo + 0.2) / 2.3, 0, 1);

            var support = new List<string>();
            if (sources is not null && sources.TryGetValue(d, out var said)) support.Add(said);
            if (ctx.Published is { } pp && d.DayNumber - pp.DayNumber <= 1 && pp.DayNumber - d.DayNumber <= RecentDays)
                support.Add($"published {DateText.Short(pp)}");
            if (prev is { } pv && d >= pv && d.DayNumber - pv.DayNumber <= 31)
                support.Add(ctx.Previous.Count == 1 ? $"the previous event is dated {DateText.Short(pv)}" : $"the previous events are dated {DateText.List(ctx.Previous)}");
            if (ctx.Next is { } n && d <= n && n.DayNumber - d.DayNumber <= 31)
                support.Add($"the next event is dated {DateText.Short(n)}");
            ranked.Add(new RankedCandidate(c, score, support, minDist <= 7));
        }
        int Dist(RankedCandidate r) => ctx.Published is { } p ? Math.Abs(r.Date.DayNumber - p.DayNumber) : 0;
        return ranked.OrderByDescending(r => Math.Round(r.Score, 9)).ThenBy(Dist).ThenBy(r => r.Date).ToList();
    }

    /// <summary>"changes the year (2020 → 2021); published 11 Jan 2021; one digit differs".</summary>
    public static string Reason(RankedCandidate r)
    {
        var parts = new List<string> { r.Candidate.Field == "weekday"
            ? $"the date stands and the weekday is the typo ({r.Candidate.Old} → {r.Candidate.New})"
            : $"a typo in the {r.Candidate.Field} ({r.Candidate.Old} → {r.Candidate.New})" };
        parts.AddRange(r.Support);
        if (r.Candidate.Typo >= 1) parts.Add("one digit differs");
        else if (r.Candidate.Typo >= 0.7) parts.Add("one digit added, dropped or swapped");
        return string.Join("; ", parts);
    }
}
