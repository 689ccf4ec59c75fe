using System.Buffers;

namespace FactCheck.Text;

/// <summary>Lower-casing into a buffer as <see cref="MemoryExtensions.ToLowerInvariant"/> does, an ASCII word without the
/// invariant-globalization build's Unicode table lookup per character (the word counts and lexicon lookups lower every
/// word of a story).</summary>
public static class Lower
{
    /// <summary><paramref name="source"/> lowered (invariant) into <paramref name="destination"/>: how many characters were
    /// written, or -1 when the destination is too small, as ToLowerInvariant.</summary>
    public static int Invariant(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (source.Length > destination.Length) return -1;
        if (System.Text.Ascii.ToLower(source, destination, out int written) == OperationStatus.Done) return written;
        return source.ToLowerInvariant(destination);
    }
}
