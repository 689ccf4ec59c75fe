using FactCheck.Text;
using FactCheck.Align;
using FactCheck.Checks;
using FactCheck.Checks.Rules;
using FactCheck.Model;
using Newtonsoft.Json.Linq;

namespace FactCheck.Tests.Align;

/// <summary>Slots and their alignment across the articles of one story, through the whole analysis; sentences written for
/// these tests. Also runs the examples in data/lang/&lt;lang&gt;/slots.json and names.json.</summary>
public class CrossSourceSlotTests
{
    private static AnalyzedArticle Doc(string id, string source, string published, string text, string lang = "en") =>
        new ArticleAnalyzer().Analyze(TestData.Article(text, lang, published, id) with { Source = source });

    private static List<Finding> Check(params AnalyzedArticle[] docs) =>
        new Checker().Check(docs).Findings.Where(f => f.Rule.StartsWith("cross-source", StringComparison.Ordinal)).ToList();
    private static List<Finding> Quantities(params AnalyzedArticle[] docs) => Check(docs).Where(f => f.Rule == "cross-source-quantity").ToList();
    private static List<Finding> Dates(params AnalyzedArticle[] docs) => Check(docs).Where(f => f.Rule == "cross-source-date").ToList();
    /// <summary>Two Indonesian outlets' sentences of one day, as articles "a" (Kompas) and "b" (Detik).</summary>
    private static AnalyzedArticle[] Two(string published, string a, string b) =>
        [Doc("a", "Kompas", published, a, "id"), Doc("b", "Detik", published, b, "id")];

    [Test]
    public void The_outlier_of_three_sources_is_flagged_and_the_majority_date_is_the_fix()
    {
        var f = Check(
            Doc("nyt", "New York Times", "2016-03-20", "The Senate voted on March 12, 2016 to override the veto of the bill on victims of the attacks."),
            Doc("fox", "Fox News", "2016-03-20", "Senators voted on March 12, 2016 to override the president's veto of the bill for the victims."),
            Doc("hpo", "HuffPost", "2016-03-20", "In a blow to the White House, the Senate voted on March 15, 2016 to override the veto of the bill."));
        var one = f.Single();
        Assert.That(one.Rule, Is.EqualTo("cross-source-date"));
        Assert.That(one.Evidence[0].Doc, Is.EqualTo("hpo"));
        Assert.That(one.Evidence[0].Role, Is.EqualTo("flagged"));
        Assert.That(one.Suggestions[0].Value, Is.EqualTo("2016-03-12"));
        Assert.That(one.Suggestions[0].Reason, Does.Contain("2 of 3 sources"));
    }

    [Test]
    public void Killed_and_wounded_are_two_slots_and_only_the_changed_one_is_flagged()
    {
        var a = Doc("a", "Reuters", "2019-04-22", "Officials said 50 people were killed and at least 53 others were wounded in the blasts.");
        var b = Doc("b", "AP", "2019-04-22", "The police said 50 people were killed and 53 were wounded in the blasts at the churches.");
        Assert.That(Check(a, b), Is.Empty, "the same figures");
        var changed = Doc("b", "AP", "2019-04-22", "The police said 60 people were killed and 53 were wounded in the blasts at the churches.");
        var f = Check(a, changed).Single();
        Assert.That(f.Evidence.Select(e => e.Text), Is.EquivalentTo(new[] { "50 people", "60 people" }));
    }

    [Test]
    public void Indonesian_number_words_count_and_suspects_are_compared()
    {
        var f = Check(
            Doc("a", "detikcom", "2025-06-18", "Polisi menetapkan tujuh orang tersangka dalam kasus korupsi dana desa.", "id"),
            Doc("b", "Kompas.com", "2025-06-18", "Dalam kasus korupsi dana desa itu, polisi menetapkan sepuluh orang tersangka.", "id")).Single();
        Assert.That(f.Rule, Is.EqualTo("cross-source-quantity"));
        Assert.That(f.Message, Does.Contain("either may be wrong"));
    }

    [Test]
    public void Prison_terms_are_durations_compared_by_their_unit()
    {
        var a = Doc("a", "detikcom", "2025-06-18", "Majelis hakim memvonis terdakwa suap itu dengan pidana tiga tahun penjara.", "id");
        Assert.That(Check(a, Doc("b", "Kompas.com", "2025-06-18", "Terdakwa suap itu divonis 3 tahun penjara oleh majelis hakim.", "id")), Is.Empty, "tiga tahun is 3 tahun");
        var f = Check(a, Doc("b", "Kompas.com", "2025-06-18", "Terdakwa suap itu divonis 5 tahun penjara oleh majelis hakim.", "id")).Single();
        Assert.That(f.Rule, Is.EqualTo("cross-source-quantity"));
        Assert.That(f.Evidence.Select(e => e.Text), Is.EquivalentTo(new[] { "tiga tahun", "5 tahun" }));
        // a term of years is not a count of days
        Assert.That(Check(a, Doc("b", "Kompas.com", "2025-06-18", "Terdakwa suap itu ditahan 5 hari sebelum divonis oleh majelis hakim.", "id")), Is.Empty);
    }

    [Test]
    public void A_bounded_duration_is_a_qualified_count_of_its_unit()
    {
        var a = Doc("a", "detikcom", "2025-06-18", "Akibat gangguan sinyal, perjalanan kereta di lintas timur tertahan hingga 40 menit pada Rabu pagi.", "id");
        var s = SlotBuilder.Build(a).Single(x => x.Kind == SlotKind.Count);
        Assert.That((s.Text, s.Unit, s.Qualifier, s.Low, s.High), Is.EqualTo(("hingga 40 menit", "duration:TM", "EQUAL_OR_LESS", 0.0, 40.0)));
        Assert.That(Check(a, Doc("b", "Kompas.com", "2025-06-18", "Perjalanan kereta di lintas timur tertahan hingga 40 menit akibat gangguan sinyal pada Rabu pagi.", "id")), Is.Empty);
        var f = Check(a, Doc("b", "Kompas.com", "2025-06-18", "Perjalanan kereta di lintas timur tertahan hingga 70 menit akibat gangguan sinyal pada Rabu pagi.", "id")).Single();
        Assert.That(f.Evidence.Select(e => e.Text), Is.EquivalentTo(new[] { "hingga 40 menit", "hingga 70 menit" }));
    }

    [Test]
    public void A_number_word_before_any_noun_is_a_count()
    {
        var f = Check(
            Doc("a", "detikcom", "2025-06-18", "Akibat abu vulkanik, tiga bandara ditutup sementara oleh otoritas penerbangan.", "id"),
            Doc("b", "Liputan6", "2025-06-18", "Otoritas penerbangan menutup sementara lima bandara akibat abu vulkanik.", "id")).Single();
        Assert.That(f.Rule, Is.EqualTo("cross-source-quantity"));
    }

    [Test]
    public void More_than_is_a_little_more_not_any_number_above()
    {
        var a = Doc("a", "detikcom", "2025-06-18", "Mobil buatan pabrik itu telah diekspor ke lebih dari 70 negara.", "id");
        Assert.That(Check(a, Doc("b", "Kompas.com", "2025-06-18", "Mobil buatan pabrik itu sudah diekspor ke 80 negara.", "id")), Is.Empty);
        Assert.That(Check(a, Doc("b", "Kompas.com", "2025-06-18", "Mobil buatan pabrik itu sudah diekspor ke lebih dari 112 negara.", "id")), Has.Count.EqualTo(1));
    }

    [Test]
    public void Amounts_of_another_order_of_magnitude_are_two_facts()
    {
        Assert.That(Check(
            Doc("a", "Okezone", "2025-06-18", "Pemerintah menyalurkan bantuan subsidi upah sebesar Rp600.000 untuk setiap pekerja.", "id"),
            Doc("b", "Liputan6", "2025-06-18", "Pemerintah menyalurkan bantuan subsidi upah sebesar Rp 10,2 triliun untuk para pekerja.", "id")), Is.Empty);
    }

    [Test]
    public void A_year_compares_with_a_month_of_it()
    {
        var a = Doc("a", "detikcom", "2025-06-18", "Pabrik baterai di Karawang itu mulai beroperasi pada tahun 2023 dengan kapasitas penuh.", "id");
        Assert.That(Check(a, Doc("b", "Kompas.com", "2025-06-18", "Pabrik baterai di Karawang mulai beroperasi pada Mei 2023 dengan kapasitas penuh.", "id")), Is.Empty);
        Assert.That(Check(a, Doc("b", "Kompas.com", "2025-06-18", "Pabrik baterai di Karawang mulai beroperasi pada Mei 2021 dengan kapasitas penuh.", "id")), Has.Count.EqualTo(1));
    }

    // a year is the story's background, a day when the news happened: not compared
    [TestCase("Sejak tahun 2023, pemain itu membela klub Liga Inggris tersebut.", "Klub Liga Inggris tersebut mengumumkan kepergian pemain itu pada Rabu (18/6/2025).")]
    // a month without its year agrees with the month stated in full
    [TestCase("Penjualan mobil listrik di Indonesia terus meningkat pada bulan Mei menurut data asosiasi.", "Menurut data asosiasi, penjualan mobil listrik di Indonesia terus meningkat pada Mei 2025.")]
    public void Not_a_disagreement(string first, string second) =>
        Assert.That(Check(Doc("a", "detikcom", "2025-06-18", first, "id"), Doc("b", "Kompas.com", "2025-06-18", second, "id")), Is.Empty);

