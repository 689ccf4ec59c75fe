using FactCheck.Lang;
using FactCheck.Text;
using Newtonsoft.Json.Linq;

namespace FactCheck.Entities;

/// <summary>An example written beside a gazetteer entry or entity rule, run by the tests.</summary>
public sealed record EntityExample(string Text, string Lang, string? Match, string? Kind, string? Id, string? Role, string? RoleOf, string? Similarity);

/// <summary>A known entity: stable id, canonical name, kind, aliases in every language, and the examples that prove them.</summary>
public sealed record GazetteerEntity
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required EntityKind Kind { get; init; }
    public required IReadOnlyList<string> Aliases { get; init; }
    /// <summary>Aliases match whatever their case (for names that are not ordinary words, e.g. "parler").</summary>
    public bool CaseInsensitive { get; init; }
    /// <summary>An alias that is also a common word ("Signal"): not taken at the start of a sentence.</summary>
    public bool Ambiguous { get; init; }
    public IReadOnlyList<EntityExample> Examples { get; init; } = [];
    public IReadOnlyList<EntityExample> Negative { get; init; } = [];
}

/// <summary>Thresholds for linking near-miss spellings to an alias, read from the gazetteer file.</summary>
public sealed record FuzzyOptions(int MinLength = 7, int MaxEdits = 2, double MinSimilarity = 0.85);

/// <summary>A gazetteer hit: tokens [Start, End) name the entity, through the alias, with this similarity (Fuzzy: found by spelling distance).</summary>
public readonly record struct GazetteerMatch(int Start, int End, GazetteerEntity Entity, string Alias, double Similarity, bool Fuzzy = false);

/// <summary>The language-independent list of known entities (data/lexicon/entities.json), indexed by first token.</summary>
public sealed class Gazetteer
{
    private sealed record AliasEntry(GazetteerEntity Entity, string Alias, string[] Words, byte[] Case, string Key);
    private const byte AnyCase = 0, Upper = 1, Exact = 2;

    private readonly Dictionary<string, AliasEntry[]> byFirst;
    private readonly Dictionary<string, AliasEntry[]>.AlternateLookup<ReadOnlySpan<char>> firstLookup;
    /// <summary>The fuzzy lookup's index: by the key's first letter, then by key length, the aliases whose key is long enough
    /// to be matched fuzzily, each with its place in the first letter's alias order (which decides a tie) and its letters.</summary>
    private readonly Dictionary<char, FuzzyEntry[][]> fuzzyIndex;
    private sealed record FuzzyEntry(AliasEntry Alias, int Order, ulong Letters);
    private static readonly Lazy<Gazetteer> defaultGazetteer = new(() => Load(Path.Combine(DataPaths.Root, "lexicon", "entities.json")));

    public IReadOnlyList<GazetteerEntity> Entities { get; }
    public FuzzyOptions Fuzzy { get; }
    private readonly Dictionary<string, GazetteerEntity> byId;

    /// <summary>The gazetteer shipped in data/lexicon/entities.json (loaded once).</summary>
    public static Gazetteer Default => defaultGazetteer.Value;

