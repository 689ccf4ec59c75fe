using System.Globalization;
using System.Text.RegularExpressions;
using FactCheck.Checks;
using FactCheck.Model;
using FactCheck.Temporal;

namespace FactCheck.Evaluation;

/// <summary>What kind of discrepancy was injected (or, for benign edits, what harmless change was made).</summary>
public enum InjectionKind { DateTypo, CrossSourceDate, Count, Name, BenignDateFormat, BenignRounding }

/// <summary>One edit made to one article of a cluster: where, what it was, what it became, and what the checker then raised.</summary>
public sealed record Injection(string Cluster, string Doc, InjectionKind Kind, int Start, int End, string Before, string After)
{
    public bool Benign => Kind is InjectionKind.BenignDateFormat or InjectionKind.BenignRounding;
    /// <summary>New findings (not on the untouched cluster) whose evidence overlaps the edit.</summary>
    public IReadOnlyList<Finding> Hits { get; init; } = [];
    /// <summary>New findings elsewhere.</summary>
    public IReadOnlyList<Finding> Other { get; init; } = [];
}

/// <summary>Recall of injected discrepancies, precision of the findings they caused, and findings on the untouched clusters.</summary>
public sealed record InjectionReport(IReadOnlyList<Injection> Injections, int Clusters, IReadOnlyList<Finding> Untouched)
{
    public int UntouchedFindings => Untouched.Count;
    public IReadOnlyDictionary<string, int> UntouchedByRule => Untouched.GroupBy(f => f.Rule).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    private IEnumerable<Injection> Real => Injections.Where(i => !i.Benign);
    public int Injected => Real.Count();
    public int Detected => Real.Count(i => i.Hits.Count > 0);
    public double Recall => Injected == 0 ? 0 : (double)Detected / Injected;
    /// <summary>Of the new findings in injected runs: the share that point at the injected edit.</summary>
    public double Precision
    {
        get
        {
            int hits = Real.Sum(i => i.Hits.Count), other = Real.Sum(i => i.Other.Count);
            return hits + other == 0 ? 0 : (double)hits / (hits + other);
        }
    }
    /// <summary>Benign edits (a date rewritten in another format, a count rounded) that nonetheless raised a finding.</summary>
    public int BenignFlagged => Injections.Count(i => i.Benign && (i.Hits.Count > 0 || i.Other.Count > 0));
    public int Benign => Injections.Count(i => i.Benign);
}

/// <summary>
/// Injects discrepancies into one article of real same-event clusters (FactCC-style swaps: a date typo, a date changed in a
/// claim another source also states, a count, a misspelled name), plus benign edits, runs the checker, and measures what it finds.
/// Deterministic for a seed.
/// </summary>
public sealed class InjectionHarness(ArticleAnalyzer analyzer, Checker checker, int seed = 1)
{
    private static readonly TimeSpan timeout = TimeSpan.FromMilliseconds(200);
    private static readonly Regex numericDate = new(@"(?<d>\d{1,2})(?<s>[/\-.])(?<m>\d{1,2})\k<s>(?<y>\d{4})", RegexOptions.Compiled | RegexOptions.CultureInvariant, timeout);
    private static readonly Regex wordDate = new(@"(?<d>\d{1,2}) (?<mon>\p{L}+\.?),? (?<y>\d{4})", RegexOptions.Compiled | RegexOptions.CultureInvariant, timeout);
    private static readonly Regex number = new(@"\d+(?:[.,]\d+)?", RegexOptions.Compiled | RegexOptions.CultureInvariant, timeout);

