using FactCheck.Checks;
using FactCheck.Model;

namespace FactCheck.Evaluation;

/// <summary>What kind of discrepancy was injected (or, for benign edits, what harmless change was made).</summary>
public enum InjectionKind
{
    /// <summary>A weekday beside a full date ("Kamis (19/6/2025)") whose day is changed, so the weekday no longer fits.</summary>
    DateTypo,
    /// <summary>A date without a weekday beside it that another article of the story also states ("March 12", "sejak 2009", "on Tuesday"), changed.</summary>
    DateNoWeekday,
    /// <summary>A count that another article of the story also gives with the same noun ("36 senators", "5 juta"), changed.</summary>
    Count,
    /// <summary>A name of two or more words that another article also writes exactly, with a typing slip.</summary>
    Name,
    BenignDateFormat, BenignRounding, BenignParaphrase, BenignParagraphSwap,
}

/// <summary>One edit made to one article of a story: where, what it was, what it became, and what the checker then raised.</summary>
public sealed record Injection(string Cluster, string Doc, InjectionKind Kind, int Start, int End, string Before, string After)
{
    public bool Benign => InjectionHarness.IsBenign(Kind);
    /// <summary>The form of the site (month-day, year, weekday, digits, word, name...).</summary>
    public string Form { get; init; } = "";
    /// <summary>The written value the site was matched on across articles (md:3-12, n:36 senators, name:Jim Mattis).</summary>
    public string Key { get; init; } = "";
    /// <summary>Another article of the story that states the same value, and the text there; null for in-article kinds.</summary>
    public string? AlsoIn { get; init; }
    public string? AlsoText { get; init; }
    /// <summary>Where <see cref="AlsoText"/> starts in <see cref="AlsoIn"/>'s text (-1 when there is none).</summary>
    public int AlsoStart { get; init; } = -1;
    /// <summary>For a date or count stated by another article too: the most content words the site's sentence shares with a
    /// sentence of another article stating the same value (<see cref="InjectionSites.SharedContentWords"/>), the harness's own
    /// reading of whether the two tell one fact (two or more) or only share a value; -1 for other kinds.</summary>
    public int SharedWords { get; init; } = -1;
    /// <summary>New findings (not on the untouched story) whose evidence overlaps the edit in the edited article.</summary>
    public IReadOnlyList<Finding> Hits { get; init; } = [];
    /// <summary>New findings elsewhere.</summary>
    public IReadOnlyList<Finding> Other { get; init; } = [];
    public bool Detected => Hits.Count > 0;
    /// <summary>For a benign edit: it raised a new finding somewhere.</summary>
    public bool Flagged => Hits.Count + Other.Count > 0;
}

/// <summary>Recall of injected discrepancies, precision of the findings they caused, and findings on the untouched stories.</summary>
public sealed record InjectionReport(IReadOnlyList<Injection> Injections, int Clusters, IReadOnlyList<Finding> Untouched)
{
    /// <summary>The report's display threshold the findings were scored against, when a scorer was given: findings scoring
    /// below it are folded away in the reports, so "shown" figures count only those at or above it.</summary>
    public double? Threshold { get; init; }
    public bool Shown(Finding f) => Threshold is not { } t || f.Score >= t;
    public int UntouchedShown => Untouched.Count(Shown);
    /// <summary>Injections of a kind with a hit that the report shows.</summary>
    public int ShownDetectedOf(InjectionKind kind) => Injections.Count(i => i.Kind == kind && i.Hits.Any(Shown));
    public int UntouchedFindings => Untouched.Count;
    public IReadOnlyDictionary<string, int> UntouchedByRule => Untouched.GroupBy(f => f.Rule).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    private IEnumerable<Injection> Real => Injections.Where(i => !i.Benign);
    public int Injected => Real.Count();
    public int Detected => Real.Count(i => i.Detected);
    public double Recall => Injected == 0 ? 0 : (double)Detected / Injected;
    public int Sites(InjectionKind kind) => Injections.Count(i => i.Kind == kind);
    public int DetectedOf(InjectionKind kind) => Injections.Count(i => i.Kind == kind && i.Detected);
    public double RecallOf(InjectionKind kind) => Sites(kind) == 0 ? 0 : (double)DetectedOf(kind) / Sites(kind);
    /// <summary>Of the new findings in injected runs: the share that point at the injected edit.</summary>
    public double Precision
    {
        get
        {
            int hits = Real.Sum(i => i.Hits.Count), other = Real.Sum(i => i.Other.Count);
            return hits + other == 0 ? 0 : (double)hits / (hits + other);
        }
    }
    /// <summary>Benign edits (a date rewritten, a count qualified, a sentence reworded, paragraphs swapped) that nonetheless raised a finding.</summary>
    public int BenignFlagged => Injections.Count(i => i.Benign && i.Flagged);
    public int Benign => Injections.Count(i => i.Benign);
    public double BenignFlaggedShare => Benign == 0 ? 0 : (double)BenignFlagged / Benign;
}

