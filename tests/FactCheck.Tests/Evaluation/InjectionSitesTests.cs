using FactCheck.Evaluation;

namespace FactCheck.Tests.Evaluation;

/// <summary>The injection harness's own recognizers of dates, counts and names, and the edits it makes at them.</summary>
public class InjectionSitesTests
{
    private static Site Only(IReadOnlyList<Site> sites, string text) => sites.Single(s => s.Text == text);

    [TestCase("The vote is set for March 12 in the Senate.", "en", "March 12", "md:3-12", "month-day")]
    [TestCase("It was signed on March 12, 2019, in Hanoi.", "en", "March 12, 2019", "md:3-12", "month-day")]
    [TestCase("The law took effect on 12 March 2019.", "en", "12 March 2019", "md:3-12", "day-month")]
    [TestCase("Aturan itu berlaku 12 Maret 2025 lalu.", "id", "12 Maret 2025", "md:3-12", "day-month")]
    [TestCase("Polisi menerima laporan itu (12/3/2025) siang.", "id", "12/3/2025", "md:3-12", "numeric")]
    [TestCase("The company has operated since 2009.", "en", "since 2009", "y:2009", "year")]
    [TestCase("Perusahaan itu beroperasi sejak 2009 di Bandung.", "id", "sejak 2009", "y:2009", "year")]
    [TestCase("Mattis resigned on Tuesday after a meeting.", "en", "on Tuesday", "wd:2", "weekday")]
    [TestCase("Gempa terjadi pada Selasa dini hari.", "id", "pada Selasa", "wd:2", "weekday")]
    public void Dates_without_a_weekday_are_recognized(string text, string lang, string site, string key, string form)
    {
        var s = Only(InjectionSites.Dates(text, lang), site);
        Assert.That(s.Key, Is.EqualTo(key));
        Assert.That(s.Form, Is.EqualTo(form));
    }

    [TestCase("Ia berbicara di Jakarta, Kamis (19/6/2025).", "id")]
    [TestCase("Acara itu digelar pada Senin, 12 Februari 2018.", "id")]
    [TestCase("The hearing was held on Tuesday, March 12, 2019.", "en")]
    [TestCase("The hearing is on Feb. 30 at noon.", "en")]           // no such day
    [TestCase("Ia lahir pada 2019 dan tumbuh besar.", "id")]       // a year without since/sejak/in/tahun
    [TestCase("Harga naik 12 persen pada Mei.", "id")]
    [TestCase("Server mati pada Minggu malam (10/1/2020) lalu.", "id")]  // a weekday beside the date, across a part of day
    public void A_weekday_date_a_bare_year_or_an_impossible_day_is_not_a_date_site(string text, string lang) =>
        Assert.That(InjectionSites.Dates(text, lang).Where(s => s.Form != "weekday").Select(s => s.Text), Is.Empty);

    [Test]
    public void A_weekday_beside_a_full_date_is_a_weekday_date_and_the_check_of_the_weekday_is_right()
    {
        var fits = InjectionSites.WeekdayDates("Ia berbicara di Jakarta, Kamis (19/6/2025).").Single();
        Assert.That((fits.Day, fits.Month, fits.Year, fits.Weekday), Is.EqualTo((19, 6, 2025, 4)));
        Assert.That(InjectionSites.WeekdayFits(fits), Is.True);
        var wrong = InjectionSites.WeekdayDates("Minggu malam (10/1/2020) server mati.").Single();
        Assert.That(InjectionSites.WeekdayFits(wrong), Is.False, "10 Jan 2020 was a Friday");
        var en = InjectionSites.WeekdayDates("It happened on Tuesday, March 12, 2019.", "en").Single();
        Assert.That(InjectionSites.WeekdayFits(en), Is.True);
    }

