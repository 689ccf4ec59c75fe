using System.Globalization;
using FactCheck.Checks;

namespace FactCheck.Align;

/// <summary>Two slots of different articles taken to state the same fact, and how strongly their contexts say so.</summary>
public sealed record SlotLink(Slot A, Slot B, double Score)
{
    /// <summary>True when the link is an orphan match (context below the threshold, values near, neither stated by the
    /// other article): weaker evidence that the two are one fact.</summary>
    public bool Orphan { get; init; }
    /// <summary>True when the two values agree (within tolerance).</summary>
    public bool Agrees => SlotAligner.Agree(A, B);
    /// <summary>How many other articles state A's (B's) value in a sentence whose words are a candidate match of A's (B's): the
    /// value told again of a like fact, not a figure that merely recurs in another sense.</summary>
    public int EchoesA { get; init; }
    public int EchoesB { get; init; }
}

/// <summary>A disagreeing best match that the aligner took for two facts, and why ("own-day", "same-outlet", "not-mutual-best"...).</summary>
public sealed record SetAside(Slot A, Slot B, double Score, string Reason);

/// <summary>One fact as the articles of a story state it, seen from one slot: that slot and its best match in each other
/// article (matches that another slot of this article explains better are left out).</summary>
public sealed record SlotGroup(Slot Center, IReadOnlyList<SlotLink> Links)
{
    public SlotKind Kind => Center.Kind;
    public IReadOnlyList<Slot> Slots => [Center, .. Links.Select(l => l.B)];
    public double Score => Links.Count == 0 ? 0 : Links.Max(l => l.Score);
    public int DocCount => 1 + Links.Select(l => l.B.Doc).Distinct().Count();
    /// <summary>True when some linked article states a value that disagrees with the center.</summary>
    public bool Conflicts => Links.Any(l => !l.Agrees);

    /// <summary>The fact in a few words: the context stems the linked slots share, or the flagged sentence's opening.</summary>
    public string Topic()
    {
        var group = this;
        var first = group.Slots[0];
        // a claim relation the slots share says it best: "count-dead people", "remove-from-platform amazon parler"
        if (first.Relation is { } rel && group.Slots.Count(s => s.Relation == rel) >= 2)
            return string.Join(" ", rel.Split('|').Where(p => p.Length > 0).Select(p => p.Contains(':') ? p[(p.IndexOf(':') + 1)..] : p));
        var shared = first.Near.Concat(first.Far).Where(w => group.Slots.Skip(1).All(s => s.Near.Contains(w) || s.Far.Contains(w))).Take(5).ToList();
        if (first.Head is { } h && group.Slots.All(s => s.Head == h)) shared.Insert(0, h);
        return shared.Count > 0 ? string.Join(" ", shared.Distinct()) : first.Sentence.Length > 60 ? first.Sentence[..60] + "..." : first.Sentence;
    }
}

/// <summary>Options of the value-blind aligner.</summary>
public sealed record AlignOptions
{
    /// <summary>Least context score for two slots to be one fact.</summary>
    public double Threshold { get; init; } = 0.35;
    /// <summary>A disagreeing match is set aside when the slot has an agreeing match in the same article scoring at least
    /// this share of it (the sources may simply be speaking of two facts).</summary>
    public double AgreeingAlternative { get; init; } = 0.75;
    /// <summary>Context stems found in more than this many slots of the story are not used to find candidates.</summary>
    public int MaxPosting { get; init; } = 60;
    /// <summary>Weights of the context features: event words near the value count most, names least.</summary>
    public double Near { get; init; } = 2;
    public double NearName { get; init; } = 2;
    public double Far { get; init; } = 1;
    public double FarName { get; init; } = 1;
    public double Head { get; init; } = 2.5;
    public double Entity { get; init; } = 0.7;
    /// <summary>A disagreeing match counts only when each slot is the other's best match in its article.</summary>
    public bool MutualBest { get; init; } = true;
    /// <summary>Added to the score of two slots that are each the only one of their kind and head (or unit) in their
    /// article: "the number of brands" when each article gives one.</summary>
    public double SoleBonus { get; init; } = 0.3;
    /// <summary>Least context score for an orphan match: two slots whose values no other slot of the other article states,
    /// near in value (a few days, or within a factor of 2.5), each the other's best such match. A typo leaves
    /// exactly such a pair behind; 0 turns the orphan pass off.</summary>
    public double OrphanThreshold { get; init; } = 0.25;
    /// <summary>Added to the score of two figures whose sentences state the same other figure ("turun Rp6.000 menjadi
    /// Rp1.937.000" beside "anjlok Rp 6.000 menjadi Rp 1.937.000"), one the story states fewer than three times.</summary>
    public double CoFigureBonus { get; init; } = 0.3;
    /// <summary>Added to the score of the same bound of two ranges whose sentences state the same other value (the other bound):
    /// the starts of two spans that end on one day are one start told twice.</summary>
    public double RangeBonus { get; init; } = 0.3;
    /// <summary>Days in the opening share of their articles (0 to 1) are in the lede; two lede days both stated relative to
    /// publication ("on Tuesday") get a bonus: news ledes date the story's main event that way.</summary>
    public double Lede { get; init; } = 0.1;
    public double LedeBonus { get; init; } = 0.25;
    /// <summary>Least context score for two counts that neither name what they count nor carry a unit ("mencapai 325 juta"):
    /// bare numbers are everywhere (scores, list numbers, seasons), so only sentences that say nearly the same thing around
    /// them tie two.</summary>
    public double BareThreshold { get; init; } = 0.8;
    /// <summary>Hold back disagreements that another match explains (the charitable reading); off only to measure it.</summary>
    public bool Charitable { get; init; } = true;
    public static AlignOptions Default { get; } = new();
}

/// <summary>
/// Aligns the slots of the articles of one story without looking at their values: candidates through an inverted index
/// of (kind, context stem), a score from context stems weighted by their rarity among the story's slots (words every
/// clause of the story shares say nothing), the head noun of a count, shared entities and a shared claim relation.
/// Each slot is matched to its best candidate in each other article. Values are looked at only afterwards, and only to
/// hold a disagreement back: a match that another slot of the first article matches at least as well with the value the
/// other article states, or a slot that also has an agreeing match nearly as good, is not a disagreement (a charitable
/// reading: the two sentences may speak of two facts).
/// </summary>
public sealed class SlotAligner(AlignOptions? options = null)
{
    private readonly AlignOptions options = options ?? AlignOptions.Default;

