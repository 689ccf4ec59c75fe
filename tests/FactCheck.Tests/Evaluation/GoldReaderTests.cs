using FactCheck.Evaluation;
using FactCheck.Model;

namespace FactCheck.Tests.Evaluation;

public class GoldReaderTests
{
    [Test]
    public void BadGoldLinesGiveDiagnosticsWithFileAndLineAndTheRestIsRead()
    {
        var jsonl = string.Join("\n",
            """{"doc": "d1", "start": 3, "end": 9, "type": "DATE", "value": "1998-08-07"}""",
            """{"doc": "d1", "start": 12, "end": """,                                         // 2: broken JSON
            "",                                                                                 // 3: blank, skipped
            """{"doc": "d1", "start": "12", "end": 15, "type": "DATE", "value": "1998"}""",  // 4: start not an integer
            """{"doc": "d2", "start": 20, "end": 20, "type": "DATE", "value": "1998"}""",    // 5: empty span
            """{"doc": "d2", "start": 0, "end": 4, "value": "1998"}""",                      // 6: no type
            """[1, 2]""",                                                                       // 7: not an object
            """{"doc": "d2", "start": 30, "end": 36, "type": "DURATION", "value": "P1W"}""");

        var result = GoldReader.ReadGold(new StringReader(jsonl), "gold.jsonl");

        Assert.That(result.Items, Is.EqualTo(new[]
        {
            new TimexItem("d1", 3, 9, "DATE", "1998-08-07"),
            new TimexItem("d2", 30, 36, "DURATION", "P1W"),
        }));
        Assert.That(result.Diagnostics.Select(d => d.Origin.Line), Is.EqualTo(new int?[] { 2, 4, 5, 6, 7 }));
        Assert.That(result.Diagnostics.All(d => d.Level == DiagnosticLevel.Error && d.Origin.Path == "gold.jsonl"));
        Assert.That(result.Diagnostics[0].ToString(), Does.StartWith("error: gold.jsonl:2: invalid JSON"));
        Assert.That(result.Diagnostics[1].Message, Does.Contain("\"start\" must be an integer"));
        Assert.That(result.Diagnostics[2].Message, Does.Contain("not after"));
        Assert.That(result.Diagnostics[3].Message, Is.EqualTo("missing \"type\""));
        Assert.That(result.HasErrors);
    }

    [Test]
    public void MissingFileGivesOneErrorWithoutLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.jsonl");

        var gold = GoldReader.ReadGold(path);
        var docs = GoldReader.ReadDocs(path);

        Assert.That(gold.Items, Is.Empty);
        Assert.That(gold.Diagnostics.Single().Origin, Is.EqualTo(new Origin(path)));
        Assert.That(gold.Diagnostics.Single().Message, Is.EqualTo("file not found"));
        Assert.That(docs.Articles, Is.Empty);
        Assert.That(docs.Diagnostics.Single().Level, Is.EqualTo(DiagnosticLevel.Error));
    }

    [Test]
    public void DocsBecomeArticlesWithReferenceDateAndLanguage()
    {
        var jsonl = string.Join("\n",
            """{"id": "a", "published": "1998-08-07", "lang": "en", "text": "Friday"}""",
            """{"id": "b", "published": "2018-02-12T07:25", "text": "Senin"}""",
            """{"id": "c", "published": "2021-01-11T09:24:00+07:00", "lang": "id", "text": "kemarin", "title": "T"}""",
            """{"id": "d", "text": "no date"}""",
            """{"id": "a", "text": "duplicate"}""",
            """{"id": "e", "published": "12 Februari 2018", "text": "x"}""",
            """{"text": "no id"}""");

        var result = GoldReader.ReadDocs(new StringReader(jsonl), "docs.jsonl", defaultLang: "id");

        Assert.That(result.Articles.Select(a => a.Id), Is.EqualTo(new[] { "a", "b", "c", "d", "e" }));
        var a = result.Articles[0];
        Assert.That(a.Published, Is.EqualTo(new DateTimeOffset(1998, 8, 7, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(a.Lang, Is.EqualTo("en"));
        Assert.That(a.Origin, Is.EqualTo(new Origin("docs.jsonl", 1)));
        // no offset: the wall-clock reading is kept
        Assert.That(result.Articles[1].Published, Is.EqualTo(new DateTimeOffset(2018, 2, 12, 7, 25, 0, TimeSpan.Zero)));
        Assert.That(result.Articles[1].Lang, Is.EqualTo("id"));
        Assert.That(result.Articles[2].Published!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(7)));
        Assert.That(result.Articles[2].Published!.Value.Hour, Is.EqualTo(9));
        Assert.That(result.Articles[2].Title, Is.EqualTo("T"));
        Assert.That(result.Articles[3].Published, Is.Null);
        Assert.That(result.Articles[4].Published, Is.Null);

        Assert.That(result.Diagnostics.Select(d => (d.Origin.Line, d.Level)), Is.EqualTo(new (int?, DiagnosticLevel)[]
        {
            (5, DiagnosticLevel.Error),    // duplicate id
            (6, DiagnosticLevel.Warning),  // unparseable published: kept without a reference date
            (7, DiagnosticLevel.Error),    // missing id
        }));
        Assert.That(result.Diagnostics[0].Message, Does.Contain("duplicate document id \"a\""));
    }
}