    [Test]
    public void Date_edits_move_the_day_by_2_to_5_the_year_back_and_the_weekday_to_another_day()
    {
        for (int seed = 0; seed < 30; seed++)
        {
            var rng = new Random(seed);
            const string text = "The vote is set for March 30 and it has run since 2009, the senator said on Tuesday.";
            var sites = InjectionSites.Dates(text, "en");
            var day = InjectionSites.EditDate(text, Only(sites, "March 30"), rng)!;
            int d = int.Parse(day["March ".Length..]);
            Assert.That(Math.Abs(d - 30), Is.InRange(2, 5), day);
            Assert.That(d, Is.LessThanOrEqualTo(31));
            var year = InjectionSites.EditDate(text, Only(sites, "since 2009"), rng)!;
            Assert.That(int.Parse(year[^4..]), Is.InRange(2005, 2007), year);
            var weekday = InjectionSites.EditDate(text, Only(sites, "on Tuesday"), rng)!;
            Assert.That(weekday, Does.StartWith("on ").And.Not.EqualTo("on Tuesday").And.Not.EqualTo("on Monday").And.Not.EqualTo("on Wednesday"));
        }
        var id = "Ia datang pada 31 Januari 2025 lalu.";
        var jan = InjectionSites.EditDate(id, Only(InjectionSites.Dates(id, "id"), "31 Januari 2025"), new Random(1))!;
        Assert.That(jan, Does.EndWith(" Januari 2025"));
        Assert.That(int.Parse(jan.Split(' ')[0]), Is.InRange(26, 29));
    }

    [TestCase("Sebanyak tujuh orang tewas dalam kecelakaan itu.", "id", "tujuh orang", "n:7 orang", "sepuluh orang")]
    [TestCase("Seven people were hurt.", "en", "Seven people", "n:7 people", "Ten people")]
    [TestCase("The bill passed with 36 senators in favour.", "en", "36 senators", "n:36 senators", "63 senators")]
    [TestCase("Aplikasi itu diunduh 5 juta kali.", "id", "5 juta", "n:5 juta", "7 juta")]
    [TestCase("Harga naik 50 persen tahun ini.", "id", "50 persen", "n:50 persen", "80 persen")]
    [TestCase("Maskapai membatalkan 25 penerbangan ke Bali.", "id", "25 penerbangan", "n:25 penerbangan", "52 penerbangan")]
    [TestCase("Trump decided to withdraw 2,000 American troops.", "en", "2,000 American troops", "n:2000 troops", "3,200 American troops")]
    [TestCase("Pabrik itu mengirim 30.774 unit.", "id", "30.774 unit", "n:30774 unit", "49.238 unit")]
    [TestCase("It has 1.3 million active-duty troops.", "en", "1.3 million", "n:1.3 million", "2.1 million")]
    [TestCase("Sekitar 20% warga menolak.", "id", "20%", "n:20 persen", "32%")]
    public void Counts_are_recognized_and_edited_to_a_clearly_different_value(string text, string lang, string site, string key, string edited)
    {
        var s = Only(InjectionSites.Counts(text, lang), site);
        Assert.That(s.Key, Is.EqualTo(key));
        Assert.That(InjectionSites.EditCount(text, s, lang), Is.EqualTo(edited));
    }

    [TestCase("Pada 2019 lalu ia pindah ke Jakarta.", "id")]               // a year
    [TestCase("Acara dimulai pukul 10.30 WIB di gedung itu.", "id")]       // a clock time
    [TestCase("The meeting starts at 10 am sharp.", "en")]                 // a clock time
    [TestCase("Hubungi 081234567 untuk informasi.", "id")]                 // a phone number
    [TestCase("Ia menjadi juara ke-3 tahun ini.", "id")]                   // an ordinal
    [TestCase("She finished 3rd in the race.", "en")]                      // an ordinal
    [TestCase("The vote was on 12 March in the House.", "en")]             // a date
    [TestCase("Only one person of them came.", "en")]                     // one is not a count we change
    public void Years_clock_times_phone_numbers_ordinals_and_dates_are_not_counts(string text, string lang) =>
        Assert.That(InjectionSites.Counts(text, lang).Select(s => s.Text), Is.Empty);

    [Test]
    public void A_qualified_count_is_seen_as_qualified()
    {
        const string text = "Sekitar 300 orang hadir, dan 25 penerbangan batal.";
        var counts = InjectionSites.Counts(text, "id");
        Assert.That(InjectionSites.Qualified(text, Only(counts, "300 orang")), Is.True);
        Assert.That(InjectionSites.Qualified(text, Only(counts, "25 penerbangan")), Is.False);
    }

