using FactCheck.Model;
using FactCheck.Text;
using FactCheck.Text.Patterns;

namespace FactCheck.Entities;

/// <summary>Finds people, organizations, places and products in an article: gazetteer aliases (exact and near-miss), role and cue rules, and capitalized names.</summary>
public sealed class EntityExtractor(Gazetteer? gazetteer = null)
{
    private readonly Gazetteer gaz = gazetteer ?? Gazetteer.Default;

    /// <summary>Rule id of exact gazetteer matches.</summary>
    public const string GazetteerRule = "gazetteer";
    /// <summary>Rule id of near-miss spellings linked to a gazetteer alias.</summary>
    public const string FuzzyRule = "gazetteer-fuzzy";

    public Gazetteer Gazetteer => gaz;

    /// <summary>Mentions in the article's own text (boilerplate skipped), ordered by start offset.</summary>
    public IReadOnlyList<EntityMention> Extract(Article article) => Extract(article, Tokenizer.Tokenize(article.Text));

    /// <summary>Mentions from tokens already made from the article's text.</summary>
    public IReadOnlyList<EntityMention> Extract(Article article, Token[] tokens)
    {
        var grammar = EntityGrammar.Get(article.Lang);
        var doc = new DocState(article, tokens, grammar, gaz);
        try { return doc.Run(); }
        finally { doc.Release(); }
    }

    /// <summary>Per-document analysis: which tokens are usable, start sentences, belong to gazetteer hits or name runs; answers the rules' span classes.</summary>
    private sealed class DocState : ISpanClasses
    {
        private readonly Article article;
        private readonly string text;
        private readonly Token[] tokens;
        private readonly EntityGrammar g;
        private readonly Gazetteer gaz;
        private readonly int n;
        private readonly bool[] usable, sentenceStart, covered, nameWord, titleLine;
        private readonly GazetteerMatch?[] gazAt;
        private readonly int[] runEnd;
        private readonly int[]?[] nameEndsCache, roleEndsCache, descEndsCache, orgcueEndsCache;
        private readonly List<(EntityPhrase Phrase, int End)>?[] phraseCache;
        // sentence openers this document also writes in lower case; case-insensitive, so the capitalized opener finds them
        private readonly HashSet<string> lowerWords = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<EntityMention> mentions = [];
        private readonly List<int> singles = [];
        private static readonly int[] none = [];
        private static readonly List<(EntityPhrase Phrase, int End)> noPhrases = [];
        private readonly List<(EntityPhrase Phrase, int End)> scratchPhrases = [];

        public DocState(Article article, Token[] tokens, EntityGrammar g, Gazetteer gaz)
        {
            this.article = article; text = article.Text; this.tokens = tokens; this.g = g; this.gaz = gaz; n = tokens.Length;
            // per-token arrays come from a pool: a long article would otherwise put several large arrays on the
            // large-object heap for every document (and full garbage collections with them)
            usable = Rent<bool>(n); sentenceStart = Rent<bool>(n); covered = Rent<bool>(n); nameWord = Rent<bool>(n); titleLine = Rent<bool>(n);
            gazAt = Rent<GazetteerMatch?>(n); runEnd = Rent<int>(n); nameEndsCache = Rent<int[]?>(n);
            roleEndsCache = Rent<int[]?>(n); descEndsCache = Rent<int[]?>(n); orgcueEndsCache = Rent<int[]?>(n);
            phraseCache = Rent<List<(EntityPhrase, int)>?>(n);
            Prepare();
        }

        private static T[] Rent<T>(int length)
        {
            var a = System.Buffers.ArrayPool<T>.Shared.Rent(Math.Max(length, 1));
            Array.Clear(a, 0, Math.Min(a.Length, Math.Max(length, 1)));
            return a;
        }

        /// <summary>Gives the per-token arrays back to the pool; the state is not used after this.</summary>
        public void Release()
        {
            System.Buffers.ArrayPool<bool>.Shared.Return(usable); System.Buffers.ArrayPool<bool>.Shared.Return(sentenceStart);
            System.Buffers.ArrayPool<bool>.Shared.Return(covered); System.Buffers.ArrayPool<bool>.Shared.Return(nameWord);
            System.Buffers.ArrayPool<bool>.Shared.Return(titleLine);
            System.Buffers.ArrayPool<GazetteerMatch?>.Shared.Return(gazAt);
            System.Buffers.ArrayPool<int>.Shared.Return(runEnd);
            System.Buffers.ArrayPool<int[]?>.Shared.Return(nameEndsCache, clearArray: true);
            System.Buffers.ArrayPool<int[]?>.Shared.Return(roleEndsCache, clearArray: true);
            System.Buffers.ArrayPool<int[]?>.Shared.Return(descEndsCache, clearArray: true);
            System.Buffers.ArrayPool<int[]?>.Shared.Return(orgcueEndsCache, clearArray: true);
            System.Buffers.ArrayPool<List<(EntityPhrase, int)>?>.Shared.Return(phraseCache, clearArray: true);
            if (gazEnds is not null) System.Buffers.ArrayPool<int[]?>.Shared.Return(gazEnds, clearArray: true);
            if (officeEndsCache is not null) System.Buffers.ArrayPool<int[]?>.Shared.Return(officeEndsCache, clearArray: true);
            if (personEndsCache is not null) System.Buffers.ArrayPool<int[]?>.Shared.Return(personEndsCache, clearArray: true);
            if (roletailEndsCache is not null) System.Buffers.ArrayPool<int[]?>.Shared.Return(roletailEndsCache, clearArray: true);
        }

