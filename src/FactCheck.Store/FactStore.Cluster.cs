using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FactCheck.Checks;
using FactCheck.Output;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FactCheck.Store;

/// <summary>An article the cluster accepted: its id, the JSONL document as posted, the SHA-256 of that document, and the
/// hash it was last processed with (null until processed; another hash when it was posted again with other content).</summary>
public sealed record ClusterArticle(string Id, string Body, string Sha256, string? Processed, int Attempts);

/// <summary>What accepting an article did: stored it (new), found it already stored with the same content (same), or
/// replaced a different version of it (updated, to be processed again).</summary>
public enum Acceptance { New, Same, Updated }

/// <summary>The tables of `serve --cluster` (schema version 2): accepted articles (durable before the API answers),
/// each story's members and findings as its story grain last checked them, and the story signatures the assignment needs.</summary>
public sealed partial class FactStore
{
    private static readonly string[] ClusterMigration =
    [
        "CREATE TABLE cluster_articles (id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, body TEXT NOT NULL, accepted TEXT NOT NULL, processed TEXT, attempts INTEGER NOT NULL, signature TEXT)",
        "CREATE TABLE cluster_stories (story TEXT PRIMARY KEY, members TEXT NOT NULL, checked TEXT NOT NULL)",
        "CREATE TABLE cluster_findings (story TEXT NOT NULL, id TEXT NOT NULL, ord INTEGER NOT NULL, rule TEXT NOT NULL, doc TEXT, body TEXT NOT NULL, PRIMARY KEY (story, id))",
    ];

