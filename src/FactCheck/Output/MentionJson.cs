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

    private static JArray Fields(DateFields f)
    {
        var a = new JArray();
        foreach (var v in Enum.GetValues<DateFields>())
            if (v != DateFields.None && f.HasFlag(v)) a.Add(char.ToLowerInvariant(v.ToString()[0]) + v.ToString()[1..]);
        return a;
    }
}
