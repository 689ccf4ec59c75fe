using FactCheck.Checks;
using FactCheck.Entities;
using FactCheck.Model;

namespace FactCheck.Stories;

/// <summary>Thresholds and weights of the story grouping.</summary>
public sealed record StoryOptions
{
    /// <summary>An article joins the most similar story when the cosine to the story's centroid reaches this; otherwise it starts one.</summary>
    public double JoinThreshold { get; init; } = 0.25;
    /// <summary>An article joins only a story that has a member published within this many days of it (when both dates are known).</summary>
    public int WindowDays { get; init; } = 14;
    /// <summary>A story spans at most this many days from its first to its last article: a long-running topic becomes several stories.</summary>
    public int MaxSpanDays { get; init; } = 31;
    /// <summary>Weight of an entity id (a canonical entity the EntityExtractor linked) relative to one occurrence of a stem.</summary>
    public double EntityWeight { get; init; } = 1.0;
    /// <summary>Extra weight of a title word over a body word.</summary>
    public double TitleWeight { get; init; } = 2.0;
    /// <summary>Documents assumed beside the input that share none of its words, so rarity means something for two or three articles.</summary>
    public int PseudoDocuments { get; init; } = 20;
    /// <summary>A feature in at most this share of the input's documents (at least <see cref="MinRareDocuments"/>, at most
    /// <see cref="MaxRareDocuments"/>) is rare: it is indexed. The cap bounds every posting list, so grouping stays near-linear.</summary>
    public double RareShare { get; init; } = 0.05;
    public int MinRareDocuments { get; init; } = 4;
    public int MaxRareDocuments { get; init; } = 100;
    /// <summary>The article's heaviest rare features that look up candidate stories in the index.</summary>
    public int QueryFeatures { get; init; } = 40;
    /// <summary>Candidate stories (by shared rare weight) whose similarity is computed exactly.</summary>
    public int MaxCandidates { get; init; } = 20;

    public static StoryOptions Default { get; } = new();
}

/// <summary>
/// Groups articles into stories, incrementally and in input order: an article with a given story (JSONL "story" or "cluster")
/// goes to that story; any other joins the story whose centroid is most similar (content stems and entity ids weighted by
/// rarity in the input, cosine) when that similarity reaches <see cref="StoryOptions.JoinThreshold"/>, the story has an
/// article published within <see cref="StoryOptions.WindowDays"/> of it and would still span at most
/// <see cref="StoryOptions.MaxSpanDays"/>, and otherwise starts a story. Candidate stories come
/// from an inverted index of rare features, so the work grows with the number of articles, not its square. The same input
/// gives the same stories and ids.
/// </summary>
public sealed class StoryGrouper
{
    private readonly EntityExtractor? entities;
    public StoryOptions Options { get; }
    /// <summary>Cores the features are counted on (0: every core); the stories are the same for any number.</summary>
    public int Threads { get; init; } = 1;

    public StoryGrouper(StoryOptions? options = null, EntityExtractor? entities = null)
    {
        Options = options ?? StoryOptions.Default;
        this.entities = entities;
    }

    /// <summary>Groups articles, extracting their entities first.</summary>
    public StoryGrouping Group(IReadOnlyList<Article> articles)
    {
        var extractor = entities ?? new EntityExtractor();
        return Group(articles.Select(a => (a, extractor.Extract(a))).ToList());
    }

    /// <summary>Groups analyzed articles (their entity mentions are used as they are).</summary>
    public StoryGrouping Group(IReadOnlyList<AnalyzedArticle> articles) =>
        Group(articles.Select(a => (a.Article, a.EntityMentions)).ToList());

    private sealed class StoryState(int index, string id, bool given)
    {
        public readonly int Index = index;
        public readonly string Id = id;
        public readonly bool Given = given;
        public readonly List<int> Members = [];
        public readonly Dictionary<int, double> Centroid = [];
        public readonly HashSet<int> Indexed = [];
        public double Norm2;
        public DateTimeOffset? First, Last;
    }

    /// <summary>What the grouping needs of one article, computed where the article is analyzed: its id, publication, given
    /// story, title and features (content stems, title words weighted, "@"-prefixed entity ids, with their counts, in ordinal
    /// order). <see cref="Group(IReadOnlyList{StorySignature})"/> over the signatures of some articles gives the same stories as
    /// grouping the articles themselves in that order.</summary>
    public sealed record StorySignature(string Id, DateTimeOffset? Published, string? Story, string? Title, IReadOnlyList<KeyValuePair<string, double>> Features);

    /// <summary>The signature of an analyzed article (its entity mentions as they are).</summary>
    public StorySignature Signature(AnalyzedArticle a) =>
        new(a.Article.Id, a.Article.Published, a.Article.Story, TitleOf(a.Article), Count((a.Article, a.EntityMentions), new StoryTerms()));

