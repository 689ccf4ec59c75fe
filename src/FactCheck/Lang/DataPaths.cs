namespace FactCheck.Lang;

/// <summary>Finds the project's data folder (language rules, lexicons) that ships beside the binaries.</summary>
public static class DataPaths
{
    private static readonly Lazy<string> root = new(FindRoot);

    /// <summary>The data folder: $FACTCHECK_DATA if set, else the data/ copied next to the assembly, else data/ above it.</summary>
    public static string Root => root.Value;

    public static string Lang(string lang) => Path.Combine(Root, "lang", lang);

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("FACTCHECK_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        for (var d = dir; d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "data");
            if (Directory.Exists(Path.Combine(candidate, "lang"))) return candidate;
        }
        throw new DirectoryNotFoundException($"FactCheck data folder (data/lang) not found from {AppContext.BaseDirectory}; set FACTCHECK_DATA");
    }
}
