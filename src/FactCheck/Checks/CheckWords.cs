using System.Collections.Concurrent;
using FactCheck.Lang;
using FactCheck.Text;
using Newtonsoft.Json.Linq;

namespace FactCheck.Checks;

/// <summary>A list of words or phrases (lower-case) with the phrases that look like them but are not, and examples the tests run.</summary>
public sealed record WordList(string Name, IReadOnlyList<string[]> Forms, IReadOnlyList<string[]> Except, IReadOnlyList<string> Examples, IReadOnlyList<string> Negative)
{
    /// <summary>Word endings that also count as a form ("ed": a past-tense verb), unless the whole word is one of <see cref="Except"/>.</summary>
    public IReadOnlyList<string> Suffixes { get; init; } = [];

    /// <summary>The phrase that opens the text (after quotes and punctuation), capitalized, or null.</summary>
    public string? Opening(string text) => Opening(text, 0, text.Length);

    /// <summary>The phrase that opens <c>text[start..end]</c> (a sentence of an article), as <see cref="Opening(string)"/> of
    /// that substring, without copying it.</summary>
    public string? Opening(string text, int start, int end)
    {
        var words = Words(text, start, end, OpeningWords);
        if (StartsWithAny(words, 0, Except) is not null) return null;
        return StartsWithAny(words, 0, Forms) is { } hit ? char.ToUpperInvariant(hit[0]) + hit[1..] : null;
    }

    /// <summary>The words <see cref="Opening(string, int, int)"/> reads: one more than the longest phrase (the longest
    /// phrase's last word is still joined with a hyphenated word after it, as the first eight words always were), at most eight.
    /// The phrases compare only their own words, so fewer words give the same answer.</summary>
    private int OpeningWords => openingWords ??= Math.Min(8, 1 + Forms.Concat(Except).Select(p => p.Length).DefaultIfEmpty(0).Max());
    private int? openingWords;

    /// <summary>The first phrase of the list anywhere in the text, or null.</summary>
    public string? Anywhere(string text)
    {
        // many mentions in one long sentence ask about the same sentence (the same string instance, see
        // AnalyzedArticle.SentenceText): answer each long text once, or the check grows with the square of the sentence
        if (text.Length < MemoFrom) return AnywhereUncached(text);
        return anywhereMemo.GetValue(text, t => new Answer(AnywhereUncached(t))).Phrase;
    }

    /// <summary>Texts from this length on have their <see cref="Anywhere"/> answer kept (by reference) while they live.</summary>
    private const int MemoFrom = 512;
    private sealed record Answer(string? Phrase);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, Answer> anywhereMemo = new();

    private string? AnywhereUncached(string text)
    {
        var words = Words(text, int.MaxValue);
        for (int i = 0; i < words.Count; i++)
        {
            if (StartsWithAny(words, i, Except) is not null) continue;
            if (StartsWithAny(words, i, Forms) is { } hit) return hit;
            foreach (var suffix in Suffixes)
                if (words[i].Length >= suffix.Length + 3 && words[i].EndsWith(suffix, StringComparison.Ordinal) && words[i].All(char.IsLetter)) return words[i];
        }
        return null;
    }

    private static string? StartsWithAny(List<string> words, int at, IReadOnlyList<string[]> phrases)
    {
        string[]? best = null;
        foreach (var p in phrases)
        {
            if (at + p.Length > words.Count) continue;
            bool ok = true;
            for (int k = 0; k < p.Length && ok; k++) ok = words[at + k] == p[k];
            if (ok && (best is null || p.Length > best.Length)) best = p;
        }
        return best is null ? null : string.Join(' ', best);
    }

    /// <summary>Lower-case words of the text; hyphenated words stay whole ("then-president").</summary>
    internal static List<string> Words(string text, int max) => Words(text, 0, text.Length, max);