    [Test]
    public void A_sentence_that_also_states_the_other_sources_value_speaks_of_two_facts()
    {
        // two rates in one sentence; the other outlet gives only one of them
        var a = Doc("a", "Tempo", "2025-06-18", "Pembelian emas batangan dikenakan pajak sebesar 0,25 persen untuk pemilik NPWP dan 0,5 persen untuk yang tidak punya.", "id");
        var b = Doc("b", "Okezone", "2025-06-18", "Menurut aturan itu, pembelian emas batangan dikenakan pajak sebesar 0,5 persen.", "id");
        Assert.That(Check(a, b), Is.Empty);
        var changed = Doc("b", "Okezone", "2025-06-18", "Menurut aturan itu, pembelian emas batangan dikenakan pajak sebesar 0,8 persen.", "id");
        Assert.That(Check(a, changed), Is.Not.Empty, "a value neither of its sentences states is still a disagreement");
    }

    /// <summary>Two true figures that are not one disagreement (first pair), and the same pair with the exemption gone
    /// (second pair), which is compared: a part beside the rounded total, a year inside the other's range, a running figure.</summary>
    [TestCase("id", "Dari total 1,3 juta bantuan yang gagal tersalurkan, sebanyak 580.798 keluarga penerima manfaat kini sudah menerima bansos.",
        "Mensos mengaku heran ada 1.323.459 keluarga penerima manfaat yang gagal menerima bansos.",
        "Mensos mengaku heran ada 2.323.459 keluarga penerima manfaat yang gagal menerima bansos.", TestName = "A part beside the rounded total is not the other source's total")]
    [TestCase("en", "He was the longest-serving Arkansas governor, from 1996 to 2007, and called for lifting the embargo.",
        "As governor of Arkansas in 2002, he called for lifting the embargo of Cuba.",
        "As governor of Arkansas in 2009, he called for lifting the embargo of Cuba.", TestName = "A year inside the other source's range agrees with it")]
    [TestCase("id", "Volume transaksi saham di bursa tercatat sebesar 1,17 miliar saham.",
        "Adapun volume transaksi saham di bursa hingga saat ini mencapai 738 juta saham.",
        "Adapun volume transaksi saham di bursa tercatat mencapai 738 juta saham.", TestName = "A running figure of so far is not compared with another hour's")]
    public void Two_true_figures_are_not_one_disagreement(string lang, string first, string second, string compared)
    {
        var a = Doc("a", "Source A", "2025-06-18", first, lang);
        Assert.That(Check(a, Doc("b", "Source B", "2025-06-18", second, lang)), Is.Empty);
        Assert.That(Check(a, Doc("b", "Source B", "2025-06-18", compared, lang)), Is.Not.Empty, "without the exemption the two are compared");
    }

    [Test]
    public void One_outlets_two_articles_are_one_voice_not_a_majority()
    {
        var a = Doc("a", "detikcom", "2025-06-18", "Banjir di Kabupaten Bekasi merendam 120 rumah warga sejak Selasa malam.", "id");
        var b = Doc("b", "detikcom", "2025-06-18", "Sejak Selasa malam, banjir di Kabupaten Bekasi merendam 120 rumah warga.", "id");
        var c = Doc("c", "Kompas.com", "2025-06-18", "Banjir di Kabupaten Bekasi merendam 210 rumah warga sejak Selasa malam.", "id");
        var f = Check(a, b, c).Single(x => x.Evidence[0].Doc == "c");
        Assert.That(f.Features["majority"], Is.EqualTo(0), "two detikcom articles against one Kompas.com article");
        var d = Doc("d", "Tempo", "2025-06-18", "Banjir di Kabupaten Bekasi merendam 120 rumah warga sejak Selasa malam, kata BPBD.", "id");
        Assert.That(Check(a, c, d).Single(x => x.Evidence[0].Doc == "c").Features["majority"], Is.EqualTo(1), "two outlets against one");
        Assert.That(f.Features.ContainsKey("same_outlet"), Is.False, "Kompas.com against detikcom");
        var e = Doc("e", "detikcom", "2025-06-18", "Banjir di Kabupaten Bekasi merendam 210 rumah warga sejak Selasa malam.", "id");
        Assert.That(Check(a, e).Single().Features["same_outlet"], Is.EqualTo(1), "two detikcom articles");
    }

    [Test]
    public void A_figure_beside_one_both_sentences_agree_on_meets_the_other_sentences_remaining_figure()
    {
        // the best match of "Rp 780 miliar" (few words of its own around it) is the other sentence's "Rp 2,5 triliun", which its
        // own sentence states too: the remaining amount of that sentence is its counterpart
        var d = Two("2025-03-10",
            "Laba bersih perseroan per Desember 2024 mencatatkan Rp 2,5 triliun atau tumbuh 187 persen yang sebesar Rp 870 miliar per posisi Desember 2023.",
            "Laba bersih perseroan per Desember 2024 tercatat sebesar Rp 2,5 triliun atau tumbuh sekitar 187 persen dibandingkan Desember 2023 lalu yang hanya Rp 780 miliar.");
        var f = Quantities(d);
        Assert.That(f, Has.Count.EqualTo(1), string.Join("\n", f.Select(x => x.Message)));
        Assert.That(f[0].Evidence.Any(e => e.Text.Contains("780 miliar")) && f[0].Evidence.Any(e => e.Text.Contains("870 miliar")), Is.True);
        var same = Two("2025-03-10",
            "Laba bersih perseroan per Desember 2024 mencatatkan Rp 2,5 triliun atau tumbuh 187 persen yang sebesar Rp 870 miliar per posisi Desember 2023.",
            "Laba bersih perseroan per Desember 2024 tercatat sebesar Rp 2,5 triliun atau tumbuh sekitar 187 persen dibandingkan Desember 2023 lalu yang hanya Rp 870 miliar.");
        Assert.That(Quantities(same), Is.Empty, "both amounts agree");
    }

    [Test]
    public void A_flagged_value_another_article_also_states_scores_lower()
    {
        var rule = new CrossSourceQuantityRule();
        var plain = new Dictionary<string, double> { ["majority"] = 1, ["align_score"] = 0.8, ["kind=count"] = 1 };
        var repeated = new Dictionary<string, double>(plain) { ["flagged_elsewhere"] = 1, ["flagged_echoed"] = 1 };
        Assert.That(rule.Confidence(plain), Is.GreaterThan(0.5), "most outlets against one, well aligned: shown");
        Assert.That(rule.Confidence(repeated), Is.LessThan(0.5), "another article states the flagged value too, of a like fact: two facts, or a split");
        var coincidence = new Dictionary<string, double>(plain) { ["flagged_elsewhere"] = 1, ["flagged_echoed"] = 0 };
        Assert.That(rule.Confidence(coincidence), Is.GreaterThan(rule.Confidence(repeated)), "the figure recurs only in sentences unlike this one: a coincidence");
        Assert.That(rule.Confidence(coincidence), Is.LessThan(rule.Confidence(plain)), "still weaker than a value no one else states");
        var weakCoincidence = new Dictionary<string, double>(coincidence) { ["align_score"] = 0.5 };
        Assert.That(rule.Confidence(weakCoincidence), Is.EqualTo(rule.Confidence(new Dictionary<string, double>(weakCoincidence) { ["flagged_echoed"] = 1 })),
            "a middling match gets no such allowance");
        var twoOutlets = new Dictionary<string, double> { ["align_score"] = 0.9, ["kind=count"] = 1, ["flagged_elsewhere"] = 1 };
        Assert.That(rule.Confidence(twoOutlets), Is.GreaterThanOrEqualTo(0.5), "two outlets telling one fact alike, the flagged figure recurring only in unlike sentences: shown");
        Assert.That(rule.Confidence(new Dictionary<string, double>(twoOutlets) { ["same_outlet"] = 1 }), Is.LessThan(0.5),
            "one outlet's own sentence reused with another figure, which the story states elsewhere: more often its next fact");
        var orphanDate = new Dictionary<string, double> { ["likelier"] = 1, ["orphan_match"] = 1, ["kind=date"] = 1 };
        var orphanCount = new Dictionary<string, double> { ["likelier"] = 1, ["orphan_match"] = 1, ["kind=count"] = 1 };
        Assert.That(new CrossSourceDateRule().Confidence(orphanDate), Is.GreaterThan(rule.Confidence(orphanCount)));
    }

    [Test]
    public void A_listing_reference_sentence_and_relative_days_a_day_apart_score_lower()
    {
        var count = new CrossSourceQuantityRule();
        var plain = new Dictionary<string, double> { ["likelier"] = 1, ["align_score"] = 0.6, ["kind=count"] = 1, ["sentence_values"] = 1, ["reference_sentence_values"] = 1 };
        var listing = new Dictionary<string, double>(plain) { ["reference_sentence_values"] = 3 };
        Assert.That(count.Confidence(listing), Is.LessThan(count.Confidence(plain)), "the other sentence breaks its figure into parts");
        var date = new CrossSourceDateRule();
        var weekdays = new Dictionary<string, double> { ["likelier"] = 1, ["align_score"] = 0.6, ["kind=date"] = 1, ["relative"] = 1, ["days_apart"] = 3 };
        var adjacent = new Dictionary<string, double>(weekdays) { ["days_apart"] = 1 };
        Assert.That(date.Confidence(adjacent), Is.LessThan(date.Confidence(weekdays)), "relative days one day apart: each outlet's own day, or an event and its aftermath");
        var stated = new Dictionary<string, double>(adjacent) { ["relative"] = 0 };
        Assert.That(date.Confidence(stated), Is.EqualTo(date.Confidence(weekdays)), "written dates a day apart are not held back by it");
    }