/// <summary>
/// Injects discrepancies into one article of each real same-event story and measures what the checker finds. The sites are chosen by
/// reading the text with the harness's own recognizers (<see cref="InjectionSites"/>), not from the checker's extractions or fact table:
/// a date without a weekday, a count and a name that another article of the story also states, each changed; a weekday date made
/// inconsistent; and benign edits (a date reformatted, a count qualified, a sentence reworded, two paragraphs swapped) that must not
/// raise findings. A finding detects an injection when it is new (its id not among the untouched story's findings) and its evidence
/// overlaps the edit in the edited article. Deterministic for a seed; each round makes at most one edit of each kind per story, at a
/// site not used by an earlier round.
/// </summary>
public sealed class InjectionHarness(ArticleAnalyzer analyzer, Checker checker, int seed = 1, int rounds = 1)
{
    /// <summary>Rescores each finding as `check` would (the triage model), with the display threshold; null: the rules' scores.</summary>
    public Func<Finding, Finding>? Scorer { get; init; }
    public double? Threshold { get; init; }

    private IReadOnlyList<Finding> Findings(List<AnalyzedArticle> articles)
    {
        var found = checker.Check(articles).Findings;
        return Scorer is null ? found : found.Select(Scorer).ToList();
    }

    public static bool IsBenign(InjectionKind kind) => kind >= InjectionKind.BenignDateFormat;

    /// <summary>One planned edit: the article, the span replaced, the new text, and what it was matched on.</summary>
    private sealed record Plan(int Doc, int Start, int End, string Text, string Form, string Key, string? AlsoIn = null, string? AlsoText = null, int AlsoStart = -1)
    {
        public int SharedWords { get; init; } = -1;
    }

    /// <summary>What the recognizers found in one article.</summary>
    private sealed record Read(Article Article, IReadOnlyList<Site> Dates, IReadOnlyDictionary<string, (int Start, int End)> DateKeys,
        IReadOnlyList<Site> WeekdayDates, IReadOnlyList<Site> Counts, IReadOnlyList<Site> Names, IReadOnlyList<(int Start, int End)> Paragraphs)
    {
        public string Text => Article.Text;
        public string Lang => Article.Lang;
    }

    /// <summary>Runs every story (document ids) with at least two of its articles present.</summary>
    public InjectionReport Run(IReadOnlyList<(string Id, IReadOnlyList<string> Docs)> clusters, IReadOnlyDictionary<string, Article> articles)
    {
        var injections = new List<Injection>();
        var untouched = new List<Finding>();
        int used = 0;
        foreach (var (clusterId, ids) in clusters)
        {
            var docs = ids.Where(articles.ContainsKey).Distinct().Select(i => articles[i]).ToList();
            if (docs.Count < 2) continue;
            used++;
            var rng = new Random(unchecked(seed * 16777619 ^ (int)Fnv(clusterId)));
            var analyzed = docs.Select(analyzer.Analyze).ToList();
            var baseline = Findings(analyzed);
            untouched.AddRange(baseline);
            var baselineIds = baseline.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            var reads = docs.Select(ReadArticle).ToList();
            var usedSites = new HashSet<(InjectionKind, int, int)>();
            for (int round = 0; round < rounds; round++)
                foreach (var kind in Enum.GetValues<InjectionKind>())
                {
                    var plan = Pick(kind, reads, baseline, usedSites, rng);
                    if (plan is null) continue;
                    usedSites.Add((kind, plan.Doc, plan.Start));
                    injections.Add(Apply(clusterId, kind, plan, analyzed, baselineIds));
                }
        }
        return new InjectionReport(injections, used, untouched) { Threshold = Threshold };
    }