        private void Prepare()
        {
            var boiler = article.Boilerplate;
            int bi = 0;
            // capitalized sentence openers, then which of them the document also writes in lower case ("Setelah" / "setelah")
            var openers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < n; i++)
            {
                ref readonly var t = ref tokens[i];
                while (bi < boiler.Count && boiler[bi].End <= t.Start) bi++;
                usable[i] = !(bi < boiler.Count && boiler[bi].Start <= t.Start);
                sentenceStart[i] = IsSentenceStart(i);
                if (sentenceStart[i] && t.Type == TokenType.Word && t.Capitalized) openers.Add(t.Span(text).ToString());
            }
            if (openers.Count > 0)
            {
                var openerLookup = openers.GetAlternateLookup<ReadOnlySpan<char>>();
                for (int i = 0; i < n; i++)
                {
                    ref readonly var t = ref tokens[i];
                    if (t.Type == TokenType.Word && char.IsLower(text[t.Start]) && openerLookup.TryGetValue(t.Span(text), out var opener))
                        lowerWords.Add(opener);
                }
            }
            MarkTitleLines();
            // exact gazetteer aliases, longest first, left to right
            for (int i = 0; i < n;)
            {
                if (usable[i] && tokens[i].Type != TokenType.Punct && gaz.TryMatch(text, tokens, i, sentenceStart[i], usable, out var m))
                {
                    gazAt[i] = m;
                    for (int k = m.Start; k < m.End; k++) covered[k] = true;
                    i = m.End;
                }
                else i++;
            }
            // a known place inside a longer name with a head word beside it is part of that name: "Bank Indonesia", "Air
            // India", "Qatar Airways" are organizations, "Kota Malang", "Kabupaten Flores Timur" places of their own
            for (int i = 0; i < n; i++)
            {
                if (gazAt[i] is not { Fuzzy: false } m || m.Start != i || m.Entity.Kind != EntityKind.Location) continue;
                bool before = i > 0 && HeadWord(i - 1) && tokens[i].SpaceBefore && !NewLineBefore(i);
                bool after = m.End < n && HeadWord(m.End) && tokens[m.End].SpaceBefore && !NewLineBefore(m.End);
                if (!before && !after) continue;
                (inLongerName ??= []).Add(i);
                gazAt[i] = null;
                for (int k = m.Start; k < m.End; k++) covered[k] = false;
            }
            ComputeRuns();
            // a known person's surname after another given name is another person of that family ("Michelle Obama", "Ivanka
            // Trump"): the surname alone is that person's alias only when no other name is written before it
            bool uncovered = false;
            for (int i = 1; i < n && g.SurnameFamilies; i++)
            {
                if (gazAt[i] is not { Fuzzy: false } m || m.Start != i || m.End != i + 1 || m.Entity.Kind != EntityKind.Person) continue;
                var name = m.Entity.Name;
                int space = name.LastIndexOf(' ');
                if (space < 0 || !name.AsSpan(space + 1).Equals(tokens[i].Span(text), StringComparison.Ordinal)) continue;
                if (!tokens[i].SpaceBefore || NewLineBefore(i)) continue;
                // the given name before it, past any middle initials ("Vladimir V. Putin")
                int given = i - 1;
                while (given >= 2 && Initial(given - 1) && tokens[given - 1].SpaceBefore) given -= 2;
                if (given < 0 || !nameWord[given] || StartsRole(given) || !PersonLike(given, given + 1)) continue;
                if (given < i - 1 && name.AsSpan(0, name.IndexOf(' ')).Equals(tokens[given].Span(text), StringComparison.Ordinal))
                {
                    // the known person's own given name with a middle initial: the whole name is that person
                    gazAt[i] = null;
                    gazAt[given] = m with { Start = given };
                    for (int k = given; k <= i; k++) covered[k] = true;
                    uncovered = true;
                    continue;
                }
                // "Barack Obama" is the alias itself; the gazetteer matched it whole, so the word before is another name
                gazAt[i] = null;
                covered[i] = false;
                uncovered = true;
            }
            if (uncovered) ComputeRuns();
            // near-miss spellings of aliases among the capitalized runs
            bool any = false;
            for (int i = 0; i < n; i++)
            {
                // every position of a capitalized run may start a misspelled alias ("Pemerintah Indonesi"), unless already named;
                // an exact alias that the run goes on past may be the head of a longer misspelled one ("Amerika Serkat")
                int exactEnd = covered[i] && gazAt[i] is { Fuzzy: false } g0 && g0.Start == i ? g0.End : -1;
                int maxEnd;
                if (exactEnd >= 0) maxEnd = exactEnd < n && nameWord[exactEnd] ? runEnd[exactEnd] : -1;
                else maxEnd = nameWord[i] ? runEnd[i] : -1;
                if (maxEnd < 0) continue;
                // a slipped word before an exact alias of the same entity: "Doanld Trump" no longer matches the
                // gazetteer as a whole, but "Trump" does, and the run with it is a near miss of "Donald Trump"
                if (exactEnd < 0 && !covered[i] && maxEnd < n && gazAt[maxEnd] is { Fuzzy: false } next && next.Start == maxEnd && tokens[maxEnd].SpaceBefore && !NewLineBefore(maxEnd))
                {
                    var run = text.AsSpan(tokens[i].Start, tokens[next.End - 1].End - tokens[i].Start);
                    if (gaz.TryFuzzy(run, out var whole, out var wholeAlias, out var wholeSim) && whole.Id == next.Entity.Id && wholeSim < 1.0)
                    {
                        gazAt[maxEnd] = null;
                        gazAt[i] = new GazetteerMatch(i, next.End, whole, wholeAlias, wholeSim, Fuzzy: true);
                        for (int k = i; k < next.End; k++) covered[k] = true;
                        any = true;
                        continue;
                    }
                }
                for (int e = maxEnd; e > i; e--)
                {
                    if (exactEnd >= 0 && e <= exactEnd) break;
                    if (!ValidEnd(i, e)) continue;
                    var cand = text.AsSpan(tokens[i].Start, tokens[e - 1].End - tokens[i].Start);
                    if (!gaz.TryFuzzy(cand, out var ent, out var alias, out var sim)) continue;
                    // past an exact alias, a near miss of the same entity ("Amerika Serkat"), or of a longer alias that begins with
                    // the exact one ("Paris Saant-Germain": Paris Saint-Germain, not the city and a slip)
                    if (exactEnd >= 0 && (sim >= 1.0 || ent.Id != gazAt[i]!.Value.Entity.Id && !ExtendsAlias(alias, gazAt[i]!.Value.Alias))) continue;
                    // a place left out as part of a longer name ("Manchester United") is no near miss of itself
                    if (sim >= 1.0 && inLongerName is not null && inLongerName.Contains(i)) continue;
                    gazAt[i] = new GazetteerMatch(i, e, ent, alias, sim, Fuzzy: true);
                    for (int k = i; k < e; k++) covered[k] = true;
                    any = true;
                    break;
                }
            }
            if (any) ComputeRuns();
        }

