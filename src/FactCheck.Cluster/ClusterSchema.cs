using Npgsql;

namespace FactCheck.Cluster;

/// <summary>
/// The PostgreSQL tables and queries of Orleans' ADO.NET clustering and reminder providers (Sql/orleans-postgres.sql,
/// our own script, embedded in this assembly): applied at every silo start, idempotently, in one transaction under an
/// advisory lock (silos starting together wait for each other; a newer script replaces the stored query texts).
/// </summary>
public static class ClusterSchema
{
    public const string ScriptName = "FactCheck.Cluster.Sql.orleans-postgres.sql";
    private const long Lock = 72100511;

    /// <summary>The script as shipped.</summary>
    public static string Script()
    {
        using var s = typeof(ClusterSchema).Assembly.GetManifestResourceStream(ScriptName)
            ?? throw new InvalidOperationException($"{ScriptName} is not embedded in {typeof(ClusterSchema).Assembly.GetName().Name}");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    /// <summary>The connection string the providers get: the store's, with the session in UTC (the providers bind DateTime
    /// in UTC against timestamptz columns).</summary>
    public static string ProviderConnectionString(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Timezone = "UTC" }.ConnectionString;

    /// <summary>Creates or updates the tables, functions and queries (safe to run from many processes at once).</summary>
    public static void Apply(string connectionString)
    {
        using var c = new NpgsqlConnection(ProviderConnectionString(connectionString));
        c.Open();
        using var tx = c.BeginTransaction();
        using (var l = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({Lock})", c, tx)) l.ExecuteNonQuery();
        // the script's NOTICEs (a table to drop that is not there) are not errors
        using (var cmd = new NpgsqlCommand(Script(), c, tx)) cmd.ExecuteNonQuery();
        tx.Commit();
    }
}
