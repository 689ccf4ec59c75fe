using System.Collections.Concurrent;
using FactCheck.Lang;
using FactCheck.Text;
using FactCheck.Text.Patterns;
using Newtonsoft.Json.Linq;

namespace FactCheck.Entities;

/// <summary>One entity rule from data/lang/&lt;lang&gt;/entities.json: a token pattern over span classes, the kind it gives, and its examples.</summary>
public sealed record EntityRule : IPatternRule
{
    /// <summary>Stable id, "lang.name" (e.g. "id.role-org-name").</summary>
    public required string Id { get; init; }
    public required TokenPattern Pattern { get; init; }
    public required EntityKind Kind { get; init; }
    public int Priority { get; init; }
    /// <summary>True when the mention is the whole match ("PT Maju Jaya"), false when it is the first @name/@capname.</summary>
    public bool SpanIsMatch { get; init; }
    public IReadOnlyList<EntityExample> Examples { get; init; } = [];
    public IReadOnlyList<EntityExample> Negative { get; init; } = [];
    public int Order { get; init; }

    private (char Kind, string Name, int Class)[]? firstKeys;
    /// <summary>The pattern's first keys split once into kind ('w' word, 'x' span class, 's'/'c' other) and name, with a span
    /// class's place in <see cref="EntityGrammar.SpanClassOrder"/> (-1 for the other kinds).</summary>
    internal (char Kind, string Name, int Class)[] FirstKeyParts => firstKeys ??= Pattern.FirstKeys.Select(k =>
    {
        var name = k.Length > 2 ? k[2..] : k;
        return (k[0], name, k[0] == 'x' ? Array.IndexOf(EntityGrammar.SpanClassOrder, name) : -1);
    }).ToArray();
}

/// <summary>A multi-word phrase of a phrase class (role, desc, orgcue) and its value.</summary>
public sealed record EntityPhrase(string Class, string[] Words, string Value);

/// <summary>A language's entity rules, phrases and name cues, compiled once from entities.json.</summary>
public sealed class EntityGrammar
{
    /// <summary>The span classes in a fixed order (fewer than 32): a class's bit in the extractor's per-token memo.</summary>
    internal static readonly string[] SpanClassOrder =
        ["role", "desc", "orgcue", "roletail", "ent", "person", "org", "loc", "product", "name", "capname", "orgname", "office"];

