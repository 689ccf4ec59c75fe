using System.Diagnostics;
using FactCheck.Align;
using FactCheck.Checks;
using FactCheck.Claims;
using FactCheck.Entities;
using FactCheck.Lang;
using FactCheck.Model;
using FactCheck.Quantities;
using FactCheck.Readers;
using FactCheck.Temporal;
using FactCheck.Text;

namespace FactCheck.Benchmarks;

/// <summary>`--analysis-stages FILE [N]`: the stages of <see cref="ArticleAnalyzer.Analyze"/> over the articles of FILE (e.g. a
/// few hundred lines of the issue-#11 corpus, /tmp), single-threaded, Stopwatch time and bytes allocated per stage, N passes
/// after one warm-up (the last pass is printed). A profiling aid, not a test.</summary>
static class AnalysisStages
{
    public static int Run(string file, int passes)
    {
        var articles = new ArticleReader().Read(file).Articles.ToList();
        var names = new[] { "resolve", "pack", "tokenize", "sentences", "temporal", "quantities", "entities", "claims", "roles", "slots" };
        var analyzer = new EntityExtractor();
        for (int p = 0; p <= passes; p++)
        {
            var ticks = new long[names.Length];
            var bytes = new long[names.Length];
            long chars = 0;
            foreach (var article in articles)
            {
                chars += article.Text.Length;
                int s = 0;
                long t0 = Stopwatch.GetTimestamp(), b0 = GC.GetAllocatedBytesForCurrentThread();
                void Mark(ref int i) { long t = Stopwatch.GetTimestamp(), b = GC.GetAllocatedBytesForCurrentThread(); ticks[i] += t - t0; bytes[i] += b - b0; t0 = t; b0 = b; i++; }
                Mark(ref s);
                var diagnostics = new List<Diagnostic>();
                var pack = LanguagePack.For(article, diagnostics); Mark(ref s);
                var tokens = Tokenizer.Tokenize(article.Text); Mark(ref s);
                var sentences = SentenceSplitter.Default.Split(article.Text); Mark(ref s);
                var temporal = TemporalExtractor.Extract(article, pack.Temporal, tokens, diagnostics).Mentions; Mark(ref s);
                var quantities = QuantityExtractor.Extract(article, pack.Quantity, tokens, temporal); Mark(ref s);
                var ents = analyzer.Extract(article, tokens); Mark(ref s);
                var qtyArgs = quantities.Select(ArticleAnalyzer.ToArgument).ToList();
                var entityArgs = ents.Select(ArticleAnalyzer.ToArgument).ToList();
                var claims = ClaimBuilder.For(pack.Lang).Build(article, tokens, sentences, temporal, entityArgs, qtyArgs).ToList(); Mark(ref s);
                claims.AddRange(ClaimBuilder.RoleFrames(article, sentences,
                    ents.Where(n => n.Role is not null).Select(n => (ArticleAnalyzer.ToArgument(n), n.Role!, n.RoleValue ?? n.Role!.ToLowerInvariant(), n.RoleOf)), entityArgs, pack.Lang)); Mark(ref s);
                var analyzed = new AnalyzedArticle
                {
                    Article = article, Tokens = tokens, Sentences = sentences, Temporal = temporal,
                    Quantities = qtyArgs, Entities = entityArgs, EntityMentions = ents, QuantityMentions = quantities,
                    Claims = claims, Diagnostics = diagnostics,
                };
                _ = SlotBuilder.Build(analyzed); Mark(ref s);
            }
            if (p < passes) continue;
            double total = ticks.Sum() * 1000.0 / Stopwatch.Frequency;
            Console.WriteLine($"{articles.Count} articles, {chars / 1e6:F2} M chars, {total:F0} ms, {bytes.Sum() / 1e6:F0} MB allocated ({bytes.Sum() / 1024.0 / articles.Count:F0} KB/article)");
            for (int i = 1; i < names.Length; i++)
                Console.WriteLine($"  {names[i],-11} {ticks[i] * 1000.0 / Stopwatch.Frequency,8:F1} ms {100.0 * ticks[i] / ticks.Sum(),5:F1}%  {bytes[i] / 1e6,8:F1} MB");
        }
        return 0;
    }
}
