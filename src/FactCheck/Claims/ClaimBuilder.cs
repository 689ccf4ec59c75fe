using FactCheck.Model;
using FactCheck.Temporal;
using FactCheck.Text;
using FactCheck.Text.Patterns;

namespace FactCheck.Claims;

/// <summary>Builds claim frames per sentence: predicates from relations.json, arguments from entity, quantity and temporal mentions.</summary>
public sealed class ClaimBuilder
{
    private static readonly HashSet<string> coordination = new(StringComparer.OrdinalIgnoreCase) { ",", "dan", "and", "serta", "&", "atau", "or" };
    private static readonly HashSet<string> complementMarkers = new(StringComparer.OrdinalIgnoreCase) { "dari", "from", "ke", "to", "di", "on", "off" };
    private static readonly HashSet<string> phraseStops = new(StringComparer.OrdinalIgnoreCase) { "pada", "on", "sejak", "since", "karena", "because", "setelah", "after", "yang", "which", "dan", "and" };

    private readonly RelationGrammar grammar;
    private readonly Dictionary<string, RelationForm[]> byWord;
    private readonly RelationForm[] byShapeOrClass;
    /// <summary>Each relation's rule id ("id.remove-from-platform"), made once rather than per claim.</summary>
    private readonly Dictionary<string, string> ruleIds;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ClaimBuilder> cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The builder of a language, made once (its predicate index is built in the constructor).</summary>
    public static ClaimBuilder For(string lang) => cache.GetOrAdd(lang, static l => new ClaimBuilder(RelationGrammar.Get(l)));

