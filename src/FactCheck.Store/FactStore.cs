using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FactCheck.Checks;
using FactCheck.Output;
using FactCheck.Review;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Npgsql;

namespace FactCheck.Store;

/// <summary>A stored check run: its id, when it was stored, the report's "generated" stamp and counts.</summary>
public sealed record RunRecord(string Id, DateTimeOffset Created, string? Generated, int Articles, int Findings);

/// <summary>A stored finding with the run it belongs to and its story (one story per run until findings carry one).</summary>
public sealed record StoredFinding(string RunId, Finding Finding, string Story, int Order);

/// <summary>Which database: an SQLite file or a PostgreSQL connection string.</summary>
public enum StoreKind { Sqlite, Postgres }

/// <summary>
/// Runs, articles, findings and the decision history in a database: SQLite (one file, WAL, synchronous=FULL) or PostgreSQL,
/// same schema, applied by numbered migrations. Every write is one transaction, so concurrent writers (processes or
/// threads) never lose or tear a decision; a decision is never updated: a change of verdict is a new row and an undo is a row
/// naming the one it cancels. Database errors surface as <see cref="StoreException"/> with a message for the user.
/// </summary>
public sealed partial class FactStore : IDecisionSource, IDisposable
{
    public StoreKind Kind { get; }
    /// <summary>For messages: the SQLite file, or host/database for PostgreSQL (never the password).</summary>
    public string Describe { get; }
    private readonly string connectionString;
    private readonly TimeProvider clock;

    private FactStore(StoreKind kind, string connectionString, string describe, TimeProvider clock)
    {
        Kind = kind;
        this.connectionString = connectionString;
        Describe = describe;
        this.clock = clock;
    }

