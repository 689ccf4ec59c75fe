using System.Diagnostics;
using System.Globalization;

namespace FactCheck.Cli;

/// <summary>
/// Per-stage wall time, CPU time (all threads of the process) and allocation, printed to stderr as "timing: STAGE ..." lines when
/// the environment variable FACTCHECK_TIMINGS is set (to anything but "0"): a profile of a whole run without a profiler. Off by
/// default, so no output changes.
/// </summary>
public sealed class StageTimings(TextWriter stderr)
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("FACTCHECK_TIMINGS") is { Length: > 0 } v && v != "0";

    private readonly Stopwatch wall = Stopwatch.StartNew();
    private TimeSpan lastWall, lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private long lastAlloc = GC.GetTotalAllocatedBytes();

    /// <summary>Ends the current stage (started at the previous call or at construction) and prints it when enabled.</summary>
    public void Stage(string name)
    {
        if (!Enabled) return;
        var now = wall.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long alloc = GC.GetTotalAllocatedBytes();
        double w = (now - lastWall).TotalSeconds, c = (cpu - lastCpu).TotalSeconds;
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timing: {name,-10} {w,7:0.000} s wall  {c,7:0.000} s cpu ({(w > 0 ? c / w : 0):0.00} cores)  {(alloc - lastAlloc) / 1e6,8:0.0} MB allocated  {GC.GetTotalMemory(false) / 1e6,7:0.0} MB heap  {Environment.WorkingSet / 1e6,7:0.0} MB rss"));
        lastWall = now; lastCpu = cpu; lastAlloc = alloc;
    }
}
