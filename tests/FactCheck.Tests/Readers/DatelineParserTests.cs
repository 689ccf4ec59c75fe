using FactCheck.Readers;

namespace FactCheck.Tests.Readers;

public class DatelineParserTests
{
    [TestCase("Senin, 11 Jan 2021 09:24 WIB", "2021-01-11T09:24:00+07:00")]
    [TestCase("20 Januari 2021, 08:23 WIB", "2021-01-20T08:23:00+07:00")]
    [TestCase("Rabu 18 Jun 2025 21:45 WIB", "2025-06-18T21:45:00+07:00")]
    [TestCase("12 Februari 2018 | 07.25 WIB", "2018-02-12T07:25:00+07:00")]
    [TestCase("Kamis, 7 Maret 2024 pukul 10.15 WITA", "2024-03-07T10:15:00+08:00")]
    [TestCase("1 Agustus 2023 14:00 WIT", "2023-08-01T14:00:00+09:00")]
    [TestCase("January 20, 2021 8:23 AM EST", "2021-01-20T08:23:00-05:00")]
    [TestCase("January 20, 2021 8:23 PM EST", "2021-01-20T20:23:00-05:00")]
    [TestCase("Monday, 11 Jan 2021", "2021-01-11T00:00:00+00:00")]
    [TestCase("Jan. 11, 2021 12:05 a.m. GMT", "2021-01-11T00:05:00+00:00")]
    [TestCase("11 Jan 2021 09:24 UTC+7", "2021-01-11T09:24:00+07:00")]
    [TestCase("18/06/2025, 19:46 WIB", "2025-06-18T19:46:00+07:00")]
    [TestCase("2021-01-11T09:24:00+07:00", "2021-01-11T09:24:00+07:00")]
    public void Parses(string line, string expected)
    {
        Assert.That(DatelineParser.TryParse(line, out var d), Is.True);
        Assert.That(d, Is.EqualTo(DateTimeOffset.Parse(expected)));
        Assert.That(d.Offset, Is.EqualTo(DateTimeOffset.Parse(expected).Offset));
    }

    [TestCase("Senin 18 Januari 2021, website Parler dapat diakses lagi.")]
    [TestCase("Adi Fida Rahman - detikInet")]
    [TestCase("Dikutip dari Reuters pada Selasa, 19 Januari 2021")]
    [TestCase("31 Februari 2021")]
    [TestCase("Parler")]
    public void Rejects(string line) => Assert.That(DatelineParser.TryParse(line, out _), Is.False);

    [Test]
    public void LeadingWords_AllowedOnlyWhenAsked()
    {
        Assert.That(DatelineParser.TryParse("Diperbarui 30 Mei 2025, 14:00 WIB", out _), Is.True);   // "diperbarui" is a known filler
        Assert.That(DatelineParser.TryParse("Kompas.com- 18/06/2025, 19:46 WIB", out _), Is.False);
        Assert.That(DatelineParser.TryParse("Kompas.com- 18/06/2025, 19:46 WIB", out var d, allowLeadingWords: true), Is.True);
        Assert.That(d, Is.EqualTo(new DateTimeOffset(2025, 6, 18, 19, 46, 0, TimeSpan.FromHours(7))));
    }
}