    /// <summary>One group per slot that has a match in another article.</summary>
    /// <param name="setAside">When given, every disagreeing best match that was set aside as two facts, with the reason.</param>
    public IReadOnlyList<SlotGroup> Align(IReadOnlyList<IReadOnlyList<Slot>> articles, List<SetAside>? setAside = null)
    {
        if (articles.Count(a => a.Count > 0) < 2) return [];
        var all = articles.SelectMany(a => a).ToList();
        var cands = Candidates(all);
        var byDoc = articles.Where(a => a.Count > 0).GroupBy(a => a[0].Doc, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.SelectMany(x => x).ToList(), StringComparer.Ordinal);
        // true when the article states a value that agrees with the slot's (the slot's value is told there, whatever the
        // words); asked again for the same pair while looking for orphans, so each answer is kept
        var stated = new Dictionary<string, Dictionary<Slot, bool>>(StringComparer.Ordinal);
        bool States(string doc, Slot s)
        {
            if (!stated.TryGetValue(doc, out var known)) stated[doc] = known = new(ReferenceEqualityComparer.Instance);
            if (!known.TryGetValue(s, out var yes))
                known[s] = yes = byDoc.TryGetValue(doc, out var l) && l.Any(x => x.Kind == s.Kind && Compatible(s, x) && Agree(s, x));
            return yes;
        }
        // the orphan match of a slot in an article: the best candidate whose value that article alone states, near the
        // slot's value, when the article nowhere states the slot's value and the candidate's best orphan match is the slot
        (Slot, double)? Orphan(Slot s, string doc)
        {
            if (options.OrphanThreshold <= 0 || !cands[s].TryGetValue(doc, out var list) || States(doc, s)) return null;
            foreach (var (t, score) in list)
            {
                if (score < options.OrphanThreshold) break;
                if (!NearValue(s, t) || States(s.Doc, t)) continue;
                if (!cands[t].TryGetValue(s.Doc, out var back)) return null;
                var mine = back.FirstOrDefault(x => x.Score >= options.OrphanThreshold && NearValue(t, x.Other) && !States(doc, x.Other));
                return ReferenceEquals(mine.Other, s) ? (t, score) : null;
            }
            return null;
        }
        // days that no other article states: a day slipped in one article ("on Tuesday" for Thursday, "20 Juni" for "18 Juni")
        // leaves one such day in it and one in the other, a few days apart, whatever the words around them
        bool LoneDay(Slot x) => x.Kind == SlotKind.Date && x.Granularity == Granularity.Day && x.Date is not null;
        var loneDays = options.OrphanThreshold <= 0 ? [] : byDoc.ToDictionary(kv => kv.Key,
            kv => kv.Value.Where(x => LoneDay(x) && !byDoc.Keys.Any(d => d != kv.Key && States(d, x))).ToList(), StringComparer.Ordinal);
        (Slot, double)? LoneDayMatch(Slot s, string doc)
        {
            if (!loneDays.TryGetValue(s.Doc, out var mine) || !mine.Contains(s) || !loneDays.TryGetValue(doc, out var theirs)) return null;
            static bool Near(Slot a, Slot b) => Math.Abs(a.Date!.Value.DayNumber - b.Date!.Value.DayNumber) <= 6;
            var near = theirs.Where(t => Near(s, t)).ToList();
            // one to one: the only lone day of each article near the other's
            if (near.Count == 1 && mine.Count(x => Near(x, near[0])) == 1) return (near[0], 0);
            // a day told relative to publication ("on Friday"), slipped in one article while the others agree on it: the other
            // article's day is not lone, a third states it too; take it when it is the only day near this one that this
            // article does not state, and this is the only lone day of this article near it
            if (s.Relative)
            {
                var unstated = byDoc[doc].Where(x => LoneDay(x) && x.Relative && !States(s.Doc, x) && Near(s, x)).GroupBy(x => x.Date!.Value).ToList();
                if (unstated.Count == 1)
                {
                    var t = unstated[0].OrderBy(x => x.Start).First();
                    if (mine.Where(x => Near(x, t)).Select(x => x.Date!.Value).Distinct().Count() == 1) return (t, 0);
                }
            }
            return null;
        }
        // a count of a head noun that another article states always with one other value, near it ("eksodus 31 pemain"
        // beside "melepas 13 pemain"), where this article states that head otherwise not at all or only with the other's
        // value at least twice, and the other article never with this one: one fact slipped, whatever else the sentences say
        static bool Countable(Slot x) => x.Kind == SlotKind.Count && x.Head is not null && !x.Part && x.Unit is not "age" && !(x.Unit?.StartsWith("duration", StringComparison.Ordinal) ?? false);
        var countable = options.OrphanThreshold <= 0 ? [] : all.Where(Countable).GroupBy(x => x.Doc, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Slot? LoneCountMatch(Slot s, string doc)
        {
            if (!Countable(s) || !countable.TryGetValue(doc, out var there)) return null;
            // of one head: the same noun, or one written right beside the other's value ("90 faculty members", "90 Georgetown
            // faculty"); every one of the other article's agrees with its first, and every other one of this article's too
            Slot? t = null;
            foreach (var x in there)
            {
                if (!HeadsMeet(s, x)) continue;
                t ??= x;
                if (!Agree(x, t)) return null;
            }
            if (t is null) return null;
            int mine = 0;
            foreach (var x in countable[s.Doc])
            {
                if (!HeadsMeet(s, x)) continue;
                mine++;
                if (!ReferenceEquals(x, s) && !Agree(x, t)) return null;
            }
            // this article gives the other's value once beside this one: two facts as likely as a slip; twice or more, its own
            // majority says this one is the odd one
            if (mine == 2 || !NearValue(s, t) || !Compatible(s, t)) return null;
            foreach (var x in there)
                if (HeadsMeet(s, x) && Agree(x, s)) return null;
            return t;
        }
        // why a disagreeing best match is set aside as two facts rather than flagged (null: it is one fact told two ways)
        string? Apart(Slot s, Slot t, double score, List<(Slot Other, double Score)> list, bool orphan)
        {
            // articles of different days that each speak of their own day ("harga emas hari ini, Kamis (19/6)"
            // beside yesterday's "Rabu (18/6)"): the dates differ by as much as the publication dates do
            if (OwnDay(s, t)) return "own-day";
            // the same weekday name and no day of the month ("to air Tuesday morning" beside "in an interview Tuesday"): both
            // state the same day, and which week each fell in was only inferred (from tense and publication)
            if (SameWeekdayOnly(s, t)) return "same-weekday";
            // one date in the place's own time, the other in the outlet's: a day apart may be the same moment
            if ((s.LocalTime || t.LocalTime) && s.Date is { } ls && t.Date is { } lt && Math.Abs(ls.DayNumber - lt.DayNumber) == 1) return "local-time";
            // a figure of the article's own day ("hari ini"): another day's article may rightly state another; not a date
            // written in full in both (a deadline, "berlaku sampai 20 Juni 2025", is one date whatever the day of writing)
            if ((s.AnchoredToPublication || t.AnchoredToPublication) && s.Published != t.Published
                && !(s.Kind == SlotKind.Date && FullDay(s) && FullDay(t))) return "anchored";
            // the same outlet twice: a later count updates an earlier one (a toll rises, the index moves during the day);
            // a date of one event it should still state alike. Not an update: the same digits in another order ("25 tahun"
            // beside "52 tahun": a typo); or two articles of one day with no word of an update ("bertambah menjadi") in
            // either sentence, unless a figure is said to be of the moment ("pagi ini", "hari ini") and the sentences were
            // not copied from one another word for word (a fee, a count of points, a rate the outlet gave twice that day is
            // one fact; an index "pagi ini" and at the close are two; a template reused on another day, "harga emas turun
            // Rp 1.000 per gram", is that day's figure; a count of things in a sentence copied word for word on another day,
            // "Sekitar 500 perwakilan maskapai menghadiri ...", or in a clause copied around it, is one statement, unless either
            // says it was brought up to date)
            if (s.Source is not null && s.Source == t.Source && s.Kind is not (SlotKind.Date or SlotKind.Time) && !Transposed(s, t)
                && !(s.Published is not null && s.Published == t.Published && !s.Updating && !t.Updating
                     && (Copied(s, t) || !s.AnchoredToPublication && !t.AnchoredToPublication))
                && !(s.Kind == SlotKind.Count && !s.Updating && !t.Updating && !s.Running && !t.Running
                     && !s.AnchoredToPublication && !t.AnchoredToPublication && (CopiedAround(s, t) || Copied(s, t)))) return "same-outlet";
            // a running figure ("hingga saat ini", "so far") moves during the day: another outlet's of another hour differs
            // (unless both are said to be of one hour: "pukul 09.02 WIB ... hingga saat ini")
            if ((s.Running || t.Running) && s.Kind is not (SlotKind.Date or SlotKind.Time)
                && !(s.Frame.Count > 0 && t.Frame.Count > 0 && FramesMeet(s.Frame, t.Frame))) return "running";
            // a value inside the range the other article states ("in 2002" beside "from 1996 to 2007"); not the same bound of
            // two ranges ("15 Agustus - 2 September" beside "18 Agustus - 2 September": one range, its start told two ways)
            if (!(s.RangePart is not null && s.RangePart == t.RangePart) && (InsideRange(byDoc[t.Doc], t, s) || InsideRange(byDoc[s.Doc], s, t))) return "inside-range";
            // a value at another time is another fact
            if (s.Frame.Count > 0 && t.Frame.Count > 0 && !FramesMeet(s.Frame, t.Frame)) return "other-time";
            // the sentence states the other article's value too ("0,45 persen untuk pemilik NPWP dan 0,9 persen untuk
            // non-NPWP" beside "0,9 persen"): it speaks of two facts, one of which the other article gives
            if (SentenceStates(byDoc[s.Doc], s, t, byDoc[t.Doc]) || SentenceStates(byDoc[t.Doc], t, s, byDoc[s.Doc])) return "sentence-states-other";
            // values of another order of magnitude are two facts ("Rp600.000" a worker, "Rp 1,92 triliun" in all),
            // unless the digits are the same and only the scale slipped ("1,92 juta" for "1,92 triliun")
            if (FarApart(s, t)) return "far-apart";
            // an agreeing match nearly as good in that article: two facts, not one told two ways
            if (list.Skip(1).Any(x => Agree(s, x.Other) && x.Score >= options.AgreeingAlternative * score)) return "agreeing-alternative";
            // the other article's value is better explained by another slot of this article that states it
            var back = cands[t].GetValueOrDefault(s.Doc);
            if (back is not null && back.Any(x => !ReferenceEquals(x.Other, s) && Agree(x.Other, t) && x.Score >= score)) return "explained-by-other";
            // one to one: the other slot's own best match in this article is another slot (it speaks of that one)
            if (options.MutualBest && !orphan && back is { Count: > 0 } && !ReferenceEquals(back[0].Other, s) && back[0].Score > score) return "not-mutual-best";
            return null;
        }
        // the counterpart of a slot in the sentence of its best match when that match is its sentence-mate's (the
        // sentence states the best match's value beside this one, "Rp 1,44 triliun ... Rp 345 miliar" against "Rp 1,44 triliun
        // ... Rp 543 miliar"): the best other candidate of that sentence, of this kind and unit, when it is that one's
        // counterpart in turn (one to one)
        (Slot Other, double Score)? Mate(Slot s, string doc, List<(Slot Other, double Score)> list)
        {
            var best = list[0].Other;
            if (!SentenceStates(byDoc[s.Doc], s, best, byDoc[doc])) return null;
            foreach (var (t, score) in list.Skip(1))
            {
                if (score < options.Threshold) break;
                if (t.SentenceStart == best.SentenceStart && t.Kind == s.Kind && Compatible(s, t)) return (t, score);
            }
            return null;
        }
        (Slot Other, double Score)? MateOf(Slot s, string doc, List<(Slot Other, double Score)> list) =>
            Mate(s, doc, list) is { } m && cands[m.Other].TryGetValue(s.Doc, out var back) && Mate(m.Other, s.Doc, back) is { } b
            && ReferenceEquals(b.Other, s) ? m : null;
        // other articles that state a slot's value in a sentence that is a candidate match of its own (candidates are of other
        // articles only; once per slot)
        var echoes = new Dictionary<Slot, int>(ReferenceEqualityComparer.Instance);
        int Echoes(Slot s)
        {
            if (!echoes.TryGetValue(s, out var n))
                echoes[s] = n = cands[s].Values.Count(list => list.Any(x => Agree(s, x.Other)));
            return n;
        }
        SlotLink Link(Slot s, Slot t, double score, bool orphan) => new(s, t, score) { Orphan = orphan, EchoesA = Echoes(s), EchoesB = Echoes(t) };
        var groups = new List<SlotGroup>();
        foreach (var s in all)
        {
            var links = new List<SlotLink>();
            if (LoneDay(s))
                foreach (var doc in byDoc.Keys.Where(d => d != s.Doc && !cands[s].ContainsKey(d)).Order(StringComparer.Ordinal))
                    if (LoneDayMatch(s, doc) is { } lone && !(options.Charitable && OwnDay(s, lone.Item1)))
                        links.Add(Link(s, lone.Item1, lone.Item2, orphan: true));
            if (Countable(s))
                foreach (var doc in byDoc.Keys.Where(d => d != s.Doc && !(cands[s].TryGetValue(d, out var l) && l[0].Score >= options.Threshold)).Order(StringComparer.Ordinal))
                    if (LoneCountMatch(s, doc) is { } t)
                    {
                        var list = cands[s].GetValueOrDefault(doc) ?? [];
                        double score = list.FirstOrDefault(x => ReferenceEquals(x.Other, t)).Score;
                        // the choice among candidates is made: that this article states the other's value elsewhere is the point
                        if (options.Charitable && Apart(s, t, score, list, orphan: true) is { } why and not ("explained-by-other" or "agreeing-alternative" or "not-mutual-best"))
                        { setAside?.Add(new SetAside(s, t, score, why)); continue; }
                        links.Add(Link(s, t, score, orphan: true));
                    }
            foreach (var (doc, list) in cands[s].OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (links.Any(l => l.B.Doc == doc)) continue;
                var (t, score) = list[0];
                bool orphan = false;
                if (score < options.Threshold)
                {
                    if (Orphan(s, doc) is not { } o) continue;
                    (t, score) = o;
                    orphan = true;
                }
                if (options.Charitable && !Agree(s, t) && Apart(s, t, score, list, orphan) is { } why)
                {
                    setAside?.Add(new SetAside(s, t, score, why));
                    // the best match's sentence is the one that tells this fact, but its slot is the mate of another slot of this
                    // sentence: this slot's own counterpart is that sentence's other slot of its kind
                    if (why != "sentence-states-other" || MateOf(s, doc, list) is not { } mate) continue;
                    if (!Agree(s, mate.Other) && Apart(s, mate.Other, mate.Score, list, orphan: false) is { } whyMate and not "not-mutual-best")
                    {
                        setAside?.Add(new SetAside(s, mate.Other, mate.Score, whyMate));
                        continue;
                    }
                    (t, score) = mate;
                }
                links.Add(Link(s, t, score, orphan));
            }
            if (links.Count > 0) groups.Add(new SlotGroup(s, links));
        }
        return groups;
    }

    /// <summary>A day told only from the article's own day ("kemarin", "yesterday", "hari ini"): no weekday and no day of
    /// the month written.</summary>
    private static bool Deictic(Slot s) => s.Mention is not { } m || m.StatedWeekday is null && !m.Stated.HasFlag(FactCheck.Temporal.DateFields.Day);

    /// <summary>A day written with its month and year, not counted from publication.</summary>
    private static bool FullDay(Slot s) => s.Kind == SlotKind.Date && s.Granularity == Granularity.Day && !s.Relative && !s.YearInferred;

    /// <summary>True when two slots' sentences are one text copied: the same words (at least 85% of them, Jaccard) once each
    /// value's own text is taken out, and ten words or more (a short formula, "Menjatuhkan pidana terhadap terdakwa dengan
    /// pidana penjara selama 11 tahun", is said of each defendant).</summary>
    public static bool Copied(Slot a, Slot b)
    {
        var x = SentenceWords(a); var y = SentenceWords(b);
        if (x.Count < 10 || y.Count < 10) return false;
        int shared = x.Count(y.Contains);
        return shared >= 0.85 * (x.Count + y.Count - shared);
    }

    /// <summary>True when the words right around two slots' values are one clause copied: read outward from each value, the
    /// same words (ignoring case) for eight words or more before and after it together ("tantangan bertahan selama lebih dari
    /// 48 jam dalam uji tekanan tumpukan 7 mobil" in a sentence the outlet otherwise rewrote). A formula said of each
    /// person or day breaks at what differs ("terdakwa Zarof Ricar dengan pidana penjara selama 16 tahun").</summary>
    public static bool CopiedAround(Slot a, Slot b)
    {
        const int Needed = 8;
        int before = Matching(a.Sentence, a.Start - a.SentenceStart, b.Sentence, b.Start - b.SentenceStart, backward: true, Needed);
        if (before >= Needed) return true;
        return before + Matching(a.Sentence, a.End - a.SentenceStart, b.Sentence, b.End - b.SentenceStart, backward: false, Needed - before) >= Needed;
    }

    /// <summary>How many words (letters or digits) read from <paramref name="i"/> and <paramref name="j"/> in one direction are
    /// the same in both texts, ignoring case, up to <paramref name="limit"/>.</summary>
    private static int Matching(string x, int i, string y, int j, bool backward, int limit)
    {
        int matched = 0;
        while (matched < limit)
        {
            var u = NextWord(x, ref i, backward); var v = NextWord(y, ref j, backward);
            if (u.IsEmpty || v.IsEmpty || !u.Equals(v, StringComparison.OrdinalIgnoreCase)) break;
            matched++;
        }
        return matched;
    }

    /// <summary>The next word from <paramref name="i"/> in one direction (empty at the text's end), moving
    /// <paramref name="i"/> past it.</summary>
    private static ReadOnlySpan<char> NextWord(string text, ref int i, bool backward)
    {
        i = Math.Clamp(i, 0, text.Length);
        if (backward)
        {
            while (i > 0 && !char.IsLetterOrDigit(text[i - 1])) i--;
            int end = i;
            while (i > 0 && char.IsLetterOrDigit(text[i - 1])) i--;
            return text.AsSpan(i, end - i);
        }
        while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
        int start = i;
        while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
        return text.AsSpan(start, i - start);
    }

    /// <summary>The lower-cased words of a slot's sentence, without the value's own text.</summary>
    private static HashSet<string> SentenceWords(Slot s)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        string text = s.Sentence;
        int from = s.Start - s.SentenceStart, to = s.End - s.SentenceStart;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]) || i >= from && i < to) { i++; continue; }
            int j = i;
            while (j < text.Length && char.IsLetter(text[j]) && !(j >= from && j < to)) j++;
            words.Add(text[i..j].ToLowerInvariant());
            i = j;
        }
        return words;
    }

    /// <summary>True when <paramref name="bound"/> opens or closes a range its sentence states ("from 1996 to 2007") and
    /// <paramref name="x"/>'s value lies inside it.</summary>
    private static bool InsideRange(List<Slot> article, Slot bound, Slot x)
    {
        if (bound.RangePart is not ("start" or "end")) return false;
        var other = bound.RangePart == "start" ? "end" : "start";
        var partner = article.FirstOrDefault(o => o.SentenceStart == bound.SentenceStart && o.RangePart == other && o.Kind == bound.Kind
            && (other == "end" ? o.Start > bound.Start : o.Start < bound.Start));
        if (partner is null) return false;
        var (lo, hi) = bound.RangePart == "start" ? (bound, partner) : (partner, bound);
        if (x.Kind is SlotKind.Date && lo.Granularity == x.Granularity && hi.Granularity == x.Granularity && !lo.YearInferred && !hi.YearInferred && !x.YearInferred)
            return lo.Date is { } l && hi.Date is { } h && x.Date is { } d ? l <= d && d <= h
                // years and months: ISO values, which sort as they read
                : string.CompareOrdinal(lo.Value, x.Value) <= 0 && string.CompareOrdinal(x.Value, hi.Value) <= 0 && lo.Value.Length == x.Value.Length && hi.Value.Length == x.Value.Length;
        if (x.Kind is not (SlotKind.Date or SlotKind.Time) && lo.Number is { } ln && hi.Number is { } hn && x.Number is { } xn && lo.Unit == x.Unit)
            return ln <= xn && xn <= hn;
        return false;
    }

    /// <summary>True when another slot of <paramref name="s"/>'s sentence states <paramref name="t"/>'s value exactly, of the same
    /// thing (an open bound that merely allows it, "at least 53 others" beside "60 people", does not count).</summary>
    private static bool SentenceStates(List<Slot> article, Slot s, Slot t, List<Slot> other) =>
        article.Any(x => x.SentenceStart == s.SentenceStart && !ReferenceEquals(x, s) && x.Kind == t.Kind
            && (x.Value == t.Value && x.Head == t.Head && Compatible(x, t) || RoundedOf(x, t))
            // unless the other sentence states that value a second time, beside its own (a deadline "sampai 20 Juni 2025" and
            // "Jumat, 20 Juni 2025" in one sentence): the sentence-mate is that other mention, and this one still disagrees
            && !other.Any(y => y.SentenceStart == t.SentenceStart && !ReferenceEquals(y, t) && y.Kind == x.Kind && y.Value == x.Value));

    /// <summary>True when <paramref name="x"/> is <paramref name="t"/> in round numbers ("dari total 1,3 juta bantuan" beside
    /// "1.323.459 keluarga"): a count of the same unit (or of none named), agreeing within rounding and written with fewer significant digits.
    /// A sentence giving a part beside the rounded total speaks of the part; the other article gave the total.</summary>
    private static bool RoundedOf(Slot x, Slot t) =>
        x.Kind is SlotKind.Count or SlotKind.Money && (x.Unit == t.Unit || x.Unit is null && x.Kind == SlotKind.Count) && x.Number is { } a && t.Number is { } b && a != b
        && Agree(x, t) && Significant(a) < Significant(b);

    /// <summary>Significant digits of a figure (1300000 -> 2, 1323459 -> 7).</summary>
    private static int Significant(double v) => Digits(v).Trim('0').Length;

    /// <summary>The digits of a figure as written in full, without its decimal point (12.5 -> "125").</summary>
    private static string Digits(double v) => Math.Abs(v).ToString("R", CultureInfo.InvariantCulture).Replace(".", "", StringComparison.Ordinal);

    /// <summary>For each slot, its candidates in each other article with their context scores, best first (scores below
    /// a share of the threshold are left out). Value-blind.</summary>
    public Dictionary<Slot, Dictionary<string, List<(Slot Other, double Score)>>> Candidates(IReadOnlyList<Slot> all)
    {
        // each slot by its position in the story's list: features, vectors and flags in arrays, postings of positions
        int count = all.Count;
        var alias = Aliases(all.SelectMany(s => s.Entities));
        var features = new string[count][];
        var freq = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var fs = features[i] = [.. Features(all[i], alias)];
            foreach (var f in fs) freq[f] = freq.GetValueOrDefault(f) + 1;
        }
        double n = count;
        // every feature's rarity weight, once
        var weights = new Dictionary<string, double>(freq.Count, StringComparer.Ordinal);
        foreach (var (f, c) in freq) weights[f] = Math.Log(1 + n / c);

        // each slot's weighted features (far stems, near stems, head, entities: the order its score sums them in), from the
        // feature list Features gives in the order near, far, head, entities, relation
        var vectors = new Dictionary<string, double>[count];
        var norms = new double[count];
        for (int k = 0; k < count; k++)
        {
            var s = all[k];
            var fs = features[k];
            var v = new Dictionary<string, double>(fs.Length, StringComparer.Ordinal);
            int near = s.Near.Count, far = s.Far.Count, at = near + far;
            for (int i = near; i < at; i++) { var f = fs[i]; v[f] = (IsName(f) ? options.FarName : options.Far) * weights[f]; }
            for (int i = 0; i < near; i++) { var f = fs[i]; v[f] = (IsName(f) ? options.NearName : options.Near) * weights[f]; }
            if (s.Head is not null) { var f = fs[at++]; v[f] = options.Head * weights[f]; }
            for (int i = 0; i < s.Entities.Count; i++) { var f = fs[at + i]; v[f] = options.Entity * weights[f]; }
            vectors[k] = v;
            norms[k] = v.Values.Sum();
        }

        // inverted index: (kind, feature) -> slots; features shared by too many slots find no candidates
        var index = new Dictionary<(SlotKind, string), List<int>>();
        for (int i = 0; i < count; i++)
            foreach (var f in features[i])
            {
                if (freq.GetValueOrDefault(f) > options.MaxPosting) continue;
                var key = (all[i].Kind, f);
                if (!index.TryGetValue(key, out var l)) index[key] = l = [];
                l.Add(i);
            }

        // how many slots of each article share a kind and head (or unit): a sole one in each of two articles is one fact
        var soleCount = new Dictionary<(string, SlotKind, string), int>();
        foreach (var s in all)
            if (SoleKey(s) is { } k) soleCount[(s.Doc, s.Kind, k)] = soleCount.GetValueOrDefault((s.Doc, s.Kind, k)) + 1;
        var sole = new bool[count];
        for (int i = 0; i < count; i++) sole[i] = SoleKey(all[i]) is { } k && soleCount[(all[i].Doc, all[i].Kind, k)] == 1;

        // the other figures each figure's sentence states ("turun Rp6.000 menjadi Rp1.937.000": for the 6.000, the 1.937.000),
        // leaving out values the story states three times or more (a day's index, a total everyone repeats)
        var figureCount = new Dictionary<(SlotKind, string), int>();
        foreach (var s in all)
            if (IsFigure(s)) figureCount[(s.Kind, s.Value)] = figureCount.GetValueOrDefault((s.Kind, s.Value)) + 1;
        var sentenceFigures = all.Where(IsFigure).GroupBy(s => (s.Doc, s.SentenceStart)).ToDictionary(g => g.Key, g => g.ToList());
        var coFigures = new HashSet<(SlotKind, string)>?[count];
        var coFiguresKnown = new bool[count];
        HashSet<(SlotKind, string)>? CoFigures(int i)
        {
            if (coFiguresKnown[i]) return coFigures[i];
            var s = all[i];
            HashSet<(SlotKind, string)>? set = null;
            if (IsFigure(s) && sentenceFigures.TryGetValue((s.Doc, s.SentenceStart), out var mates))
                foreach (var x in mates)
                    if (!ReferenceEquals(x, s) && x.Value != s.Value && figureCount[(x.Kind, x.Value)] < 3) (set ??= []).Add((x.Kind, x.Value));
            coFiguresKnown[i] = true;
            return coFigures[i] = set;
        }

        // every candidate of each slot in each other article, with its score
        var cands = new Dictionary<Slot, Dictionary<string, List<(Slot Other, double Score)>>>(count, ReferenceEqualityComparer.Instance);
        var seenBy = new int[count]; // 1 + the position of the slot whose candidates last met each slot
        for (int si = 0; si < count; si++)
        {
            var s = all[si];
            var byDoc = new Dictionary<string, List<(Slot, double)>>(StringComparer.Ordinal);
            var soleKey = SoleKey(s);
            foreach (var f in features[si])
            {
                if (!index.TryGetValue((s.Kind, f), out var posting)) continue;
                foreach (var oi in posting)
                {
                    var o = all[oi];
                    if (o.Doc == s.Doc || seenBy[oi] == si + 1) continue;
                    seenBy[oi] = si + 1;
                    if (!Compatible(s, o)) continue;
                    double score = Score(s, o, vectors[si], vectors[oi], norms[si], norms[oi]);
                    if (options.SoleBonus > 0 && soleKey == SoleKey(o) && sole[si] && sole[oi]) score += options.SoleBonus;
                    // both sentences state the same other figure beside this one: one statement told twice
                    if (options.CoFigureBonus > 0 && CoFigures(si) is { } mine && CoFigures(oi) is { } theirs && mine.Overlaps(theirs)) score += options.CoFigureBonus;
                    // the same bound of two ranges with the same other bound ("16 Juni hingga 31 Agustus 2025" beside "dari 14 Juni
                    // 2025 sampai 31 Agustus 2025"): one span told twice
                    if (options.RangeBonus > 0 && s.RangePart is not null && s.RangePart == o.RangePart && s.Frame.Any(o.Frame.Contains)) score += options.RangeBonus;
                    // both in the opening of their articles: the lede states the story's main event
                    if (s.Kind == SlotKind.Date && s.Granularity == Granularity.Day && s.Relative && o.Relative
                        && s.Position <= options.Lede && o.Position <= options.Lede) score += options.LedeBonus;
                    if (Bare(s) && Bare(o) && score < options.BareThreshold) continue;
                    if (score < Math.Min(options.Threshold * options.AgreeingAlternative, options.OrphanThreshold > 0 ? options.OrphanThreshold : double.MaxValue)) continue;
                    if (!byDoc.TryGetValue(o.Doc, out var l)) byDoc[o.Doc] = l = [];
                    l.Add((o, score));
                }
            }
            foreach (var l in byDoc.Values) l.Sort((x, y) => y.Item2 != x.Item2 ? y.Item2.CompareTo(x.Item2) : x.Item1.Start.CompareTo(y.Item1.Start));
            cands[s] = byDoc;
        }

        return cands;
    }

    /// <summary>True when two dates of articles published on different days differ by exactly the days between the
    /// publications (each article reports its own day), or are both relative to different publication days, or are both told as their article's own day.</summary>
    public static bool OwnDay(Slot a, Slot b)
    {
        // two days each told as its article's own ("harga emas hari ini, Rabu 18 Juni 2025" beside "hari ini, Kamis
        // (19/6/2025)"): each is when its article was written, whenever it was published
        if (a.ToldRelative && b.ToldRelative) return true;
        if (a.Published is not { } pa || b.Published is not { } pb || pa == pb) return false;
        // two days told relative to each article's own day ("kemarin", "yesterday") are each that article's; a weekday name
        // ("on Friday") or a day and month ("Sept. 11") is resolved to one date, and compares as a date
        if (a.Relative && b.Relative && (Deictic(a) || Deictic(b))) return true;
        return a.Date is { } da && b.Date is { } db && da.DayNumber - db.DayNumber == pa.DayNumber - pb.DayNumber;
    }

    /// <summary>What a count, amount or percentage is of (its head, else its unit); null for dates and bare numbers.</summary>
    private static string? SoleKey(Slot s) => s.Kind is SlotKind.Date or SlotKind.Time ? null : s.Head ?? s.Unit;

    private static bool IsName(string f) => f.Length > 0 && f[0] == '^';


    /// <summary>A one-word name of the story ("Ryan", per:ryan) read as the one longer name of the story it ends
    /// ("Paul Ryan", per:paul-ryan), when the story has exactly one: outlets name a person in full once and by surname after,
    /// and one outlet's "Mr. Ryan" is another's "Paul Ryan".</summary>
    public static Dictionary<string, string> Aliases(IEnumerable<string> entities)
    {
        var ids = entities.ToHashSet(StringComparer.Ordinal);
        static string Name(string e) => e.IndexOf(':') is var c and >= 0 ? e[(c + 1)..] : e;
        var longer = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var e in ids)
        {
            var n = Name(e);
            int dash = n.LastIndexOf('-');
            if (dash <= 0 || dash == n.Length - 1) continue;
            var last = n[(dash + 1)..];
            if (!longer.TryGetValue(last, out var l)) longer[last] = l = [];
            l.Add(e);
        }
        var alias = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in ids)
        {
            var n = Name(e);
            if (n.Length < 3 || n.Contains('-') || !longer.TryGetValue(n, out var l) || l.Count != 1) continue;
            // the same kind when both have one (a place "Jordan" is no person "Michael Jordan")
            int c1 = e.IndexOf(':'), c2 = l[0].IndexOf(':');
            if (c1 >= 0 && c2 >= 0 && e[..c1] != l[0][..c2]) continue;
            alias[e] = l[0];
        }
        return alias;
    }

