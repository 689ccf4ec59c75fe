using System.Globalization;
using FactCheck.Align;

namespace FactCheck.Checks.Rules;

/// <summary>
/// Base of the cross-source value rules: fact groups (slots of different articles of one story aligned by context) whose
/// articles state values that do not agree. With three or more sources the value most of them state is the reference and
/// each outlier is a finding whose fix is the majority value; with two, the reading with more support in the story (the
/// same value stated elsewhere, stated exactly, with its year) is the reference, and the message says how sure that is.
/// </summary>
public abstract class CrossSourceSlotRule : ICheckRule
{
    public abstract string Id { get; }
    public Severity Severity => Severity.Medium;
    public abstract double Prior { get; }
    /// <summary>The slot kinds this rule compares.</summary>
    protected abstract bool Covers(SlotKind kind);
    /// <summary>What the message calls the value ("date", "count").</summary>
    protected abstract string Noun(SlotKind kind);

    public IEnumerable<Finding> Check(CheckContext context)
    {
        Dictionary<(SlotKind, string), int>? stated = null;
        Dictionary<string, AnalyzedArticle>? articles = null;
        var decided = new Dictionary<SlotGroup, Decision?>(ReferenceEqualityComparer.Instance);
        Dictionary<Slot, SlotGroup>? groupOf = null;
        var fromOthers = new Dictionary<string, ((string Doc, int Start) Key, Finding Finding)>(StringComparer.Ordinal);
        // the readings of a group, best first: the reference is the first (null when the group is not this rule's to judge);
        // worked out once per group, as its own and as another's
        Decision? Decide(SlotGroup group) => decided.TryGetValue(group, out var known) ? known : decided[group] = Rank(group);
        Decision? Rank(SlotGroup group)
        {
            if (!Covers(group.Kind) || !group.Conflicts) return null;
            // a date whose own weekday contradicts it is weekday-date's finding, which names the other sources' date too
            articles ??= context.Articles.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            if (group.Slots.Any(x => x.Mention is { } m && articles.TryGetValue(x.Doc, out var a) && WeekdayDateRule.Reports(a, m))) return null;
            var readings = Readings(group.Slots);
            if (readings.Count < 2) return null;
            // how often each value is stated in the story, counted once per context
            stated ??= context.Slots.GroupBy(o => (o.Kind, o.Value)).ToDictionary(g => g.Key, g => g.Count());
            var supportOf = new Dictionary<List<Slot>, double>(ReferenceEqualityComparer.Instance);
            foreach (var r in readings) supportOf[r] = Support(r, stated);
            var ordered = readings.OrderByDescending(r => r.Count).ThenByDescending(r => supportOf[r])
                .ThenByDescending(r => r[0].Doc, StringComparer.Ordinal).ToList();
            // a majority of outlets, not of articles: one outlet's two articles (often one text published twice) are one voice
            bool majority = ordered[0].Count > ordered[1].Count && Outlets(ordered[0]) > Outlets(ordered[1]);
            bool likelier = !majority && supportOf[ordered[0]] > supportOf[ordered[1]];
            return new Decision(readings, ordered, majority, likelier);
        }
        foreach (var group in context.SlotGroups)
        {
            if (Decide(group) is not { } d) continue;
            var reference = d.Ordered[0];
            if (!reference.Contains(group.Center))
            {
                yield return Build(context, group, group.Center, reference, d.Readings.First(r => r.Contains(group.Center)), d.Majority, d.Likelier, d.Readings.Sum(r => r.Count), stated!);
                continue;
            }
            // only the center is flagged from its own group, and the other slots in theirs; but a slot whose own group links
            // back to this one and still does not flag it (there it wins the tie itself) is flagged from here, so that a
            // disagreeing pair is never left unflagged because each side took itself for the reference
            groupOf ??= context.SlotGroups.ToDictionary(g => g.Center, g => g, (IEqualityComparer<Slot>)ReferenceEqualityComparer.Instance);
            foreach (var other in d.Readings.Where(r => !ReferenceEquals(r, reference)))
                foreach (var x in other)
                {
                    if (!groupOf.TryGetValue(x, out var xg)) continue;
                    var xd = Decide(xg);
                    bool flaggedThere = xd is not null && !xd.Ordered[0].Contains(x);
                    if (flaggedThere || !xg.Links.Any(l => ReferenceEquals(l.B, group.Center))) continue;
                    var f = Build(context, group, x, reference, other, d.Majority, d.Likelier, d.Readings.Sum(r => r.Count), stated!);
                    // several groups may flag x so: keep one, chosen by the group's center, not by the order articles came in
                    var key = (group.Center.Doc, group.Center.Start);
                    if (!fromOthers.TryGetValue(f.Id, out var kept) || Before(key, kept.Key)) fromOthers[f.Id] = (key, f);
                }
        }
        foreach (var (_, f) in fromOthers.Values.OrderBy(v => v.Key.Doc, StringComparer.Ordinal).ThenBy(v => v.Key.Start)) yield return f;
        static bool Before((string Doc, int Start) a, (string Doc, int Start) b) =>
            string.CompareOrdinal(a.Doc, b.Doc) is var c && (c < 0 || c == 0 && a.Start < b.Start);
    }

