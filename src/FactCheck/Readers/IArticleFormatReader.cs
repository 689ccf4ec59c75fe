using FactCheck.Model;

namespace FactCheck.Readers;

/// <summary>Reads one file format (already decoded to text) into articles and diagnostics; never throws for bad input.</summary>
public interface IArticleFormatReader
{
    /// <summary>File extensions this reader handles, lower-case with the dot (".txt").</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>The articles in <paramref name="text"/>, which came from <paramref name="path"/>.</summary>
    ReadResult Read(string text, string path);
}