    private Injection Apply(string clusterId, InjectionKind kind, Plan plan, List<AnalyzedArticle> analyzed, HashSet<string> baselineIds)
    {
        var original = analyzed[plan.Doc].Article;
        int delta = plan.Text.Length - (plan.End - plan.Start);
        var edited = original with { Text = original.Text[..plan.Start] + plan.Text + original.Text[plan.End..], Boilerplate = Shift(original.Boilerplate, plan.End, delta) };
        var run = analyzed.ToList();
        run[plan.Doc] = analyzer.Analyze(edited);
        var findings = Findings(run).Where(f => !baselineIds.Contains(f.Id)).ToList();
        int newEnd = plan.Start + plan.Text.Length;
        bool AtEdit(Finding f) => f.Evidence.Any(e => e.Doc == original.Id && e.Start < Math.Max(newEnd, plan.Start + 1) && plan.Start < e.End);
        return new Injection(clusterId, original.Id, kind, plan.Start, newEnd, original.Text[plan.Start..plan.End], plan.Text)
        {
            Form = plan.Form, Key = plan.Key, AlsoIn = plan.AlsoIn, AlsoText = plan.AlsoText, AlsoStart = plan.AlsoStart, SharedWords = plan.SharedWords,
            Hits = findings.Where(AtEdit).ToList(), Other = findings.Where(f => !AtEdit(f)).ToList(),
        };
    }

    private static Read ReadArticle(Article a) => new(a, InjectionSites.Dates(a.Text, a.Lang), InjectionSites.DateKeys(a.Text, a.Lang),
        InjectionSites.WeekdayDates(a.Text, a.Lang), InjectionSites.Counts(a.Text, a.Lang), InjectionSites.Names(a.Text), InjectionSites.Paragraphs(a.Text));

    private static IReadOnlyList<TextSpan> Shift(IReadOnlyList<TextSpan> spans, int after, int delta) =>
        spans.Select(s => s.Start >= after ? new TextSpan(s.Start + delta, s.End + delta) : s).ToList();

    private static bool InBoilerplate(Article a, int start, int end) => a.Boilerplate.Any(b => b.Start < end && start < b.End);

