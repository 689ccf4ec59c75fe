using FactCheck.Entities;

namespace FactCheck.Tests.Entities;

/// <summary>Capitalized runs that are no one's name: the titles of laws ("the Defense of Marriage Act", "the Fifth
/// Amendment"), institutions ("Internal Revenue Service", "the Justice Department"), and phrases in capitals whose first and
/// last words the language's news mostly writes in lower case ("Social Security", "Makan Bergizi Gratis"); titles in the
/// plural and long titles before a name ("Senators Ron Wyden", "Speaker of the House Newt Gingrich"). A given name before a
/// common word is still a person ("Djaka Budi Utama"). Sentences written for these tests.</summary>
public class TitleCasePhraseTests
{
    private static IReadOnlyList<EntityMention> Extract(string text, string lang = "en") =>
        new EntityExtractor().Extract(TestData.Article(text, lang, "2025-06-20", "x"));

    private static string Show(IEnumerable<EntityMention> ms) =>
        string.Join("; ", ms.Select(m => $"{m.Kind}:{m.Text}" + (m.Role is null ? "" : $" ({m.Role})")));

    [TestCase("The court struck down the Defense of Marriage Act last year.")]
    [TestCase("She invoked her Fifth Amendment right and did not answer.")]
    [TestCase("Critics of the Affordable Care Act filed another lawsuit.")]
    public void The_title_of_a_law_names_no_one(string text)
    {
        var ms = Extract(text);
        Assert.That(ms.Where(m => m.Kind == EntityKind.Person), Is.Empty, Show(ms));
        Assert.That(ms.Select(m => m.Text), Has.None.Contains("Act").And.None.Contains("Amendment"), Show(ms));
    }

    [TestCase("The Internal Revenue Service apologized to the groups.", "Internal Revenue Service")]
    [TestCase("He spoke to students at Fairview Community College on Monday.", "Fairview Community College")]
    [TestCase("Delegates gathered for the Democratic National Convention in the city.", "Democratic National Convention")]
    [TestCase("The Justice Department said it would appeal the ruling.", "Justice Department")]
    public void An_institution_is_an_organization_not_a_person(string text, string name)
    {
        var ms = Extract(text);
        Assert.That(ms.Any(m => m.Text == name && m.Kind == EntityKind.Organization), Show(ms));
        Assert.That(ms.Where(m => m.Kind == EntityKind.Person), Is.Empty, Show(ms));
    }

    [TestCase("The strike killed two American soldiers. Officials said American forces would stay.", "American")]
    [TestCase("The deal angered Iranian hardliners, and Iranian officials said they would respond.", "Iranian")]
    [TestCase("Many Catholic leaders objected. The letter was signed by Catholic priests and nuns.", "Catholic")]
    [TestCase("Voters said the Internet helped them. Rumors spread on the Internet within hours.", "Internet")]
    public void A_nationality_or_faith_repeated_alone_is_no_organization(string text, string word)
    {
        var ms = Extract(text);
        Assert.That(ms.Where(m => m.Text == word), Is.Empty, Show(ms));
    }

    [Test]
    public void A_company_named_alone_twice_is_still_an_organization()
    {
        var ms = Extract("Analysts expect Zentrix to grow this year. The board of Zentrix met on Monday.");
        Assert.That(ms.Any(m => m.Text == "Zentrix" && m.Kind == EntityKind.Organization), Show(ms));
    }

    [TestCase("Senators Ron Wyden and Mark Udall wrote to the agency.", "Ron Wyden", "Senators")]
    [TestCase("Former Speaker of the House Newt Gingrich spoke first.", "Newt Gingrich", "Former Speaker of the House")]
    [TestCase("Deputy Attorney General Rod Rosenstein announced the charges.", "Rod Rosenstein", "Deputy Attorney General")]
    [TestCase("Senate Democratic Leader Harry Reid said no.", "Harry Reid", "Democratic Leader")]
    public void A_title_before_a_name_is_not_part_of_it(string text, string name, string role)
    {
        var ms = Extract(text);
        Assert.That(ms.Any(m => m.Text == name && m.Kind == EntityKind.Person && m.Role == role), Show(ms));
        Assert.That(ms.Select(m => m.Text), Has.None.StartsWith(role.Split(' ')[0] + " " + name.Split(' ')[0]), Show(ms));
    }

    [TestCase("Social Security checks will go out on time, the agency said.", "en")]
    [TestCase("Program Makan Bergizi Gratis dimulai pekan depan di sekolah itu.", "id")]
    public void A_phrase_in_capitals_of_common_words_is_no_person(string text, string lang)
    {
        var ms = Extract(text, lang);
        Assert.That(ms.Where(m => m.Kind == EntityKind.Person), Is.Empty, Show(ms));
    }

    [TestCase("Hal itu disampaikan oleh Djaka Budi Utama kepada wartawan.", "Djaka Budi Utama")]
    [TestCase("Menurut Luqman Hakim, rapat itu berlangsung tertutup.", "Luqman Hakim")]
    public void A_given_name_before_a_common_word_is_still_a_person(string text, string name)
    {
        var ms = Extract(text, "id");
        Assert.That(ms.Any(m => m.Text == name && m.Kind == EntityKind.Person), Show(ms));
    }
}