    /// <summary>Lower-case words of <c>text[start..end]</c>, as <see cref="Words(string, int)"/> of that substring.</summary>
    internal static List<string> Words(string text, int start, int end, int max)
    {
        var words = new List<string>(Math.Min(max, 16));
        // a few opening words need only the start of a long text (cut at a space, so no word is split: the tokens before
        // a space are the same whatever follows it)
        int headLength = Math.Max(64, 32 * max);
        if (max <= 16 && end - start > headLength)
        {
            int cut = text.IndexOf(' ', start + headLength, end - start - headLength);
            if (cut > 0)
            {
                var head = Words(text, start, cut, max);
                if (head.Count >= max) return head;
            }
        }
        var tokens = wordTokens ??= new List<Token>(256);
        Tokenizer.Tokenize(text, start, end, tokens);
        for (int i = 0; i < tokens.Count && words.Count < max; i++)
        {
            var t = tokens[i];
            if (t.Type == TokenType.Punct)
            {
                // glue "then" "-" "president" back together
                if (text[t.Start] == '-' && !t.SpaceBefore && words.Count > 0 && i + 1 < tokens.Count && !tokens[i + 1].SpaceBefore && tokens[i + 1].Type == TokenType.Word)
                {
                    words[^1] += "-" + text[tokens[i + 1].Start..tokens[i + 1].End].ToLowerInvariant();
                    i++;
                }
                continue;
            }
            words.Add(text[t.Start..t.End].ToLowerInvariant());
        }
        if (tokens.Capacity > 1 << 16) wordTokens = null;   // a huge text's list is not kept on the thread
        return words;
    }

    [ThreadStatic] private static List<Token>? wordTokens;
}

/// <summary>The word lists the checks use for one language, loaded from data/lang/&lt;lang&gt;/checks.json.</summary>
public sealed class CheckWords
{
    private static readonly ConcurrentDictionary<string, Lazy<CheckWords>> cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sentence openers that continue the story in time order (Berlanjut, Kemudian, Then, After that).</summary>
    public WordList Sequence { get; }
    /// <summary>Plan, schedule and prediction markers (akan, dijadwalkan, will, scheduled).</summary>
    public WordList Future { get; }

    /// <summary>Evidence that the sentence's event has already happened (telah, sudah, lalu; was, -ed).</summary>
    public WordList Past { get; }
    /// <summary>Schedules, promotions, holidays, validity periods, contract ends, deadlines, fixtures, invitations.</summary>
    public WordList NotEvent { get; }
    /// <summary>Frames that put the sentence at the time of publication (tahun ini, kemarin; this year, yesterday).</summary>
    public WordList Recent { get; }

    public CheckWords(WordList sequence, WordList future, WordList? past = null, WordList? notEvent = null, WordList? recent = null)
    {
        Sequence = sequence; Future = future;
        Past = past ?? EmptyList("past"); NotEvent = notEvent ?? EmptyList("notEvent"); Recent = recent ?? EmptyList("recent");
    }

    private static WordList EmptyList(string name) => new(name, [], [], [], []);

    /// <summary>All lists, for tests that run their examples.</summary>
    public IEnumerable<WordList> All => [Sequence, Future, Past, NotEvent, Recent];

    /// <summary>The lists of a language; empty lists when the language has no checks.json.</summary>
    public static CheckWords Get(string lang) => cache.GetOrAdd(lang, l => new Lazy<CheckWords>(() => Load(l))).Value;

    private static CheckWords Load(string lang)
    {
        string path;
        try { path = Path.Combine(DataPaths.Lang(lang), "checks.json"); }
        catch (DirectoryNotFoundException) { return Empty(); }
        if (!File.Exists(path)) return Empty();
        var json = LanguagePack.ReadJson(path);
        return new CheckWords(List(json, "sequence", path), List(json, "future", path),
            List(json, "past", path), List(json, "notEvent", path), List(json, "recent", path));
    }

    private static CheckWords Empty() => new(new WordList("sequence", [], [], [], []), new WordList("future", [], [], [], []));

    private static WordList List(JObject json, string name, string path)
    {
        if (json[name] is not JObject o) throw new FormatException($"{path}: missing \"{name}\" object");
        static IReadOnlyList<string> Strings(JToken? t) => t is JArray a ? a.Values<string>().OfType<string>().ToList() : [];
        static string[] Phrase(string s) => WordList.Words(s, int.MaxValue).ToArray();
        return new WordList(name,
            Strings(o["forms"]).Select(Phrase).Where(p => p.Length > 0).ToList(),
            Strings(o["except"]).Select(Phrase).Where(p => p.Length > 0).ToList(),
            Strings(o["examples"]), Strings(o["negative"])) { Suffixes = Strings(o["suffixes"]) };
    }
}