    /// <summary>Where to make an edit of this kind, and the text to put there; null when the story has no such place left.</summary>
    private static Plan? Pick(InjectionKind kind, List<Read> reads, IReadOnlyList<Finding> baseline, HashSet<(InjectionKind, int, int)> usedSites, Random rng)
    {
        var order = Enumerable.Range(0, reads.Count).OrderBy(_ => rng.Next()).ToList();
        if (kind == InjectionKind.DateNoWeekday) return PickDate(reads, usedSites, order, rng);
        foreach (var di in order)
        {
            var r = reads[di];
            var others = Enumerable.Range(0, reads.Count).Where(j => j != di).Select(j => reads[j]).ToList();
            bool Free(int start, int end) => !usedSites.Contains((kind, di, start)) && !InBoilerplate(r.Article, start, end);
            Plan? plan = null;
            switch (kind)
            {
                case InjectionKind.DateTypo:
                {
                    var s = PickOne(r.WeekdayDates.Where(s => InjectionSites.WeekdayFits(s) && Free(s.Start, s.End)), rng);
                    var text = s is null ? null : InjectionSites.EditWeekdayDate(r.Text, s, rng);
                    if (text is not null) plan = new Plan(di, s!.Start, s.End, text, s.Form, s.Key);
                    break;
                }
                case InjectionKind.Count:
                {
                    var candidates = r.Counts.Where(s => Free(s.Start, s.End))
                        .Select(s => (Site: s, Also: others.Select(o => (o, o.Counts.FirstOrDefault(c => c.Keys.Intersect(s.Keys).Any() && !InBoilerplate(o.Article, c.Start, c.End))))
                            .FirstOrDefault(x => x.Item2 is not null))).Where(x => x.Also.Item2 is not null).ToList();
                    if (candidates.Count == 0) break;
                    var (site, (also, alsoSite)) = candidates[rng.Next(candidates.Count)];
                    plan = new Plan(di, site.Start, site.End, InjectionSites.EditCount(r.Text, site, r.Lang), site.Form, site.Key, also.Article.Id, alsoSite!.Text, alsoSite.Start)
                    {
                        SharedWords = Shared(r, site, others.SelectMany(o => o.Counts.Where(c => c.Keys.Intersect(site.Keys).Any() && !InBoilerplate(o.Article, c.Start, c.End)).Select(c => (o, c)))),
                    };
                    break;
                }
                case InjectionKind.Name:
                {
                    // the longest run that another article writes too: "Jim Mattis" inside "Defense Secretary Jim Mattis" when only that is shared
                    var common = InjectionSites.LowerCaseWords(reads.Select(x => x.Text));
                    var candidates = r.Names.Where(s => Free(s.Start, s.End) && !InjectionSites.IsCommonPhrase(s.Text, common))
                        .Select(s => (Site: s, Also: others.FirstOrDefault(o => InjectionSites.WritesName(o.Text, s.Text)))).Where(x => x.Also is not null)
                        .GroupBy(x => x.Site.Start).Select(g => g.MaxBy(x => x.Site.End - x.Site.Start)).ToList();
                    while (candidates.Count > 0 && plan is null)
                    {
                        int k = rng.Next(candidates.Count);
                        var (site, also) = candidates[k];
                        candidates.RemoveAt(k);
                        var typo = InjectionSites.Typo(site.Text, rng, common);
                        // a slip that is itself written somewhere in the story would be another name, not a slip
                        if (typo is null || reads.Any(x => InjectionSites.WritesName(x.Text, typo))) continue;
                        plan = new Plan(di, site.Start, site.End, typo, site.Form, site.Key, also!.Article.Id, site.Text);
                    }
                    break;
                }
                case InjectionKind.BenignDateFormat:
                {
                    // a numeric date (or an English "March 12, 2019") written with the month's name: the same date
                    var candidates = r.Dates.Where(s => s.Form is "numeric" or "month-day" && s.Year is not null).Select(s => (s.Start, s.End, s))
                        .Concat(r.WeekdayDates.Where(s => s.Form == "weekday-numeric" && r.Lang != "en" && InjectionSites.WeekdayFits(s)).Select(s => (Start: s.ValueStart, s.End, s)))
                        .Where(x => Free(x.Start, x.End)).ToList();
                    while (candidates.Count > 0 && plan is null)
                    {
                        int k = rng.Next(candidates.Count);
                        var (start, end, s) = candidates[k];
                        candidates.RemoveAt(k);
                        var text = InjectionSites.ReformatDate(r.Text, s with { Form = s.Form == "weekday-numeric" ? "numeric" : s.Form }, r.Lang);
                        if (text is not null) plan = new Plan(di, start, end, text, s.Form, s.Key);
                    }
                    break;
                }
                case InjectionKind.BenignRounding:
                {
                    // a count qualified with about/sekitar; preferably one another article gives unqualified
                    var counts = r.Counts.Where(s => s.Form != "word" && Free(s.ValueStart, s.End) && !InjectionSites.Qualified(r.Text, s)).ToList();
                    var shared = counts.Where(s => others.Any(o => o.Counts.Any(c => c.Keys.Intersect(s.Keys).Any()))).ToList();
                    var s = PickOne(shared.Count > 0 ? shared : counts, rng);
                    if (s is not null) plan = new Plan(di, s.ValueStart, s.ValueEnd, (r.Lang == "en" ? "about " : "sekitar ") + s.Value(r.Text), s.Form, s.Key);
                    break;
                }
                case InjectionKind.BenignParaphrase:
                {
                    // a sentence no untouched finding rests on (a finding's id hashes its sentence, so rewording a cited sentence renames it)
                    var cited = baseline.SelectMany(f => f.Evidence).Where(e => e.Doc == r.Article.Id).ToList();
                    var candidates = InjectionSites.Sentences(r.Text).Where(s => Free(s.Start, s.End)
                            && !cited.Any(e => e.Start < s.End && s.Start < e.End || e.SentenceStart < s.End && s.Start < e.SentenceStart + (e.Sentence?.Length ?? 0)))
                        .Select(s => (s.Start, s.End, Text: InjectionSites.Paraphrase(r.Text[s.Start..s.End], r.Lang))).Where(x => x.Text is not null).ToList();
                    if (candidates.Count == 0) break;
                    var (a, b, t) = candidates[rng.Next(candidates.Count)];
                    plan = new Plan(di, a, b, t!, "paraphrase", "");
                    break;
                }
                case InjectionKind.BenignParagraphSwap:
                {
                    var p = r.Paragraphs;
                    var pairs = Enumerable.Range(0, Math.Max(0, p.Count - 1))
                        .Where(i => string.IsNullOrWhiteSpace(r.Text[p[i].End..p[i + 1].Start]) && Free(p[i].Start, p[i + 1].End)
                            && !InjectionSites.OpensWithSequence(r.Text[p[i].Start..p[i].End]) && !InjectionSites.OpensWithSequence(r.Text[p[i + 1].Start..p[i + 1].End]))
                        .ToList();
                    if (pairs.Count == 0) break;
                    int i = pairs[rng.Next(pairs.Count)];
                    var swapped = r.Text[p[i + 1].Start..p[i + 1].End] + r.Text[p[i].End..p[i + 1].Start] + r.Text[p[i].Start..p[i].End];
                    plan = new Plan(di, p[i].Start, p[i + 1].End, swapped, "paragraph-swap", "");
                    break;
                }
            }
            if (plan is not null) return plan;
        }
        return null;
    }

