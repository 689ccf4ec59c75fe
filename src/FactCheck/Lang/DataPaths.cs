namespace FactCheck.Lang;

/// <summary>Finds the project's folders independently of the working folder: the data folder (language rules, lexicons) that
/// ships beside the binaries, and the FactCheck home (models/triage, data/labels).</summary>
public static class DataPaths
{
    private static readonly Lazy<string> root = new(FindRoot);
    private static readonly Lazy<string> home = new(FindHome);

    /// <summary>The data folder: $FACTCHECK_DATA if set, else the data/ copied next to the assembly, else data/ above it.</summary>
    public static string Root => root.Value;

    /// <summary>The FactCheck home, holding models/triage and data/labels: $FACTCHECK_HOME if set, else the nearest folder above the
    /// program that has data/lang and models/triage/model.zip (the repository), else one with data/lang and models/, else the program's folder.</summary>
    public static string Home => home.Value;

    public static string Lang(string lang) => Path.Combine(Root, "lang", lang);

    /// <summary>data/labels/decisions.jsonl under the home.</summary>
    public static string DecisionsFile => Path.Combine(Home, "data", "labels", "decisions.jsonl");

    /// <summary>data/labels/bootstrap.jsonl under the home.</summary>
    public static string BootstrapFile => Path.Combine(Home, "data", "labels", "bootstrap.jsonl");

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

    private static string FindHome()
    {
        var env = Environment.GetEnvironmentVariable("FACTCHECK_HOME");
        if (!string.IsNullOrEmpty(env)) return Path.GetFullPath(env);
        // The repository (data/lang and a trained model) wins over a build output folder that holds copies of data/lang only.
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "data", "lang")) && File.Exists(Path.Combine(d.FullName, "models", "triage", "model.zip")))
                return d.FullName;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "data", "lang")) && Directory.Exists(Path.Combine(d.FullName, "models")))
                return d.FullName;
        return AppContext.BaseDirectory;
    }
}