    [Test]
    public void Two_sources_in_sentences_that_share_most_words_are_shown_though_neither_is_likelier()
    {
        var count = new CrossSourceQuantityRule();
        var strong = new Dictionary<string, double> { ["sources"] = 2, ["align_score"] = 1.1, ["kind=count"] = 1, ["sentence_values"] = 1, ["reference_sentence_values"] = 1 };
        var moderate = new Dictionary<string, double>(strong) { ["align_score"] = 0.6 };
        Assert.That(count.Confidence(strong), Is.GreaterThanOrEqualTo(0.5), "one fact, two figures: a disagreement whichever is right");
        Assert.That(count.Confidence(moderate), Is.LessThan(0.5), "a middling match with no support either way stays folded");
        var orphan = new Dictionary<string, double>(strong) { ["orphan_match"] = 1 };
        Assert.That(count.Confidence(orphan), Is.LessThan(0.5), "an orphan match is not a strong one, whatever its score");

        var nextDay = new Dictionary<string, double>(strong) { ["published_days_apart"] = 1 };
        Assert.That(count.Confidence(nextDay), Is.GreaterThanOrEqualTo(0.5), "one fact said alike in an article of the next day is still one fact");
        Assert.That(count.Confidence(new Dictionary<string, double>(moderate) { ["likelier"] = 1, ["published_days_apart"] = 1 }), Is.LessThan(0.5), "a middling match of another day may be that day's figure");

        var date = new CrossSourceDateRule();
        var written = new Dictionary<string, double> { ["sources"] = 2, ["align_score"] = 0.4, ["kind=date"] = 1, ["days_apart"] = 3 };
        var weekday = new Dictionary<string, double>(written) { ["relative"] = 1 };
        var clock = new Dictionary<string, double> { ["sources"] = 2, ["align_score"] = 0.4, ["kind=time"] = 1 };
        Assert.That(date.Confidence(written), Is.GreaterThan(date.Confidence(weekday)), "two days written in full, matched above the threshold, are not weakened by a middling score");
        Assert.That(date.Confidence(clock), Is.LessThan(0.5), "clock times follow a market through the day: a weak match stays folded");
    }

    [Test]
    public void One_outlets_two_articles_of_a_day_with_two_figures_for_one_fact_disagree_unless_updated_or_of_the_moment()
    {
        const string first = "Kalau dikurskan ke rupiah, harga mobil listrik itu di Indonesia diperkirakan sekitar Rp 7 miliar per unit sebelum pajak.";
        var a = Doc("a", "detikcom", "2025-06-16", first, "id");
        var copied = Doc("b", "detikcom", "2025-06-16", first.Replace("Rp 7 miliar", "Rp 9 miliar"), "id");
        Assert.That(Check(a, copied), Has.Count.EqualTo(1), "the outlet reused its text: one of the two figures is wrong");
        var rewritten = Doc("b", "detikcom", "2025-06-16", "Harga mobil listrik itu di Indonesia bila dikurskan sekitar Rp 9 miliar.", "id");
        Assert.That(Check(a, rewritten), Has.Count.EqualTo(1), "one outlet's two figures of a day for one price, with no word of an update: one is wrong");
        var morning = Doc("a", "detikcom", "2025-06-16", "Pagi ini indeks saham gabungan melemah 0,4 persen ke level 7.050 di awal perdagangan.", "id");
        var close = Doc("b", "detikcom", "2025-06-16", "Indeks saham gabungan hari ini ditutup melemah 1,2 persen ke level 6.990 di akhir perdagangan.", "id");
        Assert.That(Check(morning, close), Is.Empty, "figures said to be of the moment (pagi ini, hari ini) move during the day: the outlet's later article gives a later figure");
        var nextDay = Doc("b", "detikcom", "2025-06-17", first.Replace("Rp 7 miliar", "Rp 9 miliar"), "id");
        Assert.That(Check(a, nextDay), Is.Empty, "a template reused on another day gives that day's figure");
        const string toll = "Jumlah korban meninggal dunia akibat banjir bandang di Kabupaten Bekasi bertambah menjadi 12 orang pada hari ini.";
        var update = Doc("b", "detikcom", "2025-06-16", toll.Replace("12 orang", "15 orang"), "id");
        Assert.That(Check(Doc("a", "detikcom", "2025-06-16", toll, "id"), update), Is.Empty, "a sentence saying the figure was brought up to date");
    }

    [Test]
    public void One_outlets_sentence_reused_on_another_day_states_the_same_count_unless_updated()
    {
        // a count of people, not a price or an index: the outlet's text copied into its next day's article is one statement
        const string guests = "Sekitar 500 perwakilan dari maskapai penerbangan di seluruh dunia menghadiri acara pengumuman pemenang di terminal yang telah dipugar.";
        var a = Doc("a", "Liputan6", "2025-06-18", guests, "id");
        Assert.That(Quantities(a, Doc("b", "Liputan6", "2025-06-19", guests.Replace("500", "800"), "id")), Has.Count.EqualTo(1), "one of the two copies is wrong");
        Assert.That(Quantities(a, Doc("b", "Liputan6", "2025-06-19", "Sekitar 800 perwakilan maskapai hadir pada pengumuman pemenang di terminal itu.", "id")), Is.Empty,
            "rewritten on another day: the outlet may have a newer figure");
        const string toll = "Jumlah korban meninggal dunia akibat banjir bandang di Kabupaten Bekasi bertambah menjadi 12 orang menurut data BPBD setempat.";
        Assert.That(Quantities(Doc("a", "detikcom", "2025-06-16", toll, "id"), Doc("b", "detikcom", "2025-06-17", toll.Replace("12 orang", "15 orang"), "id")), Is.Empty,
            "a sentence saying the figure was brought up to date");
    }

    [Test]
    public void One_outlets_clause_copied_around_a_count_on_another_day_is_one_statement()
    {
        // the outlet rewrote the sentence's opening and kept the clause that tells the count
        var a = Doc("a", "detikcom", "2025-06-18",
            "Kepala bengkel itu mengatakan, uji ini menyusul tes ketahanan selama lebih dari dua hari dalam uji tekanan tumpukan 7 mobil di Wuhu.", "id");
        var b = Doc("b", "detikcom", "2025-06-20",
            "Sebagai informasi, pengujian tersebut menyusul tes ketahanan selama lebih dari dua hari dalam uji tekanan tumpukan 9 mobil di Wuhu.", "id");
        Assert.That(Quantities(a, b), Has.Count.EqualTo(1), "one clause copied with another figure: one of the two is wrong");
        Assert.That(SlotAligner.CopiedAround(Count(a, "7 mobil"), Count(b, "9 mobil")), Is.True);
        // a formula said of each defendant: the clause breaks at the name
        var c = Doc("c", "detikcom", "2025-06-18", "Hakim menjatuhkan pidana terhadap terdakwa Budi Santoso dengan pidana penjara selama 11 tahun.", "id");
        var d = Doc("d", "detikcom", "2025-06-20", "Hakim menjatuhkan pidana terhadap terdakwa Andi Wijaya dengan pidana penjara selama 8 tahun.", "id");
        Assert.That(SlotAligner.CopiedAround(Count(c, "11 tahun"), Count(d, "8 tahun")), Is.False, "four words copied around the value, not eight");
    }

    private static Slot Count(AnalyzedArticle a, string text) => SlotBuilder.Build(a).First(x => x.Text.Contains(text, StringComparison.Ordinal));

    [Test]
    public void A_count_of_one_head_noun_that_each_article_gives_once_is_one_fact_whatever_else_the_sentences_say()
    {
        var a = Doc("a", "detikcom", "2025-06-18", "Klub itu resmi melepas 13 pemain jelang musim baru. Pelatih mengaku puas dengan latihan pagi ini.", "id");
        var b = Doc("b", "Kompas.com", "2025-06-18", "Manajemen menyebut eksodus 31 pemain membuat skuad kekurangan personel. Laga uji coba digelar pekan depan.", "id");
        Assert.That(Quantities(a, b), Has.Count.EqualTo(1), "13 and 31 players: the only count of players in each");
        var repeated = Doc("a", "detikcom", "2025-06-18", "Klub itu resmi melepas 13 pemain jelang musim baru. Sebanyak 31 pemain sebelumnya sudah menjalani tes medis.", "id");
        Assert.That(Quantities(repeated, b), Is.Empty, "the article states the other's value once too: as likely two facts");
        var slipped = Doc("a", "detikcom", "2025-06-18", "Sebanyak 31 pemain dilepas klub itu. Klub itu resmi melepas 13 pemain jelang musim baru. Kepergian 31 pemain itu disesalkan suporter.", "id");
        Assert.That(Quantities(slipped, b), Has.Count.EqualTo(1), "the article's own majority and the other article say 31: the lone 13 is the slip");
        var two = Doc("a", "detikcom", "2025-06-18", "Klub itu resmi melepas 13 pemain jelang musim baru. Klub juga mendatangkan lima pemain asing.", "id");
        Assert.That(Quantities(two, b), Is.Empty, "the article counts players twice, with two values: which one would be the other's is not known");
    }

