using FactCheck.Entities;

namespace FactCheck.Tests.Entities;

/// <summary>Near-miss spellings of known names inside longer capitalized runs and after an exactly matched head word.</summary>
public class MisspelledAliasTests
{
    [TestCase("Presiden Amerika Serkat bertemu wartawan.", "Amerika Serkat", "loc:united-states")]
    [TestCase("Aplikasi itu dicopot dari Google Play Sore kemarin.", "Google Play Sore", "prod:google-play")]
    [TestCase("Pemerintah Indonesi menyatakan hal itu.", "Indonesi", "loc:indonesia")]
    public void A_slip_in_a_known_name_links_to_the_entity_with_its_similarity(string text, string surface, string entity)
    {
        var mentions = new EntityExtractor().Extract(TestData.Article(text, "id", "2025-06-18"));
        var m = mentions.SingleOrDefault(x => x.Text == surface);
        Assert.That(m, Is.Not.Null, string.Join(", ", mentions.Select(x => $"{x.Text}={x.EntityId}")));
        Assert.That(m!.EntityId, Is.EqualTo(entity));
        Assert.That(m.Similarity, Is.LessThan(1.0).And.GreaterThan(0.85));
    }

    [TestCase("Presiden Donld Trump bertemu wartawan di Gedung Putih.", "id", "Donld Trump")]
    [TestCase("On Monday President Doanld Trump signed the order.", "en", "Doanld Trump")]
    [TestCase("Doanld Trump said the talks would go on.", "en", "Doanld Trump")]
    public void A_slipped_word_before_an_exact_alias_links_the_whole_name(string text, string lang, string surface)
    {
        // "Trump" alone is an exact alias; the run with the slipped first name is a near miss of "Donald Trump"
        var mentions = new EntityExtractor().Extract(TestData.Article(text, lang, "2025-06-18"));
        var m = mentions.SingleOrDefault(x => x.Text == surface);
        Assert.That(m, Is.Not.Null, string.Join(", ", mentions.Select(x => $"{x.Text}={x.EntityId}")));
        Assert.That(m!.EntityId, Is.EqualTo("per:donald-trump"));
        Assert.That(m.Similarity, Is.LessThan(1.0).And.GreaterThanOrEqualTo(0.87));
        Assert.That(mentions.Any(x => x.Text == "Trump"), Is.False);
    }

    [TestCase("Melania Trump visited the school.", "en", "Melania")]
    [TestCase("Ivanka Trump dan Donald Trump tiba di Jakarta.", "id", "Ivanka")]
    public void Another_name_before_an_exact_alias_is_not_a_slip_of_the_whole_name(string text, string lang, string first)
    {
        var mentions = new EntityExtractor().Extract(TestData.Article(text, lang, "2025-06-18"));
        Assert.That(mentions.Where(x => x.Text.Contains(first, StringComparison.Ordinal) && x.EntityId == "per:donald-trump"), Is.Empty,
            string.Join(", ", mentions.Select(x => $"{x.Text}={x.EntityId}")));
    }

    [TestCase("Amerika Serikat menolak usulan itu.", "Amerika Serikat")]
    [TestCase("Warga Belanja di pasar.", null)]
    public void Exact_names_stay_exact_and_common_words_are_not_misspellings(string text, string? surface)
    {
        var mentions = new EntityExtractor().Extract(TestData.Article(text, "id", "2025-06-18"));
        Assert.That(mentions.Where(x => x.Similarity < 1.0), Is.Empty, string.Join(", ", mentions.Select(x => $"{x.Text}={x.EntityId}:{x.Similarity}")));
        if (surface is not null) Assert.That(mentions.Any(x => x.Text == surface && x.Similarity == 1.0));
    }
}
