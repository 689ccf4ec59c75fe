using Lucene.Net.Analysis.Id;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace FactCheck.Text;

/// <summary>Word stems for comparing context across articles. Indonesian: Lucene's stemmer with inflectional stemming only
/// (particles -lah/-kah/-tah/-pun, possessives -ku/-mu/-nya), then the verbal voice affixes (me(N)-, di-, -kan, -i; not
/// ter-, which as often makes a noun: tersangka, terdakwa)
/// so that "dibatalkan" and "membatalkan" meet at "batal", while nominal derivations stay apart ("pengguna" is not
/// "guna", "penerbangan" is not "terbang"): Lucene's derivational mode folds those together. English: Snowball (Porter2).
/// Lower-cases; thread-safe.</summary>
public static class Stemmer
{
    [ThreadStatic] private static IndonesianStemmer? indonesian;
    [ThreadStatic] private static EnglishStemmer? english;
    [ThreadStatic] private static char[]? buffer;
    // stems already made on this thread, per language, keyed by the lower-cased word: a news article asks for the same
    // words again and again (every slot stems the words around it); cleared when it grows past MemoLimit words
    [ThreadStatic] private static Dictionary<string, string>? memoId, memoEn;
    private const int MemoLimit = 50_000;

    /// <summary>The stem of one word in a language ("id", "en"); other languages get the lower-cased word.</summary>
    public static string Stem(ReadOnlySpan<char> word, string lang)
    {
        if (word.Length == 0) return "";
        var buf = buffer is { } b && b.Length >= word.Length ? b : (buffer = new char[Math.Max(64, word.Length * 2)]);
        int n = Lower.Invariant(word, buf);
        if (n < 0) return word.ToString().ToLowerInvariant();
        // an irregular form compares by its base word ("met" as "meet", "told" as "tell"): data/lang/<lang>/lemmas.json;
        // looked up only when the memo does not know the word yet
        Dictionary<string, string>? memo = lang switch
        {
            "id" => memoId ??= new(StringComparer.Ordinal),
            "en" => memoEn ??= new(StringComparer.Ordinal),
            _ => null,
        };
        if (memo is null) return n <= 3 && Lemma(lang, buf.AsSpan(0, n)) is { } otherLemma ? Stem(otherLemma, lang) : new string(buf, 0, n);
        var lookup = memo.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(buf.AsSpan(0, n), out var known)) return known;
        var lower = new string(buf, 0, n);
        string stem;
        if (Lemma(lang, lower) is { } lemma) stem = Stem(lemma, lang);
        else if (n <= 3) stem = lower; // a short word is its own stem (memoized too: the slot builder asks for it per slot)
        else if (lang == "id")
        {
            n = (indonesian ??= new IndonesianStemmer()).Stem(buf, n, false);
            stem = IndonesianVerb(new string(buf, 0, n));
        }
        else
        {
            var s = english ??= new EnglishStemmer();
            s.SetCurrent(buf, n);
            s.Stem();
            stem = s.Current;
        }
        if (memo.Count >= MemoLimit) memo.Clear();
        memo[lower] = stem;
        return stem;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, string>> lemmaTables = new(StringComparer.Ordinal);

    /// <summary>The base word of an irregular (lower-cased) form, or null.</summary>
    private static string? Lemma(string lang, ReadOnlySpan<char> lower) =>
        Lemmas(lang) is { Count: > 0 } table && table.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lower, out var lemma) ? lemma : null;

    /// <summary>The irregular forms of a language and their base words (lemmas.json "lemmas"); empty when it has none.</summary>
    public static Dictionary<string, string> Lemmas(string lang) => lemmaTables.GetOrAdd(lang, l =>
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = l.Length == 0 ? "" : Path.Combine(FactCheck.Lang.DataPaths.Lang(l), "lemmas.json");
        if (path.Length == 0 || !File.Exists(path)) return table;
        if (FactCheck.Lang.LanguagePack.ReadJson(path)["lemmas"] is Newtonsoft.Json.Linq.JObject o)
            foreach (var (k, v) in o)
                if (v?.Type == Newtonsoft.Json.Linq.JTokenType.String && (string?)v is { Length: > 0 } b && b != k) table[k.ToLowerInvariant()] = b.ToLowerInvariant();
        return table;
    });

    /// <summary>A verb without its voice affixes: di-/me(N)- with the nasal's dropped initial restored (mem- before a vowel
    /// keeps the m: memiliki, meminta), then -kan or -i.
    /// Words without a verbal prefix are returned as they are (nouns in pe(N)- and -an keep their form).</summary>
    private static string IndonesianVerb(string w)
    {
        if (w.Length < 6) return w;
        string? root = null;
        if (w.StartsWith("meny", StringComparison.Ordinal) && IsVowel(w, 4)) root = "s" + w[4..];
        else if (w.StartsWith("meng", StringComparison.Ordinal)) root = w[4..];
        else if (w.StartsWith("mem", StringComparison.Ordinal)) root = IsVowel(w, 3) ? "m" + w[3..] : w[3..];
        else if (w.StartsWith("men", StringComparison.Ordinal)) root = IsVowel(w, 3) ? "t" + w[3..] : w[3..];
        else if (w.StartsWith("me", StringComparison.Ordinal) && w[2] is 'l' or 'r' or 'w' or 'y' or 'n' or 'm') root = w[2..];
        else if (w.StartsWith("di", StringComparison.Ordinal)) root = w[2..];
        if (root is null || root.Length < 4) return w;
        if (root.EndsWith("kan", StringComparison.Ordinal) && root.Length >= 7) root = root[..^3];
        else if (root.EndsWith('i') && root.Length >= 6 && !IsVowel(root, root.Length - 2)) root = root[..^1];
        return root;
    }

    private static bool IsVowel(string w, int i) => i < w.Length && w[i] is 'a' or 'e' or 'i' or 'o' or 'u';
}