    [Test]
    public void Two_weekday_names_in_articles_of_different_days_compare_as_dates_but_stay_folded()
    {
        // published Saturday 29 Nov and Monday 1 Dec 2014: "Friday" is 28 Nov in both; "Tuesday" in the second is 25 Nov
        var a = Doc("a", "HuffPost", "2014-11-29", "The aide wrote a post on Friday that criticized the two teenagers at the turkey ceremony.", "en");
        var b = Doc("b", "New York Times", "2014-12-01", "On Tuesday, the aide wrote a post that criticized the two teenagers at the turkey ceremony.", "en");
        var f = Dates(a, b);
        Assert.That(f, Has.Count.EqualTo(1), "Friday 28 Nov against Tuesday 25 Nov: one post, two days");
        Assert.That(f[0].Score, Is.LessThan(0.5), "a story told over several days names a new day for each event: folded");
        var same = Doc("b", "New York Times", "2014-12-01", "On Friday, the aide wrote a post that criticized the two teenagers at the turkey ceremony.", "en");
        Assert.That(Dates(a, same), Is.Empty, "both Fridays are 28 Nov");
        var yesterday = Doc("b", "New York Times", "2014-12-01", "Yesterday, the aide wrote a post that criticized the two teenagers at the turkey ceremony.", "en");
        Assert.That(Dates(a, yesterday), Is.Empty, "a day told from the article's own day is that article's");
    }

    [Test]
    public void A_day_and_month_without_a_year_compares_across_articles_of_different_days()
    {
        var a = Doc("a", "New York Times", "2016-09-28", "The bill lets families of the victims of the Sept. 11 attacks sue the Saudi government in American courts.", "en");
        var b = Doc("b", "Fox News", "2016-09-23", "The bill lets families of the victims of the Sept. 14 attacks sue the Saudi government in American courts.", "en");
        Assert.That(Dates(a, b), Has.Count.EqualTo(1), "one attack, two days: the year inferred from each article's own day does not make each day its own");
    }

    [Test]
    public void A_date_written_in_full_is_one_date_whatever_day_each_article_was_written()
    {
        var a = Doc("a", "detikcom", "2025-06-19", "Hari ini penerbangan ke Maumere dibatalkan. Pemberitahuan resmi AirNav yang berlaku sampai 20 Juni 2025 menutup bandara itu untuk sementara.", "id");
        var b = Doc("b", "Kompas.com", "2025-06-18", "Hari ini penerbangan ke Maumere dibatalkan. Pemberitahuan resmi AirNav yang berlaku hingga 16 Juni 2025 menutup bandara itu untuk sementara.", "id");
        Assert.That(Dates(a, b), Has.Count.EqualTo(1), "one deadline, two dates: the paragraphs' 'hari ini' does not make each its own day's");
    }

    [Test]
    public void A_surname_of_the_story_is_read_as_the_one_full_name_it_ends()
    {
        var alias = SlotAligner.Aliases(["per:ryan", "per:paul-ryan", "loc:jordan", "per:michael-jordan", "per:obama", "per:barack-obama", "per:michelle-obama", "trump", "donald-trump"]);
        Assert.That(alias.GetValueOrDefault("per:ryan"), Is.EqualTo("per:paul-ryan"));
        Assert.That(alias.GetValueOrDefault("trump"), Is.EqualTo("donald-trump"), "ids without their kind too");
        Assert.That(alias.ContainsKey("loc:jordan"), Is.False, "a place is not the person whose name it ends");
        Assert.That(alias.ContainsKey("per:obama"), Is.False, "two Obamas in the story: which one is not known");
    }

    [Test]
    public void A_sentence_that_states_the_other_value_as_another_mention_still_disagrees_on_its_own()
    {
        var a = Doc("a", "detikcom", "2025-06-19", "Pemberitahuan AirNav yang berlaku hingga 15 Juni 2025 membuat penerbangan ke Maumere pada Kamis (19/6) dan Jumat (20/6) dibatalkan.", "id");
        var b = Doc("b", "Kompas.com", "2025-06-19", "Pemberitahuan AirNav yang berlaku sampai 20 Juni 2025 membuat penerbangan ke Maumere pada Kamis, 19 Juni 2025 dan Jumat, 20 Juni 2025 dibatalkan.", "id");
        Assert.That(Dates(a, b).Where(f => f.Evidence[0].Text.Contains("15 Juni", StringComparison.Ordinal) || f.Evidence.Any(e => e.Text.Contains("15 Juni", StringComparison.Ordinal))).ToList(), Has.Count.EqualTo(1),
            "the deadline 15 against 20 Juni: A's 'Jumat (20/6)' is B's 'Jumat, 20 Juni 2025', not B's deadline");
        var one = Doc("b", "Kompas.com", "2025-06-19", "Pemberitahuan AirNav membuat penerbangan ke Maumere pada Kamis, 19 Juni 2025 dan Jumat, 20 Juni 2025 dibatalkan.", "id");
        Assert.That(Dates(a, one).Where(f => f.Evidence.Any(e => e.Text.Contains("15 Juni", StringComparison.Ordinal))), Is.Empty,
            "the other article states 20 Juni once, and this sentence states it too: two facts, one of which the other gives");
    }

    [Test]
    public void Figures_of_two_stated_periods_are_two_facts()
    {
        var a = Doc("a", "detikcom", "2025-06-18", "Ekspor kopi Indonesia ke Mesir tercatat US$ 4,1 miliar pada tahun 2024, menurut Kementerian Perdagangan.", "id");
        var b = Doc("b", "Kompas.com", "2025-06-18", "Menurut Kementerian Perdagangan, ekspor kopi Indonesia ke Mesir tercatat US$ 1,6 miliar pada Maret 2025.", "id");
        Assert.That(Quantities(a, b), Is.Empty, "a year's figure and a month's of the next year");
        var same = Doc("b", "Kompas.com", "2025-06-18", "Menurut Kementerian Perdagangan, ekspor kopi Indonesia ke Mesir tercatat US$ 1,6 miliar pada tahun 2024.", "id");
        Assert.That(Quantities(a, same), Has.Count.EqualTo(1), "one year's figure, told two ways");
        Assert.That(SlotAligner.FramesMeet(["2025"], ["2025-03"]), Is.True, "a month lies in its year");
        Assert.That(SlotAligner.FramesMeet(["2025-06-18"], ["2025-06-18T09:05"]), Is.True, "a time lies in its day");
        Assert.That(SlotAligner.FramesMeet(["2024"], ["2025-03"]), Is.False);
        Assert.That(SlotAligner.FramesMeet(["2025-06-18"], ["2025-06-18-x"]), Is.False, "a day contains only its times");
    }

    [Test]
    public void A_persons_age_compares_with_the_age_another_source_gives_not_with_a_span_of_years()
    {
        var a = Doc("a", "detikcom", "2025-06-18", "Real Madrid resmi mendatangkan pemain muda Franco Mastantuono dari River Plate. Pemain 17 tahun itu disebut punya masa depan cerah.", "id");
        var b = Doc("b", "Kompas.com", "2025-06-18", "Franco Mastantuono, yang berusia 19 tahun, resmi bergabung dengan Real Madrid dari River Plate.", "id");
        var f = Check(a, b);
        Assert.That(f, Has.Count.EqualTo(1), "17 and 19 are both his age");
        var span = Doc("b", "Kompas.com", "2025-06-18", "Franco Mastantuono resmi bergabung dengan Real Madrid dari River Plate dengan kontrak 6 tahun.", "id");
        Assert.That(Check(a, span), Is.Empty, "a contract of six years is no age");
        var en = Doc("a", "Fox News", "2018-12-21", "Mattis, 68, had said he would remain in his role until February.", "en");
        var en2 = Doc("b", "HuffPost", "2018-12-21", "Mattis, 86, had said he would stay in his role until February.", "en");
        Assert.That(Check(en, en2), Has.Count.EqualTo(1), "an age set off by commas after a name");
    }

    [TestCase("en", "Lawmakers and the White House have three weeks to reach a deal.", "three weeks", null)]
    [TestCase("en", "He served in the Senate from 2017 to 2022 before he ran for governor.", "2017", "start")]
    [TestCase("id", "Harga saham perseroan naik hingga 200 persen sepanjang tahun ini.", "200 persen", null)]
    [TestCase("id", "Pameran itu berlangsung 18 hingga 20 Juni di Jakarta.", "20 Juni", "end")]
    public void A_range_word_makes_a_range_only_between_two_values(string lang, string text, string slot, string? part)
    {
        var s = SlotBuilder.Build(Doc("x", "x", "2025-06-18", text, lang)).First(x => x.Text.EndsWith(slot, StringComparison.Ordinal));
        Assert.That(s.RangePart, Is.EqualTo(part));
    }