    public ClaimBuilder(RelationGrammar grammar)
    {
        this.grammar = grammar;
        var w = new Dictionary<string, List<RelationForm>>(StringComparer.OrdinalIgnoreCase);
        var other = new List<RelationForm>();
        foreach (var f in grammar.Forms)
            foreach (var key in f.Pattern.FirstKeys)
            {
                if (key.StartsWith("w:", StringComparison.Ordinal))
                {
                    if (!w.TryGetValue(key[2..], out var l)) w[key[2..]] = l = [];
                    if (!l.Contains(f)) l.Add(f);
                }
                else if (!other.Contains(f)) other.Add(f);
            }
        byWord = w.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        byShapeOrClass = other.ToArray();
        ruleIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in grammar.Forms) ruleIds.TryAdd(f.Relation, $"{grammar.Lang}.{f.Relation}");
    }

    /// <summary>Role facts from entity mentions ("CEO Parler John Matze"): relation has-role, the person as subject, the
    /// organization as object, the role (canonical value) as a phrase complement.</summary>
    public static IReadOnlyList<ClaimFrame> RoleFrames(Article article, IReadOnlyList<TextSpan> sentences,
        IEnumerable<(ClaimArgument Person, string Role, string RoleValue, string? RoleOf)> roles, IReadOnlyList<ClaimArgument> entities, string lang)
    {
        var list = new List<ClaimFrame>();
        foreach (var (person, role, roleValue, roleOf) in roles)
        {
            var s = sentences.FirstOrDefault(x => x.Start <= person.Start && person.Start < x.End);
            if (s.End == 0) s = new TextSpan(person.Start, person.End);
            if (article.IsBoilerplate(s.Start)) continue;
            var org = roleOf is null ? null : entities.FirstOrDefault(e => e.EntityId == roleOf);
            list.Add(new ClaimFrame
            {
                Doc = article.Id, Rule = $"{lang}.has-role", Relation = "has-role", Predicate = role,
                PredicateStart = person.Start, PredicateEnd = person.End, Start = s.Start, End = s.End, Sentence = article.Text[s.Start..s.End],
                Subjects = [person], Object = org,
                Complement = new ClaimArgument(person.Start, person.End, role, "phrase") { Canonical = roleValue },
            });
        }
        return list;
    }

    /// <summary>Claim frames of an article, sentence by sentence; boilerplate sentences are skipped.</summary>
    public IReadOnlyList<ClaimFrame> Build(Article article, Token[] tokens, IReadOnlyList<TextSpan> sentences,
        IReadOnlyList<TemporalMention> temporal, IReadOnlyList<ClaimArgument> entities, IReadOnlyList<ClaimArgument> quantities)
    {
        var text = article.Text;
        var claims = new List<ClaimFrame>();
        var topic = Topic(entities);
        int ti = 0;
        foreach (var s in sentences)
        {
            if (article.IsBoilerplate(s.Start)) continue;
            while (ti < tokens.Length && tokens[ti].Start < s.Start) ti++;
            int first = ti, last = ti;
            while (last < tokens.Length && tokens[last].Start < s.End) last++;
            if (first == last) continue;

            var preds = FindPredicates(text, tokens, first, last);
            if (preds.Count == 0) continue;
            // the sentence's mentions by plain loops (no closures per sentence); entities in text order
            var ents = new List<ClaimArgument>();
            bool ordered = true;
            foreach (var e in entities)
                if (e.Start >= s.Start && e.End <= s.End)
                {
                    if (ents.Count > 0 && ents[^1].Start > e.Start) ordered = false;
                    ents.Add(e);
                }
            if (!ordered) ents = ents.OrderBy(e => e.Start).ToList(); // stable, as before
            var qty = new List<ClaimArgument>();
            foreach (var q in quantities) if (q.Start >= s.Start && q.End <= s.End) qty.Add(q);
            var times = new List<TemporalMention>();
            foreach (var m in temporal) if (m.Start >= s.Start && m.End <= s.End && m.Kind is TemporalKind.Date or TemporalKind.Time) times.Add(m);
            var timeOwner = AssignTimes(times, preds, tokens);
            var attribution = FindAttribution(text, tokens, first, last, ents, preds);
            string? sentenceText = null;   // one copy of the sentence for all its claims (they are kept to the end of a run)

            for (int p = 0; p < preds.Count; p++)
            {
                var (form, ps, pe) = preds[p];
                int predStart = tokens[ps].Start, predEnd = tokens[pe - 1].End;
                int clauseEnd = p + 1 < preds.Count ? tokens[preds[p + 1].Start].Start : s.End;
                int clauseStart = p > 0 ? tokens[preds[p - 1].End - 1].End : s.Start;

                var before = Subjects(text, ents.Where(e => e.End <= predStart && e.Start >= clauseStart).ToList());
                if (before.Count == 0) before = Subjects(text, ents.Where(e => e.End <= predStart).ToList());
                var obj = ents.FirstOrDefault(e => e.Start >= predEnd && e.Start < clauseEnd && e.Kind != "location");
                IReadOnlyList<ClaimArgument> subjects = before;
                ClaimArgument? objectArg = form.Relation == "said" ? null : obj;
                int complementFrom = obj?.End ?? predEnd;
                switch (form.Roles)
                {
                    case Roles.PassiveAgent:
                        subjects = obj is null ? [] : [obj];
                        objectArg = before.Count > 0 ? before[^1] : null;
                        break;
                    case Roles.Passive:
                        subjects = [];
                        objectArg = before.Count > 0 ? before[^1] : null;
                        complementFrom = predEnd;
                        break;
                }
                if (objectArg is null && form.Roles != Roles.Active && topic is not null && MentionsAnaphor(text, tokens, clauseStart, predStart))
                    objectArg = topic with { Start = predStart, End = predStart, Text = "" };
                var complements = Complements(text, tokens, complementFrom, clauseEnd, ents, last);
                bool countOnly = grammar.CountOnly.Contains(form.Relation);
                var quantity = countOnly
                    // "12 orang tewas", "korban tewas mencapai 12 orang": the count of people in the sentence nearest the state word
                    ? qty.Where(q => q.Kind == "quantity"
                                     && (!grammar.Units.TryGetValue(form.Relation, out var units) || (q.Unit is not null && units.Contains(q.Unit))))
                         .OrderBy(q => q.End <= predStart ? predStart - q.End : q.Start - predEnd).FirstOrDefault()
                    : qty.Where(q => q.Start >= predEnd && q.Start < clauseEnd).OrderBy(q => q.Start).FirstOrDefault();
                var place = ents.FirstOrDefault(e => e.Kind == "location" && e.Start >= clauseStart && e.End <= clauseEnd
                    && !ReferenceEquals(e, objectArg) && !subjects.Contains(e));
                var time = times.Where((_, k) => timeOwner[k] == p).OrderBy(m => Math.Abs(m.Start - predEnd)).FirstOrDefault();
                if (countOnly)
                {
                    if (quantity is null) continue;
                    subjects = []; objectArg = null;
                }
                else if (subjects.Count == 0 && objectArg is null) continue; // "Ia menghapus air matanya": no participant we know
                if (objectArg is null && grammar.NeedsObject.Contains(form.Relation)) continue;

                foreach (var complement in complements.Count == 0 ? [null] : complements.Cast<ClaimArgument?>())
                claims.Add(new ClaimFrame
                {
                    Doc = article.Id, Rule = ruleIds.TryGetValue(form.Relation, out var ruleId) ? ruleId : $"{grammar.Lang}.{form.Relation}", Relation = form.Relation,
                    Predicate = text[predStart..predEnd], PredicateStart = predStart, PredicateEnd = predEnd,
                    Start = s.Start, End = s.End, Sentence = sentenceText ??= text[s.Start..s.End],
                    Subjects = subjects, Object = objectArg, Complement = complement, Time = time, Quantity = quantity, Place = place,
                    Negated = HasCue(text, tokens, ps, 3, first, grammar.Negation),
                    Modality = Cue(text, tokens, ps, 4, first, grammar.Modality),
                    Attribution = form.Relation == "said" ? null : attribution,
                });
            }
        }
        return claims;
    }

    private List<(RelationForm Form, int Start, int End)> FindPredicates(string text, Token[] tokens, int first, int last)
    {
        var found = new List<(RelationForm, int, int)>();
        for (int i = first; i < last;)
        {
            RelationForm? best = null; int bestEnd = -1;
            void Try(RelationForm f)
            {
                int end = f.Pattern.MatchAt(text, tokens, i, out _);
                if (end > last) end = -1;
                if (end > bestEnd || (end == bestEnd && end > 0 && f.Order < best!.Order)) { best = f; bestEnd = end; }
            }
            if (tokens[i].Type == TokenType.Word && byWord.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(tokens[i].Span(text), out var fs))
                foreach (var f in fs) Try(f);
            foreach (var f in byShapeOrClass) Try(f);
            if (best is null) { i++; continue; }
            found.Add((best, i, bestEnd));
            i = bestEnd;
        }
        return found;
    }

    /// <summary>The entity nearest before the predicate, plus those coordinated with it ("Google, Apple dan Amazon").</summary>
    private static List<ClaimArgument> Subjects(string text, List<ClaimArgument> before)
    {
        var list = new List<ClaimArgument>();
        for (int k = before.Count - 1; k >= 0; k--)
        {
            var e = before[k];
            if (e.Kind == "location" && list.Count == 0) continue;
            if (list.Count > 0)
            {
                var between = text[e.End..list[0].Start].Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (between.Length == 0 || !between.All(w => coordination.Contains(w) || w.Trim(',').Length == 0 || coordination.Contains(w.Trim(','))))
                    break;
            }
            list.Insert(0, e);
        }
        return list;
    }

    /// <summary>Further arguments after dari/from/ke/to: entities (coordinated: "App Store dan Play Store"), else the phrase up to a stop word.</summary>
    private static List<ClaimArgument> Complements(string text, Token[] tokens, int from, int clauseEnd, List<ClaimArgument> ents, int last)
    {
        var list = new List<ClaimArgument>();
        int k = FirstTokenAt(tokens, from);
        if (k >= last || tokens[k].Start >= clauseEnd || !Has(complementMarkers, tokens[k].Span(text))) return list;
        int start = k + 1 < tokens.Length ? tokens[k + 1].Start : clauseEnd;
        var ent = ents.FirstOrDefault(e => e.Start == start);
        if (ent is not null)
        {
            list.Add(ent);
            foreach (var next in ents.Where(e => e.Start > ent.End && e.Start < clauseEnd))
            {
                var between = text[list[^1].End..next.Start].Trim();
                if (between.Length > 0 && !coordination.Contains(between)) break;
                list.Add(next);
            }
            return list;
        }
        int j = k + 1;
        while (j < last && tokens[j].Start < clauseEnd && tokens[j].Type != TokenType.Punct | tokens[j].Span(text) is "-"
               && !Has(phraseStops, tokens[j].Span(text))) j++;
        if (j <= k + 1) return list;
        int end = tokens[j - 1].End;
        list.Add(new ClaimArgument(start, end, text[start..end], "phrase") { Canonical = text[start..end].ToLowerInvariant() });
        return list;
    }

    /// <summary>The article's topic: the organization or product named most often (ties: first named).</summary>
    private static ClaimArgument? Topic(IReadOnlyList<ClaimArgument> entities) =>
        entities.Where(e => e.Kind is "organization" or "product")
                .GroupBy(e => e.Key)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(e => e.Start))
                .Select(g => g.First()).FirstOrDefault();

    private bool MentionsAnaphor(string text, Token[] tokens, int from, int to)
    {
        for (int k = FirstTokenAt(tokens, from); k < tokens.Length && tokens[k].Start < to; k++)
            if (tokens[k].Type == TokenType.Word && Has(grammar.Anaphora, tokens[k].Span(text))) return true;
        return false;
    }

    /// <summary>Index of the first token starting at or after a character offset (binary search; tokens are in text order).</summary>
    private static int FirstTokenAt(Token[] tokens, int offset)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>For each temporal mention, the index of the predicate nearest to it in tokens.</summary>
    private static int[] AssignTimes(List<TemporalMention> times, List<(RelationForm Form, int Start, int End)> preds, Token[] tokens)
    {
        var owner = new int[times.Count];
        for (int k = 0; k < times.Count; k++)
        {
            int best = 0; int bestDist = int.MaxValue;
            for (int p = 0; p < preds.Count; p++)
            {
                int ps = tokens[preds[p].Start].Start, pe = tokens[preds[p].End - 1].End;
                int d = times[k].Start >= pe ? times[k].Start - pe : ps - times[k].End;
                if (preds[p].Form.Relation == "said") d += 40; // a time belongs to the event, not to the saying, when both are near
                if (d < bestDist) { bestDist = d; best = p; }
            }
            owner[k] = best;
        }
        return owner;
    }

    private ClaimArgument? FindAttribution(string text, Token[] tokens, int first, int last, List<ClaimArgument> ents,
        List<(RelationForm Form, int Start, int End)> preds)
    {
        for (int i = first; i < last; i++)
        {
            if (tokens[i].Type != TokenType.Word || !Has(grammar.Attribution, tokens[i].Span(text))) continue;
            int after = tokens[i].End;
            var who = ents.FirstOrDefault(e => e.Start >= after && e.Start - after < 40 && e.Kind is "person" or "organization");
            if (who is not null) return who;
        }
        foreach (var (form, ps, _) in preds)
            if (form.Relation == "said")
            {
                var speaker = ents.LastOrDefault(e => e.End <= tokens[ps].Start && e.Kind is "person" or "organization");
                if (speaker is not null) return speaker;
            }
        return null;
    }

    private static bool HasCue(string text, Token[] tokens, int at, int window, int first, IReadOnlySet<string> cues) =>
        Cue(text, tokens, at, window, first, cues) is not null;

    private static string? Cue(string text, Token[] tokens, int at, int window, int first, IReadOnlySet<string> cues)
    {
        for (int k = at - 1; k >= Math.Max(first, at - window); k--)
        {
            var w = tokens[k].Span(text);
            if (Has(cues, w)) return w.ToString();
        }
        return null;
    }

    /// <summary>Whether the set holds the word, looked up through the span (a string is made only for a set of another kind).</summary>
    private static bool Has(IReadOnlySet<string> set, ReadOnlySpan<char> word) =>
        set is HashSet<string> h && h.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup) ? lookup.Contains(word) : set.Contains(word.ToString());
}
