using FactCheck.Cli.Commands;
using FactCheck.Pipeline;
using FactCheck.Tests.Readers;

namespace FactCheck.Tests.Robustness;

/// <summary>Issue #11: the parallel pipeline keeps input order, bounds what it holds, and gives the single-threaded output.</summary>
public class PipelineTests
{
    [Test]
    public void Results_come_in_input_order_and_at_most_a_window_is_in_flight()
    {
        int inFlight = 0, maxInFlight = 0;
        var output = new List<int>();
        IEnumerable<int> Source() { for (int i = 0; i < 2000; i++) { int f = Interlocked.Increment(ref inFlight); InterlockedMax(ref maxInFlight, f); yield return i; } }
        OrderedPipeline.Run(Source(), i => { Thread.SpinWait((i * 7919) % 5000); return i * 2; }, r => { output.Add(r); Interlocked.Decrement(ref inFlight); }, threads: 4, window: 16);
        Assert.That(output, Is.EqualTo(Enumerable.Range(0, 2000).Select(i => i * 2)));
        Assert.That(maxInFlight, Is.LessThanOrEqualTo(16 + 4 + 2), "the reader stays a bounded window ahead of the writer");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int cur;
        while (value > (cur = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, cur) != cur) { }
    }

    [Test]
    public void A_failing_item_is_rethrown_at_its_place_and_the_run_stops()
    {
        var output = new List<int>();
        Assert.Throws<InvalidOperationException>(() =>
            OrderedPipeline.Run(Enumerable.Range(0, 1000), i => i == 500 ? throw new InvalidOperationException("x") : i, output.Add, threads: 3));
        Assert.That(output, Is.EqualTo(Enumerable.Range(0, 500)));
    }

    private static string Extract(int threads, string format, params string[] paths)
    {
        var o = new StringWriter();
        ExtractCommand.Run(paths, format, "auto", o, new StringWriter(), threads: threads);
        return o.ToString();
    }

    [TestCase("jsonl")]
    [TestCase("json")]
    [TestCase("table")]
    public void Extract_output_is_byte_identical_for_any_thread_count(string format)
    {
        using var dir = new TempDir();
        var lines = Enumerable.Range(0, 60).Select(i => $"{{\"id\":\"d{i}\",\"text\":\"Rapat digelar Senin ({1 + i % 28}/1/2021) di Jakarta oleh PT Telkom; 12 juta pengguna.\",\"published\":\"2021-01-20\",\"lang\":\"id\"}}");
        var p = dir.Write("docs.jsonl", string.Join("\n", lines) + "\n");
        var one = Extract(1, format, p, SeedFiles.Parler);
        Assert.That(one.Length, Is.GreaterThan(1000));
        Assert.That(Extract(2, format, p, SeedFiles.Parler), Is.EqualTo(one));
        Assert.That(Extract(7, format, p, SeedFiles.Parler), Is.EqualTo(one));
    }

    [Test]
    public void Check_reports_are_byte_identical_for_any_thread_count()
    {
        using var dir = new TempDir();
        string Run(int threads)
        {
            var outDir = Path.Combine(dir.Path, "out" + threads);
            CheckCommand.Run(new CheckCommand.CheckRequest([SeedFiles.Parler, SeedFiles.Seed000], outDir) { Threads = threads, Progress = false }, new StringWriter(), new StringWriter());
            return string.Join("\n--\n", new[] { "report.json", "report.md", "report.html" }.Select(f => File.ReadAllText(Path.Combine(outDir, f))));
        }
        var one = Run(1);
        Assert.That(Run(2), Is.EqualTo(one));
        Assert.That(Run(5), Is.EqualTo(one));
    }

    [Test]
    public void Check_of_many_grouped_stories_is_byte_identical_for_any_thread_count()
    {
        // enough articles without a given story that the story features are counted in parallel, in several stories with
        // cross-source disagreements, so the parallel per-story checks and their merge are exercised
        using var dir = new TempDir();
        string[] topics = ["banjir Jakarta merendam Kampung Melayu", "gempa Cianjur merusak rumah warga", "PT Telkom meluncurkan satelit",
                           "KPK menahan Bupati Langkat", "harga cabai naik di Pasar Minggu", "Timnas Indonesia mengalahkan Vietnam"];
        var lines = new List<string>();
        for (int i = 0; i < 96; i++)
        {
            int t = i % topics.Length, day = 1 + t * 4 + (i / topics.Length) % 3;
            string weekday = ((i * 5) % 7) switch { 0 => "Senin", 1 => "Selasa", 2 => "Rabu", 3 => "Kamis", 4 => "Jumat", 5 => "Sabtu", _ => "Minggu" };
            var text = $"{topics[t]} pada {weekday} ({day}/3/2021). Sebanyak {100 + (i % 4) * 25} orang terdampak menurut petugas. " +
                       $"Peristiwa {topics[t]} terjadi sejak {day - 1} Maret 2021 dan {topics[t].Split(' ')[0]} menyatakan kerugian Rp{2 + i % 3} miliar.";
            lines.Add(Newtonsoft.Json.JsonConvert.SerializeObject(new { id = $"d{i:000}", lang = "id", source = $"src{i % 5}", published = $"2021-03-{day + 1:00}", title = topics[t], text }));
        }
        var p = dir.Write("many.jsonl", string.Join("\n", lines) + "\n");
        string Run(int threads)
        {
            var outDir = Path.Combine(dir.Path, "many" + threads);
            CheckCommand.Run(new CheckCommand.CheckRequest([p], outDir) { Threads = threads, Progress = false }, new StringWriter(), new StringWriter());
            return string.Join("\n--\n", new[] { "report.json", "report.md", "report.html" }.Select(f => File.ReadAllText(Path.Combine(outDir, f))));
        }
        var one = Run(1);
        var json = Newtonsoft.Json.Linq.JObject.Parse(one[..one.IndexOf("\n--\n", StringComparison.Ordinal)]);
        Assert.That(json["stories"]?.Count() ?? 0, Is.GreaterThan(3), "several stories");
        Assert.That(json["findings"]?.Count() ?? 0, Is.GreaterThan(5), "findings to merge");
        Assert.That(Run(2), Is.EqualTo(one));
        Assert.That(Run(3), Is.EqualTo(one));
    }
}
