using Npgsql;

namespace FactCheck.Tests;

/// <summary>Services some tests need (PostgreSQL, Chromium): in CI (CI=true) a missing service fails the test; locally it is skipped.</summary>
internal static class Services
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails in CI, skips locally.</summary>
    public static void Missing(string what)
    {
        if (InCi) Assert.Fail($"{what} is required in CI but missing");
        Assert.Ignore($"{what} not available (set it up as .ci/run does)");
    }

    /// <summary>A fresh, empty PostgreSQL database on the server named by FACTCHECK_TEST_PG; returns its connection string.</summary>
    public static string NewPostgresDatabase()
    {
        var server = Environment.GetEnvironmentVariable("FACTCHECK_TEST_PG");
        if (string.IsNullOrEmpty(server)) Missing("PostgreSQL (FACTCHECK_TEST_PG)");
        var name = "fc_test_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            using var c = new NpgsqlConnection(server);
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {name}";
            cmd.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            Missing($"PostgreSQL at FACTCHECK_TEST_PG ({e.Message})");
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>A store location of the given kind: a new SQLite file in <paramref name="dir"/>, or a new PostgreSQL database.</summary>
    public static string NewStore(string kind, string dir) => kind == "sqlite" ? Path.Combine(dir, "data", "factcheck.db") : NewPostgresDatabase();

    /// <summary>The built CLI (factcheck.dll beside the tests).</summary>
    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "factcheck.dll");
}