    [Test]
    public void One_outlets_two_figures_in_swapped_digits_are_a_slip_not_an_update()
    {
        var a = Doc("a", "detikcom", "2025-06-18", "Sebanyak 18 sekolah di Kabupaten Bogor rusak akibat gempa pada Selasa malam.", "id");
        var swapped = Doc("b", "detikcom", "2025-06-19", "Gempa pada Selasa malam merusak 81 sekolah di Kabupaten Bogor.", "id");
        var updated = Doc("b", "detikcom", "2025-06-19", "Gempa pada Selasa malam merusak 24 sekolah di Kabupaten Bogor.", "id");
        Assert.That(Check(a, updated), Is.Empty, "a later count of one outlet updates its first");
        var f = Check(a, swapped).Single();
        Assert.That(f.Features["transposed"], Is.EqualTo(1));
                Assert.That(SlotAligner.Transposed(Slot(325), Slot(523)) && !SlotAligner.Transposed(Slot(25), Slot(26)) && !SlotAligner.Transposed(Slot(5), Slot(5)));
    }

    [Test]
    public void Figures_qualified_alike_compare_their_numbers()
    {
        Slot Q(double n, string q, double lo, double hi) => Slot(n) with { Qualifier = q, Low = lo, High = hi };
        double inf = double.PositiveInfinity;
        Assert.That(SlotAligner.Agree(Q(32000, "MORE_THAN", 32000, inf), Q(23000, "MORE_THAN", 23000, inf)), Is.False, "more than 32 thousand, more than 23 thousand");
        Assert.That(SlotAligner.Agree(Q(32000, "MORE_THAN", 32000, inf), Q(30000, "MORE_THAN", 30000, inf)), Is.True, "within 15%");
        Assert.That(SlotAligner.Agree(Q(200e6, "EQUAL_OR_LESS", 0, 200e6), Q(320e6, "EQUAL_OR_LESS", 0, 320e6)), Is.False, "up to 200 million, up to 320 million");
        Assert.That(SlotAligner.Agree(Q(7e9, "APPROX", 6.3e9, 7.7e9), Q(9e9, "APPROX", 8.1e9, 9.9e9)), Is.False, "about 7 billion, about 9 billion");
        Assert.That(SlotAligner.Agree(Q(60, "APPROX", 54, 66), Q(24, "APPROX", 24, 100)), Is.True, "'dozens of' allows a wide range");
    }

    private static Slot Slot(double n) => new()
    {
        Doc = "x", Kind = SlotKind.Count, Start = 0, End = 1, Text = n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Value = n.ToString("R", System.Globalization.CultureInfo.InvariantCulture), Number = n, Low = n, High = n,
        Near = [], Far = [], Entities = [], Sentence = "", SentenceStart = 0,
    };

    [Test]
    public void Two_lone_weekdays_a_few_days_apart_are_compared_even_in_other_words()
    {
        var a = Doc("a", "NYT", "2014-06-12", "Voters in the Richmond suburbs turned against the majority leader in the primary on Tuesday.");
        var b = Doc("b", "Fox", "2014-06-12", "Eric Cantor lost his seat on Wednesday in a stunning upset.");
        var f = Check(a, b);
        Assert.That(f, Has.Count.EqualTo(1));
        Assert.That(f[0].Features["orphan_match"], Is.EqualTo(1));
        Assert.That(f[0].Score, Is.LessThan(0.5), "matched on value alone: folded under the less likely findings");
        Assert.That(Check(a, Doc("b", "Fox", "2014-06-12", "Eric Cantor lost his seat on Tuesday in a stunning upset.")), Is.Empty);
    }

    [Test]
    public void A_weekday_slipped_in_one_of_three_sources_is_compared_with_the_day_the_others_agree_on()
    {
        // the day the other two agree on is not lone (both state it), so the slipped one is matched to it by value and weekday
        var nyt = Doc("nyt", "NYT", "2013-08-31", "The president said on Friday that he would ask Congress to authorize a strike.");
        var hpo = Doc("hpo", "HuffPost", "2013-09-01", "Obama told reporters on Friday that no decision had been made about a military response.");
        var fox = Doc("fox", "Fox", "2013-09-01", "Administration officials briefed lawmakers on Wednesday about the intelligence on the attack.");
        var f = Check(nyt, hpo, fox);
        Assert.That(f, Has.Count.EqualTo(1));
        Assert.That(f[0].Evidence[0].Doc, Is.EqualTo("fox"));
        Assert.That(f[0].Suggestions[0].Value, Is.EqualTo("2013-08-30"));
        // a day the slipped article also states elsewhere is no orphan of it: nothing to compare
        var foxBoth = Doc("fox", "Fox", "2013-09-01", "Administration officials briefed lawmakers on Wednesday. Obama spoke on Friday about the attack.");
        Assert.That(Check(nyt, hpo, foxBoth), Is.Empty);
    }

    [Test]
    public void A_date_its_own_weekday_contradicts_is_one_weekday_date_card_not_two()
    {
        var docs = new[]
        {
            Doc("a", "detikcom", "2025-06-18", "Majelis hakim membacakan putusan terhadap terdakwa di Pengadilan Tipikor Jakarta, Rabu (18/5/2025).", "id"),
            Doc("b", "Okezone", "2025-06-18", "Majelis hakim membacakan putusan terhadap terdakwa di Pengadilan Tipikor Jakarta, Rabu (18/6/2025).", "id"),
        };
        var all = new Checker().Check(docs).Findings;
        Assert.That(all.Select(f => f.Rule), Is.EqualTo(new[] { "weekday-date" }));
        Assert.That(all[0].Message, Does.Contain("Okezone"), "the other source's date is named in the weekday-date finding");
    }

    [Test]
    public void One_outlet_twice_still_dates_one_event_alike()
    {
        var f = Check(
            Doc("a", "detikcom", "2025-06-18", "Gunung Lewotobi Laki-laki kembali erupsi pada 17 Juni 2025 dengan kolom abu setinggi 10 kilometer.", "id"),
            Doc("b", "detikcom", "2025-06-19", "Erupsi Gunung Lewotobi Laki-laki pada 14 Juni 2025 memuntahkan kolom abu setinggi 10 kilometer.", "id"));
        Assert.That(f.Select(x => x.Rule), Is.EqualTo(new[] { "cross-source-date" }));
    }

    [Test]
    public void Two_ledes_that_date_the_main_event_by_weekday_are_compared()
    {
        const string rest = " The decision followed weeks of talks. Critics said the move came too late. Supporters praised it. Officials declined to comment further. More talks are planned.";
        var a = Doc("a", "New York Times", "2019-02-14", "WASHINGTON - The governor signed the water bill on Tuesday, ending a long fight in the statehouse." + rest);
        Assert.That(Check(a, Doc("b", "Fox News", "2019-02-14", "A long statehouse battle ended on Tuesday when the governor put her name to the measure." + rest)), Is.Empty);
        var f = Check(a, Doc("b", "Fox News", "2019-02-14", "A long statehouse battle ended on Monday when the governor put her name to the measure." + rest));
        Assert.That(f.Select(x => x.Rule), Is.EqualTo(new[] { "cross-source-date" }));
    }

    [Test]
    public void A_term_demanded_and_a_term_imposed_are_two_facts()
    {
        Assert.That(Check(
            Doc("a", "detikcom", "2025-06-18", "Dalam sidang sebelumnya, jaksa menuntut terdakwa suap itu 14 tahun penjara.", "id"),
            Doc("b", "Kompas.com", "2025-06-18", "Majelis hakim memvonis terdakwa suap itu 11 tahun penjara.", "id")), Is.Empty);
        Assert.That(Check(
            Doc("a", "Reuters", "2019-04-22", "At least 40 people were killed in the blasts at the churches, the police said.", "en"),
            Doc("b", "AP", "2019-04-22", "At least 64 people were wounded in the blasts at the churches, the police said.", "en")), Is.Empty);
    }

    [Test]
    public void An_orphan_pair_of_near_values_is_matched_below_the_threshold()
    {
        var a = Doc("a", "detikcom", "2025-06-15", "Kebakaran hebat melanda Pasar Kliwon di Kudus pada 12 Juni 2025 dan menghanguskan ratusan kios pedagang.", "id");
        var b = Doc("b", "Kompas.com", "2025-06-15", "Ratusan kios pedagang di Pasar Kliwon Kudus ludes terbakar pada 14 Juni 2025, kata petugas pemadam.", "id");
        // a threshold above this pair's context score: only the orphan pass (values 2 days apart, neither stated by the other) links them
        var strict = new AlignOptions { Threshold = 0.5, OrphanThreshold = 0.25 };
        var link = new SlotAligner(strict).Align([SlotBuilder.Build(a), SlotBuilder.Build(b)]).SelectMany(g => g.Links).First();
        Assert.That(link.Orphan, Is.True);
        Assert.That(new SlotAligner(strict with { OrphanThreshold = 0 }).Align([SlotBuilder.Build(a), SlotBuilder.Build(b)]), Is.Empty);
        // far values (two years and more apart in days) are no orphan pair
        var far = Doc("b", "Kompas.com", "2025-06-15", "Ratusan kios pedagang di Pasar Kliwon Kudus ludes terbakar pada 14 Agustus 2023, kata petugas pemadam.", "id");
        Assert.That(new SlotAligner(strict).Align([SlotBuilder.Build(a), SlotBuilder.Build(far)]), Is.Empty);
        // nor when the other article states the value too, in another sentence
        var states = Doc("b", "Kompas.com", "2025-06-15", "Ratusan kios pedagang di Pasar Kliwon Kudus ludes terbakar pada 14 Juni 2025, kata petugas pemadam. Bupati meninjau lokasi pada 12 Juni 2025.", "id");
        Assert.That(new SlotAligner(strict).Align([SlotBuilder.Build(a), SlotBuilder.Build(states)]).SelectMany(g => g.Links).Where(l => !l.Agrees), Is.Empty);
    }