    /// <summary>The SHA-256 (hex) of a document as stored.</summary>
    public static string Hash(string body) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body))).ToLowerInvariant();

    /// <summary>Stores posted articles (id, JSONL document) in one transaction, so they are durable when this returns; an
    /// article already stored with the same content is left as it is (posting again is idempotent).</summary>
    public IReadOnlyList<Acceptance> AcceptArticles(IReadOnlyList<(string Id, string Body)> articles) => Write(tx =>
    {
        var result = new List<Acceptance>(articles.Count);
        foreach (var (id, body) in articles)
        {
            var sha = Hash(body);
            var old = Scalar(tx, "SELECT sha256 FROM cluster_articles WHERE id = @id", ("id", id)) as string;
            if (old == sha) { result.Add(Acceptance.Same); continue; }
            if (old is null)
                Exec(tx, Kind == StoreKind.Postgres
                        ? "INSERT INTO cluster_articles (id, sha256, body, accepted, attempts) VALUES (@id, @s, @b, @t, 0) ON CONFLICT (id) DO NOTHING"
                        : "INSERT OR IGNORE INTO cluster_articles (id, sha256, body, accepted, attempts) VALUES (@id, @s, @b, @t, 0)",
                    ("id", id), ("s", sha), ("b", body), ("t", Now()));
            else
                Exec(tx, "UPDATE cluster_articles SET sha256 = @s, body = @b, accepted = @t, processed = NULL, signature = NULL WHERE id = @id",
                    ("id", id), ("s", sha), ("b", body), ("t", Now()));
            result.Add(old is null ? Acceptance.New : Acceptance.Updated);
        }
        return result;
    });

    /// <summary>Accepted articles by id (those not found are left out).</summary>
    public IReadOnlyList<ClusterArticle> ClusterArticles(IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0) return [];
        var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
        // in chunks, so a large story never builds one enormous statement
        var list = new List<ClusterArticle>();
        foreach (var chunk in wanted.Chunk(200))
            list.AddRange(Read(c => Query(c, $"SELECT id, body, sha256, processed, attempts FROM cluster_articles WHERE id IN ({string.Join(",", chunk.Select((_, i) => "@p" + i))})",
                chunk.Select((id, i) => ("p" + i, (object?)id)).ToArray(), ArticleOf)));
        return list;
    }

    /// <summary>Every accepted article (id order).</summary>
    public IReadOnlyList<ClusterArticle> AllClusterArticles() =>
        Read(c => Query(c, "SELECT id, body, sha256, processed, attempts FROM cluster_articles ORDER BY id", [], ArticleOf));

    /// <summary>Accepted articles not yet processed in their current version (id order), at most <paramref name="limit"/>;
    /// with <paramref name="minAge"/>, only those accepted at least that long ago (younger ones are most likely being
    /// processed by the request that posted them).</summary>
    public IReadOnlyList<ClusterArticle> UnprocessedArticles(int limit, TimeSpan? minAge = null) =>
        Read(c => Query(c, "SELECT id, body, sha256, processed, attempts FROM cluster_articles WHERE (processed IS NULL OR processed <> sha256) AND accepted <= @t ORDER BY id LIMIT @n",
            [("n", limit), ("t", Iso(clock.GetUtcNow() - (minAge ?? TimeSpan.Zero)))], ArticleOf));

    /// <summary>Records that an article's version <paramref name="sha256"/> went through to its story, with its story signature
    /// (JSON, what the story assignment reads back when it is activated again); false when the article has changed since (the
    /// newer version is processed on its own).</summary>
    public bool MarkProcessed(string id, string sha256, string signature) => Write(tx =>
    {
        using var cmd = Command(tx.Connection!, tx, "UPDATE cluster_articles SET processed = @s, signature = @g, attempts = attempts + 1 WHERE id = @id AND sha256 = @s",
            [("id", id), ("s", sha256), ("g", signature)]);
        return cmd.ExecuteNonQuery() > 0;
    });

    /// <summary>The signatures of every processed article (id order): id -> signature JSON; an article whose current version
    /// is not processed has none (a new version clears it).</summary>
    public IReadOnlyList<(string Id, string Signature)> Signatures() =>
        Read(c => Query(c, "SELECT id, signature FROM cluster_articles WHERE signature IS NOT NULL AND processed = sha256 ORDER BY id", [],
            r => (r.GetString(0), r.GetString(1))));

    /// <summary>Replaces a story's members and findings in one transaction (a story without members is removed).</summary>
    public void SaveStory(string story, IReadOnlyList<string> members, IReadOnlyList<Finding> findings) => Write(tx =>
    {
        Exec(tx, "DELETE FROM cluster_findings WHERE story = @s", ("s", story));
        Exec(tx, "DELETE FROM cluster_stories WHERE story = @s", ("s", story));
        if (members.Count == 0) return 0;
        Exec(tx, "INSERT INTO cluster_stories (story, members, checked) VALUES (@s, @m, @t)",
            ("s", story), ("m", new JArray(members).ToString(Formatting.None)), ("t", Now()));
        int i = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (!seen.Add(f.Id)) continue;
            Exec(tx, "INSERT INTO cluster_findings (story, id, ord, rule, doc, body) VALUES (@s, @id, @o, @r, @d, @b)",
                ("s", story), ("id", f.Id), ("o", i++), ("r", f.Rule), ("d", f.Evidence.Count > 0 ? f.Evidence[0].Doc : null),
                ("b", FindingJson.ToJson(f with { Verdict = null, ReviewNote = null }).ToString(Formatting.None)));
        }
        return 0;
    });

    /// <summary>Every story the cluster checked: story id -> member article ids (in the story's order).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ClusterStories() =>
        Read(c => Query(c, "SELECT story, members FROM cluster_stories", [], r => (r.GetString(0), JArray.Parse(r.GetString(1)).Values<string>().OfType<string>().ToList())))
            .ToDictionary(x => x.Item1, x => (IReadOnlyList<string>)x.Item2, StringComparer.Ordinal);

    /// <summary>Every finding of every story the cluster checked, in the checker's order.</summary>
    public IReadOnlyList<Finding> ClusterFindings() =>
        Checker.Order(Read(c => Query(c, "SELECT body FROM cluster_findings", [], r => FindingJson.FromJson(JObject.Parse(r.GetString(0))))));

    /// <summary>Accepted articles, and those processed in their current version.</summary>
    public (int Accepted, int Processed) ClusterCounts() => Read(c => Query(c,
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN processed = sha256 THEN 1 ELSE 0 END), 0) FROM cluster_articles", [],
        r => (Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture)))).Single();

    private static ClusterArticle ArticleOf(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2),
        r.IsDBNull(3) ? null : r.GetString(3), Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture));
}