    /// <summary>Groups articles by their signatures, in the order given.</summary>
    public StoryGrouping Group(IReadOnlyList<StorySignature> signatures) =>
        Group(signatures.Count, i => signatures[i].Id, i => signatures[i].Published, i => signatures[i].Story, i => signatures[i].Title,
            signatures.Select(s => s.Features as KeyValuePair<string, double>[] ?? s.Features.ToArray()).ToArray());

    private StoryGrouping Group(IReadOnlyList<(Article Article, IReadOnlyList<EntityMention> Entities)> input)
    {
        int n = input.Count;
        if (n == 0) return StoryGrouping.Empty;

        // 1. features per article: stems (title weighted) and entity ids, counted, in ordinal order. Only articles without a
        // given story look stories up, so when every article names its story no features are needed. The counting runs on
        // up to Threads cores (one StoryTerms each); the feature ids are then given out in input order, as one thread would.
        var terms = new StoryTerms();
        bool anyLookup = input.Any(x => x.Article.Story is null);
        var counted = new KeyValuePair<string, double>[n][];
        if (!anyLookup) Array.Fill(counted, []);
        else if (Threads == 1 || n < 64)
            for (int i = 0; i < n; i++) counted[i] = Count(input[i], terms);
        else
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Threads <= 0 ? Environment.ProcessorCount : Threads },
                () => new StoryTerms(), (i, _, t) => { counted[i] = Count(input[i], t); return t; }, _ => { });
        return Group(n, i => input[i].Article.Id, i => input[i].Article.Published, i => input[i].Article.Story, i => TitleOf(input[i].Article), counted);
    }

    private StoryGrouping Group(int n, Func<int, string> idOf, Func<int, DateTimeOffset?> publishedOf, Func<int, string?> storyOf,
        Func<int, string?> titleOf, KeyValuePair<string, double>[][] counted)
    {
        if (n == 0) return StoryGrouping.Empty;
        var o = Options;
        var featureIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var df = new List<int>();
        var raw = new (int[] Ids, double[] Counts)[n];
        // features count only when some article looks its story up (as above: given stories alone need none)
        bool anyLookup = Enumerable.Range(0, n).Any(i => storyOf(i) is null);
        for (int i = 0; i < n; i++)
        {
            var kvs = anyLookup ? counted[i] : [];
            counted[i] = null!;
            var ids = new int[kvs.Length];
            var cs = new double[kvs.Length];
            for (int k = 0; k < kvs.Length; k++)
            {
                var (f, c) = kvs[k];
                if (!featureIds.TryGetValue(f, out var fid)) { fid = featureIds.Count; featureIds[f] = fid; df.Add(0); }
                df[fid]++;
                ids[k] = fid; cs[k] = c;
            }
            raw[i] = (ids, cs);
        }

        // 2. weights: sublinear count times BM25 rarity over the input (plus pseudo-documents), unit length
        int docs = raw.Count(r => r.Ids.Length > 0);
        double total = docs + o.PseudoDocuments;
        var idf = df.Select(d => Math.Log(1 + (total - d + 0.5) / (d + 0.5))).ToArray();
        int rareCap = Math.Min(o.MaxRareDocuments, Math.Max(o.MinRareDocuments, (int)(o.RareShare * docs)));
        var vectors = new (int[] Ids, double[] W)[n];
        for (int i = 0; i < n; i++)
        {
            var (ids, cs) = raw[i];
            var w = new double[ids.Length];
            double norm = 0;
            for (int k = 0; k < ids.Length; k++) { w[k] = Math.Log(1 + cs[k]) * idf[ids[k]]; norm += w[k] * w[k]; }
            norm = Math.Sqrt(norm);
            if (norm > 0) for (int k = 0; k < w.Length; k++) w[k] /= norm;
            vectors[i] = (ids, w);
        }

        // 3. incremental assignment in input order
        var stories = new List<StoryState>();
        var byGiven = new Dictionary<string, StoryState>(StringComparer.Ordinal);
        var taken = new HashSet<string>(Enumerable.Range(0, n).Select(storyOf).OfType<string>(), StringComparer.Ordinal);
        var postings = new Dictionary<int, List<int>>();
        var assignment = new StoryState[n];
        var similarity = new double?[n];
        var score = new Dictionary<int, double>();
        for (int i = 0; i < n; i++)
        {
            var published = publishedOf(i);
            StoryState? story = null;
            if (storyOf(i) is { } given)
            {
                if (!byGiven.TryGetValue(given, out story))
                {
                    story = new StoryState(stories.Count, given, true);
                    stories.Add(story);
                    byGiven[given] = story;
                }
            }
            else
            {
                (story, var sim) = BestStory(vectors[i], published, stories, postings, rareCap, df, score);
                if (story is not null) similarity[i] = Math.Round(sim, 4);
                else
                {
                    string id;
                    int attempt = 0;
                    do id = Story.MakeId(idOf(i), attempt++); while (!taken.Add(id));
                    story = new StoryState(stories.Count, id, false);
                    stories.Add(story);
                }
            }
            Join(story, i, vectors[i], published, postings, rareCap, df);
            assignment[i] = story;
        }

        var result = stories.Select(s => new Story(s.Id, s.Members.Select(idOf).ToList(), titleOf(s.Members[0]))
        {
            Given = s.Given, First = s.First, Last = s.Last,
        }).ToList();
        return new StoryGrouping(result, assignment.Select(s => s.Id).ToList()) { Similarities = similarity };
    }

    /// <summary>An article's features (content stems, title words weighted, and "@"-prefixed entity ids) with their counts, in ordinal order.</summary>
    private KeyValuePair<string, double>[] Count((Article Article, IReadOnlyList<EntityMention> Entities) x, StoryTerms terms)
    {
        var (a, ents) = x;
        var o = Options;
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        var stop = StoryTerms.Stopwords(a.Lang);
        if (!string.IsNullOrWhiteSpace(a.Title) && o.TitleWeight > 0) terms.Add(a, a.Title, 0, stop, counts, o.TitleWeight, checkBoilerplate: false);
        terms.Add(a, a.Text, 0, stop, counts, 1.0, checkBoilerplate: true);
        var entityCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in ents)
            if (!a.IsBoilerplate(m.Start)) entityCounts["@" + m.EntityId] = entityCounts.GetValueOrDefault("@" + m.EntityId) + 1;
        foreach (var (id, c) in entityCounts) counts[id] = o.EntityWeight * (1 + Math.Log(c));
        var kvs = counts.ToArray();
        Array.Sort(kvs, static (p, q) => string.CompareOrdinal(p.Key, q.Key));
        return kvs;
    }

    private (StoryState? Story, double Similarity) BestStory((int[] Ids, double[] W) v, DateTimeOffset? published, List<StoryState> stories,
        Dictionary<int, List<int>> postings, int rareCap, List<int> df, Dictionary<int, double> score)
    {
        if (v.Ids.Length == 0) return (null, 0);
        var o = Options;
        // candidates: stories sharing the article's heaviest rare features
        score.Clear();
        var order = Enumerable.Range(0, v.Ids.Length).Where(k => df[v.Ids[k]] <= rareCap)
            .OrderByDescending(k => v.W[k]).ThenBy(k => v.Ids[k]).Take(o.QueryFeatures);
        foreach (var k in order)
            if (postings.TryGetValue(v.Ids[k], out var list))
                foreach (var s in list) score[s] = score.GetValueOrDefault(s) + v.W[k];
        StoryState? best = null;
        double bestSim = o.JoinThreshold;
        foreach (var (si, _) in score.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(o.MaxCandidates))
        {
            var s = stories[si];
            if (published is { } p && s.First is { } first && s.Last is { } last)
            {
                double gap = Math.Max((first - p).TotalDays, (p - last).TotalDays);
                if (gap > o.WindowDays) continue;
                if (((p > last ? p : last) - (p < first ? p : first)).TotalDays > o.MaxSpanDays) continue;
            }
            if (s.Norm2 <= 0) continue;
            double dot = 0;
            for (int k = 0; k < v.Ids.Length; k++)
                if (s.Centroid.TryGetValue(v.Ids[k], out var c)) dot += v.W[k] * c;
            double sim = dot / Math.Sqrt(s.Norm2);
            if (sim > bestSim || (sim == bestSim && best is not null && s.Index < best.Index)) { best = s; bestSim = sim; }
        }
        return (best, bestSim);
    }

    private static void Join(StoryState s, int article, (int[] Ids, double[] W) v, DateTimeOffset? published,
        Dictionary<int, List<int>> postings, int rareCap, List<int> df)
    {
        s.Members.Add(article);
        if (published is { } p)
        {
            if (s.First is null || p < s.First) s.First = p;
            if (s.Last is null || p > s.Last) s.Last = p;
        }
        for (int k = 0; k < v.Ids.Length; k++)
        {
            int f = v.Ids[k];
            double old = s.Centroid.GetValueOrDefault(f), now = old + v.W[k];
            s.Centroid[f] = now;
            s.Norm2 += now * now - old * old;
            if (df[f] <= rareCap && s.Indexed.Add(f))
            {
                if (!postings.TryGetValue(f, out var list)) postings[f] = list = [];
                list.Add(s.Index);
            }
        }
    }

    /// <summary>The title of an article, or its first non-empty line (shortened) when it has none.</summary>
    public static string? TitleOf(Article a)
    {
        if (!string.IsNullOrWhiteSpace(a.Title)) return a.Title.Trim();
        foreach (var line in a.Text.Split('\n'))
        {
            var t = line.Trim();
            if (t.Length == 0) continue;
            return t.Length <= 80 ? t : t[..79] + "…";
        }
        return null;
    }
}
