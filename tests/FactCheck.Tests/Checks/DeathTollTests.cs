using FactCheck.Checks;

namespace FactCheck.Tests.Checks;

/// <summary>Counts of people in a state, compared across sources through the whole pipeline.</summary>
public class DeathTollTests
{
    private static List<AnalyzedArticle> Analyze(params (string Id, string Text)[] docs)
    {
        var analyzer = new ArticleAnalyzer();
        return docs.Select(d => analyzer.Analyze(TestData.Article(d.Text, "id", "2025-06-18", d.Id))).ToList();
    }

    private static CheckResult Check(params (string Id, string Text)[] docs) => new Checker().Check(Analyze(docs));

    [Test]
    public void Two_outlets_giving_different_death_tolls_are_flagged_with_both_counts_as_evidence()
    {
        var result = Check(
            ("a", "Banjir bandang melanda Jember. Sebanyak 12 orang tewas dalam bencana itu."),
            ("b", "Banjir bandang di Jember menelan korban. Sebanyak 15 orang tewas akibat banjir."));
        var f = result.Findings.Single(x => x.Rule == "cross-source-quantity");
        Assert.That(f.Evidence.Select(e => e.Text), Is.EquivalentTo(new[] { "Sebanyak 12 orang", "Sebanyak 15 orang" }));
        Assert.That(f.Message, Does.Contain("count-dead"));
    }

    [Test]
    public void The_same_toll_written_differently_or_a_different_count_kind_is_not_flagged()
    {
        (string, string)[] docs =
        [
            ("a", "Sebanyak 12 orang tewas dalam bencana itu. Dua penerbangan dibatalkan."),
            ("b", "Korban tewas mencapai 12 orang. Sebanyak 87 penerbangan tertunda akibat cuaca buruk."),
        ];
        var dead = new CheckContext(Analyze(docs)).Facts.Single(r => r.Relation == "count-dead");
        Assert.That(dead.Agreement, Is.EqualTo(FactCheck.Align.Agreement.Agree));
        Assert.That(dead.DocCount, Is.EqualTo(2), "both sources give the toll");
        var result = Check(docs);
        Assert.That(result.Findings.Where(x => x.Rule == "cross-source-quantity"), Is.Empty,
            string.Join("; ", result.Findings.Select(x => x.Message)));
    }

    [Test]
    public void A_vague_count_agrees_with_a_figure_it_allows_and_not_with_one_it_does_not()
    {
        // "ribuan warga" is 2,000 to 10,000: 4.007 is within it, 500 is not; the dead beside it are their own count
        var ok = new CheckContext(Analyze(
            ("a", "Letusan itu menyebabkan 9 orang meninggal dunia dan ribuan warga terpaksa mengungsi."),
            ("b", "Data sementara mencatat 4.007 jiwa mengungsi akibat letusan gunung itu."))).Facts;
        var displaced = ok.Single(r => r.Relation == "count-displaced");
        Assert.That((displaced.Agreement, displaced.DocCount), Is.EqualTo((FactCheck.Align.Agreement.Agree, 2)),
            string.Join("; ", displaced.Cells.Select(c => c.Quantity?.Text)));
        var off = new CheckContext(Analyze(
            ("a", "Letusan itu menyebabkan 9 orang meninggal dunia dan ribuan warga terpaksa mengungsi."),
            ("b", "Data sementara mencatat 500 jiwa mengungsi akibat letusan gunung itu."))).Facts;
        Assert.That(off.Single(r => r.Relation == "count-displaced").Agreement, Is.EqualTo(FactCheck.Align.Agreement.Disagree));
    }
}