    /// <summary>How a group's readings were ranked: the reference first, and whether a majority or the story's support chose it.</summary>
    private sealed record Decision(List<List<Slot>> Readings, List<List<Slot>> Ordered, bool Majority, bool Likelier);

    private static int Outlets(List<Slot> reading) => reading.Select(s => s.Source ?? s.Doc).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The slots of a group split into readings: slots whose values agree with each other.</summary>
    private static List<List<Slot>> Readings(IReadOnlyList<Slot> slots)
    {
        var readings = new List<List<Slot>>();
        foreach (var s in slots)
        {
            var r = readings.FirstOrDefault(r => SlotAligner.Agree(r[0], s));
            if (r is null) readings.Add([s]); else r.Add(s);
        }
        return readings;
    }

    /// <summary>How much the story supports a reading beyond its own slots: other slots of the story stating the same value
    /// (in any article), and how it was stated (exactly, with its year, not relative to publication).</summary>
    private static double Support(List<Slot> reading, Dictionary<(SlotKind, string), int> stated)
    {
        double s = Elsewhere(reading, stated);
        foreach (var r in reading)
        {
            if (r.Qualifier is null) s += 0.25;
            if (!r.YearInferred && !r.Relative) s += 0.25;
        }
        return s;
    }

    /// <summary>Slots of the story, outside the reading, that state the reading's value.</summary>
    private static int Elsewhere(List<Slot> reading, Dictionary<(SlotKind, string), int> stated) =>
        stated.GetValueOrDefault((reading[0].Kind, reading[0].Value)) - reading.Count(r => r.Value == reading[0].Value);