    /// <summary>Span classes the extractor fills in; rules may use them as @class (initialized after the order it is made of).</summary>
    public static readonly IReadOnlySet<string> SpanClasses = new HashSet<string>(SpanClassOrder, StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, Lazy<EntityGrammar>> cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, EntityPhrase[]> phrasesByFirst;
    private readonly Dictionary<string, EntityPhrase[]>.AlternateLookup<ReadOnlySpan<char>> phraseLookup;

    public string Lang { get; }
    public Lexicon Lexicon { get; }
    public IReadOnlyList<EntityRule> Rules { get; }
    public IReadOnlyList<EntityPhrase> Phrases { get; }
    /// <summary>Capitalized words that never start or belong to a name (sentence openers, credits, function words).</summary>
    public IReadOnlySet<string> NotNames { get; }
    public IReadOnlySet<string> PersonCuesAfter { get; }
    public IReadOnlySet<string> LocationCuesBefore { get; }
    public IReadOnlySet<string> OrgHeads { get; }
    public IReadOnlySet<string> LocationHeads { get; }
    public IReadOnlySet<string> RoleTailStop { get; }
    /// <summary>Lower-case words that may join two capitalized parts of one name ("Bank of America", "bin").</summary>
    public IReadOnlySet<string> NameConnectors { get; }
    /// <summary>Capitalized words written with a period inside a name ("St. Louis", "Holder Jr."); a single capital letter (an
    /// initial, "Eric H. Holder") is one too where the language writes middle initials.</summary>
    public IReadOnlySet<string> NameAbbreviations { get; }
    /// <summary>Words after a person's surname that say which of a family ("Jr", "III"): no part of whom the name names, so left
    /// out of the person's id with the middle initials ("Eric H. Holder Jr." and "Eric Holder" are one person).</summary>
    public IReadOnlySet<string> PersonSuffixes { get; }
    /// <summary>Whether the language's names end in a family name, so that a known person's surname after another given name
    /// ("Michelle Obama") names another person ("surnameFamilies"; Indonesian names mostly have no family name).</summary>
    public bool SurnameFamilies { get; }
    /// <summary>Capitalized words that name the office a title holds rather than the person holding it ("Menteri | Luar Negeri |
    /// Sugiono", "Direktur | Utama"): written after a role, they belong to the role, and no name starts with one ("officeWords").</summary>
    public IReadOnlySet<string> OfficeWords { get; }
    /// <summary>A word shape that names an office too ("officePattern": Indonesian nominal derivations, "Keuangan",
    /// "Perdagangan", "Kesehatan"); null when the language has none. Compiled once, with a timeout.</summary>
    public System.Text.RegularExpressions.Regex? OfficePattern { get; }
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> notNames, nameConnectors, nameAbbreviations, personSuffixes, orgHeads, locationHeads, locationCuesBefore, personCuesAfter, roleTailStop, officeWords, officeConnectors, locationTrailers, standaloneHeads, titleHeads;

    /// <summary>Span forms of the word lists, so the extractor asks about a token without making a string of it.</summary>
    internal bool IsOrgHead(ReadOnlySpan<char> w) => orgHeads.Contains(w);
    /// <summary>Whether a head word alone is guessed an organization: always in a language that lists no "standaloneHeads"
    /// (English news capitalizes "the Committee", "the Post" for one it has named), else only the listed ones that name an
    /// institution alone ("Kejagung", "Pemprov"); in Indonesian news "Liga 1", "Pusat", "Pemerintah" name nothing alone.</summary>
    internal bool HeadStandsAlone(ReadOnlySpan<char> w) => standaloneHeadCount == 0 || standaloneHeads.Contains(w);
    private readonly int standaloneHeadCount;
    internal bool IsLocationHead(ReadOnlySpan<char> w) => locationHeads.Contains(w);
    internal bool IsLocationCueBefore(ReadOnlySpan<char> w) => locationCuesBefore.Contains(w);
    internal bool IsPersonCueAfter(ReadOnlySpan<char> w) => personCuesAfter.Contains(w);
    internal bool IsRoleTailStop(ReadOnlySpan<char> w) => roleTailStop.Contains(w);
    /// <summary>An organization's or a place's head word ("Bank", "Airways", "Kota", "Timur").</summary>
    internal bool IsHeadWord(ReadOnlySpan<char> w) => orgHeads.Contains(w) || locationHeads.Contains(w);
    /// <summary>A lower-case word that joins two office words ("Bea dan Cukai"; "officeConnectors").</summary>
    internal bool IsOfficeConnector(ReadOnlySpan<char> w) => officeConnectors.Contains(w);
    /// <summary>A place's head word that closes its name rather than opening it ("Jakarta Selatan", "Asia Tenggara"; "locationTrailers").</summary>
    internal bool IsLocationTrailer(ReadOnlySpan<char> w) => locationTrailers.Contains(w);
    /// <summary>True when the capitalized word names an office, not a person (<see cref="OfficeWords"/>, <see cref="OfficePattern"/>).</summary>
    internal bool IsOfficeWord(ReadOnlySpan<char> w) => officeWords.Contains(w) || OfficePattern is { } p && p.IsMatch(w);

    /// <summary>A head word that closes the title of a law or a document ("Act", "Amendment": "Defense of Marriage Act", "Fifth
    /// Amendment"; "titleHeads"): a capitalized run it ends names no person, organization or place.</summary>
    internal bool IsTitleHead(ReadOnlySpan<char> w) => titleHeads.Contains(w);
    /// <summary>The language's news words with how often each is written in lower case (words.tsv): a guessed person's
    /// surname is not a word the news mostly writes in lower case ("Social Security").</summary>
    internal FactCheck.Lang.NewsWords NewsWords => newsWords ??= FactCheck.Lang.NewsWords.Get(Lang);
    private FactCheck.Lang.NewsWords? newsWords;

    /// <summary>True when the word is listed as never a name (without allocating a string for it).</summary>
    public bool IsNotName(ReadOnlySpan<char> word) => notNames.Contains(word);

    /// <summary>True when the word joins two parts of one name ("bin", "van").</summary>
    public bool IsNameConnector(ReadOnlySpan<char> word) => nameConnectors.Contains(word);

    /// <summary>True when the word is a family suffix after a surname ("Jr", "III"), without making a string of it.</summary>
    public bool IsPersonSuffix(ReadOnlySpan<char> word) => personSuffixes.Contains(word);

    /// <summary>True when the word may be written with a period inside a name: an initial ("H") or a listed abbreviation ("St").</summary>
    public bool IsNameAbbreviation(ReadOnlySpan<char> word) => MiddleInitials && word.Length == 1 && char.IsUpper(word[0]) || nameAbbreviations.Contains(word);
    /// <summary>Whether the language's news writes names with a middle initial ("Eric H. Holder"; "middleInitials"): in
    /// Indonesian news a capital letter and a period more often end a sentence ("Grup C.", "Seri A.") or are a title
    /// ("Bandara H. Hasan Aroeboesman", H. for Haji).</summary>
    public bool MiddleInitials { get; }
    /// <summary>Kind given to a one-word unknown name that recurs in a document and is nobody's short name (null: not guessed).</summary>
    public EntityKind? RepeatedSingleKind { get; }

    /// <summary>The office a role value is one rank of, for telling two sources' roles of one person apart: a lower rank of an
    /// office ("deputy-attorney-general", "rolePrefixes" marked "rank") is that office, and the members of a group of
    /// "exclusiveRoles" (one person holds one of them at a time: "president", "vice-president") are its first member. Two
    /// roles of one family that differ contradict each other ("Wakil Ketua" beside "Ketua"); roles of two families are two
    /// facts (a representative who chairs a committee, a former governor who is now a senator).</summary>
    public string RoleFamily(string value)
    {
        foreach (var p in rankPrefixes)
            if (value.Length > p.Length + 1 && value.StartsWith(p, StringComparison.Ordinal) && value[p.Length] == '-') { value = value[(p.Length + 1)..]; break; }
        return exclusiveRoles.TryGetValue(value, out var first) ? first : value;
    }
    private readonly List<string> rankPrefixes = [];

    /// <summary>True when a capitalized word alone names no one: a listed adjective or group word ("notSingleNames": Catholic,
    /// Internet), or a nationality made from a place the gazetteer knows ("demonymEndings" with "demonymStemEnds": American
    /// from America, Iranian from Iran, Chinese from China, Israeli from Israel).</summary>
    public bool NamesNoOneAlone(string word, Gazetteer gaz)
    {
        if (notSingleNames.Contains(word)) return true;
        foreach (var ending in demonymEndings)
        {
            if (word.Length <= ending.Length + 2 || !word.EndsWith(ending, StringComparison.Ordinal)) continue;
            var stem = word[..^ending.Length];
            foreach (var end in demonymStemEnds)
                if (gaz.IsPlaceName(stem + end)) return true;
        }
        return false;
    }
    private readonly HashSet<string> notSingleNames = new(StringComparer.Ordinal);
    private readonly List<string> demonymEndings = [], demonymStemEnds = [];
    private readonly Dictionary<string, string> exclusiveRoles = new(StringComparer.Ordinal);

    private EntityGrammar(string lang, Lexicon lexicon, List<EntityRule> rules, List<EntityPhrase> phrases, JObject json)
    {
        Lang = lang; Lexicon = lexicon; Rules = rules; Phrases = phrases;
        IReadOnlySet<string> Set(string name, StringComparer cmp) =>
            new HashSet<string>((json[name] as JArray)?.Values<string>().OfType<string>() ?? [], cmp);
        NotNames = Set("notNames", StringComparer.Ordinal);
        notNames = ((HashSet<string>)NotNames).GetAlternateLookup<ReadOnlySpan<char>>();
        PersonCuesAfter = Set("personCuesAfter", StringComparer.OrdinalIgnoreCase);
        LocationCuesBefore = Set("locationCuesBefore", StringComparer.Ordinal);
        OrgHeads = Set("orgHeads", StringComparer.Ordinal);
        LocationHeads = Set("locationHeads", StringComparer.Ordinal);
        RoleTailStop = Set("roleTailStop", StringComparer.OrdinalIgnoreCase);
        NameConnectors = Set("nameConnectors", StringComparer.Ordinal);
        NameAbbreviations = Set("nameAbbreviations", StringComparer.Ordinal);
        nameAbbreviations = ((HashSet<string>)NameAbbreviations).GetAlternateLookup<ReadOnlySpan<char>>();
        PersonSuffixes = Set("personSuffixes", StringComparer.Ordinal);
        personSuffixes = ((HashSet<string>)PersonSuffixes).GetAlternateLookup<ReadOnlySpan<char>>();
        SurnameFamilies = json.Value<bool?>("surnameFamilies") ?? false;
        MiddleInitials = json.Value<bool?>("middleInitials") ?? false;
        nameConnectors = ((HashSet<string>)NameConnectors).GetAlternateLookup<ReadOnlySpan<char>>();
        orgHeads = ((HashSet<string>)OrgHeads).GetAlternateLookup<ReadOnlySpan<char>>();
        locationHeads = ((HashSet<string>)LocationHeads).GetAlternateLookup<ReadOnlySpan<char>>();
        locationCuesBefore = ((HashSet<string>)LocationCuesBefore).GetAlternateLookup<ReadOnlySpan<char>>();
        personCuesAfter = ((HashSet<string>)PersonCuesAfter).GetAlternateLookup<ReadOnlySpan<char>>();
        roleTailStop = ((HashSet<string>)RoleTailStop).GetAlternateLookup<ReadOnlySpan<char>>();
        OfficeWords = Set("officeWords", StringComparer.Ordinal);
        officeWords = ((HashSet<string>)OfficeWords).GetAlternateLookup<ReadOnlySpan<char>>();
        officeConnectors = ((HashSet<string>)Set("officeConnectors", StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();
        locationTrailers = ((HashSet<string>)Set("locationTrailers", StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();
        titleHeads = ((HashSet<string>)Set("titleHeads", StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();
        var standalone = (HashSet<string>)Set("standaloneHeads", StringComparer.Ordinal);
        standaloneHeads = standalone.GetAlternateLookup<ReadOnlySpan<char>>();
        standaloneHeadCount = standalone.Count;
        if (json.Value<string>("officePattern") is { Length: > 0 } op)
            OfficePattern = new System.Text.RegularExpressions.Regex(op, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        RepeatedSingleKind = Enum.TryParse<EntityKind>(json.Value<string>("repeatedSingleKind") ?? "", true, out var rk) ? rk : null;
        notSingleNames.UnionWith((json["notSingleNames"] as JArray ?? []).Values<string>().OfType<string>());
        demonymEndings.AddRange((json["demonymEndings"] as JArray ?? []).Values<string>().OfType<string>().OrderByDescending(e => e.Length));
        demonymStemEnds.AddRange((json["demonymStemEnds"] as JArray ?? []).Values<string>().OfType<string>());
        foreach (var entry in (json["rolePrefixes"] as JArray ?? []).OfType<JObject>())
            if (entry.Value<bool?>("rank") == true && entry.Value<string>("value") is { Length: > 0 } rank) rankPrefixes.Add(rank);
        foreach (var group in (json["exclusiveRoles"] as JArray ?? []).OfType<JArray>())
        {
            var members = group.Values<string>().OfType<string>().ToList();
            foreach (var m in members) exclusiveRoles.TryAdd(m, members[0]);
        }
        phrasesByFirst = phrases.GroupBy(p => p.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        phraseLookup = phrasesByFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var first in phrasesByFirst.Keys)
        {
            ulong bit = 1UL << Math.Min(first.Length, 63);
            char c = first[0];
            if (c is >= 'a' and <= 'z') c = (char)(c - 32);
            if (c < 128) phraseFirsts[c] |= bit;
            else for (int k = 0; k < 128; k++) phraseFirsts[k] |= bit; // never told apart by its first letter
        }
    }

    /// <summary>For each ASCII first letter (upper case), the lengths (bit min(length, 63)) of the phrases' first words that
    /// start with it: most words start no phrase and are not looked up (a case-insensitive hash of every token).</summary>
    private readonly ulong[] phraseFirsts = new ulong[128];

    /// <summary>The grammar for a language (falls back to English when the language has no entities.json).</summary>
    public static EntityGrammar Get(string lang) => cache.GetOrAdd(lang, l => new Lazy<EntityGrammar>(() => Load(l))).Value;

    private static EntityGrammar Load(string lang)
    {
        LanguagePack pack;
        try { pack = LanguagePack.Get(lang); }
        catch (ArgumentException) { return Get("en"); }
        var file = Path.Combine(pack.Folder, "entities.json");
        if (!File.Exists(file)) return lang == "en" ? throw new FileNotFoundException(file) : Get("en");
        return Parse(pack.Lang, LanguagePack.ReadJson(file), file, pack.Lexicon);
    }

    /// <summary>Phrases of any class that start at token <paramref name="i"/>, longest first, as (class, end, phrase).</summary>
    public void PhrasesAt(string text, Token[] tokens, int i, List<(EntityPhrase Phrase, int End)> into)
    {
        into.Clear();
        var word = tokens[i].Span(text);
        char c = word[0];
        if (c is >= 'a' and <= 'z') c = (char)(c - 32);
        if (c < 128 && (phraseFirsts[c] & (1UL << Math.Min(word.Length, 63))) == 0) return;
        if (!phraseLookup.TryGetValue(word, out var list)) return;
        foreach (var p in list)
        {
            int end = i + p.Words.Length;
            if (end > tokens.Length) continue;
            bool ok = true;
            for (int k = 1; k < p.Words.Length && ok; k++)
                ok = !tokens[i + k].ParagraphBefore && tokens[i + k].Span(text).Equals(p.Words[k], StringComparison.OrdinalIgnoreCase);
            if (ok) into.Add((p, end));
        }
    }

    /// <summary>Reads entities.json: {"phrases": {class: [{forms, value}]}, "notNames", cue lists, "rules": [{id, pattern, kind, span?, priority?, examples, negative}]}.</summary>
    public static EntityGrammar Parse(string lang, JObject json, string file, Lexicon lexicon)
    {
        var phrases = new List<EntityPhrase>();
        if (json["phrases"] is JObject ph)
            foreach (var (cls, arr) in ph)
            {
                if (!SpanClasses.Contains(cls)) throw new FormatException($"{file}: phrase class \"{cls}\" is not a span class");
                foreach (var entry in (arr as JArray ?? []).OfType<JObject>())
                    foreach (var form in (entry["forms"] as JArray ?? []).Values<string>().OfType<string>())
                    {
                        var toks = Tokenizer.Tokenize(form);
                        if (toks.Length == 0) continue;
                        phrases.Add(new EntityPhrase(cls, toks.Select(t => form[t.Start..t.End]).ToArray(), entry.Value<string>("value") ?? form.ToLowerInvariant()));
                    }
            }
        // a prefix before a role names another role ("rolePrefixes": "Deputy Attorney General", "mantan Presiden", "Plt Kepala"),
        // unless the language lists that phrase itself ("Wakil Presiden" is vice-president)
        if (json["rolePrefixes"] is JArray prefixes)
        {
            var roles = phrases.Where(p => p.Class == "role").ToList();
            var known = new HashSet<string>(roles.Select(p => string.Join(' ', p.Words).ToLowerInvariant()), StringComparer.Ordinal);
            foreach (var entry in prefixes.OfType<JObject>())
            {
                var value = entry.Value<string>("value") is { Length: > 0 } v ? v : throw new FormatException($"{file}: a role prefix without a value");
                foreach (var form in (entry["forms"] as JArray ?? []).Values<string>().OfType<string>())
                {
                    var toks = Tokenizer.Tokenize(form);
                    if (toks.Length == 0) continue;
                    var lead = toks.Select(t => form[t.Start..t.End]).ToArray();
                    foreach (var r in roles)
                    {
                        string[] words = [.. lead, .. r.Words];
                        if (known.Add(string.Join(' ', words).ToLowerInvariant())) phrases.Add(new EntityPhrase("role", words, value + "-" + r.Value));
                    }
                }
            }
        }
        var rules = RuleSet<EntityRule>.Load(lang, json, file, lexicon, (r, h) =>
        {
            var kindText = r.Value<string>("kind") ?? "person";
            if (!Enum.TryParse<EntityKind>(kindText, true, out var kind)) throw new FormatException($"unknown kind \"{kindText}\"");
            return new EntityRule
            {
                Id = h.Id, Pattern = h.Pattern, Kind = kind, Priority = h.Priority,
                SpanIsMatch = r.Value<string>("span") == "match",
                Examples = Gazetteer.ReadExamples(r["examples"], lang), Negative = Gazetteer.ReadExamples(r["negative"], lang),
                Order = h.Order,
            };
        }, SpanClasses);
        return new EntityGrammar(lang, lexicon, rules, phrases, json);
    }
}