    /// <summary>
    /// A date without a weekday that another article also states: a form first (weekday, year, month-day, day-month, numeric), over
    /// every article of the story, then a site of that form, so that "on Tuesday", written so often in English news, does not crowd out the rest.
    /// </summary>
    private static Plan? PickDate(List<Read> reads, HashSet<(InjectionKind, int, int)> usedSites, List<int> order, Random rng)
    {
        var candidates = order.SelectMany(di => reads[di].Dates
                .Where(s => !usedSites.Contains((InjectionKind.DateNoWeekday, di, s.Start)) && !InBoilerplate(reads[di].Article, s.Start, s.End))
                .Select(s => (Doc: di, Site: s, Also: reads.Where((o, j) => j != di).FirstOrDefault(o => o.DateKeys.ContainsKey(s.Key)))))
            .Where(x => x.Also is not null).ToList();
        while (candidates.Count > 0)
        {
            var forms = candidates.Select(x => x.Site.Form).Distinct().Order(StringComparer.Ordinal).ToList();
            var form = forms[rng.Next(forms.Count)];
            var ofForm = candidates.Where(x => x.Site.Form == form).ToList();
            var (di, site, also) = ofForm[rng.Next(ofForm.Count)];
            var text = InjectionSites.EditDate(reads[di].Text, site, rng);
            if (text is not null)
            {
                var (a, b) = also!.DateKeys[site.Key];
                return new Plan(di, site.Start, site.End, text, site.Form, site.Key, also.Article.Id, also.Text[a..b], a)
                {
                    SharedWords = Shared(reads[di], site, reads.Where((o, j) => j != di).SelectMany(o => o.Dates.Where(d => d.Key == site.Key).Select(d => (o, d)))),
                };
            }
            candidates.RemoveAll(x => x.Doc == di && x.Site == site);
        }
        return null;
    }

    /// <summary>The most content words the site's sentence shares with the sentence of any of the other sites.</summary>
    private static int Shared(Read r, Site site, IEnumerable<(Read Other, Site Site)> alike)
    {
        var mine = InjectionSites.SentenceAt(r.Text, site.Start);
        return alike.Select(x => InjectionSites.SharedContentWords(mine, InjectionSites.SentenceAt(x.Other.Text, x.Site.Start))).DefaultIfEmpty(0).Max();
    }

    private static T? PickOne<T>(IEnumerable<T> items, Random rng) where T : class
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list[rng.Next(list.Count)];
    }

    private static uint Fnv(string s)
    {
        uint h = 2166136261;
        foreach (var c in s) { h ^= c; h *= 16777619; }
        return h;
    }
}
