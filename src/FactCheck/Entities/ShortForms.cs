namespace FactCheck.Entities;

/// <summary>
/// Full names indexed by their last and first word, to resolve a one-word short name ("Matze") to the only full name it can
/// stand for ("John Matze"): by surname first, else by first name; none when two different people fit.
/// </summary>
public sealed class ShortForms
{
    private readonly Dictionary<string, List<(string EntityId, string Canonical)>> byLast = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string EntityId, string Canonical)>> byFirst = new(StringComparer.Ordinal);

    public ShortForms(IEnumerable<(string EntityId, string Canonical)> fullNames)
    {
        foreach (var f in fullNames)
        {
            var words = f.Canonical.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2) continue;
            Add(byLast, Similarity.Key(words[^1]), f);
            Add(byFirst, Similarity.Key(words[0]), f);
        }
    }

    /// <summary>The full name a one-word name stands for, when exactly one person fits.</summary>
    public (string EntityId, string Canonical)? Find(string shortForm)
    {
        if (byLast.Count == 0) return null; // byFirst is empty too: no full names
        var key = Similarity.Key(shortForm);
        if (Of(byLast, key) is { } last) return last.Fits;
        if (Of(byFirst, key) is { } first) return first.Fits;
        return null;
    }

    /// <summary>The hits of one index (null when none), and the one full name they agree on (null when two people fit).</summary>
    private static (List<(string EntityId, string Canonical)> Hits, (string EntityId, string Canonical)? Fits)? Of(
        Dictionary<string, List<(string EntityId, string Canonical)>> index, string key)
    {
        if (!index.TryGetValue(key, out var hits) || hits.Count == 0) return null;
        foreach (var h in hits) if (h.EntityId != hits[0].EntityId) return (hits, null);
        return (hits, hits[0]);
    }

    private static void Add(Dictionary<string, List<(string EntityId, string Canonical)>> index, string key, (string EntityId, string Canonical) f)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(f);
    }
}
