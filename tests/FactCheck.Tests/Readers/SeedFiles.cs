namespace FactCheck.Tests.Readers;

/// <summary>Paths of the repository's sample data, found by walking up from the test binaries.</summary>
internal static class SeedFiles
{
    private static readonly Lazy<string> repo = new(() =>
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "data", "articles", "parler"))) return d.FullName;
        throw new DirectoryNotFoundException("data/articles/parler not found above " + AppContext.BaseDirectory);
    });

    public static string Parler => Path.Combine(repo.Value, "data", "articles", "parler");
    public static string Seed000 => Path.Combine(Parler, "000_c99a39fa54da3e18.txt");
    public static string Seed003 => Path.Combine(Parler, "003_fed5c5e60128165f.txt");
}

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fc-readers-" + Guid.NewGuid().ToString("N"));
    public TempDir() => Directory.CreateDirectory(Path);
    public string Write(string name, string text) { var p = File(name); System.IO.File.WriteAllText(p, text); return p; }
    public string Write(string name, byte[] bytes) { var p = File(name); System.IO.File.WriteAllBytes(p, bytes); return p; }
    public string File(string name) { var p = System.IO.Path.Combine(Path, name); Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!); return p; }
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}
