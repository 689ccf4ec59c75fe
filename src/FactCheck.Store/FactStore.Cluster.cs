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

/// <summary>How far the cluster is: articles accepted; processed (in their current version, and a member of exactly one
/// stored story); unplaced (marked processed, but in no stored story or in more than one).</summary>
public sealed record ClusterProgress(int Accepted, int Processed, int Unplaced);

/// <summary>A story as the cluster stored it: its members (in the story's order) and the version of that state (0: never stored).</summary>
public sealed record ClusterStoryState(IReadOnlyList<string> Members, long Version);

/// <summary>The tables of `serve --cluster` (schema versions 2 and 3): accepted articles (durable before the API answers),
/// each story's members and findings as its story grain last checked them, with the version of that state, and the story
/// signatures the assignment needs.</summary>
public sealed partial class FactStore
{
    private static readonly string[] ClusterMigration =
    [
        "CREATE TABLE cluster_articles (id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, body TEXT NOT NULL, accepted TEXT NOT NULL, processed TEXT, attempts INTEGER NOT NULL, signature TEXT)",
        "CREATE TABLE cluster_stories (story TEXT PRIMARY KEY, members TEXT NOT NULL, checked TEXT NOT NULL)",
        "CREATE TABLE cluster_findings (story TEXT NOT NULL, id TEXT NOT NULL, ord INTEGER NOT NULL, rule TEXT NOT NULL, doc TEXT, body TEXT NOT NULL, PRIMARY KEY (story, id))",
    ];

    /// <summary>Schema 3: each story's state has a version, raised by every write; a write names the version it read and is
    /// refused when the stored one has moved on (a second activation of the story's grain, a stale writer). A story that
    /// lost all its members keeps its row, with no members, so its version is never reused.</summary>
    private static readonly string[] ClusterVersionMigration =
    [
        "ALTER TABLE cluster_stories ADD COLUMN version {BIGINT} NOT NULL DEFAULT 0",
    ];

    /// <summary>The review page's name for the cluster's findings: one run, as of the cluster's last story check.</summary>
    public const string ClusterRunId = "cluster";

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

