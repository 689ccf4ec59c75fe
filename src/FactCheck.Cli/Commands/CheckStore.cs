using FactCheck.Checks;
using FactCheck.Output;
using FactCheck.Store;

namespace FactCheck.Cli.Commands;

/// <summary>What `check` does with the store: opens it (verdicts come from it) and stores the run.</summary>
public static class CheckStore
{
    /// <summary>The store of the request, or null (no --db, or the default store could not be opened: a warning).
    /// <paramref name="failed"/> is true when an explicitly given --db could not be opened.</summary>
    public static FactStore? Open(CheckCommand.CheckRequest req, TextWriter stderr, out bool failed)
    {
        failed = false;
        if (req.Db is null) return null;
        var (store, error) = StoreOptions.Open(req.Db, stderr);
        if (store is not null) return store;
        if (req.DbGiven) { stderr.WriteLine("error: " + error); failed = true; }
        else stderr.WriteLine($"warning: {error}; the run is not stored");
        return null;
    }

    /// <summary>The ClaimReview settings (from the environment), dated by when each finding was confirmed in the store.</summary>
    public static ClaimReviewOptions ClaimReviewOptions(FactStore? store)
    {
        var options = Output.ClaimReviewOptions.FromEnvironment();
        if (store is null) return options;
        IReadOnlyDictionary<string, DecisionSummary>? summaries = null;
        DecisionSummary? Of(Finding f)
        {
            try { summaries ??= store.Summaries(); }
            catch (StoreException) { summaries = new Dictionary<string, DecisionSummary>(); }
            return summaries.GetValueOrDefault(f.Id);
        }
        return options with { ReviewedAt = f => Of(f)?.Latest?.Time, ChosenFix = f => Of(f)?.Latest?.Fix };
    }

    /// <summary>Starts storing the run on another core, beside the report writers: its JSON is made
    /// (<see cref="FactStore.PrepareRun"/>) and its rows are written in one transaction, which is committed only once
    /// <paramref name="reportsWritten"/> is true (rolled back when false: a run whose reports failed is not stored);
    /// null without a store. The task's result is the run's id, or null when it was rolled back.</summary>
    public static Task<string?>? Start(FactStore? store, Report report, Task<bool> reportsWritten) =>
        store is null ? null : Task.Run(() => store.SaveRun(store.PrepareRun(report), () => reportsWritten.GetAwaiter().GetResult()));

    /// <summary>Waits for the run started by <see cref="Start"/> to be stored and says so; false (with a message) when that
    /// failed.</summary>
    public static bool Save(FactStore? store, Task<string?>? storing, TextWriter stdout, TextWriter stderr)
    {
        if (store is null || storing is null) return true;
        try
        {
            if (storing.GetAwaiter().GetResult() is { } id) stdout.WriteLine($"stored as {id} in {store.Describe}");
            return true;
        }
        catch (StoreException e)
        {
            stderr.WriteLine("error: cannot store the run: " + e.Message);
            return false;
        }
    }
}
