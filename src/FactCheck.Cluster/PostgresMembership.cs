using System.Globalization;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using Microsoft.Extensions.Options;

namespace FactCheck.Cluster;

/// <summary>
/// Orleans membership in the team store's PostgreSQL database: one row per silo (the entry serialized by Orleans, with an
/// etag and its I-am-alive time) and one version row per cluster, changed only under the etags Orleans read, in one
/// transaction each (SELECT ... FOR UPDATE). The tables are created at start, idempotently (CREATE TABLE IF NOT EXISTS under
/// an advisory lock, so silos starting together do not race).
/// </summary>
public sealed class PostgresMembership(string connectionString, IOptions<ClusterOptions> cluster, Serializer serializer) : IMembershipTable
{
    private readonly string clusterId = cluster.Value.ClusterId;

    /// <summary>Creates the membership tables when they are missing (safe to run from many processes at once).</summary>
    public static async Task CreateTables(string connectionString)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var tx = await c.BeginTransactionAsync();
        await Exec(c, tx, "SELECT pg_advisory_xact_lock(72100511)");
        await Exec(c, tx, "CREATE TABLE IF NOT EXISTS orleans_membership_version (cluster_id TEXT PRIMARY KEY, version INTEGER NOT NULL, etag INTEGER NOT NULL)");
        await Exec(c, tx, "CREATE TABLE IF NOT EXISTS orleans_membership (cluster_id TEXT NOT NULL, address TEXT NOT NULL, etag INTEGER NOT NULL, " +
                          "status INTEGER NOT NULL, iamalive TIMESTAMPTZ NOT NULL, entry BYTEA NOT NULL, PRIMARY KEY (cluster_id, address))");
        await tx.CommitAsync();
    }

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        await CreateTables(connectionString);
        if (!tryInitTableVersion) return;
        await using var c = await Open();
        await Exec(c, null, "INSERT INTO orleans_membership_version (cluster_id, version, etag) VALUES (@c, 0, 0) ON CONFLICT (cluster_id) DO NOTHING", ("c", clusterId));
    }

    public async Task DeleteMembershipTableEntries(string id)
    {
        await using var c = await Open();
        await Exec(c, null, "DELETE FROM orleans_membership WHERE cluster_id = @c", ("c", id));
        await Exec(c, null, "DELETE FROM orleans_membership_version WHERE cluster_id = @c", ("c", id));
    }

    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        await using var c = await Open();
        await Exec(c, null, "DELETE FROM orleans_membership WHERE cluster_id = @c AND status = @s AND iamalive < @t",
            ("c", clusterId), ("s", (int)SiloStatus.Dead), ("t", beforeDate.UtcDateTime));
    }

    public Task<MembershipTableData> ReadRow(SiloAddress key) => Read(key);

    public Task<MembershipTableData> ReadAll() => Read(null);

    private async Task<MembershipTableData> Read(SiloAddress? key)
    {
        await using var c = await Open();
        await using var tx = await c.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var version = new TableVersion(0, "0");
        await using (var cmd = Command(c, tx, "SELECT version, etag FROM orleans_membership_version WHERE cluster_id = @c", ("c", clusterId)))
        await using (var r = await cmd.ExecuteReaderAsync())
            if (await r.ReadAsync()) version = new TableVersion(r.GetInt32(0), r.GetInt32(1).ToString(CultureInfo.InvariantCulture));
        var rows = new List<Tuple<MembershipEntry, string>>();
        await using (var cmd = key is null
            ? Command(c, tx, "SELECT entry, etag FROM orleans_membership WHERE cluster_id = @c", ("c", clusterId))
            : Command(c, tx, "SELECT entry, etag FROM orleans_membership WHERE cluster_id = @c AND address = @a", ("c", clusterId), ("a", key.ToParsableString())))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync())
                rows.Add(Tuple.Create(serializer.Deserialize<MembershipEntry>((byte[])r.GetValue(0))!, r.GetInt32(1).ToString(CultureInfo.InvariantCulture)));
        await tx.CommitAsync();
        return new MembershipTableData(rows, version);
    }

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => Change(entry, null, tableVersion);

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => Change(entry, etag, tableVersion);

    /// <summary>Inserts (etag null) or updates a silo's row and sets the table version, only when the version row and the
    /// silo's row still have the etags Orleans read.</summary>
    private async Task<bool> Change(MembershipEntry entry, string? etag, TableVersion tableVersion)
    {
        await using var c = await Open();
        await using var tx = await c.BeginTransactionAsync();
        int? versionEtag = null;
        await using (var cmd = Command(c, tx, "SELECT etag FROM orleans_membership_version WHERE cluster_id = @c FOR UPDATE", ("c", clusterId)))
            if (await cmd.ExecuteScalarAsync() is int e) versionEtag = e;
        if (versionEtag is null || versionEtag.Value.ToString(CultureInfo.InvariantCulture) != tableVersion.VersionEtag) return false;
        var address = entry.SiloAddress.ToParsableString();
        int? rowEtag = null;
        await using (var cmd = Command(c, tx, "SELECT etag FROM orleans_membership WHERE cluster_id = @c AND address = @a FOR UPDATE", ("c", clusterId), ("a", address)))
            if (await cmd.ExecuteScalarAsync() is int e) rowEtag = e;
        var bytes = serializer.SerializeToArray(entry);
        if (etag is null)
        {
            if (rowEtag is not null) return false;
            await Exec(c, tx, "INSERT INTO orleans_membership (cluster_id, address, etag, status, iamalive, entry) VALUES (@c, @a, 0, @s, @t, @e)",
                ("c", clusterId), ("a", address), ("s", (int)entry.Status), ("t", entry.IAmAliveTime.ToUniversalTime()), ("e", bytes));
        }
        else
        {
            if (rowEtag is null || rowEtag.Value.ToString(CultureInfo.InvariantCulture) != etag) return false;
            await Exec(c, tx, "UPDATE orleans_membership SET etag = etag + 1, status = @s, iamalive = @t, entry = @e WHERE cluster_id = @c AND address = @a",
                ("c", clusterId), ("a", address), ("s", (int)entry.Status), ("t", entry.IAmAliveTime.ToUniversalTime()), ("e", bytes));
        }
        await Exec(c, tx, "UPDATE orleans_membership_version SET version = @v, etag = etag + 1 WHERE cluster_id = @c", ("c", clusterId), ("v", tableVersion.Version));
        await tx.CommitAsync();
        return true;
    }

    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        await using var c = await Open();
        await using var tx = await c.BeginTransactionAsync();
        var address = entry.SiloAddress.ToParsableString();
        byte[]? stored = null;
        await using (var cmd = Command(c, tx, "SELECT entry FROM orleans_membership WHERE cluster_id = @c AND address = @a FOR UPDATE", ("c", clusterId), ("a", address)))
            stored = await cmd.ExecuteScalarAsync() as byte[];
        if (stored is null) return;
        var current = serializer.Deserialize<MembershipEntry>(stored)!;
        current.IAmAliveTime = entry.IAmAliveTime;
        await Exec(c, tx, "UPDATE orleans_membership SET iamalive = @t, entry = @e WHERE cluster_id = @c AND address = @a",
            ("c", clusterId), ("a", address), ("t", entry.IAmAliveTime.ToUniversalTime()), ("e", serializer.SerializeToArray(current)));
        await tx.CommitAsync();
    }

    private async Task<NpgsqlConnection> Open()
    {
        var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        return c;
    }

    private static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string, object)[] ps)
    {
        var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var (n, v) in ps) cmd.Parameters.AddWithValue(n, v);
        return cmd;
    }

    private static async Task Exec(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string, object)[] ps)
    {
        await using var cmd = Command(c, tx, sql, ps);
        await cmd.ExecuteNonQueryAsync();
    }
}