    /// <summary>The default SQLite file: $FACTCHECK_DB, else $XDG_DATA_HOME/factcheck/factcheck.db, else ~/.local/share/factcheck/factcheck.db.</summary>
    public static string DefaultLocation()
    {
        if (Environment.GetEnvironmentVariable("FACTCHECK_DB") is { Length: > 0 } env) return env;
        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(data))
            data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(data, "factcheck", "factcheck.db");
    }

    /// <summary>Opens (creating and migrating as needed) the store named by <paramref name="db"/>: a file path for SQLite,
    /// "Host=...;Database=..." or a postgres:// URL for PostgreSQL; null is <see cref="DefaultLocation"/>.</summary>
    public static (FactStore? Store, string? Error) Open(string? db, TimeProvider? clock = null)
    {
        db ??= DefaultLocation();
        clock ??= TimeProvider.System;
        FactStore store;
        try
        {
            if (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
                store = Postgres(UrlToConnectionString(db), clock);
            else if (db.Contains('=') && db.Contains("host", StringComparison.OrdinalIgnoreCase))
                store = Postgres(db, clock);
            else
            {
                var full = Path.GetFullPath(db);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                var cs = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 60, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
                store = new FactStore(StoreKind.Sqlite, cs, full, clock);
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or UnauthorizedAccessException or UriFormatException)
        {
            return (null, $"--db {Redact(db)}: {e.Message}");
        }
        try { store.Migrate(); }
        catch (StoreException e) { return (null, e.Message); }
        return (store, null);
    }

    private static FactStore Postgres(string cs, TimeProvider clock)
    {
        var b = new NpgsqlConnectionStringBuilder(cs);
        if (b.Timeout < 15) b.Timeout = 15;
        return new FactStore(StoreKind.Postgres, b.ConnectionString, $"postgresql {b.Host}:{b.Port}/{b.Database}", clock);
    }

    /// <summary>postgres://user:password@host:port/database?sslmode=... as an Npgsql connection string.</summary>
    public static string UrlToConnectionString(string url)
    {
        var u = new Uri(url);
        var b = new NpgsqlConnectionStringBuilder { Host = u.Host, Port = u.IsDefaultPort || u.Port <= 0 ? 5432 : u.Port, Database = Uri.UnescapeDataString(u.AbsolutePath.TrimStart('/')) };
        if (u.UserInfo is { Length: > 0 } ui)
        {
            var parts = ui.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var kv in u.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var p = kv.Split('=', 2);
            b[Uri.UnescapeDataString(p[0])] = p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "";
        }
        return b.ConnectionString;
    }

    private static string Redact(string db) => System.Text.RegularExpressions.Regex.Replace(db, "(?i)(password=)[^;]*|(://[^:/@]*:)[^@]*@", m => m.Groups[1].Success ? m.Groups[1].Value + "***" : m.Groups[2].Value + "***@",
        System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    // ---------------------------------------------------------------- schema

    /// <summary>Numbered migrations; {ID} is the auto-increment key, {REAL} a double, {BIGINT} a 64-bit integer.</summary>
    private static readonly string[][] Migrations =
    [
        [
            "CREATE TABLE runs (seq {ID}, id TEXT NOT NULL UNIQUE, created TEXT NOT NULL, generated TEXT, article_count INTEGER NOT NULL, finding_count INTEGER NOT NULL, report TEXT NOT NULL)",
            "CREATE TABLE articles (run_id TEXT NOT NULL, ord INTEGER NOT NULL, id TEXT NOT NULL, ok INTEGER NOT NULL, title TEXT, source TEXT, published TEXT, lang TEXT, url TEXT, error TEXT, PRIMARY KEY (run_id, ord))",
            "CREATE TABLE findings (run_id TEXT NOT NULL, id TEXT NOT NULL, ord INTEGER NOT NULL, rule TEXT NOT NULL, severity TEXT NOT NULL, score {REAL} NOT NULL, story TEXT NOT NULL, doc TEXT, source TEXT, body TEXT NOT NULL, PRIMARY KEY (run_id, id))",
            "CREATE INDEX findings_by_id ON findings (id)",
            "CREATE TABLE decisions (seq {ID}, finding_id TEXT NOT NULL, rule TEXT NOT NULL, verdict TEXT, reviewer TEXT NOT NULL, time TEXT NOT NULL, note TEXT, fix TEXT, seen TEXT, features TEXT NOT NULL, undoes {BIGINT})",
            "CREATE INDEX decisions_by_finding ON decisions (finding_id, seq)",
            "CREATE TABLE imports (sha256 TEXT PRIMARY KEY, path TEXT NOT NULL, time TEXT NOT NULL, decisions INTEGER NOT NULL)",
        ],
        ClusterMigration,
        ClusterVersionMigration,
    ];

    public int SchemaVersion => Migrations.Length;

    private string Sql(string s) => Kind == StoreKind.Sqlite
        ? s.Replace("{ID}", "INTEGER PRIMARY KEY AUTOINCREMENT").Replace("{REAL}", "REAL").Replace("{BIGINT}", "INTEGER")
        : s.Replace("{ID}", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY").Replace("{REAL}", "DOUBLE PRECISION").Replace("{BIGINT}", "BIGINT");

    private void Migrate() => Write(tx =>
    {
        if (Kind == StoreKind.Postgres) Exec(tx, "SELECT pg_advisory_xact_lock(72100510)");
        Exec(tx, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)");
        var current = Convert.ToInt32(Scalar(tx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations") ?? 0, CultureInfo.InvariantCulture);
        if (current > Migrations.Length)
            throw new StoreException($"{Describe}: the store has schema version {current}, newer than this factcheck ({Migrations.Length}); upgrade factcheck");
        for (int v = current + 1; v <= Migrations.Length; v++)
        {
            foreach (var stmt in Migrations[v - 1]) Exec(tx, Sql(stmt));
            Exec(tx, "INSERT INTO schema_migrations (version, applied) VALUES (@v, @t)", ("v", v), ("t", Now()));
        }
        return 0;
    }, migrating: true);

    // ---------------------------------------------------------------- runs and findings

    /// <summary>The story a finding belongs to (the one rule is ReportHtml.StoryOf).</summary>
    public static string StoryOf(Finding f) => ReportHtml.StoryOf(f);

    /// <summary>Stores a run (report, articles, findings) in one transaction; returns its id.</summary>
    public string SaveRun(Report report) => SaveRun(PrepareRun(report));

    /// <summary>A run made ready to store without touching the database: its id and time, the report's JSON (still being written
    /// on another core when the run is handed over: the rows are inserted meanwhile) and the rows of its findings. `check`
    /// prepares it on one core while the report files are written on the others, then stores it.</summary>
    public sealed record PreparedRun(string Id, DateTimeOffset Created, Report Report, Task<string> Writing, IReadOnlyList<(Finding Finding, string Body)> Findings)
    {
        /// <summary>The report's JSON with the run id added (waits for it).</summary>
        public string Json => Writing.GetAwaiter().GetResult();
    }

    /// <summary>The serializing half of <see cref="SaveRun(Report)"/>: the run's id (from the store's clock), the report as
    /// JSON with the run id added, each distinct finding as JSON; nothing is written.</summary>
    public PreparedRun PrepareRun(Report report)
    {
        var created = clock.GetUtcNow();
        var id = "run-" + created.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        // the report as ReportJson.ToJson(report) with "run" added would print it, streamed: a large run's JSON tree would
        // be several times the size of its text (the 20,000-article check's peak memory was here)
        // the report's JSON is written on another core while the findings' rows are made here and then inserted (a large run's
        // store was the last thing left running, on one core, after the report files)
        var json = Task.Run(() =>
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var jw = new JsonTextWriter(text) { Formatting = Formatting.None })
                ReportJson.WriteTo(report, jw, w => { w.WritePropertyName("run"); w.WriteValue(id); });
            return text.ToString();
        });
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var findings = new List<(Finding, string)>();
        foreach (var f in report.Findings)
            if (seen.Add(f.Id)) findings.Add((f, FindingJson.ToLine(f with { Verdict = null, ReviewNote = null })));
        return new PreparedRun(id, created, report, json, findings);
    }

    /// <summary>Stores a prepared run in one transaction; returns its id.</summary>
    public string SaveRun(PreparedRun run) => SaveRun(run, null)!;

    /// <summary>Stores a prepared run in one transaction that is committed only when <paramref name="commit"/> (asked once its
    /// rows are written; it may wait, e.g. on the report writers) says so, else rolled back; returns the run's id, or null
    /// when it was rolled back.</summary>
    public string? SaveRun(PreparedRun run, Func<bool>? commit)
    {
        try { return SaveRows(run, commit); }
        catch (RunWithdrawn) { return null; }
    }

    /// <summary>Thrown inside <see cref="SaveRun(PreparedRun, Func{bool})"/>'s transaction to roll it back.</summary>
    private sealed class RunWithdrawn : Exception;

    private string SaveRows(PreparedRun run, Func<bool>? commit)
    {
        var (id, created, report) = (run.Id, run.Created, run.Report);
        Write(tx =>
        {
            // one command per table, its parameters' values set for each row: the statement is parsed once, not once a row
            // (the 20,000-article check's rows took about 1.3 s of CPU on one core that way)
            int i = 0;
            using (var articles = new RowStatement(tx, "INSERT INTO articles (run_id, ord, id, ok, title, source, published, lang, url, error) VALUES (@r, @o, @id, @ok, @t, @s, @p, @l, @u, @e)",
                       "r", "o", "id", "ok", "t", "s", "p", "l", "u", "e"))
                foreach (var a in report.Articles)
                    articles.Run(id, i++, a.Id, a.Ok ? 1 : 0, a.Title, a.Source,
                        a.Published?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), a.Lang, a.Url, a.Error);
            i = 0;
            using (var findings = new RowStatement(tx, "INSERT INTO findings (run_id, id, ord, rule, severity, score, story, doc, source, body) VALUES (@r, @id, @o, @rule, @sev, @score, @story, @doc, @src, @b)",
                       "r", "id", "o", "rule", "sev", "score", "story", "doc", "src", "b"))
                foreach (var (f, body) in run.Findings)
                {
                    var e = f.Evidence.Count > 0 ? f.Evidence[0] : null;
                    findings.Run(id, f.Id, i++, f.Rule, f.Severity.ToString().ToLowerInvariant(), f.Score, StoryOf(f), e?.Doc, e?.Source, body);
                }
            // the run's own row last: its report's JSON was written meanwhile (the rows of the other tables are the same in any order)
            Exec(tx, "INSERT INTO runs (id, created, generated, article_count, finding_count, report) VALUES (@id, @c, @g, @a, @f, @r)",
                ("id", id), ("c", Iso(created)), ("g", report.Generated), ("a", report.Articles.Count(a => a.Ok)), ("f", report.Findings.Count),
                ("r", run.Json));
            if (commit is not null && !commit()) throw new RunWithdrawn();   // disposing the transaction rolls it back
            return 0;
        });
        return id;
    }

    /// <summary>Stored runs, newest first; the cluster's findings (<see cref="ClusterRunId"/>), when there are any, are one
    /// more run, placed by the time of the cluster's last story check.</summary>
    public IReadOnlyList<RunRecord> Runs()
    {
        var runs = Read(c => Query(c, "SELECT id, created, generated, article_count, finding_count FROM runs ORDER BY seq DESC", [], RunOf));
        if (ClusterRun() is not { } cluster) return runs;
        int at = runs.FindIndex(r => r.Created <= cluster.Created);
        runs.Insert(at < 0 ? runs.Count : at, cluster);
        return runs;
    }

    /// <summary>The newest run: the latest stored one, or the cluster's when its last story check is newer.</summary>
    public RunRecord? LatestRun()
    {
        var stored = Read(c => Query(c, "SELECT id, created, generated, article_count, finding_count FROM runs ORDER BY seq DESC LIMIT 1", [], RunOf)).FirstOrDefault();
        return ClusterRun() is { } cluster && (stored is null || cluster.Created > stored.Created) ? cluster : stored;
    }

    public RunRecord? GetRun(string id) => id == ClusterRunId ? ClusterRun()
        : Read(c => Query(c, "SELECT id, created, generated, article_count, finding_count FROM runs WHERE id = @id", [("id", id)], RunOf)).FirstOrDefault();

    /// <summary>The stored report.json of a run (with "run" added), or null for an unknown id.</summary>
    public JObject? RunReport(string id) => id == ClusterRunId ? ClusterRunReport()
        : Read(c => Query(c, "SELECT report FROM runs WHERE id = @id", [("id", id)], r => r.GetString(0))).FirstOrDefault() is { } s
        ? JObject.Parse(s) : null;

    /// <summary>The findings of a run in report order.</summary>
    public IReadOnlyList<StoredFinding> Findings(string runId) => runId == ClusterRunId ? ClusterRunFindings()
        : Read(c => Query(c, "SELECT run_id, body, story, ord FROM findings WHERE run_id = @r ORDER BY ord", [("r", runId)], FindingOf));

    /// <summary>A finding by id, from the latest run that has it, else from the cluster's findings.</summary>
    public StoredFinding? FindFinding(string findingId) =>
        Read(c => Query(c, "SELECT f.run_id, f.body, f.story, f.ord FROM findings f JOIN runs r ON r.id = f.run_id WHERE f.id = @id ORDER BY r.seq DESC LIMIT 1",
            [("id", findingId)], FindingOf)).FirstOrDefault() ?? ClusterFinding(findingId);

    private static RunRecord RunOf(DbDataReader r) => new(r.GetString(0), DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture),
        r.IsDBNull(2) ? null : r.GetString(2), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture));

    private static StoredFinding FindingOf(DbDataReader r) =>
        new(r.GetString(0), FindingJson.FromJson(JObject.Parse(r.GetString(1))), r.GetString(2), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture));

    // ---------------------------------------------------------------- decisions

    /// <summary>Records one decision in its own transaction; returns it with its Seq.</summary>
    public StoredDecision Record(StoredDecision d) => RecordAll([d])[0];

    /// <summary>Records decisions in one transaction (all or none); returns them with their Seq.</summary>
    public IReadOnlyList<StoredDecision> RecordAll(IReadOnlyList<StoredDecision> decisions) => Write(tx =>
    {
        var list = new List<StoredDecision>(decisions.Count);
        foreach (var d in decisions) list.Add(Insert(tx, d));
        return list;
    });

    private StoredDecision Insert(DbTransaction tx, StoredDecision d)
    {
        var features = new JObject(d.Features.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new JProperty(kv.Key, kv.Value))).ToString(Formatting.None);
        var seq = Convert.ToInt64(Scalar(tx,
            "INSERT INTO decisions (finding_id, rule, verdict, reviewer, time, note, fix, seen, features, undoes) VALUES (@id, @rule, @v, @who, @t, @note, @fix, @seen, @feat, @undoes) RETURNING seq",
            ("id", d.FindingId), ("rule", d.Rule), ("v", d.Verdict is { } v ? DecisionStore.VerdictName(v) : null), ("who", d.Reviewer), ("t", Iso(d.Time)),
            ("note", d.Note), ("fix", d.Fix), ("seen", d.Seen), ("feat", features), ("undoes", d.Undoes)), CultureInfo.InvariantCulture);
        return d with { Seq = seq };
    }

    /// <summary>Undoes the latest effective decision on a finding (by <paramref name="reviewer"/> when given): records an undo row.
    /// Returns the undo, or null when there is nothing to undo.</summary>
    public StoredDecision? Undo(string findingId, string reviewer, bool onlyOwn = false) => Write(tx =>
    {
        var history = Query(tx.Connection!, tx, "SELECT " + DecisionColumns + " FROM decisions WHERE finding_id = @id ORDER BY seq", [("id", findingId)], DecisionOf);
        var summary = DecisionSummary.Fold(findingId, history);
        var target = summary.Effective.LastOrDefault(d => !onlyOwn || d.Reviewer == reviewer);
        if (target is null) return null;
        return Insert(tx, new StoredDecision(findingId, target.Rule, null, reviewer, clock.GetLocalNow()) { Undoes = target.Seq });
    });

    /// <summary>Every decision row in history order, optionally of one finding.</summary>
    public IReadOnlyList<StoredDecision> History(string? findingId = null) => Read(c => findingId is null
        ? Query(c, "SELECT " + DecisionColumns + " FROM decisions ORDER BY seq", [], DecisionOf)
        : Query(c, "SELECT " + DecisionColumns + " FROM decisions WHERE finding_id = @id ORDER BY seq", [("id", findingId)], DecisionOf));

    /// <summary>Each decided finding's folded history.</summary>
    public IReadOnlyDictionary<string, DecisionSummary> Summaries() => History().GroupBy(d => d.FindingId, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => DecisionSummary.Fold(g.Key, g.ToList()), StringComparer.Ordinal);

    /// <summary>The latest effective decision of each finding, as the engine's <see cref="Decision"/> (for training).</summary>
    public IReadOnlyDictionary<string, Decision> Latest() => Summaries().Values
        .Where(s => s.Latest is not null).ToDictionary(s => s.FindingId, s => s.Latest!.ToDecision()!, StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, (Verdict verdict, string? note)> Load() =>
        Latest().ToDictionary(kv => kv.Key, kv => (kv.Value.Verdict, kv.Value.Note), StringComparer.Ordinal);

    private const string DecisionColumns = "seq, finding_id, rule, verdict, reviewer, time, note, fix, seen, features, undoes";

    private static StoredDecision DecisionOf(DbDataReader r)
    {
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (k, v) in JObject.Parse(r.GetString(9))) features[k] = v!.Value<double>();
        return new StoredDecision(r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : DecisionStore.ParseVerdict(r.GetString(3)), r.GetString(4),
            DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture))
        {
            Seq = Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture),
            Note = r.IsDBNull(6) ? null : r.GetString(6), Fix = r.IsDBNull(7) ? null : r.GetString(7), Seen = r.IsDBNull(8) ? null : r.GetString(8),
            Features = features, Undoes = r.IsDBNull(10) ? null : Convert.ToInt64(r.GetValue(10), CultureInfo.InvariantCulture),
        };
    }

    // ---------------------------------------------------------------- JSONL import and export

    /// <summary>The whole history as JSONL, one row a line (the decisions.jsonl fields plus seq, fix, seen, undoes).</summary>
    public string ExportJsonl()
    {
        var sb = new StringBuilder();
        foreach (var d in History()) sb.Append(d.ToJson().ToString(Formatting.None)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Imports a decisions JSONL file (the old data/labels format or an export) once: a file whose content was imported
    /// before is skipped. Bad lines are reported and skipped. Returns how many decisions were added, or null when skipped.</summary>
    public int? ImportJsonl(string path, Action<string>? warn = null)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { warn?.Invoke($"{path}: cannot read: {e.Message}"); return null; }
        var sha = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        var rows = new List<StoredDecision>();
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line)) continue;
            var (d, problem) = StoredDecision.Parse(line);
            if (d is null) warn?.Invoke($"{path}:{i + 1}: skipped: {problem}");
            else rows.Add(d);
        }
        return Write(tx =>
        {
            if (Query(tx.Connection!, tx, "SELECT 1 FROM imports WHERE sha256 = @s", [("s", sha)], r => 1).Count > 0) return (int?)null;
            // Seq numbers of an export are renumbered: an undo points at the new number of the row it cancelled.
            var map = new Dictionary<long, long>();
            var existing = Query(tx.Connection!, tx, "SELECT finding_id, reviewer, time, verdict FROM decisions", [],
                r => string.Join("\u001f", r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? "" : r.GetString(3))).ToHashSet(StringComparer.Ordinal);
            int added = 0;
            foreach (var d in rows)
            {
                // The same decision imported from another copy of the file (or a file that grew) is not added twice.
                if (!d.IsUndo && existing.Contains(string.Join("\u001f", d.FindingId, d.Reviewer, Iso(d.Time), DecisionStore.VerdictName(d.Verdict!.Value)))) continue;
                if (d.IsUndo && !map.ContainsKey(d.Undoes!.Value)) { warn?.Invoke($"{path}: undo of {d.Undoes} without its decision skipped"); continue; }
                var stored = Insert(tx, d with { Undoes = d.Undoes is { } u ? map[u] : null });
                if (d.Seq > 0) map[d.Seq] = stored.Seq;
                added++;
            }
            Exec(tx, "INSERT INTO imports (sha256, path, time, decisions) VALUES (@s, @p, @t, @n)", ("s", sha), ("p", Path.GetFullPath(path)), ("t", Now()), ("n", added));
            return (int?)added;
        });
    }

    // ---------------------------------------------------------------- plumbing

    private string Now() => Iso(clock.GetUtcNow());
    private static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    private DbConnection Connect()
    {
        DbConnection c = Kind == StoreKind.Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        c.Open();
        if (Kind == StoreKind.Sqlite)
            using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = "PRAGMA busy_timeout = 60000; PRAGMA synchronous = FULL;";
                cmd.ExecuteNonQuery();
            }
        return c;
    }

    private T Read<T>(Func<DbConnection, T> f)
    {
        try
        {
            using var c = Connect();
            return f(c);
        }
        catch (DbException e) { throw new StoreException($"{Describe}: {e.Message}", e); }
        catch (InvalidOperationException e) when (e is not StoreException) { throw new StoreException($"{Describe}: {e.Message}", e); }
    }

    /// <summary>Runs <paramref name="f"/> in one write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of deadlocking),
    /// retrying on a serialization failure or a busy database.</summary>
    private T Write<T>(Func<DbTransaction, T> f, bool migrating = false)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                using var c = Connect();
                if (migrating && Kind == StoreKind.Sqlite)
                    using (var wal = c.CreateCommand()) { wal.CommandText = "PRAGMA journal_mode = WAL"; wal.ExecuteScalar(); }
                using var tx = c.BeginTransaction();
                var result = f(tx);
                tx.Commit();
                return result;
            }
            catch (DbException e) when (attempt < 20 && Transient(e)) { Thread.Sleep(20 * attempt + Random.Shared.Next(20)); }
            catch (DbException e) { throw new StoreException($"{Describe}: {e.Message}", e); }
            catch (InvalidOperationException e) when (e is not StoreException) { throw new StoreException($"{Describe}: {e.Message}", e); }
        }
    }

    private static bool Transient(DbException e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        PostgresException p => p.SqlState is "40001" or "40P01",
        NpgsqlException n => n.IsTransient,
        _ => false,
    };

    private static DbCommand Command(DbConnection c, DbTransaction? tx, string sql, (string, object?)[] ps)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in ps)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    /// <summary>One statement run for many rows in a transaction: the command is made once and each row sets its parameters'
    /// values (given in the order of the names; null is stored as NULL), as <see cref="Exec"/> would for each row.</summary>
    private sealed class RowStatement : IDisposable
    {
        private readonly DbCommand cmd;

        public RowStatement(DbTransaction tx, string sql, params string[] names)
        {
            cmd = tx.Connection!.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            foreach (var name in names)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = "@" + name;
                cmd.Parameters.Add(p);
            }
        }

        public void Run(params object?[] values)
        {
            for (int k = 0; k < values.Length; k++) cmd.Parameters[k].Value = values[k] ?? DBNull.Value;
            cmd.ExecuteNonQuery();
        }

        public void Dispose() => cmd.Dispose();
    }

    private static void Exec(DbTransaction tx, string sql, params (string, object?)[] ps)
    {
        using var cmd = Command(tx.Connection!, tx, sql, ps);
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(DbTransaction tx, string sql, params (string, object?)[] ps)
    {
        using var cmd = Command(tx.Connection!, tx, sql, ps);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    private static List<T> Query<T>(DbConnection c, string sql, (string, object?)[] ps, Func<DbDataReader, T> map) => Query(c, null, sql, ps, map);

    private static List<T> Query<T>(DbConnection c, DbTransaction? tx, string sql, (string, object?)[] ps, Func<DbDataReader, T> map)
    {
        using var cmd = Command(c, tx, sql, ps);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }

    public void Dispose()
    {
        if (Kind == StoreKind.Sqlite) SqliteConnection.ClearAllPools();
    }
}

/// <summary>A database problem, with a message naming the store (never the password).</summary>
public sealed class StoreException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
