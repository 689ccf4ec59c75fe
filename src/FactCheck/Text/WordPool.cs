namespace FactCheck.Text;

/// <summary>One string per distinct word on each thread: the per-article and per-story word counts (glued words, the
/// name-variant rule) take their keys from here instead of making a string for each distinct word of each article or
/// story again. Bounded: cleared when it grows past <see cref="Limit"/> words.</summary>
public static class WordPool
{
    [ThreadStatic] private static HashSet<string>? pool;
    private const int Limit = 50_000;

    /// <summary>The word as a string: the one made before on this thread, or a new one kept for the next time.</summary>
    public static string Get(ReadOnlySpan<char> word)
    {
        var p = pool ??= new HashSet<string>(StringComparer.Ordinal);
        var lookup = p.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var s)) return s;
        if (p.Count >= Limit) p.Clear();
        s = word.ToString();
        p.Add(s);
        return s;
    }
}