        private bool IsSentenceStart(int i)
        {
            if (i == 0 || tokens[i].ParagraphBefore) return true;
            ref readonly var p = ref tokens[i - 1];
            if (text.AsSpan(p.End, tokens[i].Start - p.End).Contains('\n')) return true;
            if (p.Type != TokenType.Punct) return false;
            char c = text[p.Start];
            return c is '.' or '!' or '?' or ':' or '"' or '\u201C' or '\u201D' or '\'' or '\u2018' or '\u2019' or '\u2026' or '*' or '|' or '\u2022' or '\u2013' or '\u2014' or '('
                || (c == '-' && p.SpaceBefore);
        }

        /// <summary>Headlines and related-link lines in title case: capitalized guesses are not trusted there.</summary>
        private void MarkTitleLines()
        {
            int lineStart = 0;
            for (int i = 0; i <= n; i++)
            {
                bool newLine = i == n || (i > lineStart && text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End).Contains('\n'));
                if (!newLine) continue;
                int words = 0, caps = 0;
                for (int k = lineStart; k < i; k++)
                    if (tokens[k].Type == TokenType.Word) { words++; if (tokens[k].Capitalized) caps++; }
                if (words >= 5 && caps * 10 >= words * 6)
                    for (int k = lineStart; k < i; k++) titleLine[k] = true;
                lineStart = i;
            }
        }

        private void ComputeRuns()
        {
            for (int i = 0; i < n; i++) nameWord[i] = IsNameWord(i);
            for (int i = 0; i < n; i++)
            {
                nameEndsCache[i] = null;
                if (!nameWord[i]) { runEnd[i] = i; continue; }
                int j = i + 1;
                // a run is read at most MaxRunTokens ahead of each of its words: every word of a long run of capitalized words
                // (a list of names, a headline in capitals) would otherwise walk to its end, quadratic in the run
                while (j < n && j - i < MaxRunTokens)
                {
                    // a title is not part of the name before it: "Treasury | Secretary Jacob Lew", "House | Speaker Nancy Pelosi"
                    if (StartsRole(j)) break;
                    if (nameWord[j] && !tokens[j].ParagraphBefore && !NewLineBefore(j)) { j++; continue; }
                    if (Glued(j) && j + 1 < n && Glued(j + 1) && text[tokens[j].Start] is '-' && tokens[j + 1].Type == TokenType.Word && usable[j + 1] && !covered[j + 1])
                    { j += 2; continue; }
                    if (tokens[j].Type == TokenType.Word && j + 1 < n && nameWord[j + 1] && g.IsNameConnector(tokens[j].Span(text)))
                    { j += 2; continue; }
                    // an initial or an abbreviation with its period inside the name: "Eric H. Holder", "St. Louis"; an initial
                    // only after a given name and standing apart ("a grade of B. Critics said", "D.C. Officials" end a sentence)
                    if (AbbreviationPeriod(j) && j + 1 < n && nameWord[j + 1] && tokens[j + 1].SpaceBefore && !NewLineBefore(j + 1)
                        && (!Initial(j - 1) || j - 1 > i && tokens[j - 1].SpaceBefore))
                    { j += 2; continue; }
                    break;
                }
                runEnd[i] = j;
            }
        }

        /// <summary>A role phrase ("Secretary", "Minority Leader", "Wakil Presiden") starts at token j.</summary>
        private bool StartsRole(int j)
        {
            if (tokens[j].Type != TokenType.Word || !tokens[j].Capitalized) return false;
            return HasRolePhrase(j);
        }

        private bool HasRolePhrase(int j)
        {
            foreach (var (p, _) in PhrasesAt(j)) if (p.Class == "role") return true;
            return false;
        }

        /// <summary>Past the title at i and the office words after it, when no rule named a holder ("Menteri Luar Negeri
        /// menyampaikan": no one named "Luar Negeri"). An organization or place written after them is read from its own first
        /// word ("Kepala | Badan Pusat Statistik").</summary>
        private int OfficeWordsAfterRole(int i)
        {
            int j = Ends("role", i)[0];
            while (j < n && usable[j] && tokens[j].Type == TokenType.Word && tokens[j].Capitalized && tokens[j].SpaceBefore && !NewLineBefore(j)
                   && gazAt[j] is null && g.IsOfficeWord(tokens[j].Span(text))) j++;
            return j;
        }

        /// <summary>Token j is a capitalized organization or place head word that no alias covers ("Bank", "Kota", "Airways",
        /// "Timur") and no title ("Wali Kota").</summary>
        private bool HeadWord(int j)
        {
            if (!usable[j] || covered[j] || tokens[j].Type != TokenType.Word || !tokens[j].Capitalized) return false;
            if (!g.IsHeadWord(tokens[j].Span(text))) return false;
            if (j > 0) foreach (var (p, e) in PhrasesAt(j - 1)) if (p.Class == "role" && e > j) return false;
            return true;
        }

        private HashSet<int>? inLongerName;

        /// <summary>The alias begins with the shorter alias as a whole word ("Paris Saint-Germain" with "Paris").</summary>
        private static bool ExtendsAlias(string alias, string shorter) =>
            alias.Length > shorter.Length + 1 && alias.StartsWith(shorter, StringComparison.OrdinalIgnoreCase) && alias[shorter.Length] is ' ' or '-';

        private bool Glued(int j) => j < n && !tokens[j].SpaceBefore;

        /// <summary>Token j is a period glued to the name word before it that is an initial or a name abbreviation ("H.", "St.").</summary>
        private bool AbbreviationPeriod(int j) => j > 0 && j < n && Glued(j) && tokens[j].Type == TokenType.Punct && text[tokens[j].Start] == '.'
            && tokens[j].End - tokens[j].Start == 1 && nameWord[j - 1] && g.IsNameAbbreviation(tokens[j - 1].Span(text));

        /// <summary>Token k is an initial: one capital letter with its period glued after it ("H." in "Eric H. Holder").</summary>
        private bool Initial(int k) => tokens[k].End - tokens[k].Start == 1 && AbbreviationPeriod(k + 1);
        private bool NewLineBefore(int j) => j > 0 && text.AsSpan(tokens[j - 1].End, tokens[j].Start - tokens[j - 1].End).Contains('\n');

        private bool IsNameWord(int i)
        {
            ref readonly var t = ref tokens[i];
            if (!usable[i] || covered[i] || t.Type != TokenType.Word || !t.Capitalized) return false;
            var s = t.Span(text);
            if (g.IsNotName(s)) return false;
            // the token's lexicon entries are looked up once (Lexicon.LookupAt keeps them for the document), not once per class
            if (g.Lexicon.TryGetAt("month", text, tokens, i, out _) || g.Lexicon.TryGetAt("weekday", text, tokens, i, out _) || g.Lexicon.TryGetAt("tz", text, tokens, i, out _)) return false;
            if (sentenceStart[i] && lowerWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(s)) return false;
            return true;
        }

        /// <summary>A name may end before token e: the last token is a word (not a connector) and e does not split a hyphenated word.</summary>
        private bool ValidEnd(int start, int e)
        {
            ref readonly var last = ref tokens[e - 1];
            if (last.Type != TokenType.Word) return false;
            if (!nameWord[e - 1] && !(e - 2 > start && text[tokens[e - 2].Start] == '-' && !last.SpaceBefore)) return false;
            if (e < n && !tokens[e].SpaceBefore && text[tokens[e].Start] == '-' && e < runEnd[start]) return false;
            return true;
        }

        private int[] NameEnds(int pos)
        {
            if (nameEndsCache[pos] is { } c) return c;
            // a name does not start with a title: "Senator Mitch McConnell, the leader" names "Mitch McConnell"
            if (!nameWord[pos] || StartsRole(pos)) return nameEndsCache[pos] = none;
            int count = 0;
            int last = Math.Min(runEnd[pos], pos + MaxNameTokens);
            for (int e = pos + 1; e <= last; e++) if (ValidEnd(pos, e)) count++;
            if (count == 0) return nameEndsCache[pos] = none;
            var ends = new int[count];
            count = 0;
            for (int e = pos + 1; e <= last; e++) if (ValidEnd(pos, e)) ends[count++] = e;
            return nameEndsCache[pos] = ends;
        }

        private List<(EntityPhrase Phrase, int End)> PhrasesAt(int pos)
        {
            if (phraseCache[pos] is { } c) return c;
            if (tokens[pos].Type != TokenType.Word) return phraseCache[pos] = noPhrases;
            scratchPhrases.Clear();
            g.PhrasesAt(text, tokens, pos, scratchPhrases);
            return phraseCache[pos] = scratchPhrases.Count == 0 ? noPhrases : [.. scratchPhrases];
        }

        /// <summary>The phrase ending before token <paramref name="e"/> is written in the possessive ("the president's former
        /// press secretary"): a role so written is another person's, not the title of the name beside it.</summary>
        private bool Possessive(int e)
        {
            int at = tokens[e - 1].End;
            return at + 1 < text.Length && text[at] is '\'' or '\u2019' && text[at + 1] is 's' or 'S' && (at + 2 == text.Length || !char.IsLetter(text[at + 2]));
        }

        public ReadOnlySpan<int> Ends(string cls, int pos)
        {
            if (!usable[pos]) return none;
            switch (cls)
            {
                case "role" or "desc" or "orgcue":
                {
                    var ps = PhrasesAt(pos);
                    if (ps.Count == 0) return none;
                    // made once per class and position: the rules ask for them again at every position they may start
                    var cache = cls == "role" ? roleEndsCache : cls == "desc" ? descEndsCache : orgcueEndsCache;
                    if (cache[pos] is { } known) return known;
                    // a title is read whole where a language names offices after it: "Menteri Keuangan" with no name after it
                    // is the finance minister, not a minister named "Keuangan" (the phrases come longest first)
                    if (cls == "role" && g.OfficeWords.Count > 0)
                        foreach (var (p, e) in ps) if (p.Class == cls && !Possessive(e)) return cache[pos] = [e];
                    int count = 0;
                    foreach (var (p, e) in ps) if (p.Class == cls && !(cls == "role" && Possessive(e))) count++;
                    if (count == 0) return cache[pos] = none;
                    var ends = new int[count];
                    count = 0;
                    foreach (var (p, e) in ps) if (p.Class == cls && !(cls == "role" && Possessive(e))) ends[count++] = e;
                    return cache[pos] = ends;
                }
                case "roletail":
                {
                    // made once per position, as the phrase classes are
                    roletailEndsCache ??= Rent<int[]?>(n); // pooled like the other per-token arrays
                    if (roletailEndsCache[pos] is { } knownTail) return knownTail;
                    int j = pos;
                    while (j < n && j - pos < 3 && tokens[j].Type == TokenType.Word && !tokens[j].Capitalized && usable[j]
                           && !g.IsRoleTailStop(tokens[j].Span(text)) && PhrasesAt(j).Count == 0) j++;
                    if (j == pos) return roletailEndsCache[pos] = none;
                    var ends = new int[j - pos];
                    for (int k = 0; k < ends.Length; k++) ends[k] = pos + 1 + k;
                    return roletailEndsCache[pos] = ends;
                }
                case "ent": return gazAt[pos] is { } m && m.Entity.Kind != EntityKind.Person ? GazEnd(pos) : none;
                case "person": return GazOf(pos, EntityKind.Person);
                case "org": return GazOf(pos, EntityKind.Organization);
                case "loc": return GazOf(pos, EntityKind.Location);
                case "product": return GazOf(pos, EntityKind.Product);
                case "name":
                    if (gazAt[pos] is { } pm && pm.Entity.Kind == EntityKind.Person) return GazEnd(pos);
                    return PersonNameEnds(pos);
                case "office":
                    if (g.OfficeWords.Count == 0) return none;
                    officeEndsCache ??= Rent<int[]?>(n);
                    return officeEndsCache[pos] ??= OfficeEnds(pos);
                case "capname" or "orgname": return NameEnds(pos);
            }
            return none;
        }

        private int[] GazOf(int pos, EntityKind kind) => gazAt[pos] is { } m && m.Entity.Kind == kind ? GazEnd(pos) : none;

        private int[]?[]? gazEnds, roletailEndsCache, officeEndsCache, personEndsCache;

        /// <summary>Tokens a name may span (words, hyphens, connectors, initials and their periods).</summary>
        private const int MaxNameTokens = 12;
        /// <summary>Tokens a capitalized run is followed ahead of one of its words.</summary>
        private const int MaxRunTokens = 24;

        /// <summary>Where a person's name may end when it starts at pos. In a language that names offices after titles: not at
        /// an office word, a head word or a short form ("Menteri | Sosial", "Kepala | Badan Pusat Statistik",
        /// "Menteri | ESDM Bahlil Lahadalia"), and see <see cref="PersonName"/>. In one that names offices before titles: not at
        /// an organization's head word ("Justice | Department" is no justice named "Department") nor at a first initial alone
        /// ("Ambassador J. | Christopher Stevens"); a place's head word may end a surname ("Representative Allen West").</summary>
        private int[] PersonNameEnds(int pos)
        {
            personEndsCache ??= Rent<int[]?>(n);
            if (personEndsCache[pos] is { } known) return known;
            bool offices = g.OfficeWords.Count > 0;
            var w = tokens[pos].Span(text);
            if (offices && tokens[pos].Type == TokenType.Word && (g.IsOfficeWord(w) || g.IsHeadWord(w) || ShortForm(pos))) return personEndsCache[pos] = none;
            var all = NameEnds(pos);
            int keep = 0;
            foreach (int e in all) if (Keeps(e)) keep++;
            if (keep == all.Length) return personEndsCache[pos] = all;
            var ends = keep == 0 ? none : new int[keep];
            keep = 0;
            foreach (int e in all) if (Keeps(e)) ends[keep++] = e;
            return personEndsCache[pos] = ends;

            bool Keeps(int e) => offices ? PersonName(pos, e) : !g.IsOrgHead(tokens[e - 1].Span(text)) && !(e == pos + 1 && Initial(pos));
        }

        /// <summary>Tokens [from, to) may be a person's name: not short forms only ("FIFA"), no organization or place head word
        /// in its capitalized run ("Pimpinan Nasional Asosiasi Petani Tembakau"), and one word only if the document never writes it in lower case.</summary>
        private bool PersonName(int from, int to)
        {
            if (ShortFormsOnly(from, to)) return false;
            // the whole capitalized run, not only the part taken: "CEO | Qatar Airways Group" names no "Qatar Airways"
            for (int k = from + 1; k < Math.Min(Math.Max(to, runEnd[from]), from + MaxNameTokens); k++)
                if (tokens[k].Type == TokenType.Word && g.IsHeadWord(tokens[k].Span(text))) return false;
            return to - from > 1 || !WrittenLower(from);
        }

        /// <summary>Every word of tokens [from, to) is a short form in capitals ("FIFA", "DPR RI").</summary>
        private bool ShortFormsOnly(int from, int to)
        {
            for (int k = from; k < to; k++)
                if (tokens[k].Type == TokenType.Word && !ShortForm(k)) return false;
            return true;
        }

        /// <summary>Token k is a short form: two to six capital letters ("ESDM", "BUMN", "PANRB").</summary>
        private bool ShortForm(int k)
        {
            var w = tokens[k].Span(text);
            if (tokens[k].Type != TokenType.Word || w.Length is < 2 or > 6) return false;
            foreach (char c in w) if (!char.IsUpper(c)) return false;
            return true;
        }

        /// <summary>Token k is a Roman numeral of a numbered body ("Komisi III", "Wilayah II"); a lone "I" before a name is the
        /// Balinese name's first word ("Gubernur Bali I Wayan Koster"), not "the first".</summary>
        private bool Roman(int k)
        {
            var w = tokens[k].Span(text);
            if (tokens[k].Type != TokenType.Word || w.Length > 5) return false;
            foreach (char c in w) if (c is not ('I' or 'V' or 'X')) return false;
            return w is not "I" || k + 1 >= n || !tokens[k + 1].Capitalized || tokens[k + 1].Type != TokenType.Word || ShortForm(k + 1);
        }

        /// <summary>The end of the office written after a title, before the holder's name, read as far as it goes: office words,
        /// organization and place head words, short forms, Roman numerals and a letter after a head ("Komisi III", "Komisi C"),
        /// known organizations and places, "dan" between two office words ("Bea dan Cukai") and a short form in brackets ("Badan
        /// Pusat Statistik (BPS)", "Menteri Luar Negeri (Menlu) RI"), each word standing apart on one line. None when the office ends at a head word with a
        /// capitalized word after it: that word begins the organization's or place's own name ("Kepala Desa Karangsari",
        /// "Direktur Utama PT Asuransi Kredit"), so where the holder's name begins cannot be told.</summary>
        private int[] OfficeEnds(int pos)
        {
            int j = pos;
            bool head = false;
            while (j < n && usable[j])
            {
                if (j > pos && (!tokens[j].SpaceBefore && tokens[j].Type == TokenType.Word || tokens[j].ParagraphBefore || NewLineBefore(j))) break;
                if (gazAt[j] is { } m && m.Start == j && m.Entity.Kind != EntityKind.Person) { j = m.End; head = false; continue; }
                if (tokens[j].Type == TokenType.Word)
                {
                    var w = tokens[j].Span(text);
                    if (tokens[j].Capitalized && g.IsHeadWord(w) && !g.IsOfficeWord(w)) { j++; head = !g.IsLocationTrailer(w); continue; }
                    if (tokens[j].Capitalized && g.IsOfficeWord(w) || ShortForm(j) || Roman(j) || head && w.Length == 1 && char.IsUpper(w[0]) && w is not "I")
                    { j++; head = false; continue; }
                    if (j > pos && g.IsOfficeConnector(w) && j + 1 < n && tokens[j + 1].Capitalized && g.IsOfficeWord(tokens[j + 1].Span(text)))
                    { j++; continue; }
                    break;
                }
                if (text[tokens[j].Start] == '(' && j + 2 < n && tokens[j + 1].Type == TokenType.Word && tokens[j + 1].Capitalized && text[tokens[j + 2].Start] == ')')
                { j += 3; head = false; continue; }
                break;
            }
            if (j == pos || head && j < n && tokens[j].Type == TokenType.Word && tokens[j].Capitalized) return none;
            // a known organization or place alone is the role's organization ("CEO Parler John Matze": role-org-name)
            if (gazAt[pos] is { } only && only.Start == pos && only.End == j) return none;
            return [j];
        }

        /// <summary>The document writes the word of token k in lower case somewhere ("bencana", "data"): a word of the language
        /// there, not a one-word name.</summary>
        private bool WrittenLower(int k)
        {
            // the document's lower-case words, indexed once on the first question by a case-insensitive hash of each (no
            // string made of any): a scan per question would make a long article of titles and one-word names quadratic
            var w = tokens[k].Span(text);
            int h = string.GetHashCode(w, StringComparison.OrdinalIgnoreCase);
            if (lowerCaseWords is null)
            {
                lowerCaseWords = new Dictionary<int, int>();
                for (int i = 0; i < n; i++)
                    if (tokens[i].Type == TokenType.Word && !tokens[i].Capitalized)
                        lowerCaseWords.TryAdd(string.GetHashCode(tokens[i].Span(text), StringComparison.OrdinalIgnoreCase), i);
            }
            if (!lowerCaseWords.TryGetValue(h, out int first)) return false;
            if (tokens[first].Span(text).Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
            // two words of one hash: look at every lower-case word (rare)
            for (int i = 0; i < n; i++)
                if (i != k && tokens[i].Type == TokenType.Word && !tokens[i].Capitalized && tokens[i].Span(text).Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        private Dictionary<int, int>? lowerCaseWords;

        /// <summary>The end of the gazetteer match at pos as a one-element array, made once per position.</summary>
        private int[] GazEnd(int pos)
        {
            gazEnds ??= Rent<int[]?>(n);
            var m = gazAt[pos]!.Value;
            return gazEnds[pos] is { } a && a[0] == m.End ? a : gazEnds[pos] = [m.End];
        }

        public IReadOnlyList<EntityMention> Run()
        {
            for (int i = 0; i < n;)
            {
                if (!usable[i] || tokens[i].Type == TokenType.Punct && gazAt[i] is null) { i++; continue; }
                if (TryRules(i, out int end)) { i = end; continue; }
                if (g.OfficeWords.Count > 0 && StartsRole(i)) { i = OfficeWordsAfterRole(i); continue; }
                if (gazAt[i] is { } m) { Add(GazMention(m)); i = m.End; continue; }
                if (nameWord[i]) { i = Guess(i); continue; }
                i++;
            }
            LinkShortForms();
            mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
            return mentions;
        }

        private bool TryRules(int i, out int bestEnd)
        {
            bestEnd = -1;
            EntityRule? best = null; Binding? bestB = null;
            var rules = g.Rules;
            for (int r = 0; r < rules.Count; r++)
            {
                var rule = rules[r];
                if (!MayStart(rule, i)) continue;
                int end = rule.Pattern.MatchAt(text, tokens, i, out var b, this);
                if (end < 0) continue;
                bool ok = true;
                for (int k = i; k < end && ok; k++) ok = usable[k];
                if (!ok) continue;
                if (end > bestEnd || (end == bestEnd && rule.Priority > best!.Priority)) { bestEnd = end; best = rule; bestB = b; }
            }
            if (best is null) return false;
            Emit(best, i, bestEnd, bestB);
            return true;
        }

        private bool MayStart(EntityRule rule, int i)
        {
            foreach (var (kind, name, cls) in rule.FirstKeyParts)
            {
                if (kind == 'x') { if (HasSpan(name, cls, i)) return true; }
                else if (kind == 'w') { if (tokens[i].Type == TokenType.Word && tokens[i].Span(text).Equals(name, StringComparison.OrdinalIgnoreCase)) return true; }
                else return true;
            }
            return false;
        }

        // which span classes have a span at token spansAt (bits by EntityGrammar.SpanClassOrder), asked once each: the rules
        // that may start at one token ask about the same few classes
        private int spansAt = -1, spansKnown, spansHave;

        /// <summary>True when a span of the class starts at token i (<see cref="Ends"/> is not empty), remembered for the token.</summary>
        private bool HasSpan(string name, int cls, int i)
        {
            if (cls < 0) return Ends(name, i).Length > 0;
            if (spansAt != i) { spansAt = i; spansKnown = spansHave = 0; }
            int bit = 1 << cls;
            if ((spansKnown & bit) == 0)
            {
                spansKnown |= bit;
                if (Ends(name, i).Length > 0) spansHave |= bit;
            }
            return (spansHave & bit) != 0;
        }

        private void Emit(EntityRule rule, int start, int end, Binding? b)
        {
            var binds = new List<Binding>();
            for (var x = b; x is not null; x = x.Next) binds.Add(x);
            binds.Reverse();
            string? role = null, roleValue = null, roleOf = null;
            int roleStart = -1, roleEnd = -1;
            Binding? target = null;
            var extra = new List<EntityMention>();
            foreach (var x in binds)
            {
                switch (x.Class)
                {
                    case "role":
                        if (role is not null) break;
                        roleStart = x.Token; roleEnd = x.End;
                        roleValue = PhrasesAt(x.Token).FirstOrDefault(p => p.Phrase.Class == "role" && p.End == x.End).Phrase?.Value;
                        role = Slice(roleStart, roleEnd);
                        break;
                    case "roletail":
                        if (roleStart >= 0 && x.Token == roleEnd) { roleEnd = x.End; role = Slice(roleStart, roleEnd); }
                        break;
                    case "office":
                        // the office is part of the title ("Menteri Luar Negeri"); a known organization or place in it is whose
                        if (roleStart >= 0 && x.Token == roleEnd) { roleEnd = x.End; role = Slice(roleStart, roleEnd); }
                        for (int k = x.Token; k < x.End; k++)
                            if (gazAt[k] is { } om && om.Start == k && om.Entity.Kind != EntityKind.Person)
                            {
                                var gm = GazMention(om);
                                extra.Add(gm);
                                roleOf ??= gm.EntityId;
                            }
                        break;
                    case "ent" or "org" or "loc" or "product" or "person":
                        if (gazAt[x.Token] is { } m)
                        {
                            var gm = GazMention(m);
                            extra.Add(gm);
                            if (x.Class != "person") roleOf ??= gm.EntityId;
                        }
                        break;
                    case "orgname":
                    {
                        var om = NewMention(x.Token, x.End, EntityKind.Organization, rule.Id);
                        extra.Add(om);
                        roleOf ??= om.EntityId;
                        break;
                    }
                    case "name" or "capname":
                        target ??= x;
                        break;
                }
            }
            EntityMention mention;
            if (rule.SpanIsMatch || target is null)
                mention = NewMention(start, end, rule.Kind, rule.Id);
            else if (gazAt[target.Token] is { } tm && tm.End == target.End)
                mention = GazMention(tm) with { Rule = rule.Id };
            else
                mention = NewMention(target.Token, target.End, rule.Kind, rule.Id);
            if (role is not null) mention = mention with { Role = role, RoleValue = roleValue, RoleOf = roleOf };
            Add(mention);
            foreach (var m in extra) Add(m);
        }

        private string Slice(int from, int to) => text[tokens[from].Start..tokens[to - 1].End];

        private EntityMention GazMention(GazetteerMatch m) => new()
        {
            Doc = article.Id, Start = tokens[m.Start].Start, End = tokens[m.End - 1].End, Text = Slice(m.Start, m.End),
            Kind = m.Entity.Kind, EntityId = m.Entity.Id, Canonical = m.Entity.Name, Similarity = m.Similarity,
            Rule = m.Fuzzy ? FuzzyRule : GazetteerRule,
        };

        private EntityMention NewMention(int from, int to, EntityKind kind, string rule)
        {
            var surface = Slice(from, to);
            var canonical = string.Join(' ', surface.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return new EntityMention
            {
                Doc = article.Id, Start = tokens[from].Start, End = tokens[to - 1].End, Text = surface, Kind = kind,
                EntityId = IdFor(kind, kind == EntityKind.Person ? PersonKey(from, to) ?? canonical : canonical), Canonical = canonical, Rule = rule,
            };
        }

        /// <summary>A person's name without its middle initials and family suffix ("Eric H. Holder Jr." is "Eric Holder"), for
        /// its id; null when it has none, or when fewer than two words would be left.</summary>
        private string? PersonKey(int from, int to)
        {
            var kept = new List<string>();
            int words = 0;
            for (int k = from; k < to; k++)
            {
                if (tokens[k].Type != TokenType.Word) continue;
                words++;
                var w = tokens[k].Span(text);
                bool initial = k > from && Initial(k);
                bool suffix = k > from + 1 && g.IsPersonSuffix(w);
                if (initial || suffix) continue;
                // one word the tokenizer split at a capital ("Le|Page" in "LePage") stays one word, as in the text
                if (k > from && kept.Count > 0 && !tokens[k].SpaceBefore && tokens[k - 1].Type == TokenType.Word) kept[^1] += w.ToString();
                else kept.Add(w.ToString());
            }
            return kept.Count >= 2 && kept.Count < words ? string.Join(' ', kept) : null;
        }

        /// <summary>Guesses a capitalized run that no rule or alias explains; returns where to continue.</summary>
        private int Guess(int i)
        {
            int e = runEnd[i];
            for (int j = i + 1; j < e; j++) if (HasRolePhrase(j)) { e = j; break; }
            while (e > i + 1 && !ValidEnd(i, e)) e--;
            if (!ValidEnd(i, e)) return runEnd[i];
            // the title of a law or a document ("Defense of Marriage Act", "the Fifth Amendment") names no one
            if (g.IsTitleHead(tokens[e - 1].Span(text))) return e;
            int words = 0;
            EntityKind? kind = null;
            for (int k = i; k < e; k++)
            {
                if (tokens[k].Type != TokenType.Word) continue;
                words++;
                var w = tokens[k].Span(text);
                // in Indonesian news a head word alone names no organization ("Liga 1", "Pusat"), unless it names an institution
                // alone ("Kejagung")
                if (g.IsOrgHead(w) && (e - i > 1 || g.HeadStandsAlone(w))) kind ??= EntityKind.Organization;
                else if (g.IsLocationHead(w) && (k == i || k == e - 1)) kind ??= EntityKind.Location;
            }
            if (titleLine[i]) return e;
            // where offices follow titles, a guessed person passes the same test as a named holder ("Ibu Kota Negara Nusantara"
            // has a place's head word in it)
            if (kind is null && words >= 2 && e - i >= 2 && words <= 4 && PersonLike(i, e) && (g.OfficeWords.Count == 0 || PersonName(i, e))
                && !(CommonWord(i) && CommonWord(e - 1))) kind = EntityKind.Person;
            if (kind is null)
            {
                if (i > 0 && g.IsLocationCueBefore(tokens[i - 1].Span(text))) kind = EntityKind.Location;
                else if (e < n && g.IsPersonCueAfter(tokens[e].Span(text))) kind = EntityKind.Person;
            }
            if (kind is null) { if (e == i + 1 && !sentenceStart[i]) singles.Add(i); return e; }
            Add(NewMention(i, e, kind.Value, g.Lang + ".name-guess"));
            return e;
        }

        /// <summary>Token k is a word the language's news mostly writes in lower case (five uses or more, at least half of them
        /// in lower case). A guessed name that starts and ends with one is a phrase in capitals ("Social Security", "Makan
        /// Bergizi Gratis"), not a person; a given name before a common word is ("Djaka Budi Utama", "Luqman Hakim"); a name
        /// a rule or a title gives is not asked.</summary>
        private bool CommonWord(int k)
        {
            Span<char> lower = stackalloc char[64];
            int len = Lower.Invariant(tokens[k].Span(text), lower);
            return len > 0 && g.NewsWords.MostlyLower(lower[..len], 5);
        }

        private void Add(EntityMention m) => mentions.Add(m);

        /// <summary>Every word looks like a personal name: a capital then lower-case letters ("Budi", "D'Masiv"), no digits, no all-caps.</summary>
        private bool PersonLike(int i, int e)
        {
            for (int k = i; k < e; k++)
            {
                if (tokens[k].Type != TokenType.Word) continue;
                var s = tokens[k].Span(text);
                if (s.Length < 2 && !g.NameConnectors.Contains(s.ToString()) && !(k + 1 < e && Initial(k))) return false;
                for (int c = 1; c < s.Length; c++)
                    if (char.IsDigit(s[c]) || (char.IsUpper(s[c]) && s[c - 1] is not ('\'' or '\u2019' or '-'))) return false;
            }
            return true;
        }

        /// <summary>Within the document, a one-word person name that is the surname (else the first name) of exactly one fuller name joins it.</summary>
        private bool IsAcronym(int i)
        {
            var s = tokens[i].Span(text);
            if (s.Length is < 2 or > 6) return false;
            foreach (var c in s) if (!char.IsUpper(c)) return false;
            return true;
        }

        private void LinkShortForms()
        {
            var full = new ShortForms(mentions.Where(m => m.Kind == EntityKind.Person && gaz.Get(m.EntityId) is null && m.Canonical.Contains(' '))
                .Select(m => (m.EntityId, m.Canonical)).Distinct());
            for (int k = 0; k < mentions.Count; k++)
            {
                var m = mentions[k];
                if (m.Kind != EntityKind.Person || gaz.Get(m.EntityId) is not null || m.Canonical.Contains(' ')) continue;
                if (full.Find(m.Canonical) is { } f) mentions[k] = m with { EntityId = f.EntityId, Canonical = f.Canonical };
            }
            if (singles.Count == 0) return;
            // how often each single word occurs, counted through a span lookup: a string only for a word not seen yet
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var countLookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var i in singles) System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(countLookup, tokens[i].Span(text), out _)++;
            foreach (var i in singles)
            {
                var w = text[tokens[i].Start..tokens[i].End];
                if (full.Find(w) is { } f)
                    Add(new EntityMention
                    {
                        Doc = article.Id, Start = tokens[i].Start, End = tokens[i].End, Text = w, Kind = EntityKind.Person,
                        EntityId = f.EntityId, Canonical = f.Canonical, Rule = g.Lang + ".short-name",
                    });
                // a one-word name that recurs and is nobody's short name is most often an organization (Boeing, Fiat, GM)
                else if (g.RepeatedSingleKind is { } rk && counts[w] >= 2 && (PersonLike(i, i + 1) || IsAcronym(i)) && !g.NamesNoOneAlone(w, gaz))
                    Add(NewMention(i, i + 1, rk, g.Lang + ".name-repeated"));
            }
        }
    }

    /// <summary>The unique full name whose last word (else first word) is the short form; null when none or ambiguous.</summary>
    /// <summary>The id of an entity the gazetteer does not know: kind prefix and slug of its name ("per:budi-santoso").</summary>
    public static string IdFor(EntityKind kind, string name) => kind switch
    {
        EntityKind.Person => "per:",
        EntityKind.Organization => "org:",
        EntityKind.Location => "loc:",
        _ => "prod:",
    } + Similarity.Slug(name);
}