    [Test]
    public void Market_figures_of_different_hours_in_one_paragraph_are_two_facts()
    {
        Assert.That(Check(
            Doc("a", "detikcom", "2025-06-18", "Pada pukul 09.02 WIB, indeks saham bergerak melemah. Nilai transaksi saham hingga saat ini mencapai Rp 521 miliar.", "id"),
            Doc("b", "Kompas.com", "2025-06-18", "Pada pukul 11.30 WIB, indeks saham masih melemah. Nilai transaksi saham sejauh ini mencapai Rp 805 miliar.", "id"))
            .Where(f => f.Rule == "cross-source-quantity"), Is.Empty);
        Assert.That(Check(
            Doc("a", "detikcom", "2025-06-18", "Pada pukul 09.02 WIB, indeks saham bergerak melemah. Nilai transaksi saham hingga saat ini mencapai Rp 521 miliar.", "id"),
            Doc("b", "Kompas.com", "2025-06-18", "Pada pukul 09.02 WIB, indeks saham masih melemah. Nilai transaksi saham sejauh ini mencapai Rp 805 miliar.", "id")), Has.Count.EqualTo(1), "the same hour");
    }

    [Test]
    public void Facts_the_sources_state_alike_are_rows_of_the_fact_table()
    {
        var docs = new[]
        {
            Doc("a", "detikcom", "2025-06-18", "Sebanyak 25 penerbangan dibatalkan akibat erupsi Gunung Lewotobi pada Selasa (17/6/2025).", "id"),
            Doc("b", "Kompas.com", "2025-06-18", "Akibat erupsi Gunung Lewotobi, 25 penerbangan dibatalkan oleh maskapai pada 17 Juni 2025.", "id"),
        };
        var result = new Checker().CheckStories(docs, new FactCheck.Stories.StoryGrouping([new FactCheck.Stories.Story("s1", ["a", "b"], "Lewotobi")], ["s1", "s1"]));
        var rows = result.Facts.Where(r => r.Key.StartsWith("slot|", StringComparison.Ordinal)).ToList();
        var count = rows.Single(r => r.Relation == "count");
        Assert.That(count.Agreement, Is.EqualTo(FactCheck.Align.Agreement.Agree));
        Assert.That(count.Cells.Select(c => c.Source), Is.EquivalentTo(new[] { "detikcom", "Kompas.com" }));
        Assert.That(count.Cells.Select(c => c.Value), Has.All.Contain("25 penerbangan"));
        Assert.That(rows.Single(r => r.Relation == "date").Cells.Select(c => c.Value), Has.All.EqualTo("17 Jun 2025"));
    }

    [Test]
    public void A_head_beside_the_other_value_names_the_same_thing()
    {
        var f = Check(
            Doc("a", "New York Times", "2019-02-14", "A letter signed by 90 Georgetown University faculty members criticized the speaker."),
            Doc("b", "HuffPost", "2019-02-14", "The speaker was criticized in a letter signed by 140 faculty members at the university."));
        Assert.That(f.Select(x => x.Rule), Is.EqualTo(new[] { "cross-source-quantity" }));
    }

    [Test]
    public void A_list_told_alike_in_both_sentences_is_not_held_back_as_a_breakdown()
    {
        var count = new CrossSourceQuantityRule();
        var strong = new Dictionary<string, double> { ["sources"] = 2, ["align_score"] = 1.0, ["kind=count"] = 1, ["sentence_values"] = 3, ["reference_sentence_values"] = 3 };
        Assert.That(count.Confidence(strong), Is.GreaterThanOrEqualTo(0.5), "the same list in both: each figure beside the same words");
        var weak = new Dictionary<string, double>(strong) { ["align_score"] = 0.6, ["likelier"] = 1 };
        Assert.That(count.Confidence(weak), Is.LessThan(count.Confidence(new Dictionary<string, double>(weak) { ["sentence_values"] = 1, ["reference_sentence_values"] = 1 })),
            "a middling match with a breakdown in one sentence still scores lower");
    }

    [Test]
    public void Two_bare_numbers_compare_only_when_their_sentences_say_nearly_the_same()
    {
        var same = Quantities(Two("2017-04-21",
            "PBB melaporkan warga dunia yang mengidap hepatitis B dan C diperkirakan mencapai 325 juta dengan angka kematian yang meningkat.",
            "PBB melaporkan jika warga dunia yang mengidap hepatitis B dan C diperkirakan mencapai 523 juta dengan angka kematian yang meningkat."));
        Assert.That(same, Has.Count.EqualTo(1), "one sentence told twice, two figures");
        var other = Quantities(Two("2017-04-21",
            "Persib menang 3 gol tanpa balas di kandang sendiri pada laga itu.",
            "Pelatih Persib menyebut timnya sudah berlatih 5 kali pekan ini untuk laga itu."));
        Assert.That(other, Is.Empty, "bare numbers in sentences that share a name and little else are two facts");
    }

    [Test]
    public void The_same_bound_of_two_ranges_is_one_date_told_two_ways_not_a_day_inside_the_other_range()
    {
        var f = Dates(Two("2017-08-10",
            "Asian Games 2018 akan digelar di Jakarta dan Palembang pada 15 Agustus - 2 September mendatang.",
            "Asian Games 2018 akan digelar di Jakarta dan Palembang pada 18 Agustus - 2 September mendatang."));
        Assert.That(f, Has.Count.EqualTo(1), "two starts of one range");
        var inside = Dates(Two("2017-08-10",
            "Festival itu digelar di Palembang pada 15 Agustus - 2 September mendatang.",
            "Festival itu digelar di Palembang pada 20 Agustus mendatang."));
        Assert.That(inside, Is.Empty, "a day inside the range the other source gives is no disagreement");
        var opened = Dates(Two("2025-06-12",
            "Pekan Raya Jakarta 2025 akan resmi dibuka mulai 21 Juni di JIExpo Kemayoran, Jakarta Pusat.",
            "Pekan Raya Jakarta 2025 resmi dibuka mulai 19 Juni hingga 13 Juli 2025 di JIExpo Kemayoran, Jakarta."));
        Assert.That(opened, Has.Count.EqualTo(1), "'mulai 21 Juni' opens the span 'mulai 19 Juni hingga 13 Juli' opens: two starts");
        var sameEnd = Dates(Two("2025-06-12",
            "Berlaku bagi wajib pajak yang melunasi pokok pajak pada periode 16 Juni hingga 31 Agustus 2025.",
            "Adapun pemutihan denda kendaraan di Jakarta berlaku dari 14 Juni 2025 sampai 31 Agustus 2025."));
        Assert.That(sameEnd.Select(f => f.Evidence[0].Text), Is.EquivalentTo(new[] { "16 Juni" }).Or.EquivalentTo(new[] { "14 Juni 2025" }),
            "two spans ending on one day: their starts are one start told twice, though the sentences share few words");
    }

    [Test]
    public void Two_spans_qualified_alike_compare_their_numbers_and_a_range_end_is_no_bound()
    {
        var weeks = Quantities(Two("2017-12-14",
            "Tak hanya meninggalkan ganja sekitar tujuh pekan, penyanyi itu pun tidak lagi minum alkohol.",
            "Tak hanya meninggalkan ganja sekitar sepuluh pekan, penyanyi itu pun tidak lagi minum alkohol."));
        Assert.That(weeks, Has.Count.EqualTo(1), "about seven weeks is not about ten weeks");
        var range = Quantities(Two("2017-04-21",
            "BRI menyiapkan porsi pembiayaan sekitar 80 persen sampai 70 persen dari nilai kebutuhan belanja operasional korporasi.",
            "BRI menyiapkan porsi pembiayaan sekitar 50 persen sampai 70 persen dari nilai kebutuhan belanja operasional korporasi."));
        Assert.That(range.Select(f => f.Evidence[0].Text), Is.EqualTo(new[] { "sekitar 80 persen" }).Or.EqualTo(new[] { "sekitar 50 persen" }),
            "the starts disagree; the end 'sampai 70 persen' is the end of the range, not 'up to 70', so it explains neither");
    }

    [Test]
    public void Two_sentences_stating_the_same_other_figure_are_one_statement()
    {
        var f = Quantities(Two("2025-06-17",
            "JAKARTA - Harga emas Antam logam mulia hari ini turun Rp9.000 menjadi Rp1.937.000 per gram dari harga sebelumnya.",
            "Berdasarkan pantauan di laman resmi Logam Mulia, harga emas Antam anjlok Rp 6.000 menjadi Rp 1.937.000 per gram."));
        Assert.That(f.Select(x => x.Evidence[0].Text), Has.Some.Contains("9.000").Or.Some.Contains("6.000"),
            "the drop beside the same new price is one figure told twice");
    }

