using System.Text;
using FactCheck.Checks;
using FactCheck.Cli.Commands;
using FactCheck.Entities;
using FactCheck.Model;
using FactCheck.Output;
using FactCheck.Pipeline;
using FactCheck.Text;

namespace FactCheck.Tests.Robustness;

/// <summary>Issue #11: inputs that were superlinear. Each case runs at 64 KB and 512 KB (8x) and asserts that the work, counted
/// in bytes allocated on the test thread (or output size), grows at most ~8x (10x allowed for noise), never wall time.</summary>
public class LinearityTests
{
    private const int Small = 64 * 1024, Large = 512 * 1024;
    private const double MaxGrowth = 10;

    private static string Repeat(int size, Func<int, string> piece)
    {
        var sb = new StringBuilder(size + 64);
        for (int i = 0; sb.Length < size; i++) sb.Append(piece(i));
        return sb.ToString();
    }

    private static Article Doc(string text, string lang = "id") => new()
    {
        Id = "d", Text = text, Lang = lang, Published = new DateTimeOffset(2021, 1, 11, 9, 24, 0, TimeSpan.FromHours(7)),
    };

    private static long Allocated(Action a)
    {
        a(); // warm-up: rules compiled, lazy data loaded
        long before = GC.GetAllocatedBytesForCurrentThread();
        a();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void AssertLinear(Func<int, Action> run, string what)
    {
        long small = Allocated(run(Small)), large = Allocated(run(Large));
        Assert.That((double)large / Math.Max(small, 1), Is.LessThanOrEqualTo(MaxGrowth), $"{what}: {small:N0} -> {large:N0} bytes allocated for 8x the input");
    }

    private static readonly string[] names = ["Joko", "Widodo", "Google", "Apple", "Parler", "Amazon", "Jakarta", "Presiden", "Amerika", "Serikat", "John", "Matze"];

    private static string CapitalizedRun(int size) => Repeat(size, i => names[(i * 7 + i / 3) % names.Length] + " ");

    [Test]
    public void Entity_extraction_over_a_long_run_of_capitalized_words_is_linear() =>
        AssertLinear(size =>
        {
            var a = Doc(CapitalizedRun(size));
            var tokens = Tokenizer.Tokenize(a.Text);
            return () => new EntityExtractor().Extract(a, tokens);
        }, "entities");

    private static readonly string[] unknownNames = ["Budi", "Santoso", "Rahmat", "Hidayat", "Wahyu", "Kurnia", "Sari", "Dewanto", "Agus", "Salim", "Rudi", "Hartono"];

    [Test]
    public void Entity_extraction_over_a_long_run_of_unknown_capitalized_words_is_linear() =>
        AssertLinear(size =>
        {
            // no alias and no title breaks the run: each word's possible names were every end up to the run's end. That walk
            // was quadratic in steps, not in allocation (this test passed before the cap, in 4 minutes instead of seconds)
            var a = Doc(Repeat(size, i => unknownNames[(i * 7 + i / 3) % unknownNames.Length] + " "));
            var tokens = Tokenizer.Tokenize(a.Text);
            return () => new EntityExtractor().Extract(a, tokens);
        }, "entities over unknown names");

    private static readonly string[] offices = ["Menteri Luar Negeri", "Kepala Badan Gizi Nasional (BGN)", "Direktur Utama", "Menlu", "Ketua Komisi III"];
    private static readonly string[] holders = ["Sugiono", "Habiburokhman", "Bencana", "Data", "Airlangga Hartarto"];

    [Test]
    public void Entity_extraction_over_many_titles_with_offices_and_one_word_names_is_linear() =>
        AssertLinear(size =>
        {
            // each one-word name after an office asks whether the article writes the word in lower case
            var a = Doc(Repeat(size, i => $"{offices[i % offices.Length]} {holders[(i / 2) % holders.Length]} berkata bahwa data bencana naik. "));
            var tokens = Tokenizer.Tokenize(a.Text);
            return () => new EntityExtractor().Extract(a, tokens);
        }, "entities after titles");

    [Test]
    public void Analysis_and_claims_over_a_long_capitalized_run_are_linear() =>
        AssertLinear(size => { var a = Doc(CapitalizedRun(size)); return () => new ArticleAnalyzer().Analyze(a); }, "analysis");

    [Test]
    public void Sentence_splitting_of_unpunctuated_text_is_linear_and_cuts_long_sentences()
    {
        string Text(int size) => Repeat(size, i => "kata" + (i % 10) + " ");
        AssertLinear(size => { var t = Text(size); return () => SentenceSplitter.Default.Split(t); }, "splitter");
        var spans = SentenceSplitter.Default.Split(Text(Small));
        Assert.That(spans.Max(s => s.Length), Is.LessThanOrEqualTo(SentenceSplitter.Default.MaxSentenceLength));
        Assert.That(spans.Sum(s => s.Length), Is.GreaterThan(Small * 0.99), "no text is lost between the pieces");
    }

    /// <summary>One sentence of many distinct dates, all said to be a Sunday. (Distinct: with one date repeated, weekday-date
    /// adds every later mention of the next event's date as evidence to each finding, which is quadratic in the rule itself,
    /// Checks/Rules/WeekdayDateRule.cs, outside this area.)</summary>
    private static string ManyDates(int size) =>
        "Polisi menyebut rapat digelar " + Repeat(size, i => { var d = new DateOnly(1990, 1, 1).AddDays(i); return $"pada Minggu {d.Day}/{d.Month}/{d.Year} dan "; }) + "selesai.";

    [Test]
    public void The_check_stage_over_many_dates_in_one_sentence_is_linear()
    {
        var checker = new Checker();
        AssertLinear(size =>
        {
            var a = new ArticleAnalyzer().Analyze(Doc(ManyDates(size)));
            return () => checker.Check([a]);
        }, "check");
        var findings = checker.Check([new ArticleAnalyzer().Analyze(Doc(ManyDates(Small)))]).Findings;
        Assert.That(findings.Count(f => f.Rule == "weekday-date"), Is.GreaterThan(100), "the weekday contradictions are still found");
    }

    [Test]
    public void The_report_of_one_long_sentence_grows_with_its_findings_not_the_square()
    {
        long Size(int size)
        {
            var a = new ArticleAnalyzer().Analyze(Doc(ManyDates(size)));
            var findings = new Checker().Check([a]).Findings;
            var report = Report.Build(new Model.ReadResult([a.Article], []), [a], findings);
            return ReportJson.Serialize(EvidenceWindow.Apply(report)).Length;
        }
        long small = Size(Small), large = Size(Large);
        Assert.That((double)large / small, Is.LessThanOrEqualTo(MaxGrowth), $"{small:N0} -> {large:N0} characters of report.json");
    }

    [Test]
    public void Evidence_windows_keep_true_offsets()
    {
        var text = ManyDates(Small);
        var a = new ArticleAnalyzer().Analyze(Doc(text));
        foreach (var f in new Checker().Check([a]).Findings.Take(50))
            foreach (var e in f.Evidence.Select(EvidenceWindow.Cut))
            {
                Assert.That(e.Sentence!.Length, Is.LessThanOrEqualTo(2 * EvidenceWindow.Radius + e.Text.Length + 2));
                Assert.That(text.Substring(e.SentenceStart, e.Sentence.Length), Is.EqualTo(e.Sentence));
                Assert.That(e.Sentence.Substring(e.Start - e.SentenceStart, e.End - e.Start), Is.EqualTo(e.Text));
            }
    }

    [Test]
    public void Extract_on_one_long_document_is_linear()
    {
        var work = new ExtractionWork(new ExtractOptions { Lines = true });
        AssertLinear(size => { var a = Doc(ManyDates(size) + " " + CapitalizedRun(size / 4)); return () => work.Run(a); }, "extract");
    }
}
