using FactCheck.Entities;

namespace FactCheck.Tests.Entities;

/// <summary>A capitalized word that opens a sentence is no part of the name after it when entities.json "notNames" lists it
/// ("Sesuai Peraturan Menteri", "Melansir Reuters", "Though Senator Reid"); sentences written for these tests.</summary>
public class SentenceOpenerTests
{
    // the regulation's title names no one ("Menteri Keuangan" is the office; OfficeTitleTests), so a name follows it here
    [TestCase("id", "Sesuai Peraturan Menteri Keuangan yang diteken Sri Mulyani, tarif pajak emas naik tahun ini.", "Sesuai")]
    [TestCase("id", "Melansir Harian Kompas, harga cabai naik di Pasar Minggu.", "Melansir")]
    [TestCase("en", "Though Senator Harry Reid objected, the bill passed the chamber.", "Though")]
    [TestCase("en", "Despite Governor Smith's veto, lawmakers approved the budget.", "Despite")]
    public void A_sentence_opener_is_no_part_of_a_name(string lang, string text, string opener)
    {
        var mentions = new EntityExtractor().Extract(TestData.Article(text, lang, "2025-06-18", "x"));
        Assert.That(mentions, Is.Not.Empty, "the name after the opener is still found");
        Assert.That(mentions.Select(m => m.Text), Has.None.StartsWith(opener));
    }
}
