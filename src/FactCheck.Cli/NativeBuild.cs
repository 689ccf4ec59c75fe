using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FactCheck.Cli;

/// <summary>
/// The installed `factcheck` is this same program compiled ahead of time (native AOT, scripts/install.sh): it starts in about a
/// tenth of the time of the JIT build and runs the engine commands (extract, stories, eval) itself. The commands that need
/// what native code cannot run, the triage model (ML.NET: check, train) and the review server and store (serve, review), are
/// handed to the JIT build of the same program, installed beside it in jit/, which replaces this process (execv): same
/// arguments, environment, standard streams and exit code. A JIT build (dotnet run, the tests) runs everything itself.
/// </summary>
public static class NativeBuild
{
    /// <summary>The commands a native build runs itself; every other command goes to the JIT build.</summary>
    public static readonly IReadOnlySet<string> NativeCommands = new HashSet<string>(StringComparer.Ordinal) { "extract", "stories", "eval" };

    /// <summary>True in a native AOT build (no dynamic code).</summary>
    public static bool IsNative => !RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>Where the JIT build is: $FACTCHECK_JIT, else jit/factcheck beside this program.</summary>
    public static string JitPath =>
        Environment.GetEnvironmentVariable("FACTCHECK_JIT") is { Length: > 0 } env ? env
            : Path.Combine(AppContext.BaseDirectory, "jit", OperatingSystem.IsWindows() ? "factcheck.exe" : "factcheck");

    /// <summary>True when these arguments name a command (the first argument) that the native build hands on; help, version and
    /// usage errors without a command stay here.</summary>
    public static bool HandsOn(string[] args) => IsNative && NeedsJit(args);

    /// <summary>The eval subcommands that need the JIT build: `eval inject` checks with the triage model (ML.NET), which the
    /// native build failed to load ("not a triage model: ... missing native code").</summary>
    public static readonly IReadOnlySet<string> JitEvalCommands = new HashSet<string>(StringComparer.Ordinal) { "inject" };

    /// <summary>True when these arguments name a command the native build cannot run itself (whatever build this is).</summary>
    public static bool NeedsJit(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-')
        && (!NativeCommands.Contains(args[0]) || args[0] == "eval" && args.Length > 1 && JitEvalCommands.Contains(args[1]));

    /// <summary>Runs the JIT build with the same arguments and returns its exit code (on Unix this process is replaced and
    /// does not return unless the exec fails).</summary>
    public static int RunJit(string[] args, TextWriter stderr)
    {
        var jit = JitPath;
        if (!File.Exists(jit))
        {
            stderr.WriteLine($"error: `factcheck {args[0]}` needs the full build, not found at {jit}; reinstall with scripts/install.sh " +
                "or run `dotnet run -c Release --project src/FactCheck.Cli --` from the repository");
            return ExitCodes.WriteFailed;
        }
        if (!OperatingSystem.IsWindows()) Exec(jit, args);
        // exec failed (or Windows): run it as a child with the same standard streams
        var start = new ProcessStartInfo(jit) { UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }

    private static unsafe void Exec(string path, string[] args)
    {
        var argv = new IntPtr[args.Length + 2];
        argv[0] = Marshal.StringToCoTaskMemUTF8(path);
        for (int i = 0; i < args.Length; i++) argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
        Console.Out.Flush(); Console.Error.Flush();
        fixed (IntPtr* p = argv) execv(argv[0], p);
        foreach (var a in argv) if (a != IntPtr.Zero) Marshal.FreeCoTaskMem(a);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern unsafe int execv(IntPtr path, IntPtr* argv);
}
