using FactCheck.Claims;
using FactCheck.Entities;
using FactCheck.Quantities;
using FactCheck.Temporal;
using Newtonsoft.Json.Linq;

namespace FactCheck.Output;

/// <summary>Mentions as JSON objects in the contract of ARCHITECTURE.md: {doc, start, end, text, kind, value, ...}.</summary>
public static class MentionJson
{
    private static readonly string[] weekdays = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static JObject ToJson(TemporalMention m)
    {
        var o = new JObject
        {
            ["doc"] = m.Doc, ["start"] = m.Start, ["end"] = m.End, ["text"] = m.Text,
            ["kind"] = m.Kind.ToString().ToLowerInvariant(), ["value"] = m.Value,
        };
        if (m.Mod is not null) o["mod"] = m.Mod;
        o["rule"] = m.Rule;
        o["stated"] = Fields(m.Stated);
        o["inferred"] = Fields(m.Inferred);
        if (m.StatedWeekday is { } wd) o["weekday"] = weekdays[wd];
        if (m.Date is { } d) o["date"] = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (m.PartOfDay is not null) o["partOfDay"] = m.PartOfDay;
        if (m.Offset is { } off) o["offset"] = (off < TimeSpan.Zero ? "-" : "+") + off.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
        if (m.Relative) o["relative"] = true;
        if (m.AlternativeValue is not null) { o["ambiguous"] = true; o["alternative"] = m.AlternativeValue; }
        if (m.Invalid is not null) o["invalid"] = m.Invalid;
        return o;
    }

    /// <summary>A quantity, money or percent mention: value is the number; unit, qualifier and interval beside it.</summary>
    public static JObject ToJson(QuantityMention m)
    {
        var o = new JObject
        {
            ["doc"] = m.Doc, ["start"] = m.Start, ["end"] = m.End, ["text"] = m.Text,
            ["kind"] = m.Kind.ToString().ToLowerInvariant(), ["value"] = m.Value,
        };
        if (m.Unit is not null) o["unit"] = m.Unit;
        if (m.Qualifier is not null) o["qualifier"] = m.Qualifier;
        if (m.Low != m.Value || m.High != m.Value)
            o["interval"] = new JObject { ["low"] = m.Low, ["high"] = m.High, ["lowExclusive"] = m.LowExclusive, ["highExclusive"] = m.HighExclusive };
        o["rule"] = m.Rule;
        return o;
    }

    /// <summary>An entity mention: value is the canonical name; the stable entity id, similarity and role beside it.</summary>
    public static JObject ToJson(EntityMention m)
    {
        var o = new JObject
        {
            ["doc"] = m.Doc, ["start"] = m.Start, ["end"] = m.End, ["text"] = m.Text,
            ["kind"] = m.Kind.ToString().ToLowerInvariant(), ["value"] = m.Canonical, ["entity"] = m.EntityId,
        };
        if (m.Similarity < 1) o["similarity"] = m.Similarity;
        if (m.Role is not null) { o["role"] = m.Role; if (m.RoleValue is not null) o["roleValue"] = m.RoleValue; if (m.RoleOf is not null) o["roleOf"] = m.RoleOf; }
        o["rule"] = m.Rule;
        return o;
    }

    /// <summary>A claim frame: relation, predicate, arguments (with spans), time, quantity, negation, modality, attribution.</summary>
    public static JObject ToJson(ClaimFrame c)
    {
        static JToken Arg(ClaimArgument? a) => a is null ? JValue.CreateNull() : new JObject
        {
            ["text"] = a.Text, ["start"] = a.Start, ["end"] = a.End, ["kind"] = a.Kind, ["value"] = a.Canonical, ["entity"] = a.EntityId,
        };
        var o = new JObject
        {
            ["doc"] = c.Doc, ["start"] = c.Start, ["end"] = c.End, ["kind"] = "claim", ["relation"] = c.Relation, ["rule"] = c.Rule,
            ["predicate"] = new JObject { ["text"] = c.Predicate, ["start"] = c.PredicateStart, ["end"] = c.PredicateEnd },
            ["subjects"] = new JArray(c.Subjects.Select(Arg)), ["object"] = Arg(c.Object), ["complement"] = Arg(c.Complement),
            ["quantity"] = c.Quantity is null ? JValue.CreateNull() : new JObject { ["text"] = c.Quantity.Text, ["value"] = c.Quantity.Value, ["unit"] = c.Quantity.Unit },
            ["time"] = c.Time is null ? JValue.CreateNull() : new JObject { ["text"] = c.Time.Text, ["value"] = c.Time.Value, ["start"] = c.Time.Start, ["end"] = c.Time.End },
            ["place"] = Arg(c.Place), ["negated"] = c.Negated,
        };
        if (c.Modality is not null) o["modality"] = c.Modality;
        if (c.Attribution is not null) o["attribution"] = Arg(c.Attribution);
        o["sentence"] = c.Sentence;
        return o;
    }

    private static JArray Fields(DateFields f)
    {
        var a = new JArray();
        foreach (var v in Enum.GetValues<DateFields>())
            if (v != DateFields.None && f.HasFlag(v)) a.Add(char.ToLowerInvariant(v.ToString()[0]) + v.ToString()[1..]);
        return a;
    }
}
