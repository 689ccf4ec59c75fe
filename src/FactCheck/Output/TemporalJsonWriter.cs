using System.Globalization;
using System.Text;
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

    /// <summary>The mention as one line of JSON (no newline): the text <see cref="Write"/> gives through a JsonTextWriter,
    /// written straight into a builder (a JsonTextWriter per line, with its buffers, was most of the cost of a line).</summary>
    public static string ToLine(TemporalMention m)
    {
        // one string builder per thread, cleared for each line
        var sb = lineBuilder ??= new StringBuilder(512);
        sb.Clear();
        sb.Append("{\"doc\":"); Str(sb, m.Doc);
        sb.Append(",\"start\":"); Int(sb, m.Start);
        sb.Append(",\"end\":"); Int(sb, m.End);
        sb.Append(",\"text\":"); Str(sb, m.Text);
        sb.Append(",\"kind\":"); Str(sb, kinds[(int)m.Kind]);
        sb.Append(",\"value\":"); Str(sb, m.Value);
        if (m.Mod is not null) { sb.Append(",\"mod\":"); Str(sb, m.Mod); }
        sb.Append(",\"rule\":"); Str(sb, m.Rule);
        sb.Append(",\"stated\":"); Fields(sb, m.Stated);
        sb.Append(",\"inferred\":"); Fields(sb, m.Inferred);
        if (m.StatedWeekday is { } wd) { sb.Append(",\"weekday\":"); Str(sb, weekdays[wd]); }
        if (m.Date is { } d) { sb.Append(",\"date\":"); Str(sb, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); }
        if (m.PartOfDay is not null) { sb.Append(",\"partOfDay\":"); Str(sb, m.PartOfDay); }
        if (m.Offset is { } off) { sb.Append(",\"offset\":"); Str(sb, (off < TimeSpan.Zero ? "-" : "+") + off.ToString(@"hh\:mm", CultureInfo.InvariantCulture)); }
        if (m.Relative) sb.Append(",\"relative\":true");
        if (m.AlternativeValue is not null) { sb.Append(",\"ambiguous\":true,\"alternative\":"); Str(sb, m.AlternativeValue); }
        if (m.Invalid is not null) { sb.Append(",\"invalid\":"); Str(sb, m.Invalid); }
        sb.Append('}');
        var line = sb.ToString();
        if (sb.Capacity > 1 << 16) lineBuilder = null;   // a huge mention's builder is not kept
        return line;
    }

    [ThreadStatic] private static StringBuilder? lineBuilder;

    private static void Int(StringBuilder sb, int v)
    {
        Span<char> buf = stackalloc char[12];
        v.TryFormat(buf, out int n, default, CultureInfo.InvariantCulture);
        sb.Append(buf[..n]);
    }

    private static void Fields(StringBuilder sb, DateFields f)
    {
        sb.Append('[');
        bool first = true;
        foreach (var (flag, name) in fields)
            if ((f & flag) != 0) { if (!first) sb.Append(','); Str(sb, name); first = false; }
        sb.Append(']');
    }

    /// <summary>A string value as Newtonsoft's JsonTextWriter writes it by default (StringEscapeHandling.Default, double
    /// quotes): null as null; \b \t \n \f \r, the quote and the backslash escaped by name; the other control characters
    /// and U+0085, U+2028, U+2029 as \u with lowercase hex digits; everything else as it is.</summary>
    internal static void Str(StringBuilder sb, string? s)
    {
        if (s is null) { sb.Append("null"); return; }
        sb.Append('"');
        int from = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c >= ' ' && c != '"' && c != '\\' && c != '\u0085' && c != '\u2028' && c != '\u2029') continue;
            sb.Append(s, from, i - from);
            switch (c)
            {
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    sb.Append("\\u").Append(Hex(c >> 12)).Append(Hex(c >> 8)).Append(Hex(c >> 4)).Append(Hex(c));
                    break;
            }
            from = i + 1;
        }
        sb.Append(s, from, s.Length - from);
        sb.Append('"');
    }

    private static char Hex(int n)
    {
        n &= 0xF;
        return (char)(n <= 9 ? '0' + n : 'a' + n - 10);
    }

    /// <summary>The mention through a JSON writer (the reference for <see cref="ToLine"/>).</summary>
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
