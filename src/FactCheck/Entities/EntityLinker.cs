using FactCheck.Model;

namespace FactCheck.Entities;

/// <summary>One spelling of an entity as written, its similarity to the entity's alias or canonical name, how often and where it occurs.</summary>
public sealed record EntityVariant(string Text, double Similarity, int Count, IReadOnlyList<string> Docs);

/// <summary>A canonical entity across a set of articles, with its spelling variants and mentions.</summary>
public sealed record LinkedEntity(string Id, string Canonical, EntityKind Kind, bool Known, IReadOnlyList<EntityVariant> Variants, IReadOnlyList<EntityMention> Mentions)
{
    /// <summary>Variants that are not exact aliases (similarity below 1): candidates for a spelling finding.</summary>
    public IEnumerable<EntityVariant> NearMisses => Variants.Where(v => v.Similarity < 1.0);
}

/// <summary>Linked mentions (EntityId and Canonical rewritten) and the entities they link to.</summary>
public sealed record LinkResult(IReadOnlyList<LinkedEntity> Entities, IReadOnlyList<EntityMention> Mentions);

/// <summary>Links entity mentions across several articles: short forms to the one full name they fit, near-miss spellings of unknown names to the commoner spelling.</summary>
public sealed class EntityLinker(Gazetteer? gazetteer = null)
{
    private readonly Gazetteer gaz = gazetteer ?? Gazetteer.Default;

    /// <summary>Extracts the entities of every article and links them.</summary>
    public LinkResult Link(IEnumerable<Article> articles)
    {
        var extractor = new EntityExtractor(gaz);
        return Link(articles.SelectMany(a => extractor.Extract(a)));
    }

    /// <summary>Links mentions from any number of documents; gazetteer ids stay, ids of unknown names may be merged.</summary>
    public LinkResult Link(IEnumerable<EntityMention> input)
    {
        var all = LinkMentions(input);
        bool Known(string id) => gaz.Get(id) is not null;
        var entities = all.GroupBy(m => m.EntityId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var first = g.First();
            var variants = g.GroupBy(m => m.Text, StringComparer.Ordinal)
                .Select(v => new EntityVariant(v.Key, v.Min(m => m.Similarity), v.Count(), v.Select(m => m.Doc).Distinct().ToList()))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Text, StringComparer.Ordinal).ToList();
            var kind = g.GroupBy(m => m.Kind).OrderByDescending(k => k.Count()).First().Key;
            return new LinkedEntity(g.Key, first.Canonical, gaz.Get(g.Key)?.Kind ?? kind, Known(g.Key), variants, g.ToList());
        }).ToList();
        return new LinkResult(entities, all);
    }

    /// <summary>The linked mentions of <see cref="Link(IEnumerable{EntityMention})"/> (input order) without the entities
    /// made of them: the name-variant rule needs only these, once per story.</summary>
    public List<EntityMention> LinkMentions(IEnumerable<EntityMention> input)
    {
        var all = input.ToList();
        bool Known(string id) => gaz.Get(id) is not null;

        // 1. one-word person names that fit exactly one fuller unknown name in the whole set
        var full = all.Where(m => m.Kind == EntityKind.Person && !Known(m.EntityId) && m.Canonical.Contains(' '))
            .Select(m => (m.EntityId, m.Canonical)).Distinct().OrderBy(x => x.EntityId, StringComparer.Ordinal).ToList();
        var shortForms = new ShortForms(full);
        for (int i = 0; i < all.Count; i++)
        {
            var m = all[i];
            if (m.Kind != EntityKind.Person || Known(m.EntityId) || m.Canonical.Contains(' ')) continue;
            if (shortForms.Find(m.Canonical) is { } f) all[i] = m with { EntityId = f.EntityId, Canonical = f.Canonical };
        }

        // 2. near-miss spellings among unknown names of one kind: the commoner spelling stays
        // the commoner spelling wins; on a tie, the one in more documents, then the one written first
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < all.Count; i++) firstSeen.TryAdd(all[i].EntityId, i);
        var groups = all.Where(m => !Known(m.EntityId)).GroupBy(m => m.EntityId)
            .Select(g => (Id: g.Key, g.First().Canonical, g.First().Kind, Count: g.Count(), Docs: g.Select(m => m.Doc).Distinct().Count()))
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Docs).ThenBy(g => firstSeen[g.Id]).ThenBy(g => g.Id, StringComparer.Ordinal).ToList();
        var remap = new Dictionary<string, (string Id, string Canonical, double Sim)>(StringComparer.Ordinal);
        // blocked by the first letter of the name's key (a slip keeps the first letter), so the work grows with the
        // number of names that share it, not with the square of all names
        var reps = new Dictionary<char, List<NameForm>>();
        foreach (var g in groups)
        {
            var form = NameForm.Of(g.Id, g.Canonical, g.Kind);
            if (form.Key.Length == 0) continue;
            if (!reps.TryGetValue(form.Key[0], out var bucket)) reps[form.Key[0]] = bucket = [];
            (string, string, double)? best = null;
            foreach (var r in bucket)
            {
                // guessed kinds of unknown names are noisy ("Infantino" a person here, an organization there): any kind may link,
                // with the word-by-word person test when either side is a person
                var sim = NearMiss(form, r, g.Kind == EntityKind.Person || r.Kind == EntityKind.Person ? EntityKind.Person : g.Kind);
                if (sim is { } sv && (best is null || sv > best.Value.Item3)) best = (r.Id, r.Canonical, sv);
            }
            if (best is { } b) remap[g.Id] = b;
            else bucket.Add(form);
        }
        for (int i = 0; i < all.Count; i++)
            if (remap.TryGetValue(all[i].EntityId, out var r))
                all[i] = all[i] with { EntityId = r.Id, Canonical = r.Canonical, Similarity = Math.Min(all[i].Similarity, r.Sim) };
        return all;
    }

    /// <summary>A name prepared once for near-miss comparisons: its key and the initials of its words.</summary>
    private sealed record NameForm(string Id, string Canonical, EntityKind Kind, string Key, string Initials)
    {
        public static NameForm Of(string id, string canonical, EntityKind kind)
        {
            // a person is compared by the name its id was made of: without middle initials and family suffix ("Paul D. Ryan" is
            // "paul-ryan", so "Paul Ran" is a near miss of it)
            var name = kind == EntityKind.Person && id.StartsWith("per:", StringComparison.Ordinal) ? id[4..].Replace('-', ' ') : canonical;
            return new(id, canonical, kind, Similarity.Key(name),
                string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToLowerInvariant(w[0]))));
        }
    }

    private double? NearMiss(NameForm a, NameForm b, EntityKind kind)
    {
        var fz = gaz.Fuzzy;
        if (a.Key == b.Key) return 1.0;
        if (Math.Min(a.Key.Length, b.Key.Length) < fz.MinLength || Math.Abs(a.Key.Length - b.Key.Length) > fz.MaxEdits) return null;
        if (kind == EntityKind.Person && a.Initials != b.Initials) return null;
        int d = Similarity.EditDistance(a.Key, b.Key, fz.MaxEdits);
        if (d > fz.MaxEdits) return null;
        double sim = 1.0 - (double)d / Math.Max(a.Key.Length, b.Key.Length);
        return sim >= fz.MinSimilarity ? Math.Round(sim, 4) : null;
    }
}
