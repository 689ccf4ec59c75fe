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
}