    [TestCase("The Defense Secretary Jim Mattis resigned.", "Defense Secretary Jim Mattis", "Jim Mattis")]
    [TestCase("Menurut Sri Mulyani Indrawati, defisit melebar.", "Sri Mulyani Indrawati", "Mulyani Indrawati")]
    [TestCase("Ia berbicara di Gedung Putih, Washington.", "Gedung Putih", null)]
    public void Names_of_two_words_or_more_are_recognized_without_leading_function_words(string text, string name, string? part)
    {
        var names = InjectionSites.Names(text).Select(s => s.Text).ToList();
        Assert.That(names, Does.Contain(name));
        if (part is not null) Assert.That(names, Does.Contain(part));
        Assert.That(names, Has.None.StartsWith("The ").And.None.StartsWith("Menurut "));
    }

    [Test]
    public void A_single_capitalized_word_or_a_sentence_opening_is_not_a_name()
    {
        Assert.That(InjectionSites.Names("Mattis resigned. The president said so."), Is.Empty);
        Assert.That(InjectionSites.Names("Namun Ia datang."), Is.Empty);
    }

    [Test]
    public void A_name_typo_swaps_or_drops_one_inner_letter_of_one_word()
    {
        for (int seed = 0; seed < 40; seed++)
        {
            var typo = InjectionSites.Typo("Jim Mattis", new Random(seed))!;
            Assert.That(typo, Is.Not.EqualTo("Jim Mattis"));
            Assert.That(typo, Does.StartWith("Jim M").And.EndWith("s"), "only the word of four letters or more, first and last letters kept");
            Assert.That(typo.Length, Is.InRange(9, 10));
            if (typo.Length == 10) Assert.That(typo.OrderBy(c => c), Is.EqualTo("Jim Mattis".OrderBy(c => c)), "a swap keeps the letters");
        }
        Assert.That(InjectionSites.Typo("Al Ab", new Random(1)), Is.Null, "no word of four letters");
    }

    [Test]
    public void A_capitalized_phrase_of_common_words_is_not_a_name_and_a_slip_goes_into_a_proper_word()
    {
        var common = InjectionSites.LowerCaseWords(["peraturan pemerintah itu berlaku; kepala bandara datang", "ulang tahun ke-50"]);
        Assert.That(InjectionSites.IsCommonPhrase("Peraturan Pemerintah", common), Is.True);
        Assert.That(InjectionSites.IsCommonPhrase("Ulang Tahun", common), Is.True);
        Assert.That(InjectionSites.IsCommonPhrase("Bandara Frans Seda", common), Is.False);
        for (int seed = 0; seed < 20; seed++)
            Assert.That(InjectionSites.Typo("Kepala Bandara Maumere", new Random(seed), common), Does.StartWith("Kepala Bandara M"));
    }

    [Test]
    public void A_paraphrase_rewords_a_sentence_without_numbers_or_dates_and_leaves_others_alone()
    {
        Assert.That(InjectionSites.Paraphrase("Ia mengatakan bahwa warga harus tenang.", "id"), Is.EqualTo("Ia menyatakan bahwa warga mesti tenang."));
        Assert.That(InjectionSites.Paraphrase("But the senator said the plan would help.", "en"), Is.EqualTo("Yet the senator stated the plan would assist."));
        Assert.That(InjectionSites.Paraphrase("Karena hujan turun deras, acara itu ditunda.", "id"), Is.EqualTo("Acara itu ditunda sebab hujan turun deras."), "clause moved, then a synonym");
        Assert.That(InjectionSites.Paraphrase("Although the plan failed, the senator stayed calm.", "en"), Is.EqualTo("The senator stayed calm although the plan failed."));
        Assert.That(InjectionSites.Paraphrase("Ia mengatakan 25 orang hadir.", "id"), Is.Null, "a number");
        Assert.That(InjectionSites.Paraphrase("He said it on Tuesday.", "en"), Is.Null, "a weekday");
        Assert.That(InjectionSites.Paraphrase("Nothing here changes.", "en"), Is.Null, "no word of the list");
    }

    [Test]
    public void Paragraphs_and_sequence_openers()
    {
        var text = "First paragraph of the story, long enough to count.\nshort\nThen the second paragraph follows it, long enough.";
        Assert.That(InjectionSites.Paragraphs(text), Has.Count.EqualTo(2));
        Assert.That(InjectionSites.OpensWithSequence("Then the second paragraph follows it."), Is.True);
        Assert.That(InjectionSites.OpensWithSequence("Kemudian polisi datang."), Is.True);
        Assert.That(InjectionSites.OpensWithSequence("The police came."), Is.False);
    }
}
