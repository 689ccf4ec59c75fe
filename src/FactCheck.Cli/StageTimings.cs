using System.Diagnostics;
using System.Globalization;

namespace FactCheck.Cli;

/// <summary>
/// Per-stage wall time, CPU time (all threads of the process), allocation and garbage-collection pauses, printed to stderr as "timing: STAGE ..." lines when
/// the environment variable FACTCHECK_TIMINGS is set (to anything but "0"): a profile of a whole run without a profiler. Off by
/// default, so no output changes.
/// </summary>
public sealed class StageTimings(TextWriter stderr)
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("FACTCHECK_TIMINGS") is { Length: > 0 } v && v != "0";

    private readonly Stopwatch wall = Stopwatch.StartNew();
    private TimeSpan lastWall, lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private long lastAlloc = GC.GetTotalAllocatedBytes();
    private TimeSpan lastPause = GC.GetTotalPauseDuration();
    private int lastGen0 = GC.CollectionCount(0), lastGen2 = GC.CollectionCount(2);

    /// <summary>Ends the current stage (started at the previous call or at construction) and prints it when enabled.</summary>
    public void Stage(string name)
    {
        if (!Enabled) return;
        var now = wall.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long alloc = GC.GetTotalAllocatedBytes();
        var pause = GC.GetTotalPauseDuration();
        int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
        double w = (now - lastWall).TotalSeconds, c = (cpu - lastCpu).TotalSeconds;
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timing: {name,-10} {w,7:0.000} s wall  {c,7:0.000} s cpu ({(w > 0 ? c / w : 0):0.00} cores)  {(alloc - lastAlloc) / 1e6,8:0.0} MB allocated  {GC.GetTotalMemory(false) / 1e6,7:0.0} MB heap  {Environment.WorkingSet / 1e6,7:0.0} MB rss  gc {(pause - lastPause).TotalSeconds:0.000} s paused, {gen0 - lastGen0} collections ({gen2 - lastGen2} gen2)"));
        lastWall = now; lastCpu = cpu; lastAlloc = alloc; lastPause = pause; lastGen0 = gen0; lastGen2 = gen2;
    }
}