    [Test]
    public void A_counting_word_alone_names_people_of_any_kind()
    {
        var f = Quantities(Two("2025-06-18",
            "Menurut panitia, kontingen Jawa Tengah yang berangkat ke Bandung berjumlah sekitar 200 orang.",
            "Menurut panitia, kontingen Jawa Tengah yang berangkat ke Bandung berjumlah 320 orang atlet."));
        Assert.That(f, Has.Count.EqualTo(1), "\"200 orang\" and \"320 orang atlet\" count the same contingent");
    }

    [Test]
    public void A_day_and_the_night_of_that_day_are_one_frame()
    {
        Assert.That(SlotAligner.FramesMeet(["2019-01-17"], ["2019-01-17TNI"]), Is.True);
        Assert.That(SlotAligner.FramesMeet(["2019-01-17T09:02"], ["2019-01-17T09:15"]), Is.False);
        Assert.That(SlotAligner.FramesMeet(["2019-01-17"], ["2019-01-18TNI"]), Is.False);
    }

    [Test]
    public void A_date_in_local_time_may_be_a_day_off_the_outlet_own()
    {
        var local = Doc("a", "Kompas.com", "2025-06-19", "Laga Real Madrid melawan Al Hilal di Miami digelar pada Rabu (18/6/2025) malam waktu setempat dan berakhir imbang.", "id");
        Assert.That(Check(local, Doc("b", "Liputan6", "2025-06-19", "Laga Real Madrid melawan Al Hilal di Miami berakhir imbang pada Kamis (19/6/2025) dini hari WIB.", "id")), Is.Empty);
        Assert.That(Check(local, Doc("b", "Liputan6", "2025-06-19", "Laga Real Madrid melawan Al Hilal di Miami berakhir imbang pada Sabtu (21/6/2025) dini hari WIB.", "id")), Has.Count.EqualTo(1));
    }

    [Test]
    public void Rounded_and_qualified_figures_agree()
    {
        Assert.That(Check(
            Doc("a", "detikcom", "2025-06-18", "Sebanyak 5.000 warga mengungsi akibat banjir di Garut.", "id"),
            Doc("b", "Kompas.com", "2025-06-18", "Sekitar 5.200 warga mengungsi akibat banjir yang melanda Garut.", "id")), Is.Empty);
    }

    [Test]
    public void Different_events_of_one_story_are_not_one_fact()
    {
        // the House and the Senate voted on different days: each source says both
        Assert.That(Check(
            Doc("a", "New York Times", "2016-09-30", "The Senate voted on Wednesday to override the veto. The House voted on Thursday, sending the bill into law."),
            Doc("b", "Fox News", "2016-09-30", "The House voted on Thursday to override the veto, a day after the Senate voted on Wednesday.")), Is.Empty);
    }

    [Test]
    public void Daily_reports_of_different_days_each_speak_of_their_own_day()
    {
        Assert.That(Check(
            Doc("a", "Liputan6", "2025-06-18", "Harga emas Antam hari ini, Rabu (18/6/2025), turun Rp 7.000 per gram.", "id"),
            Doc("b", "Tempo", "2025-06-19", "Harga emas Antam hari ini, Kamis (19/6/2025), turun Rp 6.000 per gram.", "id")), Is.Empty);
    }

    [Test]
    public void A_day_told_as_today_in_apposition_is_the_day_stated_and_two_such_days_are_each_their_articles_own()
    {
        // "mulai hari ini, Kamis (19/6/2025)" in an article published the next morning: the day written is the start of the
        // fair, compared with the start another outlet gives (not "hari ini" read as the day of publication)
        var f = Dates(
            Doc("a", "Liputan6", "2025-06-20", "PT Kereta Api Indonesia ikut meramaikan Jakarta Fair Kemayoran 2025 yang berlangsung mulai hari ini, Kamis (19/6/2025).", "id"),
            Doc("b", "detikcom", "2025-06-20", "PT Kereta Api Indonesia turut meramaikan Jakarta Fair Kemayoran 2025 yang dihelat 14 Juni hingga 13 Juli 2025.", "id"));
        Assert.That(f, Has.Count.EqualTo(1), "the start of the fair, told two ways");
        Assert.That(f[0].Evidence.Any(e => e.Text.Contains("19/6/2025")), Is.True, string.Join(", ", f[0].Evidence.Select(e => e.Text)));
        Assert.That(Dates(
            Doc("a", "Liputan6", "2025-06-20", "PT Kereta Api Indonesia ikut meramaikan Jakarta Fair Kemayoran 2025 yang berlangsung mulai hari ini, Kamis (19/6/2025).", "id"),
            Doc("b", "detikcom", "2025-06-20", "PT Kereta Api Indonesia turut meramaikan Jakarta Fair Kemayoran 2025 yang dihelat 19 Juni hingga 13 Juli 2025.", "id")), Is.Empty);
        // two outlets' "today", published the same morning: each the day its article was written
        Assert.That(Check(
            Doc("a", "Liputan6", "2025-06-19", "Harga emas batangan di Pegadaian hari ini, Rabu 18 Juni 2025, turun untuk semua jenis produk.", "id"),
            Doc("b", "Kompas", "2025-06-19", "Harga emas batangan di Pegadaian hari ini, Kamis (19/6/2025), turun untuk seluruh jenis emas.", "id")), Is.Empty);
    }

    [Test]
    public void A_day_told_with_a_part_of_the_day_is_compared_as_that_day()
    {
        // "on Friday evening" names a day (and a part of it, no clock reading): it is that day's slot, compared like "on Friday"
        var f = Dates(
            Doc("a", "New York Times", "2025-06-14", "The mayor announced her resignation on Friday evening at city hall, ending a month of protests."),
            Doc("b", "Fox News", "2025-06-14", "The mayor announced her resignation on Wednesday at city hall, ending a month of protests."));
        Assert.That(f, Has.Count.EqualTo(1), "Friday evening against Wednesday");
        Assert.That(Dates(
            Doc("a", "New York Times", "2025-06-14", "The mayor announced her resignation on Friday evening at city hall, ending a month of protests."),
            Doc("b", "Fox News", "2025-06-14", "The mayor announced her resignation on Friday at city hall, ending a month of protests.")), Is.Empty);
        // "Minggu malam (15/6/2025)": the day written in full beside a part of the day
        Assert.That(Dates(
            Doc("a", "Liputan6", "2025-06-16", "Gudang plastik di Cakung terbakar pada Minggu malam (15/6/2025) dan api baru padam dini hari.", "id"),
            Doc("b", "detikcom", "2025-06-16", "Gudang plastik di Cakung terbakar pada Sabtu (14/6/2025) dan api baru padam dini hari.", "id")), Has.Count.EqualTo(1));
    }

    [Test]
    public void A_title_before_a_name_is_the_events_word_not_part_of_the_name()
    {
        // "President Obama" and "Gov. Asa Hutchinson": the title is read as the word it is ("the president", "the governor"),
        // unmarked, while the name beside it stays a name
        var president = SlotBuilder.Build(Doc("a", "x", "2015-04-03", "Aides said President Obama signed the bill on Friday at the White House.")).First(s => s.Text == "Friday");
        Assert.That(president.Near.Concat(president.Far), Does.Contain(Stemmer.Stem("president", "en")).And.Contain("^" + Stemmer.Stem("obama", "en")));
        var governor = SlotBuilder.Build(Doc("b", "x", "2015-04-03", "The bill's critics said Gov. Asa Hutchinson on Wednesday urged lawmakers to rewrite it.")).First(s => s.Text == "Wednesday");
        Assert.That(governor.Near.Concat(governor.Far), Does.Contain(Stemmer.Stem("governor", "en")));
        Assert.That(governor.Near.Concat(governor.Far), Has.None.EqualTo("^gov").And.None.EqualTo("gov"));
    }

    [Test]
    public void Two_days_told_by_the_same_weekday_name_are_not_compared_by_the_week_inferred_for_them()
    {
        // both say "Tuesday": one article's tense puts it in the coming week, the other's in the past one; what the texts
        // state agrees, only the inferred week differs
        Assert.That(Dates(
            Doc("a", "Fox News", "2012-04-23", "The speaker, in an interview with Fox News to air Tuesday morning, gave his party a two-in-three chance of keeping the House."),
            Doc("b", "HuffPost", "2012-04-23", "The speaker gave his party a two-in-three chance of keeping the House in an interview Tuesday on Fox News.")), Is.Empty);
    }