    private Finding Build(CheckContext context, SlotGroup group, Slot flagged, List<Slot> reference, List<Slot> outlier, bool majority, bool likelier, int sources, Dictionary<(SlotKind, string), int> stated)
    {
        var refSlot = reference[0];
        string Who(IEnumerable<Slot> slots) => string.Join(", ", slots.Select(s => s.Source ?? s.Doc).Distinct());
        var why = majority
            ? $"{reference.Count} of {sources} sources ({Who(reference)}) say {ValueText(refSlot)}"
            : likelier
                ? $"{Who(reference)} says {ValueText(refSlot)}, and the story supports that reading more ({SupportReason(reference, stated)})"
                : $"{Who(reference)} says {ValueText(refSlot)}; with two sources and no other support, either may be wrong";
        var message = $"Sources disagree on the {Noun(flagged.Kind)} of \"{group.Topic()}\": {flagged.Source ?? flagged.Doc} says {ValueText(flagged)}; {why}";
        var evidence = new List<Evidence> { flagged.ToEvidence("flagged") };
        evidence.AddRange(reference.Select(s => s.ToEvidence("reference")));
        evidence.AddRange(outlier.Where(s => !ReferenceEquals(s, flagged)).Select(s => s.ToEvidence("same reading")));
        var own = group.Links.Where(l => ReferenceEquals(l.A, flagged) || ReferenceEquals(l.B, flagged)).ToList();
        var score = own.Select(l => l.Score).DefaultIfEmpty(group.Score).Max();
        // matched only as orphans (near values that neither article states otherwise, sentences sharing few words): said so, and weaker
        bool orphan = own.Count > 0 && own.All(l => l.Orphan);
        if (orphan) message += "; the sentences share few words: they were matched because neither article states the other's value and the values are close";
        var features = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["rule=" + Id] = 1, ["kind=" + flagged.Kind.ToString().ToLowerInvariant()] = 1, ["cross_source"] = 1,
            ["sources"] = sources, ["reference_sources"] = reference.Count, ["outlier_sources"] = outlier.Count,
            ["majority"] = majority ? 1 : 0, ["likelier"] = likelier ? 1 : 0, ["align_score"] = Math.Round(score, 4),
            ["relation_shared"] = flagged.Relation is not null && flagged.Relation == refSlot.Relation ? 1 : 0,
            ["head_shared"] = flagged.Head is not null && flagged.Head == refSlot.Head ? 1 : 0,
            ["relative"] = flagged.Relative || refSlot.Relative ? 1 : 0, ["orphan_match"] = orphan ? 1 : 0,
        };
        // the flagged value stated again in the story by another article, in this fact's group or elsewhere (a slip is seldom
        // repeated by another article: two values each stated by several articles are more often two facts, or a split), how many values of its kind its sentence lists, and how many
        // days apart the two articles were published (a daily series: each day's figure)
        features["flagged_elsewhere"] = context.Slots.Count(o => o.Doc != flagged.Doc && o.Kind == flagged.Kind && SlotAligner.Agree(o, flagged) && SlotAligner.Compatible(o, flagged));
        // of those, the articles that state it in a sentence like this one (a like fact told alike): a recurring figure in
        // sentences unlike it is a coincidence more often than a split
        features["flagged_echoed"] = own.Select(l => ReferenceEquals(l.A, flagged) ? l.EchoesA : l.EchoesB).DefaultIfEmpty(0).Max();
        features["sentence_values"] = context.Slots.Count(o => o.Doc == flagged.Doc && o.SentenceStart == flagged.SentenceStart && o.Kind == flagged.Kind);
        features["reference_sentence_values"] = context.Slots.Count(o => o.Doc == refSlot.Doc && o.SentenceStart == refSlot.SentenceStart && o.Kind == refSlot.Kind);
        if (SlotAligner.Transposed(flagged, refSlot)) features["transposed"] = 1;
        // one outlet's two articles of the story: it reuses its own sentences for the next defendant, session or update
        if (flagged.Source is { } fs && string.Equals(fs, refSlot.Source, StringComparison.OrdinalIgnoreCase)) features["same_outlet"] = 1;
        if (flagged.Published is { } pf && refSlot.Published is { } pr) features["published_days_apart"] = Math.Abs(pf.DayNumber - pr.DayNumber);
        // two weekday names ("on Friday") in articles of different days: each outlet resolves its own week, and a story told
        // over several days names a new day for each new event
        if (flagged.Mention?.StatedWeekday is not null && refSlot.Mention?.StatedWeekday is not null && flagged.Relative && refSlot.Relative
            && flagged.Published != refSlot.Published) features["weekdays_of_other_days"] = 1;
        foreach (var (k, v) in Distance(flagged, refSlot)) features[k] = v;
        return new Finding
        {
            // content, not offsets or wording: the article, the value and the words around it, and what the references state
            // (a date rewritten in another format, or an edit elsewhere in the sentence, keeps the id)
            Id = Finding.MakeId(Id, [flagged.Doc, flagged.Value, string.Join(",", flagged.Near),
                .. reference.Select(s => s.Doc + "=" + s.Value).Distinct().Order(StringComparer.Ordinal)]),
            Rule = Id, Severity = Severity, Score = Confidence(features), Message = message, Evidence = evidence, Features = features,
            Suggestions = [new Suggestion(refSlot.Value, refSlot.Text, why, majority ? (double)reference.Count / sources : likelier ? 0.6 : 0.5)],
        };
    }

    /// <summary>How likely the disagreement is a real one, from its evidence: the rule's prior, raised when most sources
    /// state the reference value, lowered for what more often means two facts than one mistyped: no support either way,
    /// sentences that share few words (an orphan match or a weak one), the flagged value stated by another article too (less so
    /// when only in sentences unlike this one and this match is strong), a
    /// sentence listing several values of its kind, and a figure of an article of another day (a daily series); raised again
    /// when the two figures are the same digits in another order. The factors were set by reasoning, not fitted; the triage
    /// model replaces this estimate once it has been trained on enough findings of the rule (<see cref="Triage.ModelMetadata.Knows"/>).</summary>
    public double Confidence(IReadOnlyDictionary<string, double> f)
    {
        double p = Prior;
        double F(string k) => f.TryGetValue(k, out var v) ? v : 0;
        bool date = F("kind=date") > 0 || F("kind=time") > 0;
        // sentences that share most of what they say (a context score of 0.8 or more) speak of one fact: that they disagree is
        // likely even when the story cannot say which of two sources is right
        bool strong = F("orphan_match") == 0 && F("align_score") >= 0.8;
        if (F("majority") > 0) p *= 1.3;
        else if (F("likelier") == 0 && !strong) p *= 0.8;
        // two near days that no other article states are how a date slip looks; two near counts are a commoner coincidence
        if (F("orphan_match") > 0) p *= (date ? 0.85 : 0.7) * (F("align_score") < 0.05 ? 0.75 : 1); // no word in common at all: weaker still
        // a weak match is weaker evidence, except for two days written in full (not clock times, which follow a market through the day): few facts of one story share a day and words
        else if (F("align_score") < 0.5 && (!date || F("relative") > 0 || F("kind=time") > 0)) p *= date ? 0.9 : 0.85;
        // the flagged value stated by another article too: two facts, or a split, more often than a slip; weaker evidence when
        // no article states it in a sentence like this one and the two sentences here share most of their words (least weak
        // between two outlets: one outlet telling two facts alike reuses its own sentence, two outlets seldom do)
        if (F("flagged_elsewhere") >= 1) p *= strong && F("flagged_echoed") == 0 ? (F("same_outlet") > 0 ? 0.8 : 0.85) : 0.4;
        // the same digits in another order ("25" beside "52") is how a typed figure slips
        if (F("transposed") > 0) p *= 1.4;
        // either sentence lists three or more values of its kind: a breakdown, a table, a series, where one figure is seldom the
        // other's; unless the two sentences share most of their words (the same list told alike, each figure beside the same words)
        if (Math.Max(F("sentence_values"), F("reference_sentence_values")) >= 3 && !strong) p *= 0.75;
        // two days told relative to publication, one day apart: each outlet counts from its own hour of writing, and an event
        // and its aftermath fall on consecutive days ("on Wednesday, the day after Tuesday's primary")
        if (date && F("relative") > 0 && F("days_apart") == 1) p *= 0.8;
        // a figure of an article of another day may be that day's (a daily series), unless the sentences say one fact (a
        // series written from one template is held back before scoring: its paragraphs say "hari ini", its frames differ)
        if (!date && F("published_days_apart") >= 1 && !strong) p *= 0.8;
        if (F("weekdays_of_other_days") > 0) p *= 0.5;
        return Math.Round(Math.Clamp(p, 0.02, 0.95), 3);
    }

    private static string SupportReason(List<Slot> reading, Dictionary<(SlotKind, string), int> stated)
    {
        int elsewhere = Elsewhere(reading, stated);
        var parts = new List<string>();
        if (elsewhere > 0) parts.Add($"the same value is stated {elsewhere} more time{(elsewhere == 1 ? "" : "s")} in the story");
        if (reading.All(r => r.Qualifier is null)) parts.Add("stated exactly");
        if (reading.All(r => !r.YearInferred && !r.Relative)) parts.Add("stated in full");
        return parts.Count == 0 ? "how it was stated" : string.Join(", ", parts);
    }

    /// <summary>A value as a reader writes it: 12 Mar 2016, 12 Mar (year inferred), Mar 2016, 14:30, or the mention's text.</summary>
    public static string ValueText(Slot s) => s.Kind switch
    {
        SlotKind.Date when s.Date is { } d => d.ToString(s.YearInferred ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture),
        SlotKind.Date when s.Value.Length == 4 && s.Value[..2] == "--" && int.TryParse(s.Value[2..], out var m) && m is >= 1 and <= 12 =>
            CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(m) + " (year not written)",
        SlotKind.Date when s.Value.Length == 7 && int.TryParse(s.Value[..4], out var y) && int.TryParse(s.Value[5..], out var mm) && mm is >= 1 and <= 12 =>
            CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(mm) + " " + y.ToString(CultureInfo.InvariantCulture),
        SlotKind.Date => s.Value,
        SlotKind.Time => s.Value,
        _ => $"\"{s.Text}\"",
    };

    private static IEnumerable<(string, double)> Distance(Slot a, Slot b)
    {
        if (a.Date is { } x && b.Date is { } y) yield return ("days_apart", Math.Abs(x.DayNumber - y.DayNumber));
        if (a.Number is { } p && b.Number is { } q)
        {
            double max = Math.Max(Math.Abs(p), Math.Abs(q));
            yield return ("relative_difference", max == 0 ? 0 : Math.Round(Math.Abs(p - q) / max, 4));
        }
    }
}

/// <summary>cross-source-date: articles of one story date the same fact differently (dates and clock times; relative
/// dates resolved against each article's own publication date; an inferred year compares month and day only).</summary>
public sealed class CrossSourceDateRule : CrossSourceSlotRule
{
    public override string Id => "cross-source-date";
    public override double Prior => 0.65;
    protected override bool Covers(SlotKind kind) => kind is SlotKind.Date or SlotKind.Time;
    protected override string Noun(SlotKind kind) => kind == SlotKind.Time ? "time" : "date";
}

/// <summary>cross-source-quantity: articles of one story give the same count, amount or percentage differently, beyond
/// rounding (5%) and what their qualifiers (about, more than) allow.</summary>
public sealed class CrossSourceQuantityRule : CrossSourceSlotRule
{
    public override string Id => "cross-source-quantity";
    public override double Prior => 0.6;
    protected override bool Covers(SlotKind kind) => kind is SlotKind.Count or SlotKind.Money or SlotKind.Percent;
    protected override string Noun(SlotKind kind) => kind switch { SlotKind.Money => "amount", SlotKind.Percent => "percentage", _ => "count" };
}
