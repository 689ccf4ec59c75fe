using Newtonsoft.Json.Linq;
using FactCheck.Lang;

namespace FactCheck.Temporal;

/// <summary>A language's temporal rules, compiled once from temporal.json.</summary>
public sealed class TemporalGrammar
{
    public string Lang { get; }
    private TemporalGrammar(string lang) { Lang = lang; }
    public static TemporalGrammar Parse(string lang, JObject json, string file, Lexicon lexicon) => new(lang);
}
