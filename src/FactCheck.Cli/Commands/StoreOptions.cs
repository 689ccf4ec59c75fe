using System.CommandLine;
using FactCheck.Store;

namespace FactCheck.Cli.Commands;

/// <summary>The --db option shared by check, review, train and serve, and opening the store it names.</summary>
public static class StoreOptions
{
    public static Option<string?> DbOption() => new("--db")
    {
        Description = "The store: an SQLite file path, or PostgreSQL as \"Host=...;Database=...\" or postgres://user@host/db " +
                      "(default $FACTCHECK_DB, else $XDG_DATA_HOME/factcheck/factcheck.db or ~/.local/share/factcheck/factcheck.db)",
    };

    /// <summary>Opens the store; on first use it imports the old decisions file (data/labels/decisions.jsonl) once.</summary>
    public static (FactStore? Store, string? Error) Open(string? db, TextWriter stderr)
    {
        var (store, error) = FactStore.Open(db);
        if (store is null) return (null, error);
        var legacy = Review.DecisionStore.DefaultPath;
        if (File.Exists(legacy))
        {
            try
            {
                if (store.ImportJsonl(legacy, w => stderr.WriteLine("warning: " + w)) is int n && n > 0)
                    stderr.WriteLine($"imported {n} decisions from {legacy} into {store.Describe}");
            }
            catch (StoreException e) { store.Dispose(); return (null, e.Message); }
        }
        return (store, null);
    }
}
