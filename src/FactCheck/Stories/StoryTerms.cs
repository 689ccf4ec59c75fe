using System.Collections.Concurrent;
using FactCheck.Lang;
using FactCheck.Model;
using Newtonsoft.Json.Linq;

namespace FactCheck.Stories;

/// <summary>
/// The content words of an article as stems: letters and digits in runs, lower-cased, stopwords of the article's language
/// (data/lang/&lt;lang&gt;/stopwords.json) and boilerplate dropped, then stemmed by <see cref="FactCheck.Text.Stemmer"/>
/// (derivations stay apart: "pembangunan" is not "bangun"). Not thread-safe: one instance per thread.
/// </summary>
public sealed class StoryTerms
{
    /// <summary>Words shorter than this (in characters) are not content words.</summary>
    public const int MinLength = 3;
    public const int MaxLength = 40;

    private static readonly ConcurrentDictionary<string, HashSet<string>> stopwords = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), string> cache = [];

    /// <summary>The stopwords of a language (empty when the language has no stopwords.json).</summary>
    public static IReadOnlySet<string> Stopwords(string lang) => stopwords.GetOrAdd(lang, static l =>
    {
        var file = Path.Combine(DataPaths.Lang(l), "stopwords.json");
        if (!File.Exists(file)) return new HashSet<string>(StringComparer.Ordinal);
        var json = LanguagePack.ReadJson(file);
        return new HashSet<string>((json["stopwords"] as JArray)?.Values<string>().OfType<string>().Select(w => w.ToLowerInvariant()) ?? [], StringComparer.Ordinal);
    });

    /// <summary>The stem of one lower-cased word in a language (<see cref="FactCheck.Text.Stemmer"/>, cached per instance).</summary>
    public string Stem(string word, string lang)
    {
        if (cache.TryGetValue((lang, word), out var s)) return s;
        s = FactCheck.Text.Stemmer.Stem(word, lang);
        if (cache.Count > 200_000) cache.Clear();
        cache[(lang, word)] = s;
        return s;
    }

    /// <summary>Adds each content stem of a text span (outside boilerplate) to the counts, <paramref name="weight"/> times.</summary>
    public void Add(Article article, string text, int offset, IReadOnlySet<string> stop, Dictionary<string, double> counts, double weight, bool checkBoilerplate)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int s = i;
            bool letter = false;
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsLetterOrDigit(c)) { letter |= char.IsLetter(c); i++; }
                else if (c == '-' && i + 1 < text.Length && char.IsLetter(text[i + 1])) i++; // "DDoS-Guard", "anak-anak"
                else break;
            }
            int len = i - s;
            if (!letter || len < MinLength || len > MaxLength) continue;
            if (checkBoilerplate && article.IsBoilerplate(offset + s)) continue;
            var word = text.Substring(s, len).ToLowerInvariant();
            if (stop.Contains(word)) continue;
            var stem = Stem(word, article.Lang);
            if (stem.Length < MinLength || stop.Contains(stem)) continue;
            counts[stem] = counts.GetValueOrDefault(stem) + weight;
        }
    }
}
