using System.Globalization;
using FactCheck.Temporal;
using Newtonsoft.Json;

namespace FactCheck.Output;

/// <summary>Writes a temporal mention as one JSON line straight to a writer, with the same fields, order and escaping as
/// <c>MentionJson.ToJson(m).ToString(Formatting.None)</c>, but without building a JObject per mention (the hot path of
/// `extract --kinds temporal`).</summary>
public static class TemporalJsonWriter
{
    private static readonly string[] weekdays = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] kinds = Enum.GetValues<TemporalKind>().Select(k => k.ToString().ToLowerInvariant()).ToArray();
    private static readonly (DateFields Flag, string Name)[] fields = Enum.GetValues<DateFields>()
        .Where(v => v != DateFields.None).Select(v => (v, char.ToLowerInvariant(v.ToString()[0]) + v.ToString()[1..])).ToArray();

    /// <summary>The mention as one line of JSON (no newline).</summary>
    public static string ToLine(TemporalMention m)
    {
        // one string builder per thread, cleared for each line (a fresh one grew through several chunks for every mention)
        var sw = lineWriter ??= new StringWriter(CultureInfo.InvariantCulture);
        sw.GetStringBuilder().Clear();
        using (var w = new JsonTextWriter(sw) { Formatting = Formatting.None, CloseOutput = false }) Write(w, m);
        var line = sw.ToString();
        if (sw.GetStringBuilder().Capacity > 1 << 16) lineWriter = null;   // a huge mention's builder is not kept
        return line;
    }

    [ThreadStatic] private static StringWriter? lineWriter;

    public static void Write(JsonWriter w, TemporalMention m)
    {
        w.WriteStartObject();
        w.WritePropertyName("doc"); w.WriteValue(m.Doc);
        w.WritePropertyName("start"); w.WriteValue(m.Start);
        w.WritePropertyName("end"); w.WriteValue(m.End);
        w.WritePropertyName("text"); w.WriteValue(m.Text);
        w.WritePropertyName("kind"); w.WriteValue(kinds[(int)m.Kind]);
        w.WritePropertyName("value"); w.WriteValue(m.Value);
        if (m.Mod is not null) { w.WritePropertyName("mod"); w.WriteValue(m.Mod); }
        w.WritePropertyName("rule"); w.WriteValue(m.Rule);
        w.WritePropertyName("stated"); Fields(w, m.Stated);
        w.WritePropertyName("inferred"); Fields(w, m.Inferred);
        if (m.StatedWeekday is { } wd) { w.WritePropertyName("weekday"); w.WriteValue(weekdays[wd]); }
        if (m.Date is { } d) { w.WritePropertyName("date"); w.WriteValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); }
        if (m.PartOfDay is not null) { w.WritePropertyName("partOfDay"); w.WriteValue(m.PartOfDay); }
        if (m.Offset is { } off) { w.WritePropertyName("offset"); w.WriteValue((off < TimeSpan.Zero ? "-" : "+") + off.ToString(@"hh\:mm", CultureInfo.InvariantCulture)); }
        if (m.Relative) { w.WritePropertyName("relative"); w.WriteValue(true); }
        if (m.AlternativeValue is not null) { w.WritePropertyName("ambiguous"); w.WriteValue(true); w.WritePropertyName("alternative"); w.WriteValue(m.AlternativeValue); }
        if (m.Invalid is not null) { w.WritePropertyName("invalid"); w.WriteValue(m.Invalid); }
        w.WriteEndObject();
    }

    private static void Fields(JsonWriter w, DateFields f)
    {
        w.WriteStartArray();
        foreach (var (flag, name) in fields)
            if ((f & flag) != 0) w.WriteValue(name);
        w.WriteEndArray();
    }
}
