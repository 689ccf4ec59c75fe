using System.Reflection;
using FactCheck.Cluster;
using Npgsql;

namespace FactCheck.Tests.Cluster;

/// <summary>Our PostgreSQL script for Orleans' ADO.NET clustering and reminder providers: it applies twice (and from
/// several processes at once) without error, and stores a query under every key the 10.4.2 providers require (the
/// providers' own list, read from their assemblies) and under the one optional key they read.</summary>
[TestFixture, NonParallelizable]
public class ClusterSchemaTests
{
    /// <summary>The query keys a provider assembly requires: the properties of its internal DbStoredQueries.</summary>
    private static IEnumerable<string> RequiredKeys(Assembly provider, string ns) =>
        provider.GetType(ns + ".DbStoredQueries", throwOnError: true)!
            .GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Select(p => p.Name);

    [Test]
    public async Task ScriptAppliesAgainAndHoldsEveryQueryTheProvidersRead()
    {
        var db = Services.NewPostgresDatabase();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => ClusterSchema.Apply(db))));
        ClusterSchema.Apply(db);

        var clustering = typeof(Orleans.Runtime.MembershipService.AdoNetClusteringTable).Assembly;
        var reminders = typeof(Orleans.Configuration.AdoNetReminderTableOptions).Assembly;
        var required = RequiredKeys(clustering, "Orleans.Clustering.AdoNet.Storage")
            .Concat(RequiredKeys(reminders, "Orleans.Reminders.AdoNet.Storage")).ToHashSet(StringComparer.Ordinal);
        Assert.That(required, Has.Member("InsertMembershipKey").And.Member("UpsertReminderRowKey"));

        using var c = new NpgsqlConnection(db);
        c.Open();
        var stored = new List<string>();
        using (var cmd = new NpgsqlCommand("SELECT QueryKey, QueryText FROM OrleansQuery", c))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) stored.Add(r.GetString(0));
        Assert.That(stored, Is.SupersetOf(required));
        // beside the required ones, the key the 10.4.2 clustering assembly also names (GetCleanupDefunctSiloEntryQuery: one
        // dead silo's row removed only if unchanged since read) without listing it as required
        Assert.That(stored.Except(required), Is.EquivalentTo(new[] { "CleanupDefunctSiloEntryKey" }));
    }
}
