using System.Collections.Frozen;
using Newtonsoft.Json.Linq;

namespace FactCheck.Lang;

/// <summary>A detected language: the code, how many stopwords voted for it, and the share of all votes it got.</summary>
public sealed record LanguageGuess(string Lang, int Hits, double Confidence);

/// <summary>Tells languages apart by counting the stopwords of each (data/lang/&lt;lang&gt;/stopwords.json).</summary>
public sealed class LanguageDetector
{
    private static readonly Lazy<LanguageDetector> @default = new(Load);
    private readonly (string Lang, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Words)[] langs;

    /// <summary>Languages in order of preference; the first one wins ties and texts without any stopword.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>Characters looked at: enough to decide, bounded so huge documents stay cheap.</summary>
    public int MaxChars { get; init; } = 20_000;

    public LanguageDetector(IEnumerable<(string Lang, IEnumerable<string> Stopwords)> stopwords)
    {
        langs = stopwords
            .Select(s => (s.Lang, s.Stopwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>()))
            .ToArray();
        Languages = langs.Select(l => l.Lang).ToList();
    }

    /// <summary>The detector over every language folder that has a stopwords.json ("id" first).</summary>
    public static LanguageDetector Default => @default.Value;

    public LanguageGuess Detect(string text)
    {
        var hits = new int[langs.Length];
        var span = text.AsSpan(0, Math.Min(text.Length, MaxChars));
        int i = 0;
        while (i < span.Length)
        {
            if (!char.IsLetter(span[i])) { i++; continue; }
            int s = i;
            while (i < span.Length && char.IsLetter(span[i])) i++;
            var word = span[s..i];
            for (int l = 0; l < langs.Length; l++)
                if (langs[l].Words.Contains(word)) hits[l]++;
        }
        int best = 0, total = 0;
        for (int l = 0; l < hits.Length; l++)
        {
            total += hits[l];
            if (hits[l] > hits[best]) best = l;
        }
        if (langs.Length == 0) return new LanguageGuess("id", 0, 0);
        return new LanguageGuess(langs[best].Lang, hits[best], total == 0 ? 0 : (double)hits[best] / total);
    }

    private static LanguageDetector Load()
    {
        var list = new List<(string, IEnumerable<string>)>();
        var root = Path.Combine(DataPaths.Root, "lang");
        IEnumerable<string> dirs = Directory.Exists(root) ? Directory.GetDirectories(root).OrderBy(d => Path.GetFileName(d) == "id" ? 0 : 1).ThenBy(d => d, StringComparer.Ordinal) : Array.Empty<string>();
        foreach (var dir in dirs)
        {
            var file = Path.Combine(dir, "stopwords.json");
            if (!File.Exists(file)) continue;
            var json = LanguagePack.ReadJson(file);
            var words = (json["stopwords"] as JArray)?.Values<string>().OfType<string>().ToList()
                        ?? throw new FormatException($"{file}: missing \"stopwords\" array");
            list.Add((Path.GetFileName(dir), words));
        }
        return new LanguageDetector(list);
    }
}
