using System.Globalization;
using FactCheck.Output;
using FactCheck.Temporal;
using Newtonsoft.Json;

namespace FactCheck.Tests.Output;

/// <summary>ToLine writes the JSON line itself; it must be the text Newtonsoft's JsonTextWriter gives for the same mention.</summary>
public class TemporalJsonWriterTests
{
    private static string Reference(TemporalMention m)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        using (var w = new JsonTextWriter(sw) { Formatting = Formatting.None }) TemporalJsonWriter.Write(w, m);
        return sw.ToString();
    }

    private static TemporalMention Mention(string text) => new()
    {
        Doc = "d\"1", Start = 0, End = text.Length, Text = text, Kind = TemporalKind.Date, Value = "2021-01-10", Rule = "en.x",
    };

    [Test]
    public void Every_character_is_escaped_as_JsonTextWriter_escapes_it()
    {
        for (int c = 0; c <= 0xFFFF; c++)
        {
            var m = Mention("a" + (char)c + "b" + (char)c);
            Assert.That(TemporalJsonWriter.ToLine(m), Is.EqualTo(Reference(m)), $"U+{c:X4}");
        }
    }

    [Test]
    public void Every_field_is_written_as_JsonTextWriter_writes_it()
    {
        var all = new TemporalMention
        {
            Doc = "doc\n1", Start = 12, End = -3, Text = "Tuesday, \u2028May 4", Kind = TemporalKind.Set, Value = "XXXX-WXX-2",
            Mod = "APPROX", Rule = "en.rule", Stated = DateFields.Weekday | DateFields.Month | DateFields.Day,
            Inferred = DateFields.Year | DateFields.Time | DateFields.PartOfDay, StatedWeekday = 2, Date = new DateOnly(2021, 5, 4),
            PartOfDay = "MO", Offset = TimeSpan.FromHours(-7.5), Relative = true, AlternativeValue = "2021-04-05", Invalid = "no \\ day",
        };
        Assert.That(TemporalJsonWriter.ToLine(all), Is.EqualTo(Reference(all)));
        var plus = all with { Offset = TimeSpan.FromHours(7), Mod = null, StatedWeekday = null, Date = null, Relative = false, AlternativeValue = null };
        Assert.That(TemporalJsonWriter.ToLine(plus), Is.EqualTo(Reference(plus)));
        var none = Mention("") with { Stated = DateFields.None, Kind = TemporalKind.Duration, Start = int.MaxValue, End = int.MinValue };
        Assert.That(TemporalJsonWriter.ToLine(none), Is.EqualTo(Reference(none)));
    }
}
