using System.Runtime.InteropServices;
using FactCheck.Checks;

namespace FactCheck.Output;

/// <summary>
/// Writes report.json, report.md, report.html (and claimreview.jsonld) into a folder as one set: every file is first written
/// into a staging folder beside the output folder (".NAME.factcheck-RUN"), which then takes the output folder's place in one
/// step (renameat2 RENAME_EXCHANGE on Linux; elsewhere two renames). So a run killed at any point leaves either the old set or
/// the new one, never report.json of one run beside report.html of another, and the staging folders of killed runs are
/// removed by the next run. Other files in the output folder are carried over. Evidence sentences are cut to a window
/// around their span first (<see cref="EvidenceWindow"/>), so a report grows with its findings, not with sentence length.
/// </summary>
public static class ReportWriter
{
    /// <summary>Called after the staging folder is complete and before the swap (tests use it to stand for a crash).</summary>
    public static Action<string>? BeforeSwap { get; set; }

    private static readonly string[] ownFiles = ["report.json", "report.md", "report.html", "claimreview.jsonld"];

    /// <summary>The paths written.</summary>
    public static IReadOnlyList<string> Write(Report report, string outDir, bool claimReview = false, ClaimReviewOptions? claimReviewOptions = null)
    {
        report = EvidenceWindow.Apply(report);
        var full = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full) ?? ".";
        var name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        RemoveStale(parent, name, full);
        var staging = Path.Combine(parent, $".{name}.factcheck-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        var names = new List<string>();
        try
        {
            void W(string file, string text)
            {
                File.WriteAllText(Path.Combine(staging, file), text, new System.Text.UTF8Encoding(false));
                names.Add(file);
            }
            // report.md and report.html are rendered and written on another core while report.json is streamed to its file
            // (the same bytes as ReportJson.Serialize, neither its text nor its JSON tree in memory); the report is only read
            var pages = Task.Run(() =>
            {
                // streamed to the files as they are rendered (the same bytes as File.WriteAllText of Render)
                using (var md = new StreamWriter(Path.Combine(staging, "report.md"), false, new System.Text.UTF8Encoding(false), 1 << 16))
                    ReportMarkdown.RenderTo(report, md);
                using (var html = new StreamWriter(Path.Combine(staging, "report.html"), false, new System.Text.UTF8Encoding(false), 1 << 16))
                    ReportHtml.RenderTo(report, html);
            });
            try
            {
                using (var file = new StreamWriter(Path.Combine(staging, "report.json"), false, new System.Text.UTF8Encoding(false), 1 << 16))
                {
                    using (var jw = new Newtonsoft.Json.JsonTextWriter(file) { Formatting = Newtonsoft.Json.Formatting.Indented, CloseOutput = false })
                        ReportJson.WriteTo(report, jw);
                    file.Write("\n");
                }
            }
            finally
            {
                // the pages' own failure (a full disk) is rethrown as it is; a failure of report.json wins when both failed
                try { pages.Wait(); }
                catch (AggregateException) { }
            }
            names.Add("report.json");
            pages.GetAwaiter().GetResult();
            names.Add("report.md");
            names.Add("report.html");
            if (claimReview) W("claimreview.jsonld", ClaimReviewJson.Serialize(report, claimReviewOptions ?? ClaimReviewOptions.FromEnvironment()));
            if (!Directory.Exists(full))
            {
                BeforeSwap?.Invoke(staging);
                Directory.Move(staging, full);
            }
            else if (Directory.GetDirectories(full).Length > 0 || IsCurrentDirectory(full) || new DirectoryInfo(full).LinkTarget is not null)
            {   // a folder with subfolders, the working folder or a symbolic link is not swapped: each file is replaced atomically instead
                BeforeSwap?.Invoke(staging);
                foreach (var f in names) File.Move(Path.Combine(staging, f), Path.Combine(full, f), overwrite: true);
                foreach (var old in ownFiles.Except(names)) File.Delete(Path.Combine(full, old));
            }
            else
            {
                foreach (var f in Directory.GetFiles(full))
                    if (!ownFiles.Contains(Path.GetFileName(f)) && !Path.GetFileName(f).StartsWith(".report", StringComparison.Ordinal))
                        File.Copy(f, Path.Combine(staging, Path.GetFileName(f)));
                BeforeSwap?.Invoke(staging);
                Swap(staging, full);
            }
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return names.Select(n => Path.Combine(outDir, n)).ToList();
    }

    private static bool IsCurrentDirectory(string full) =>
        string.Equals(Path.GetFullPath(Directory.GetCurrentDirectory()).TrimEnd(Path.DirectorySeparatorChar), full, StringComparison.Ordinal);

    /// <summary>Staging folders of runs that were killed (and temporary files of the old per-file writer).</summary>
    private static void RemoveStale(string parent, string name, string full)
    {
        try
        {
            foreach (var d in Directory.GetDirectories(parent, $".{name}.factcheck-*"))
                try { Directory.Delete(d, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            if (Directory.Exists(full))
                foreach (var f in Directory.GetFiles(full, ".report*.tmp"))
                    try { File.Delete(f); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int renameat2(int olddirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, int newdirfd,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath, uint flags);

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    /// <summary>Exchanges the staging folder with the output folder (afterwards the staging path holds the old set).</summary>
    private static void Swap(string staging, string full)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                if (renameat2(AtFdCwd, staging, AtFdCwd, full, RenameExchange) == 0) return;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
        }
        // no atomic exchange here: move the old set aside, the new one in, and drop the old one
        var aside = staging + ".old";
        Directory.Move(full, aside);
        Directory.Move(staging, full);
        Directory.Move(aside, staging);
    }
}

/// <summary>Cuts each evidence sentence to a window around its span (whole words), so a report on one
/// very long sentence with many findings stays linear in size. Offsets stay true: SentenceStart is the window's start.</summary>
public static class EvidenceWindow
{
    /// <summary>Characters of context kept on each side of the span.</summary>
    public const int Radius = 240;

    public static Report Apply(Report r)
    {
        bool any = false;
        foreach (var f in r.Findings)
            foreach (var e in f.Evidence)
                if (e.Sentence is { Length: > 2 * Radius }) { any = true; break; }
        if (!any) return r;
        return r with { Findings = r.Findings.Select(f => f.Evidence.Any(e => e.Sentence is { Length: > 2 * Radius }) ? f with { Evidence = f.Evidence.Select(Cut).ToList() } : f).ToList() };
    }

    /// <summary>The evidence with its sentence cut to at most <see cref="Radius"/> characters either side of the span.</summary>
    public static Evidence Cut(Evidence e)
    {
        if (e.Sentence is not { } s || s.Length <= 2 * Radius) return e;
        int spanStart = Math.Clamp(e.Start - e.SentenceStart, 0, s.Length), spanEnd = Math.Clamp(e.End - e.SentenceStart, spanStart, s.Length);
        int a = Math.Max(0, spanStart - Radius), b = Math.Min(s.Length, spanEnd + Radius);
        // whole words: move the cuts to the nearest space inside the window
        if (a > 0) { int sp = s.IndexOf(' ', a, Math.Max(0, spanStart - a)); if (sp >= 0) a = sp + 1; }
        if (b < s.Length) { int sp = s.LastIndexOf(' ', b - 1, Math.Max(0, b - spanEnd)); if (sp >= spanEnd) b = sp; }
        if (a == 0 && b == s.Length) return e;
        return e with { Sentence = s[a..b], SentenceStart = e.SentenceStart + a };
    }
}