/// <summary>Whether two slots can state the same fact at all: same kind, the same granularity of date, the same unit
    /// and head noun of a count, the same currency.</summary>
    public static bool Compatible(Slot a, Slot b)
    {
        if (a.Kind != b.Kind) return false;
        if (Contrasting(a, b)) return false;
        if (a.RangePart != b.RangePart && a.RangePart is not null && b.RangePart is not null) return false;
        switch (a.Kind)
        {
            case SlotKind.Date:
                // a year beside a month or day of it ("tahun 2023", "Mei 2023") compares by the year, when the year was stated
                return a.Granularity == b.Granularity
                    || (a.Granularity, b.Granularity) is (Granularity.Year, Granularity.Month) or (Granularity.Month, Granularity.Year) && !a.YearInferred && !b.YearInferred && !a.Relative && !b.Relative;
            case SlotKind.Count:
                if (a.Part != b.Part) return false; // "three other women" beside "four women": a part and the whole
                if (a.Unit is not null && b.Unit is not null && a.Unit != b.Unit) return false;
                if (a.Head is not null && b.Head is not null && !HeadsMeet(a, b)) return false;
                // two bare numbers compare too, but align only on a strong context (BareThreshold)
                return true;
            case SlotKind.Money:
                if (a.Head != b.Head) return false; // "500 gram: Rp..." is not "1 gram: Rp..." nor a price per gram
                return a.Unit is null || b.Unit is null || a.Unit == b.Unit;
            default:
                return true;
        }
    }

    /// <summary>A count, amount or percentage with a number.</summary>
    private static bool IsFigure(Slot s) => s.Kind is SlotKind.Count or SlotKind.Money or SlotKind.Percent && s.Number is not null;

    /// <summary>A count with neither a head noun nor a unit.</summary>
    private static bool Bare(Slot s) => s.Kind == SlotKind.Count && s.Head is null && s.Unit is null;

    /// <summary>Two heads name one thing when they are the same, when one is a counting word and the other of the same unit
    /// ("sekitar 200 orang" beside "320 orang atlet"), or when one is a word right beside the other's value ("90 Georgetown
    /// University faculty" beside "90 faculty"; "60,000 related emails" beside "60,000 emails").</summary>
    private static bool HeadsMeet(Slot a, Slot b) =>
        a.Head == b.Head || (a.GenericHead || b.GenericHead) && a.Unit is not null && a.Unit == b.Unit || Beside(a.Near, b.Head) || Beside(b.Near, a.Head);

    /// <summary>True when the context words hold the head, as written or marked as part of a name ("^head").</summary>
    private static bool Beside(IReadOnlyList<string> near, string? head)
    {
        if (head is null) return false;
        foreach (var w in near)
            if (w.Length == head.Length ? w == head : w.Length == head.Length + 1 && w[0] == '^' && w.AsSpan(1).SequenceEqual(head)) return true;
        return false;
    }

    /// <summary>Two time frames meet when they share a date or clock time, or one lies inside the other ("Thursday" and
    /// "Thursday night"; "2025" and "Maret 2025").</summary>
    public static bool FramesMeet(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        foreach (var x in a)
            foreach (var y in b)
                if (x == y || Within(x, y) || Within(y, x)) return true;
        return false;
        // a period inside a longer one: a day and a time of it, a year and a day or month of it
        static bool Within(string period, string inside) => inside.Length > period.Length && inside.StartsWith(period, StringComparison.Ordinal)
            && inside[period.Length] is 'T' or '-' && (period.Length != 10 || inside[period.Length] == 'T');
    }

    /// <summary>True when the clauses name different members of one contrast group and neither names the other's
    /// ("dituntut 14 tahun" beside "divonis 11 tahun"; "12 keberangkatan" beside "11 kedatangan").</summary>
    public static bool Contrasting(Slot a, Slot b)
    {
        if (a.Contrasts.Count == 0 || b.Contrasts.Count == 0) return false;
        static string Group(string c) => c[..c.IndexOf(':')];
        // within a group both clauses name members, and none in common
        foreach (var group in a.Contrasts.Select(Group).Distinct())
        {
            var mine = a.Contrasts.Where(c => Group(c) == group).ToList();
            var theirs = b.Contrasts.Where(c => Group(c) == group).ToList();
            if (theirs.Count > 0 && !mine.Intersect(theirs).Any()) return true;
        }
        return false;
    }

    /// <summary>Weighted overlap of two context vectors: the shared weight over the smaller side's total (a long sentence
    /// does not dilute what a short one shares with it), plus a bonus for a shared claim relation.</summary>
    private static double Score(Slot a, Slot b, Dictionary<string, double> va, Dictionary<string, double> vb, double na, double nb)
    {
        double shared = 0;
        var (small, large) = va.Count <= vb.Count ? (va, vb) : (vb, va);
        foreach (var (k, x) in small)
            if (large.TryGetValue(k, out var y)) shared += Math.Min(x, y);
        double sim = na == 0 || nb == 0 ? 0 : shared / Math.Sqrt(Math.Min(na, nb) * Math.Max(na, nb) * 0.5 + Math.Min(na, nb) * Math.Min(na, nb) * 0.5);
        if (a.Relation is not null && a.Relation == b.Relation) sim += 0.4;
        return sim;
    }

    /// <summary>A slot's context features: its stems, head, entities (read through the story's aliases) and claim relation;
    /// what rarity is counted over, what the candidate index is keyed by.</summary>
    private static IEnumerable<string> Features(Slot s, Dictionary<string, string> alias)
    {
        foreach (var f in s.Near) yield return f;
        foreach (var f in s.Far) yield return f;
        if (s.Head is { } h) yield return "h:" + h;
        foreach (var e in s.Entities) yield return "e:" + alias.GetValueOrDefault(e, e);
        if (s.Relation is { } r) yield return "r:" + r;
    }

    /// <summary>Two days told only by the same weekday name, each resolved against its article's publication.</summary>
    private static bool SameWeekdayOnly(Slot a, Slot b) =>
        a.Relative && b.Relative && a.Mention is { StatedWeekday: { } wa } ma && b.Mention is { StatedWeekday: { } wb } mb && wa == wb
        && !ma.Stated.HasFlag(FactCheck.Temporal.DateFields.Day) && !mb.Stated.HasFlag(FactCheck.Temporal.DateFields.Day);

    /// <summary>True when two aligned slots state the same value, within rounding (5%), qualifiers and granularity: a year
    /// that was only inferred compares month and day.</summary>
    public static bool Agree(Slot a, Slot b)
    {
        switch (a.Kind)
        {
            case SlotKind.Date:
                if (a.Granularity != b.Granularity)
                    return a.Value.Length >= 4 && b.Value.Length >= 4 && a.Value[..4] == b.Value[..4];
                // "bulan Mei" (year not written) is "Mei 2025": the months compare
                if ((a.YearInferred || b.YearInferred) && a.Granularity == Granularity.Month)
                    return a.Value.Length >= 2 && b.Value.Length >= 2 && a.Value[^2..] == b.Value[^2..];
                if (a.YearInferred || b.YearInferred)
                    return a.Value.Length >= 5 && b.Value.Length >= 5 && a.Value[^5..] == b.Value[^5..] || MonthDay(a) == MonthDay(b);
                return a.Value == b.Value;
            case SlotKind.Time:
                return a.Value == b.Value;
            default:
                if (a.Number is not { } x || b.Number is not { } y) return true;
                // two figures qualified alike ("lebih dari 32 ribu", "lebih dari 23 ribu"; "hingga US$ 200 juta", "hingga US$ 320
                // juta"; "sekitar Rp 7 miliaran", "sekitar Rp 9 miliaran") state their numbers: those compare, within 15%
                // (not a vague one: "dozens of", "ratusan" allow a wide range)
                if (a.Qualifier is { } qa && b.Qualifier is { } qb && Direction(qa) == Direction(qb) && (Direction(qa) != 0 || Narrow(a, x) && Narrow(b, y)))
                    return Math.Abs(x - y) <= 0.15 * Math.Max(Math.Abs(x), Math.Abs(y));
                // an open bound is read as a writer means it: "more than 70" is a little over 70 (up to a quarter as much
                // again), not any number above; "more than 112" then disagrees with "more than 70"
                double lo1 = Math.Min(Bounded(a.Low, x), x), hi1 = Math.Max(Bounded(a.High, x), x), lo2 = Math.Min(Bounded(b.Low, y), y), hi2 = Math.Max(Bounded(b.High, y), y);
                // rounding: 5%; a qualified figure ("lebih dari 13 juta", "about 5,000") is looser: 15%
                double tol = (a.Qualifier is null && b.Qualifier is null ? 0.05 : 0.15) * Math.Max(Math.Abs(x), Math.Abs(y));
                return lo1 - tol <= hi2 && lo2 - tol <= hi1;
        }
    }

    /// <summary>True when two values of one kind are near enough to be one fact mistyped: dates a few days apart (or the
    /// same day and month a few years apart), amounts within a factor of 2.5. Bare years are not: two years a few apart in
    /// sentences that share little are usually two facts (an invasion in 2001, another in 2003).</summary>
    public static bool NearValue(Slot a, Slot b)
    {
        if (a.Kind != b.Kind || Agree(a, b)) return false;
        switch (a.Kind)
        {
            case SlotKind.Date when a.Granularity == Granularity.Day && b.Granularity == Granularity.Day && a.Date is { } x && b.Date is { } y:
                return Math.Abs(x.DayNumber - y.DayNumber) <= 10 || x.Month == y.Month && x.Day == y.Day && Math.Abs(x.Year - y.Year) <= 3;
            case SlotKind.Date or SlotKind.Time:
                return false;
            default:
                if (a.Number is not { } p || b.Number is not { } q || p <= 0 || q <= 0) return false;
                return Math.Max(p, q) / Math.Min(p, q) <= 2.5 || Transposed(a, b);
        }
    }

    /// <summary>True when two figures are written with the same digits in another order (17 and 71, 325 and 523): the commonest
    /// slip of a typed number.</summary>
    public static bool Transposed(Slot a, Slot b)
    {
        if (a.Number is not { } x || b.Number is not { } y || x == y || x <= 0 || y <= 0) return false;
        string dx = Digits(x), dy = Digits(y);
        if (dx.Length != dy.Length || dx.Length < 2) return false;
        var sx = dx.ToCharArray(); var sy = dy.ToCharArray();
        Array.Sort(sx); Array.Sort(sy);
        return sx.AsSpan().SequenceEqual(sy);
    }

    /// <summary>True when two amounts differ by more than twentyfold and their significant digits differ.</summary>
    public static bool FarApart(Slot a, Slot b)
    {
        if (a.Number is not { } x || b.Number is not { } y || x <= 0 || y <= 0) return false;
        if (Math.Max(x, y) / Math.Min(x, y) <= 20) return false;
        static string Digits(double v) => v.ToString("0.###E+0", System.Globalization.CultureInfo.InvariantCulture).Split('E')[0];
        return Digits(x) != Digits(y);
    }

    private static bool Narrow(Slot s, double v) => double.IsFinite(s.Low) && double.IsFinite(s.High) && s.High - s.Low <= 0.25 * Math.Abs(v);

    /// <summary>Which way a qualifier opens: above, below or around the number.</summary>
    private static int Direction(string qualifier) => qualifier switch
    {
        "MORE_THAN" or "EQUAL_OR_MORE" => 1, "LESS_THAN" or "EQUAL_OR_LESS" => -1, _ => 0,
    };

    private static double Bounded(double bound, double value) =>
        double.IsPositiveInfinity(bound) ? value * 1.25 : double.IsNegativeInfinity(bound) ? value / 1.25 : bound;

    private static string MonthDay(Slot s) => s.Date is { } d ? d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture) : s.Value.TrimStart('-');
}
