using System.Globalization;
using FactCheck.Model;

namespace FactCheck.Tests;

/// <summary>Helpers shared by tests: paths into the repository and small article builders.</summary>
internal static class TestData
{
    /// <summary>The repository root (the folder holding FactCheck.sln).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>../shared/eval beside the repository, or null when it is not there.</summary>
    public static string? EvalDir
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("FACTCHECK_EVAL");
            if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
            for (var d = new DirectoryInfo(RepoRoot); d is not null; d = d.Parent)
            {
                var p = Path.Combine(d.FullName, "shared", "eval");
                if (Directory.Exists(p)) return p;
            }
            return null;
        }
    }

    /// <summary>A folder or file under ../shared/eval; when it is missing the test is ignored, or fails under CI=true
    /// (in CI the measurements must run, not silently skip).</summary>
    public static string RequireEval(string relative)
    {
        var path = EvalDir is { } e ? Path.Combine(e, relative) : null;
        if (path is not null && (File.Exists(path) || Directory.Exists(path))) return path;
        var message = $"../shared/eval/{relative} not present";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
        Assert.Ignore(message);
        return "";
    }

    public static string Path2(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    /// <summary>An article with the given text, language and reference date (yyyy-MM-dd, midnight UTC+7).</summary>
    public static Article Article(string text, string lang, string? reference, string id = "t") => new()
    {
        Id = id, Text = text, Lang = lang,
        Published = reference is null ? null
            : new DateTimeOffset(DateTime.ParseExact(reference, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddHours(12), TimeSpan.FromHours(7)),
        Origin = new Origin("test"),
    };

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "FactCheck.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("FactCheck.sln not found above " + AppContext.BaseDirectory);
    }
}
