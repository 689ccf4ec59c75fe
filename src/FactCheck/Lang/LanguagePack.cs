using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;
using FactCheck.Quantities;
using FactCheck.Temporal;

namespace FactCheck.Lang;

/// <summary>Everything FactCheck knows about one language, loaded once from data/lang/&lt;lang&gt;/.</summary>
public sealed class LanguagePack
{
    private static readonly ConcurrentDictionary<string, Lazy<LanguagePack>> cache = new(StringComparer.OrdinalIgnoreCase);

    public string Lang { get; }
    public string Folder { get; }
    public Lexicon Lexicon { get; }
    public TemporalGrammar Temporal { get; }
    /// <summary>Quantity, money and percent rules from quantity.json (no rules when the language has no such file).</summary>
    public QuantityGrammar Quantity { get; }

    private LanguagePack(string lang, string folder)
    {
        Lang = lang;
        Folder = folder;
        Lexicon = Lexicon.Parse(ReadJson(Path.Combine(folder, "lexicon.json")), Path.Combine(folder, "lexicon.json"));
        var temporalFile = Path.Combine(folder, "temporal.json");
        Temporal = TemporalGrammar.Parse(lang, ReadJson(temporalFile), temporalFile, Lexicon);
        var quantityFile = Path.Combine(folder, "quantity.json");
        Quantity = File.Exists(quantityFile)
            ? QuantityGrammar.Parse(lang, ReadJson(quantityFile), quantityFile, Lexicon)
            : QuantityGrammar.Empty(lang, Lexicon);
    }

    /// <summary>Languages that have a folder under data/lang.</summary>
    public static IReadOnlyList<string> Available() =>
        Directory.Exists(Path.Combine(DataPaths.Root, "lang"))
            ? Directory.GetDirectories(Path.Combine(DataPaths.Root, "lang")).Select(Path.GetFileName).OfType<string>().Order().ToList()
            : [];

    /// <summary>The pack for a language code; throws when the language has no data folder.</summary>
    public static LanguagePack Get(string lang) =>
        cache.GetOrAdd(lang, l => new Lazy<LanguagePack>(() => Load(l))).Value;

    /// <summary>The pack for an article's language; an unknown language is read as English, with a warning in <paramref name="diagnostics"/>.</summary>
    public static LanguagePack For(FactCheck.Model.Article article, List<FactCheck.Model.Diagnostic> diagnostics)
    {
        try { return Get(article.Lang); }
        catch (ArgumentException)
        {
            diagnostics.Add(FactCheck.Model.Diagnostic.Warning(article.Origin, $"document {article.Id}: no rules for language \"{article.Lang}\", read as English"));
            return Get("en");
        }
    }

    private static LanguagePack Load(string lang)
    {
        var folder = DataPaths.Lang(lang);
        if (!Directory.Exists(folder)) throw new ArgumentException($"no language data for \"{lang}\" (looked in {folder})");
        return new LanguagePack(lang, folder);
    }

    internal static JObject ReadJson(string path)
    {
        try { return JObject.Parse(File.ReadAllText(path)); }
        catch (Newtonsoft.Json.JsonReaderException e) { throw new FormatException($"{path}:{e.LineNumber}: {e.Message}", e); }
    }
}
