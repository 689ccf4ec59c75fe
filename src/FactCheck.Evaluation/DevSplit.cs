using System.Text;

namespace FactCheck.Evaluation;

/// <summary>
/// A deterministic split of evaluation items into a development half (looked at while writing rules) and a test half
/// (only measured): FNV-1a of the item's key (a document id, or a spec file and input), even hash = dev.
/// </summary>
public static class DevSplit
{
    public enum Half { Dev, Test }

    public static Half Of(string key)
    {
        uint h = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(key)) { h ^= b; h *= 16777619; }
        return (h & 1) == 0 ? Half.Dev : Half.Test;
    }

    public static bool IsDev(string key) => Of(key) == Half.Dev;

    /// <summary>Parses "dev", "test" or "all" (null) from a command-line option.</summary>
    public static Half? Parse(string? text) => text?.ToLowerInvariant() switch
    {
        "dev" => Half.Dev, "test" => Half.Test, null or "" or "all" or "both" => null,
        _ => throw new ArgumentException($"unknown half \"{text}\" (dev, test or all)"),
    };
}