    public Gazetteer(IReadOnlyList<GazetteerEntity> entities, FuzzyOptions fuzzy)
    {
        Entities = entities; Fuzzy = fuzzy;
        byId = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var first = new Dictionary<string, List<AliasEntry>>(StringComparer.OrdinalIgnoreCase);
        var initial = new Dictionary<char, List<AliasEntry>>();
        foreach (var e in entities)
            foreach (var alias in e.Aliases)
            {
                var toks = Tokenizer.Tokenize(alias);
                if (toks.Length == 0) continue;
                var words = toks.Select(t => alias[t.Start..t.End]).ToArray();
                var cases = words.Select(w => e.CaseInsensitive ? AnyCase : CaseOf(w)).ToArray();
                var entry = new AliasEntry(e, alias, words, cases, Similarity.Key(alias));
                if (!first.TryGetValue(words[0], out var l)) first[words[0]] = l = [];
                l.Add(entry);
                if (entry.Key.Length > 0)
                {
                    if (!initial.TryGetValue(entry.Key[0], out var il)) initial[entry.Key[0]] = il = [];
                    il.Add(entry);
                }
            }
        byFirst = first.ToDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(a => a.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        firstLookup = byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        fuzzyIndex = initial.ToDictionary(kv => kv.Key, kv => FuzzyBuckets(kv.Value, fuzzy.MinLength));
    }

    private static byte CaseOf(string w)
    {
        int letters = 0, upper = 0;
        foreach (var c in w) if (char.IsLetter(c)) { letters++; if (char.IsUpper(c)) upper++; }
        if (letters >= 2 && upper == letters) return Exact;
        return letters > 0 && char.IsUpper(w[0]) ? Upper : AnyCase;
    }

    public GazetteerEntity? Get(string id) => byId.GetValueOrDefault(id);

    /// <summary>True when the word is, as written, the whole of a place's alias ("Russia", "Iran"): what a nationality word is
    /// made from.</summary>
    public bool IsPlaceName(string word) => (placeNames ??= new HashSet<string>(
        Entities.Where(e => e.Kind == EntityKind.Location).SelectMany(e => e.Aliases), StringComparer.Ordinal)).Contains(word);
    private HashSet<string>? placeNames;

    /// <summary>The longest alias starting at token <paramref name="start"/> (tokens where <paramref name="usable"/> is false are never part of a match).</summary>
    public bool TryMatch(string text, Token[] tokens, int start, bool sentenceStart, ReadOnlySpan<bool> usable, out GazetteerMatch match)
    {
        match = default;
        if (!firstLookup.TryGetValue(tokens[start].Span(text), out var entries)) return false;
        foreach (var a in entries)
        {
            int end = start + a.Words.Length;
            if (end > tokens.Length) continue;
            if (a.Entity.Ambiguous && sentenceStart) continue;
            bool ok = true;
            for (int k = 0; k < a.Words.Length && ok; k++)
            {
                int ti = start + k;
                ref readonly var t = ref tokens[ti];
                if (!usable[ti] || (k > 0 && t.ParagraphBefore)) { ok = false; break; }
                var s = t.Span(text);
                if (!s.Equals(a.Words[k], StringComparison.OrdinalIgnoreCase)) { ok = false; break; }
                ok = a.Case[k] switch
                {
                    Exact => s.SequenceEqual(a.Words[k]),
                    Upper => char.IsUpper(s[0]),
                    _ => true,
                };
            }
            if (!ok) continue;
            // an alias must not stop in the middle of a word glued to it ("Parler.comx", "AS-nya" is fine: punctuation follows)
            if (end < tokens.Length && !tokens[end].SpaceBefore && tokens[end].Type != TokenType.Punct && tokens[end - 1].Type != TokenType.Punct) continue;
            match = new GazetteerMatch(start, end, a.Entity, a.Alias, 1.0);
            return true;
        }
        return false;
    }

    /// <summary>The alias closest to a capitalized name that no alias matches exactly, when it is within the fuzzy thresholds.</summary>
    public bool TryFuzzy(ReadOnlySpan<char> candidate, out GazetteerEntity entity, out string alias, out double similarity)
    {
        entity = null!; alias = ""; similarity = 0;
        if (candidate.Length > 256) return false;
        Span<char> buf = stackalloc char[candidate.Length];
        ReadOnlySpan<char> key = buf[..Similarity.KeyInto(candidate, buf)];
        if (key.Length < Fuzzy.MinLength || !fuzzyIndex.TryGetValue(key[0], out var byLength)) return false;
        // the answer depends on the key alone, and the capitalized runs of an article ask for the same keys again and again
        if (fuzzyMemoOwner != this || fuzzyMemo is null || fuzzyMemo.Count >= FuzzyMemoLimit)
        {
            (fuzzyMemo ??= new(StringComparer.Ordinal)).Clear();
            fuzzyMemoOwner = this;
        }
        var memo = fuzzyMemo.GetAlternateLookup<ReadOnlySpan<char>>();
        if (memo.TryGetValue(key, out var known))
        {
            if (known is not { } k) return false;
            (entity, alias, similarity) = k;
            return true;
        }
        bool found = Closest(key, byLength, out entity, out alias, out similarity);
        fuzzyMemo[key.ToString()] = found ? (entity, alias, similarity) : null;
        return found;
    }

    [ThreadStatic] private static Dictionary<string, (GazetteerEntity, string, double)?>? fuzzyMemo;
    [ThreadStatic] private static Gazetteer? fuzzyMemoOwner;
    private const int FuzzyMemoLimit = 20_000;

    /// <summary>The aliases of one first letter whose key has at least <paramref name="minLength"/> characters, by key length,
    /// each keeping its place in <paramref name="entries"/>.</summary>
    private static FuzzyEntry[][] FuzzyBuckets(List<AliasEntry> entries, int minLength)
    {
        var fit = entries.Select((a, i) => new FuzzyEntry(a, i, LettersOf(a.Key))).Where(f => f.Alias.Key.Length >= minLength).ToList();
        int longest = fit.Count == 0 ? -1 : fit.Max(f => f.Alias.Key.Length);
        var byLength = new FuzzyEntry[longest + 1][];
        for (int len = 0; len <= longest; len++) byLength[len] = fit.Where(f => f.Alias.Key.Length == len).ToArray();
        return byLength;
    }

    /// <summary>The characters of a key as a set of bits (a-z, 0-9, any other character folded onto the remaining 28 bits).
    /// Inserting or deleting a character changes at most one bit, changing one at most two, swapping two none, so keys whose
    /// sets differ in more than 2 x MaxEdits bits are more than MaxEdits edits apart.</summary>
    private static ulong LettersOf(ReadOnlySpan<char> key)
    {
        ulong bits = 0;
        foreach (var c in key)
            bits |= 1UL << (c is >= 'a' and <= 'z' ? c - 'a' : c is >= '0' and <= '9' ? 26 + (c - '0') : 36 + c % 28);
        return bits;
    }

    /// <summary>The alias nearest to the key within the fuzzy thresholds: the fewest edits, then the first in the first
    /// letter's alias order. Only keys within MaxEdits of the key's length are looked at, and only those whose character sets
    /// could be that close.</summary>
    private bool Closest(ReadOnlySpan<char> key, FuzzyEntry[][] byLength, out GazetteerEntity entity, out string alias, out double similarity)
    {
        entity = null!; alias = ""; similarity = 0;
        int bestD = int.MaxValue, bestOrder = int.MaxValue;
        ulong letters = LettersOf(key);
        int maxLetterDiff = 2 * Fuzzy.MaxEdits;
        int lo = Math.Max(0, key.Length - Fuzzy.MaxEdits), hi = Math.Min(byLength.Length - 1, key.Length + Fuzzy.MaxEdits);
        for (int len = lo; len <= hi; len++)
            foreach (var f in byLength[len])
            {
                var a = f.Alias;
                // a derived word ("American", "Indonesian") extends the alias; it is not a misspelling of it
                if (key.Length > a.Key.Length && key.StartsWith(a.Key)) continue;
                if (System.Numerics.BitOperations.PopCount(letters ^ f.Letters) > maxLetterDiff) continue;
                // exact up to the best distance so far: a farther alias can no longer win, an equally near one only by order
                int d = Similarity.EditDistance(key, a.Key, Math.Min(Fuzzy.MaxEdits, bestD));
                if (d > Fuzzy.MaxEdits || d > bestD || d == bestD && f.Order > bestOrder) continue;
                double sim = 1.0 - (double)d / Math.Max(key.Length, a.Key.Length);
                if (sim < Fuzzy.MinSimilarity) continue;
                bestD = d; bestOrder = f.Order; entity = a.Entity; alias = a.Alias; similarity = d == 0 ? 1.0 : Math.Round(sim, 4);
            }
        return bestD != int.MaxValue;
    }

    /// <summary>Reads entities.json: {"fuzzy": {...}, "entities": [{id, name, type, aliases, caseInsensitive?, ambiguous?, examples, negative}]}.</summary>
    public static Gazetteer Load(string file)
    {
        var json = LanguagePack.ReadJson(file);
        var fz = json["fuzzy"] as JObject;
        var fuzzy = new FuzzyOptions(fz?.Value<int?>("minLength") ?? 7, fz?.Value<int?>("maxEdits") ?? 2, fz?.Value<double?>("minSimilarity") ?? 0.85);
        var list = new List<GazetteerEntity>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in (json["entities"] as JArray ?? []).OfType<JObject>())
        {
            var id = o.Value<string>("id") ?? throw new FormatException($"{file}: entity without id");
            if (!ids.Add(id)) throw new FormatException($"{file}: duplicate entity id \"{id}\"");
            var type = o.Value<string>("type") ?? throw new FormatException($"{file}: {id}: no type");
            if (!Enum.TryParse<EntityKind>(type, true, out var kind)) throw new FormatException($"{file}: {id}: unknown type \"{type}\"");
            var name = o.Value<string>("name") ?? throw new FormatException($"{file}: {id}: no name");
            var aliases = (o["aliases"] as JArray)?.Values<string>().OfType<string>().ToList() ?? [];
            if (!aliases.Contains(name)) aliases.Insert(0, name);
            list.Add(new GazetteerEntity
            {
                Id = id, Name = name, Kind = kind, Aliases = aliases,
                CaseInsensitive = o.Value<bool?>("caseInsensitive") ?? false, Ambiguous = o.Value<bool?>("ambiguous") ?? false,
                Examples = ReadExamples(o["examples"], "id"), Negative = ReadExamples(o["negative"], "id"),
            });
        }
        return new Gazetteer(list, fuzzy);
    }

    internal static IReadOnlyList<EntityExample> ReadExamples(JToken? token, string defaultLang)
    {
        if (token is not JArray arr) return [];
        var list = new List<EntityExample>();
        foreach (var t in arr)
        {
            if (t.Type == JTokenType.String) { list.Add(new EntityExample(t.Value<string>()!, defaultLang, null, null, null, null, null, null)); continue; }
            if (t is not JObject o) continue;
            list.Add(new EntityExample(o.Value<string>("text") ?? "", o.Value<string>("lang") ?? defaultLang, o.Value<string>("match"),
                o.Value<string>("kind"), o.Value<string>("id"), o.Value<string>("role"), o.Value<string>("roleOf"), o["similarity"]?.ToString()));
        }
        return list;
    }
}