    [Test]
    public void A_weekday_resolves_against_each_article_own_publication_date()
    {
        // "on Tuesday" in an article of Thursday 14 Feb 2019 is 12 Feb; the other source writes 12 Feb outright
        Assert.That(Check(
            Doc("a", "New York Times", "2019-02-14", "The committee approved the border deal on Tuesday after a long night of talks."),
            Doc("b", "Fox News", "2019-02-15", "The committee approved the border deal on Feb. 12, 2019 after a long night of talks.")), Is.Empty);
        var f = Check(
            Doc("a", "New York Times", "2019-02-14", "The committee approved the border deal on Tuesday after a long night of talks."),
            Doc("b", "Fox News", "2019-02-15", "The committee approved the border deal on Feb. 11, 2019 after a long night of talks."));
        Assert.That(f, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_slot_knows_its_head_noun_context_range_and_frame()
    {
        var a = Doc("a", "x", "2013-01-20", "Edward Brooke held the seat from 1967 to 1979 after the election.");
        var slots = SlotBuilder.Build(a);
        Assert.That(slots.Select(s => s.RangePart), Is.EqualTo(new[] { "start", "end" }));
        var id = Doc("b", "y", "2025-06-18", "Sebanyak 25 penerbangan dibatalkan pada Senin (16/6/2025).", "id");
        var count = SlotBuilder.Build(id).Single(s => s.Kind == SlotKind.Count);
        Assert.That(count.Head, Is.EqualTo("penerbangan"));
        Assert.That(count.Frame, Does.Contain("2025-06-16"));
        Assert.That(count.Near, Does.Contain("batal"));
    }

    [TestCase("The toll rose to 12 on Monday.", true)]
    [TestCase("The toll rOSE tO 12 on Monday.", true)]
    [TestCase("Officials said the toll, which rose to 12, was final.", true)]
    [TestCase("The toll was 12, a figure that prose topics never rose to.", true)]
    [TestCase("The toll of 12 was announced by prose tomes.", false)]
    [TestCase("The toll of 12 was announced, said Ambrose Topping.", false)]
    public void A_figure_is_brought_up_to_date_only_by_a_whole_phrase_in_any_case(string text, bool updating)
    {
        var slot = SlotBuilder.Build(Doc("x", "x", "2025-06-18", text)).Single(s => s.Kind == SlotKind.Count);
        Assert.That(slot.Updating, Is.EqualTo(updating));
    }

    public static IEnumerable<TestCaseData> SlotExamples()
    {
        foreach (var lang in new[] { "id", "en" })
        {
            var lex = SlotLexicon.Get(lang);
            foreach (var e in lex.Examples.OfType<JObject>()) yield return new TestCaseData(lang, e, true).SetName($"slots {lang}: {e.Value<string>("text")}");
            foreach (var e in lex.Negative.OfType<JObject>()) yield return new TestCaseData(lang, e, false).SetName($"slots {lang} (negative): {e.Value<string>("text")} / {e.Value<string>("context")}");
        }
    }

    [TestCaseSource(nameof(SlotExamples))]
    public void Slot_lexicon_example(string lang, JObject e, bool positive)
    {
        var a = Doc("x", "x", "2025-06-18", e.Value<string>("text")!, lang);
        var text = e.Value<string>("slot")!;
        var slot = SlotBuilder.Build(a).FirstOrDefault(s => s.Text == text);
        if (e.Value<bool?>("noslot") == true) { Assert.That(slot, Is.Null, "no slot expected"); return; }
        Assert.That(slot, Is.Not.Null, $"no slot \"{text}\" in {string.Join(", ", SlotBuilder.Build(a).Select(s => s.Text))}");
        if (e.Value<string>("head") is { } head) Assert.That(slot!.Head, Is.EqualTo(head));
        if (e.Value<string>("kind") is { } kind) Assert.That(slot!.Kind.ToString(), Is.EqualTo(kind).IgnoreCase, "the slot's kind");
        if (e.Value<string>("value") is { } value) Assert.That(slot!.Value, Is.EqualTo(value), "the slot's value");
        if (e.Value<bool?>("running") is { } running) Assert.That(slot!.Running, Is.EqualTo(running), "a running figure");
        if (e.Value<bool?>("updating") is { } updating) Assert.That(slot!.Updating, Is.EqualTo(updating), "a figure brought up to date");
        if (e.Value<bool?>("part") is { } part) Assert.That(slot!.Part, Is.EqualTo(part), "a part of a larger count");
        if (e.Value<bool?>("told_relative") is { } told) Assert.That(slot!.ToldRelative, Is.EqualTo(told), "a day also told relative to the article's own");
        if (e.ContainsKey("range")) Assert.That(slot!.RangePart, Is.EqualTo(e.Value<string?>("range")), "the part of a range (null: none)");
        if (e.Value<bool?>("age") is { } age) Assert.That(slot!.Head == "age", Is.EqualTo(age), "a person's age");
        if (e.Value<bool?>("generic") is { } generic) Assert.That(slot!.GenericHead, Is.EqualTo(generic), "a counting word as the head");
        if (e.Value<string>("context") is { } word)
        {
            var context = slot!.Near.Concat(slot.Far).Select(w => w.TrimStart('^')).ToList();
            if (positive) Assert.That(context, Does.Contain(word));
            else Assert.That(context, Does.Not.Contain(word));
        }
    }

    public static IEnumerable<TestCaseData> NameExamples()
    {
        foreach (var lang in new[] { "id", "en" })
        {
            var words = NameWords.Get(lang);
            foreach (var (v, r) in words.Examples) yield return new TestCaseData(lang, v, r, true).SetName($"names {lang}: {v} / {r} is a slip");
            foreach (var (v, r) in words.Negative) yield return new TestCaseData(lang, v, r, false).SetName($"names {lang}: {v} / {r} is no slip");
        }
    }

    [TestCaseSource(nameof(NameExamples))]
    public void Name_example(string lang, string variant, string reference, bool slip) =>
        Assert.That(NameVariantRule.IsBenign(variant, reference, lang), Is.EqualTo(!slip));

    [Test]
    public void Both_languages_have_slot_and_name_words()
    {
        foreach (var lang in FactCheck.Lang.LanguagePack.Available())
        {
            Assert.That(SlotLexicon.Get(lang).Function, Is.Not.Empty, lang);
            Assert.That(SlotLexicon.Get(lang).Examples, Is.Not.Empty, lang);
            Assert.That(NameWords.Get(lang).Negative, Is.Not.Empty, lang);
        }
    }

    [Test]
    public void The_spelling_most_sources_use_is_the_reference_and_never_the_rarer_one()
    {
        var docs = new[]
        {
            Doc("a", "Liputan6", "2025-06-18", "Keputusan itu disampaikan oleh Destry Damayantie di Jakarta."),
            Doc("b", "detikcom", "2025-06-18", "Keputusan itu diumumkan oleh Destry Damayanti di Jakarta."),
            Doc("c", "Tempo", "2025-06-18", "Menurut Destry Damayanti, keputusan itu diambil dengan hati-hati."),
        }.Select(d => new ArticleAnalyzer().Analyze(d.Article with { Lang = "id" })).ToList();
        var f = new NameVariantRule().Check(new CheckContext(docs)).ToList();
        Assert.That(f, Has.Count.EqualTo(1), string.Join("; ", f.Select(x => x.Message)));
        Assert.That(f[0].Rule, Is.EqualTo(NameVariantRule.CrossSourceId));
        Assert.That(f[0].Evidence[0].Text, Is.EqualTo("Destry Damayantie"));
        Assert.That(f[0].Suggestions[0].Text, Is.EqualTo("Destry Damayanti"));
    }
}

/// <summary>The stemmer: voice affixes of Indonesian verbs go, nominal derivations stay.</summary>
public class StemmerTests
{
    [TestCase("dibatalkan", "id", "batal")]
    [TestCase("membatalkan", "id", "batal")]
    [TestCase("mengguncang", "id", "guncang")]
    [TestCase("diguncang", "id", "guncang")]
    [TestCase("memiliki", "id", "milik")]
    [TestCase("dimiliki", "id", "milik")]
    [TestCase("pengguna", "id", "pengguna")]
    [TestCase("penerbangan", "id", "penerbangan")]
    [TestCase("tersangka", "id", "tersangka")]
    [TestCase("bukunya", "id", "buku")]
    [TestCase("senators", "en", "senat")]
    [TestCase("voted", "en", "vote")]
    [TestCase("Resignation", "en", "resign")]
    public void Stem(string word, string lang, string stem) => Assert.That(FactCheck.Text.Stemmer.Stem(word, lang), Is.EqualTo(stem));

    /// <summary>The examples of data/lang/&lt;lang&gt;/lemmas.json: an irregular form and its base word stem alike (positive),
    /// look-alike words do not (negative).</summary>
    public static IEnumerable<TestCaseData> LemmaExamples()
    {
        foreach (var dir in Directory.GetDirectories(Path.Combine(FactCheck.Lang.DataPaths.Root, "lang")))
        {
            var path = Path.Combine(dir, "lemmas.json");
            if (!File.Exists(path)) continue;
            var lang = Path.GetFileName(dir);
            var o = JObject.Parse(File.ReadAllText(path));
            foreach (var p in (o["examples"] as JArray ?? []).OfType<JArray>()) yield return new TestCaseData(lang, (string)p[0]!, (string)p[1]!, true).SetName($"lemmas {lang}: {p[0]} is {p[1]}");
            foreach (var p in (o["negative"] as JArray ?? []).OfType<JArray>()) yield return new TestCaseData(lang, (string)p[0]!, (string)p[1]!, false).SetName($"lemmas {lang}: {p[0]} is not {p[1]}");
        }
    }

    [TestCaseSource(nameof(LemmaExamples))]
    public void Lemma_example(string lang, string form, string baseWord, bool same)
    {
        var (a, b) = (FactCheck.Text.Stemmer.Stem(form, lang), FactCheck.Text.Stemmer.Stem(baseWord, lang));
        if (same) Assert.That(a, Is.EqualTo(b)); else Assert.That(a, Is.Not.EqualTo(b));
    }
}
