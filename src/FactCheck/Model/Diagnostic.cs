namespace FactCheck.Model;

/// <summary>How serious a diagnostic is: an error means something in the input could not be processed.</summary>
public enum DiagnosticLevel { Warning, Error }

/// <summary>A message about the input, naming the file and line it concerns.</summary>
public sealed record Diagnostic(DiagnosticLevel Level, Origin Origin, string Message)
{
    public override string ToString() => $"{(Level == DiagnosticLevel.Error ? "error" : "warning")}: {Origin}: {Message}";

    public static Diagnostic Error(Origin origin, string message) => new(DiagnosticLevel.Error, origin, message);
    public static Diagnostic Warning(Origin origin, string message) => new(DiagnosticLevel.Warning, origin, message);
}

/// <summary>What reading some input produced: the articles that could be read and diagnostics for the rest.</summary>
public sealed record ReadResult(IReadOnlyList<Article> Articles, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Level == DiagnosticLevel.Error);
    public static ReadResult Empty { get; } = new([], []);
    public static ReadResult Failed(Diagnostic d) => new([], [d]);
    public static ReadResult Of(Article a) => new([a], []);
}
