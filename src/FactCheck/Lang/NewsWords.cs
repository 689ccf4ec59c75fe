using System.Globalization;

namespace FactCheck.Lang;

/// <summary>How often each word occurs in news text of a language, and how often it was written in lower case
/// (data/lang/&lt;lang&gt;/words.tsv, made by scripts/make-words.py from corpora whose licence allows it): of two spellings of
/// a name written as often in a story, the one whose words the language's news writes is the likelier right one; a word the
/// news mostly writes in lower case is a common word, not a name ("Security" in "Social Security").</summary>
public sealed class NewsWords
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<NewsWords>> cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (int All, int Lower)> counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int All, int Lower)>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private NewsWords(string path)
    {
        lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!File.Exists(path)) return;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length < 2 || cols[0].Length == 0 || !int.TryParse(cols[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)) continue;
            int lower = cols.Length > 2 && int.TryParse(cols[2], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 0;
            counts[cols[0]] = (n, lower);
        }
    }

    /// <summary>How often the (any-case) word occurs; 0 when never.</summary>
    public int Count(string word) => counts.GetValueOrDefault(word.ToLowerInvariant()).All;

    /// <summary>True when the language's news writes the word at least <paramref name="minUses"/> times and in lower case in
    /// at least half of them: a common word, not a name. <paramref name="lowered"/> is the word in lower case.</summary>
    public bool MostlyLower(ReadOnlySpan<char> lowered, int minUses) =>
        lookup.TryGetValue(lowered, out var c) && c.All >= minUses && 2 * c.Lower >= c.All;

    /// <summary>How well the language's news knows a name's words: the sum of log(1 + count) over its words.</summary>
    public double Known(string name)
    {
        double sum = 0;
        foreach (var w in name.Split([' ', '-', '.', ',', '\'', '’'], StringSplitOptions.RemoveEmptyEntries)) sum += Math.Log(1 + Count(w));
        return sum;
    }

    /// <summary>The words of a language; none when it has no words.tsv.</summary>
    public static NewsWords Get(string lang) => cache.GetOrAdd(lang, l => new Lazy<NewsWords>(() =>
        new NewsWords(l.Length == 0 ? "" : Path.Combine(DataPaths.Lang(l), "words.tsv")))).Value;
}