    /// <summary>Replaces a story's members and findings in one transaction, only if the story's stored state is still at
    /// <paramref name="expectedVersion"/> (0: never stored); returns the new version, or null when the stored state is newer
    /// (nothing written: another writer got there first). A story without members keeps its row, empty, so its version holds.</summary>
    public long? SaveStory(string story, IReadOnlyList<string> members, IReadOnlyList<Finding> findings, long expectedVersion) => Write<long?>(tx =>
    {
        var json = new JArray(members).ToString(Formatting.None);
        int changed;
        using (var cmd = Command(tx.Connection!, tx, "UPDATE cluster_stories SET members = @m, checked = @t, version = version + 1 WHERE story = @s AND version = @v",
                   [("s", story), ("m", json), ("t", Now()), ("v", expectedVersion)]))
            changed = cmd.ExecuteNonQuery();
        if (changed == 0)
        {
            // no row at that version: the first write of a new story, or a stale writer
            if (expectedVersion != 0) return null;
            using var cmd = Command(tx.Connection!, tx, Kind == StoreKind.Postgres
                    ? "INSERT INTO cluster_stories (story, members, checked, version) VALUES (@s, @m, @t, 1) ON CONFLICT (story) DO NOTHING"
                    : "INSERT OR IGNORE INTO cluster_stories (story, members, checked, version) VALUES (@s, @m, @t, 1)",
                [("s", story), ("m", json), ("t", Now())]);
            if (cmd.ExecuteNonQuery() == 0) return null;
        }
        Exec(tx, "DELETE FROM cluster_findings WHERE story = @s", ("s", story));
        int i = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in members.Count == 0 ? [] : findings)
        {
            if (!seen.Add(f.Id)) continue;
            Exec(tx, "INSERT INTO cluster_findings (story, id, ord, rule, doc, body) VALUES (@s, @id, @o, @r, @d, @b)",
                ("s", story), ("id", f.Id), ("o", i++), ("r", f.Rule), ("d", f.Evidence.Count > 0 ? f.Evidence[0].Doc : null),
                ("b", FindingJson.ToLine(f with { Verdict = null, ReviewNote = null })));
        }
        return expectedVersion + 1;
    });

    /// <summary>One story's stored members and version (no members and version 0 when it was never stored).</summary>
    public ClusterStoryState ClusterStory(string story) =>
        Read(c => Query(c, "SELECT members, version FROM cluster_stories WHERE story = @s", [("s", story)],
            r => new ClusterStoryState(JArray.Parse(r.GetString(0)).Values<string>().OfType<string>().ToList(), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture))))
        .FirstOrDefault() ?? new ClusterStoryState([], 0);

    /// <summary>Every story the cluster checked that has members: story id -> member article ids (in the story's order).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ClusterStories() =>
        Read(c => Query(c, "SELECT story, members FROM cluster_stories WHERE members <> '[]'", [], r => (r.GetString(0), JArray.Parse(r.GetString(1)).Values<string>().OfType<string>().ToList())))
            .ToDictionary(x => x.Item1, x => (IReadOnlyList<string>)x.Item2, StringComparer.Ordinal);

    /// <summary>The cluster's findings as one run for the review page (<see cref="ClusterRunId"/>), or null when the cluster
    /// has checked no story: created at its last story check, its articles those in stories.</summary>
    public RunRecord? ClusterRun()
    {
        var row = Read(c => Query(c, "SELECT COUNT(*), MAX(checked) FROM cluster_stories WHERE members <> '[]'", [],
            r => (Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), r.IsDBNull(1) ? null : r.GetString(1)))).Single();
        if (row.Item1 == 0 || row.Item2 is null) return null;
        var articles = ClusterStories().Values.Sum(m => m.Count);
        var findings = Convert.ToInt32(Read(c => Query(c, "SELECT COUNT(*) FROM cluster_findings", [], r => r.GetValue(0))).Single(), CultureInfo.InvariantCulture);
        return new RunRecord(ClusterRunId, DateTimeOffset.Parse(row.Item2, CultureInfo.InvariantCulture), null, articles, findings);
    }

    /// <summary>The cluster's findings with their stories, in the checker's order, as a run's stored findings.</summary>
    private IReadOnlyList<StoredFinding> ClusterRunFindings()
    {
        var rows = Read(c => Query(c, "SELECT story, body FROM cluster_findings", [], r => (Story: r.GetString(0), Finding: FindingJson.FromJson(JObject.Parse(r.GetString(1))))));
        var storyOf = rows.GroupBy(x => x.Finding.Id).ToDictionary(g => g.Key, g => g.First().Story, StringComparer.Ordinal);
        return Checker.Order(rows.Select(x => x.Finding)).Select((f, i) => new StoredFinding(ClusterRunId, f, storyOf[f.Id], i)).ToList();
    }

    /// <summary>The report of the cluster run: its id, when, and each story's members.</summary>
    private JObject? ClusterRunReport() => ClusterRun() is { } run ? new JObject
    {
        ["run"] = ClusterRunId,
        ["generated"] = Iso(run.Created),
        ["stories"] = new JObject(ClusterStories().OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new JProperty(kv.Key, new JArray(kv.Value)))),
    } : null;

    /// <summary>A cluster finding by id (for the review page's decisions on the cluster run).</summary>
    private StoredFinding? ClusterFinding(string id) =>
        Read(c => Query(c, "SELECT story, body FROM cluster_findings WHERE id = @id", [("id", id)], r => new StoredFinding(ClusterRunId, FindingJson.FromJson(JObject.Parse(r.GetString(1))), r.GetString(0), 0)))
            .FirstOrDefault();

    /// <summary>Every finding of every story the cluster checked, in the checker's order.</summary>
    public IReadOnlyList<Finding> ClusterFindings() =>
        Checker.Order(Read(c => Query(c, "SELECT body FROM cluster_findings", [], r => FindingJson.FromJson(JObject.Parse(r.GetString(0))))));

    /// <summary>Accepted articles; those done: processed in their current version and a member of exactly one stored story
    /// (so "processed" never counts an article whose story lost it, as a story-assignment batch that failed part-way can
    /// leave behind until the assignment retells the stories from the store); and those marked processed that are in no
    /// story or in more than one.</summary>
    public ClusterProgress ClusterCounts() => Read(c => Query(c,
        $"""
        WITH m AS ({(Kind == StoreKind.Postgres
            ? "SELECT jsonb_array_elements_text(members::jsonb) AS id FROM cluster_stories"
            : "SELECT j.value AS id FROM cluster_stories, json_each(cluster_stories.members) AS j")}),
        placed AS (SELECT id FROM m GROUP BY id HAVING COUNT(*) = 1)
        SELECT COUNT(*),
               COALESCE(SUM(CASE WHEN a.processed = a.sha256 AND p.id IS NOT NULL THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN a.processed = a.sha256 AND p.id IS NULL THEN 1 ELSE 0 END), 0)
        FROM cluster_articles a LEFT JOIN placed p ON p.id = a.id
        """, [],
        r => new ClusterProgress(Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture),
            Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture)))).Single();

    private static ClusterArticle ArticleOf(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2),
        r.IsDBNull(3) ? null : r.GetString(3), Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture));
}
