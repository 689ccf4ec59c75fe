using System.Collections.Concurrent;
using FactCheck.Lang;
using FactCheck.Text.Patterns;
using Newtonsoft.Json.Linq;

namespace FactCheck.Claims;

/// <summary>How the entities around a predicate map to its relation.</summary>
public enum Roles
{
    /// <summary>Before = subject, after = object ("Google menghapus Parler").</summary>
    Active,
    /// <summary>Before = object, after = subject ("Parler didepak Google").</summary>
    PassiveAgent,
    /// <summary>Before = object; no agent; a dari/from phrase after is the complement ("Parler dicopot dari App Store").</summary>
    Passive,
}

/// <summary>One surface form of a relation: a token pattern and how its surrounding entities map to the relation.</summary>
public sealed record RelationForm(string Relation, TokenPattern Pattern, Roles Roles, int Order);

/// <summary>An example sentence for a relation that the tests run.</summary>
public sealed record RelationExample(string Text, string Predicate, string? Subject, string? Object);

/// <summary>A language's predicates (relations.json): relation forms plus negation, modality and attribution cues.</summary>
public sealed class RelationGrammar
{
    private static readonly ConcurrentDictionary<string, Lazy<RelationGrammar>> cache = new(StringComparer.OrdinalIgnoreCase);

    public string Lang { get; }
    public IReadOnlyList<RelationForm> Forms { get; }
    public IReadOnlyDictionary<string, (IReadOnlyList<RelationExample> Pos, IReadOnlyList<string> Neg)> Examples { get; }
    public IReadOnlySet<string> Negation { get; }
    public IReadOnlySet<string> Modality { get; }
    public IReadOnlySet<string> Attribution { get; }
    /// <summary>Nouns that refer back to the article's topic ("aplikasi", "the company") when no entity is named.</summary>
    public IReadOnlySet<string> Anaphora { get; }
    /// <summary>Relations whose frames need an object to be a claim at all (sue, owned-by, provides-service).</summary>
    public IReadOnlySet<string> NeedsObject { get; private init; } = new HashSet<string>();
    /// <summary>Counts of people in a state (count-dead, count-injured): a frame needs a quantity, not a participant.</summary>
    public IReadOnlySet<string> CountOnly { get; private init; } = new HashSet<string>();
    /// <summary>Units a relation's count may have ("count-dead": people, victims...); a relation absent here takes any.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Units { get; private init; } = new Dictionary<string, IReadOnlySet<string>>();

    private RelationGrammar(string lang, List<RelationForm> forms, Dictionary<string, (IReadOnlyList<RelationExample>, IReadOnlyList<string>)> examples,
        HashSet<string> neg, HashSet<string> mod, HashSet<string> attr, HashSet<string> anaphora)
    {
        Lang = lang; Forms = forms; Examples = examples; Negation = neg; Modality = mod; Attribution = attr; Anaphora = anaphora;
    }

    /// <summary>The grammar of a language, loaded once from data/lang/&lt;lang&gt;/relations.json.</summary>
    public static RelationGrammar Get(string lang) => cache.GetOrAdd(lang, l => new Lazy<RelationGrammar>(() => Load(l))).Value;

    private static RelationGrammar Load(string lang)
    {
        var pack = LanguagePack.Get(lang);
        var file = Path.Combine(pack.Folder, "relations.json");
        var json = LanguagePack.ReadJson(file);
        var forms = new List<RelationForm>();
        var examples = new Dictionary<string, (IReadOnlyList<RelationExample>, IReadOnlyList<string>)>(StringComparer.Ordinal);
        foreach (var r in (json["relations"] as JArray ?? []).OfType<JObject>())
        {
            var id = r.Value<string>("id") ?? throw new FormatException($"{file}: relation without id");
            foreach (var f in (r["forms"] as JArray ?? []).OfType<JObject>())
            {
                var src = f.Value<string>("pattern") ?? throw new FormatException($"{file}: {id}: form without pattern");
                TokenPattern p;
                try { p = TokenPattern.Parse(src, pack.Lexicon); }
                catch (FormatException e) { throw new FormatException($"{file}: {id}: {e.Message}", e); }
                var rolesText = f.Value<string>("roles") ?? "active";
                var roles = rolesText switch
                {
                    "active" => Roles.Active, "passive-agent" => Roles.PassiveAgent, "passive" => Roles.Passive,
                    _ => throw new FormatException($"{file}: {id}: unknown roles \"{rolesText}\""),
                };
                forms.Add(new RelationForm(id, p, roles, forms.Count));
            }
            var pos = (r["examples"] as JArray ?? []).OfType<JObject>().Select(e => new RelationExample(
                e.Value<string>("text") ?? "", e.Value<string>("predicate") ?? "", e.Value<string>("subject"), e.Value<string>("object"))).ToList();
            var neg = (r["negative"] as JArray ?? []).Values<string>().OfType<string>().ToList();
            examples[id] = (pos, neg);
        }
        HashSet<string> Flagged(string flag) => new((json["relations"] as JArray ?? []).OfType<JObject>()
            .Where(r => r.Value<bool?>(flag) == true).Select(r => r.Value<string>("id")!), StringComparer.Ordinal);
        HashSet<string> Cues(string name) => new((json["cues"]?[name] as JArray ?? []).Values<string>().OfType<string>(), StringComparer.OrdinalIgnoreCase);
        return new RelationGrammar(lang, forms, examples, Cues("negation"), Cues("modality"), Cues("attribution"), Cues("anaphora"))
        {
            NeedsObject = Flagged("needsObject"), CountOnly = Flagged("countOnly"),
            Units = (json["relations"] as JArray ?? []).OfType<JObject>().Where(r => r["units"] is JArray)
                .ToDictionary(r => r.Value<string>("id")!, r => (IReadOnlySet<string>)new HashSet<string>(r["units"]!.Values<string>().OfType<string>(), StringComparer.Ordinal), StringComparer.Ordinal),
        };
    }
}