    /// <summary>Runs every cluster (document ids) whose articles are all present; each cluster gets at most one edit of each kind.</summary>
    public InjectionReport Run(IReadOnlyList<(string Id, IReadOnlyList<string> Docs)> clusters, IReadOnlyDictionary<string, Article> articles)
    {
        var rng = new Random(seed);
        var injections = new List<Injection>();
        int used = 0;
        var untouched = new List<Finding>();
        foreach (var (clusterId, ids) in clusters)
        {
            var docs = ids.Where(articles.ContainsKey).Select(i => articles[i]).ToList();
            if (docs.Count < 2) continue;
            used++;
            var analyzed = docs.Select(analyzer.Analyze).ToList();
            var baseline = checker.Check(analyzed).Findings;
            untouched.AddRange(baseline);
            var baselineIds = baseline.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            var context = new CheckContext(analyzed);

            foreach (var kind in Enum.GetValues<InjectionKind>())
            {
                var site = FindSite(kind, analyzed, context, rng);
                if (site is null) continue;
                var (docIndex, start, end, replacement) = site.Value;
                var original = analyzed[docIndex].Article;
                var edited = original with { Text = original.Text[..start] + replacement + original.Text[end..], Boilerplate = Shift(original.Boilerplate, end, replacement.Length - (end - start)) };
                var run = analyzed.ToList();
                run[docIndex] = analyzer.Analyze(edited);
                var findings = checker.Check(run).Findings.Where(f => !baselineIds.Contains(f.Id)).ToList();
                int newEnd = start + replacement.Length;
                bool AtEdit(Finding f) => f.Evidence.Any(e => e.Doc == original.Id && e.Start < Math.Max(newEnd, start + 1) && start < e.End);
                injections.Add(new Injection(clusterId, original.Id, kind, start, newEnd, original.Text[start..end], replacement)
                {
                    Hits = findings.Where(AtEdit).ToList(), Other = findings.Where(f => !AtEdit(f)).ToList(),
                });
            }
        }
        return new InjectionReport(injections, used, untouched);
    }

    private static IReadOnlyList<TextSpan> Shift(IReadOnlyList<TextSpan> spans, int after, int delta) =>
        spans.Select(s => s.Start >= after ? new TextSpan(s.Start + delta, s.End + delta) : s).ToList();

    /// <summary>Where to make an edit of this kind, and the text to put there; null when the cluster has no such place.</summary>
    private static (int Doc, int Start, int End, string Text)? FindSite(InjectionKind kind, List<AnalyzedArticle> docs, CheckContext context, Random rng)
    {
        var order = Enumerable.Range(0, docs.Count).OrderBy(_ => rng.Next()).ToList();
        foreach (var di in order)
        {
            var a = docs[di];
            switch (kind)
            {
                case InjectionKind.DateTypo:
                {
                    // a consistent weekday + full date: change the day so the weekday no longer fits
                    var m = Pick(a.Temporal.Where(t => t.StatedWeekday is not null && t.Date is not null && t.Invalid is null
                        && t.Stated.HasFlag(DateFields.Day | DateFields.Month | DateFields.Year)
                        && TemporalComposer.IsoWeekday(t.Date.Value) == t.StatedWeekday), rng);
                    if (m is null) continue;
                    var changed = ChangeDay(m, m.Date!.Value, rng.Next(1, 4) * (rng.Next(2) == 0 ? -1 : 1));
                    if (changed is not null) return (di, m.Start, m.End, changed);
                    break;
                }
                case InjectionKind.CrossSourceDate:
                {
                    var cell = context.Facts.Where(r => r.DocCount >= 2 && r.Cells.Count(c => c.TimeMention?.Date is not null) >= 2)
                        .SelectMany(r => r.Cells).Where(c => c.Doc == a.Id && c.TimeMention is { Date: not null, Invalid: null }
                            && c.TimeMention.Stated.HasFlag(DateFields.Day)).Select(c => c.TimeMention!).FirstOrDefault();
                    if (cell is null) continue;
                    var changed = ChangeDay(cell, cell.Date!.Value, rng.Next(2, 6));
                    if (changed is not null) return (di, cell.Start, cell.End, changed);
                    break;
                }
                case InjectionKind.Count:
                {
                    var q = context.Facts.Where(r => r.DocCount >= 2).SelectMany(r => r.Cells)
                        .Where(c => c.Doc == a.Id && c.Quantity?.Value is > 1).Select(c => c.Quantity!).FirstOrDefault();
                    if (q is null) continue;
                    var n = number.Match(q.Text);
                    if (!n.Success) continue;
                    var bigger = Math.Round(double.Parse(n.Value.Replace(',', '.'), CultureInfo.InvariantCulture) * 1.5 + 1);
                    var text = q.Text[..n.Index] + bigger.ToString(CultureInfo.InvariantCulture) + q.Text[(n.Index + n.Length)..];
                    return (di, q.Start, q.End, text);
                }
                case InjectionKind.Name:
                {
                    // a name that another article of the cluster also gives: a source spelling it differently
                    var known = docs.Where(d => d.Id != a.Id).SelectMany(d => d.EntityMentions).Select(e => e.EntityId).ToHashSet();
                    var e = Pick(a.EntityMentions.Where(e => e.Similarity >= 1 && known.Contains(e.EntityId) && e.Text.Count(char.IsLetter) >= 8
                        && e.Text.All(ch => char.IsLetter(ch) || ch is ' ' or '-')), rng);
                    if (e is null) continue;
                    return (di, e.Start, e.End, Typo(e.Text, rng));
                }
                case InjectionKind.BenignDateFormat:
                {
                    // a full numeric date rewritten with the month's name: the same date
                    var m = Pick(a.Temporal.Where(t => t.Date is not null && t.Invalid is null && numericDate.IsMatch(t.Text)), rng);
                    if (m is null) continue;
                    var month = LexiconOf(a.Lang).EntriesOf("month").Where(x => x.Number == m.Date!.Value.Month).OrderByDescending(x => x.Form.Length).First().Form;
                    var words = numericDate.Replace(m.Text, mt => $"{m.Date!.Value.Day} {char.ToUpperInvariant(month[0])}{month[1..]} {m.Date.Value.Year}", 1);
                    return (di, m.Start, m.End, words);
                }
                case InjectionKind.BenignRounding:
                {
                    var q = Pick(a.QuantityMentions.Where(x => x.Value >= 1000 && number.IsMatch(x.Text)), rng);
                    if (q is null) continue;
                    return (di, q.Start, q.End, (a.Lang == "id" ? "sekitar " : "about ") + q.Text);
                }
            }
        }
        return null;
    }

