using System.Globalization;
using System.Text.RegularExpressions;
using FactCheck.Checks;
using FactCheck.Model;
using FactCheck.Readers;
using FactCheck.Review;
using FactCheck.Temporal;

namespace FactCheck.Triage;

/// <summary>What the bootstrap generator made: labeled decisions, how many articles it read, and reading diagnostics.</summary>
public sealed record BootstrapResult(IReadOnlyList<Decision> Decisions, int Articles, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Makes labeled feature sets for a first triage model before any human review exists. From every day-granular date the
/// temporal extractor finds in real articles, and every plain count in their text, it builds one finding-like feature set:
/// a positive (confirmed) with a discrepancy injected into the real value (a weekday shifted off its date; another source's
/// day, month or year changed; a count scaled tenfold, a digit changed, or a few units off), or a negative (dismissed) from a
/// natural agreement or a benign difference (the same date written differently, month versus day granularity, a year that
/// one side only inferred, relative dates resolved against different publication days, a date one day apart near
/// midnight, a rounded or approximate count). Deterministic: the same articles and seed give the same decisions.
/// </summary>
/// <remarks>
/// Feature names follow the checks (snake_case; the weekday-date check emits weekday_offset = (real - stated weekday) mod 7,
/// stated_field_count, has_publication, days_from_publication, lang=LANG, rule=RULE); the rest are proposals for checks
/// still to come: kind=date|quantity, scope=in-article|cross-source, year_stated, date_ambiguous, alt_agrees, days_diff,
/// diff_field=day|month|year, granularity_differs, surface_differs, year_inferred_one, relative_one, near_midnight,
/// rel_diff (|a-b|/max), digits_edit, magnitude_log10 (|log10 a/b|), rounded_one, approx_one. The rule goes in as "rule=RULE".
/// </remarks>
public static class Bootstrap
{
    public const string WeekdayRule = "weekday-date";
    public const string CrossDateRule = "cross-source-date";
    public const string CrossQuantityRule = "cross-source-quantity";
    public const string Reviewer = "bootstrap";
    /// <summary>Counts taken per article (the first ones), so numbers do not drown the dates.</summary>
    public const int MaxCountsPerArticle = 2;

    private static readonly Regex Count = new(@"(?<![\d.,/:-])\d{1,3}(?:([.,])\d{3})*(?![\d/:]|[.,]\d)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Reads the articles at the paths (files or folders, any format the readers know) and generates from them.</summary>
    public static BootstrapResult FromPaths(IEnumerable<string> paths, ulong seed, DateTimeOffset time)
    {
        var read = new ArticleReader().Read(paths);
        var result = Generate(read.Articles, seed, time);
        return result with { Diagnostics = read.Diagnostics.Concat(result.Diagnostics).ToList() };
    }

    /// <summary>Generates decisions from articles, in article id order; each candidate gets its own seeded random stream.</summary>
    public static BootstrapResult Generate(IEnumerable<Article> articles, ulong seed, DateTimeOffset time, Func<Article, IReadOnlyList<TemporalMention>>? extract = null)
    {
        extract ??= new TemporalExtractor().Extract;
        var decisions = new List<Decision>();
        var diagnostics = new List<Diagnostic>();
        int count = 0;
        foreach (var article in articles.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            count++;
            IReadOnlyList<TemporalMention> mentions;
            try { mentions = extract(article); }
            catch (Exception e)
            {
                diagnostics.Add(Diagnostic.Warning(article.Origin, $"extractor failed on \"{article.Id}\": {e.Message}; skipped"));
                continue;
            }
            foreach (var m in mentions)
            {
                if (m.Kind != TemporalKind.Date || m.Date is not { } date || m.Invalid is not null || article.IsBoilerplate(m.Start)) continue;
                var rng = Rng(seed, article.Id, m.Start, "date");
                if (m.StatedWeekday is { } wd && (m.Stated & DateFields.Day) != 0)
                {
                    // A natural disagreement may be a real error or an extraction error: not a label we can trust.
                    if (Iso(date.DayOfWeek) != wd) continue;
                    decisions.Add(WeekdayCase(article, m, date, rng, time));
                }
                if ((m.Stated & (DateFields.Day | DateFields.Month)) == (DateFields.Day | DateFields.Month))
                    decisions.Add(CrossDateCase(article, m, date, rng, time));
            }
            int counts = 0;
            foreach (Match c in Count.Matches(article.Text))
            {
                if (counts == MaxCountsPerArticle) break;
                if (article.IsBoilerplate(c.Index) || mentions.Any(m => c.Index < m.End && m.Start < c.Index + c.Length)) continue;
                if (!long.TryParse(c.Value.Replace(".", "").Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 2) continue;
                if (value is >= 1900 and <= 2100 && c.Length == 4) continue; // a year
                decisions.Add(QuantityCase(article, c, value, Rng(seed, article.Id, c.Index, "count"), time));
                counts++;
            }
        }
        return new BootstrapResult(decisions, count, diagnostics);
    }

    /// <summary>Rewrites the file with the decisions (a generated set, not a review log to append to).</summary>
    public static string? Write(string path, IReadOnlyList<Decision> decisions)
    {
        var tmp = path + ".tmp";
        try { if (File.Exists(tmp)) File.Delete(tmp); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return $"{tmp}: {e.Message}"; }
        if (new DecisionStore(tmp).AppendAll(decisions) is { } error) return error;
        try { File.Move(tmp, path, overwrite: true); return null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return $"{path}: cannot write: {e.Message}"; }
    }

    private static Decision WeekdayCase(Article a, TemporalMention m, DateOnly date, SplitMix64 rng, DateTimeOffset time)
    {
        var f = Common(a, "date", "in-article");
        f["year_stated"] = (m.Stated & DateFields.Year) != 0 ? 1 : 0;
        f["stated_field_count"] = StatedFieldCount(m);
        f["has_publication"] = a.Published is null ? 0 : 1;
        if (a.Published is { } p) f["days_from_publication"] = date.DayNumber - DateOnly.FromDateTime(p.Date).DayNumber;
        bool positive = rng.NextInt(2) == 0;
        string note;
        if (positive)
        {
            int shift = 1 + rng.NextInt(6);
            f["weekday_offset"] = 7 - shift; // (real weekday - stated weekday) mod 7, as the weekday-date check computes it
            if (m.Ambiguous) f["date_ambiguous"] = 1;
            note = $"injected: stated weekday shifted {shift} days off {date:yyyy-MM-dd}";
        }
        else if (rng.NextInt(3) == 0)
        {
            // Benign: a day/month-ambiguous numeric date whose other reading matches the stated weekday.
            f["weekday_offset"] = 1 + rng.NextInt(6);
            f["date_ambiguous"] = 1;
            f["alt_agrees"] = 1;
            note = "benign: the other day/month reading agrees with the weekday";
        }
        else
        {
            f["weekday_offset"] = 0;
            if (m.Ambiguous) f["date_ambiguous"] = 1;
            note = "natural agreement";
        }
        return Make(WeekdayRule, a, m.Start, m.Text, positive, f, note, time);
    }

    private static Decision CrossDateCase(Article a, TemporalMention m, DateOnly date, SplitMix64 rng, DateTimeOffset time)
    {
        var f = Common(a, "date", "cross-source");
        f["year_stated"] = (m.Stated & DateFields.Year) != 0 ? 1 : 0;
        bool positive = rng.NextInt(2) == 0;
        string note;
        if (positive)
        {
            switch (rng.NextInt(3))
            {
                case 0:
                    int d = (1 + rng.NextInt(5)) * (rng.NextInt(2) == 0 ? 1 : -1);
                    f["diff_field=day"] = 1; f["days_diff"] = Math.Abs(d);
                    note = $"injected: other source's day moved {d:+0;-0}";
                    break;
                case 1:
                    int mo = 1 + rng.NextInt(11);
                    var other = date.AddMonths(mo);
                    f["diff_field=month"] = 1; f["days_diff"] = Math.Abs(other.DayNumber - date.DayNumber);
                    note = $"injected: other source's month moved +{mo}";
                    break;
                default:
                    f["diff_field=year"] = 1; f["days_diff"] = 365; f["year_stated"] = 1;
                    note = "injected: other source's year changed by one";
                    break;
            }
        }
        else
        {
            switch (rng.NextInt(5))
            {
                case 0: f["surface_differs"] = 1; f["days_diff"] = 0; note = "benign: same date written differently"; break;
                case 1: f["granularity_differs"] = 1; f["days_diff"] = 0; note = "benign: month against a day inside it"; break;
                case 2: f["diff_field=year"] = 1; f["days_diff"] = 365; f["year_inferred_one"] = 1; f["year_stated"] = 0; note = "benign: one side's year was only inferred"; break;
                case 3: f["diff_field=day"] = 1; f["days_diff"] = 1; f["relative_one"] = 1; note = "benign: relative date resolved against another publication day"; break;
                default: f["diff_field=day"] = 1; f["days_diff"] = 1; f["near_midnight"] = 1; note = "benign: one day apart near midnight (time zones)"; break;
            }
        }
        return Make(CrossDateRule, a, m.Start, m.Text, positive, f, note, time);
    }

    private static Decision QuantityCase(Article a, Match c, long value, SplitMix64 rng, DateTimeOffset time)
    {
        var f = Common(a, "quantity", "cross-source");
        bool positive = rng.NextInt(2) == 0;
        long other;
        string note;
        if (positive)
        {
            switch (rng.NextInt(3))
            {
                case 0: other = rng.NextInt(2) == 0 ? value * 10 : Math.Max(1, value / 10); note = "injected: count scaled tenfold"; break;
                case 1: other = ChangeDigit(value, rng); note = "injected: one digit changed"; break;
                default: other = value + (1 + rng.NextInt(Math.Max(1, (int)Math.Min(value / 4, 50)))) * (rng.NextInt(2) == 0 ? 1 : -1); note = "injected: count a few units off"; break;
            }
            if (other == value) other = value + 1;
        }
        else
        {
            switch (rng.NextInt(3))
            {
                case 0: other = value; f["surface_differs"] = 1; note = "benign: same count written differently"; break;
                case 1:
                    long unit = value >= 1000 ? 100 : 10;
                    other = value >= 20 ? (long)Math.Round(value / (double)unit) * unit : value;
                    f["rounded_one"] = 1; note = "benign: one source rounded";
                    break;
                default:
                    other = Math.Max(1, value + (long)Math.Round(value * (rng.NextDouble() * 0.2 - 0.1)));
                    f["approx_one"] = 1; note = "benign: one source gave an approximate count";
                    break;
            }
        }
        double hi = Math.Max(value, other), lo = Math.Min(value, other);
        f["rel_diff"] = hi == 0 ? 0 : (hi - lo) / hi;
        f["magnitude_log10"] = lo <= 0 ? 0 : Math.Log10(hi / lo);
        f["digits_edit"] = EditDistance(value.ToString(CultureInfo.InvariantCulture), other.ToString(CultureInfo.InvariantCulture));
        return Make(CrossQuantityRule, a, c.Index, c.Value, positive, f, note + $" ({value} vs {other})", time);
    }

    private static Dictionary<string, double> Common(Article a, string kind, string scope) => new(StringComparer.Ordinal)
    {
        ["kind=" + kind] = 1, ["scope=" + scope] = 1, ["lang=" + a.Lang] = 1,
    };

    private static Decision Make(string rule, Article a, int start, string text, bool positive, Dictionary<string, double> f, string note, DateTimeOffset time) =>
        new(Finding.MakeId(rule, a.Id, start.ToString(CultureInfo.InvariantCulture), text), rule,
            positive ? Verdict.Confirmed : Verdict.Dismissed, f, note, Reviewer, time);

    private static SplitMix64 Rng(ulong seed, string doc, int position, string what) =>
        new(seed ^ ((ulong)FeatureHasher.Hash(doc + "\u001f" + what, 17) << 32 | (uint)position));

    private static int StatedFieldCount(TemporalMention m) =>
        System.Numerics.BitOperations.PopCount((uint)(m.Stated & (DateFields.Year | DateFields.Month | DateFields.Day | DateFields.Weekday)));

    private static int Iso(DayOfWeek d) => d == DayOfWeek.Sunday ? 7 : (int)d;

    private static long ChangeDigit(long value, SplitMix64 rng)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture).ToCharArray();
        int i = rng.NextInt(digits.Length);
        int d = digits[i] - '0';
        int nd = (d + 1 + rng.NextInt(9)) % 10;
        if (i == 0 && nd == 0) nd = d == 9 ? 1 : d + 1;
        digits[i] = (char)('0' + nd);
        return long.Parse(new string(digits), CultureInfo.InvariantCulture);
    }

    private static int EditDistance(string s, string t)
    {
        var prev = Enumerable.Range(0, t.Length + 1).ToArray();
        var cur = new int[t.Length + 1];
        for (int i = 1; i <= s.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= t.Length; j++)
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (s[i - 1] == t[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[t.Length];
    }
}