    /// <summary>A typing slip inside the last word of a name: two inner letters swapped, or one dropped.</summary>
    private static string Typo(string name, Random rng)
    {
        int wordStart = name.LastIndexOf(' ') + 1;
        var letters = Enumerable.Range(wordStart + 1, Math.Max(0, name.Length - wordStart - 2)).Where(i => char.IsLower(name[i]) && char.IsLower(name[i + 1]) && name[i] != name[i + 1]).ToList();
        if (letters.Count == 0) return name[..^1];
        int k = letters[rng.Next(letters.Count)];
        return rng.Next(2) == 0
            ? name[..k] + name[k + 1] + name[k] + name[(k + 2)..]
            : name[..k] + name[(k + 1)..];
    }

    private static FactCheck.Lang.Lexicon LexiconOf(string lang) => FactCheck.Lang.LanguagePack.Get(lang).Lexicon;

    private static T? Pick<T>(IEnumerable<T> items, Random rng) where T : class
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list[rng.Next(list.Count)];
    }

    /// <summary>The mention's text with its day moved by <paramref name="delta"/> (staying in the month); null when the text has no day to change.</summary>
    private static string? ChangeDay(TemporalMention m, DateOnly date, int delta)
    {
        int day = date.Day + delta;
        if (day < 1 || day > DateTime.DaysInMonth(date.Year, date.Month)) day = date.Day - delta;
        if (day < 1 || day > DateTime.DaysInMonth(date.Year, date.Month) || day == date.Day) return null;
        var nd = numericDate.Match(m.Text);
        if (nd.Success) return m.Text[..nd.Groups["d"].Index] + day.ToString(CultureInfo.InvariantCulture) + m.Text[(nd.Groups["d"].Index + nd.Groups["d"].Length)..];
        var wd = wordDate.Match(m.Text);
        if (wd.Success) return m.Text[..wd.Groups["d"].Index] + day.ToString(CultureInfo.InvariantCulture) + m.Text[(wd.Groups["d"].Index + wd.Groups["d"].Length)..];
        var n = number.Match(m.Text);
        if (n.Success && int.TryParse(n.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v == date.Day)
            return m.Text[..n.Index] + day.ToString(CultureInfo.InvariantCulture) + m.Text[(n.Index + n.Length)..];
        return null;
    }
}
