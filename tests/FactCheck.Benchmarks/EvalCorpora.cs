using System.Text;
using FactCheck.Evaluation;
using FactCheck.Model;

namespace FactCheck.Benchmarks;

/// <summary>The evaluation corpora the benchmarks run over, read from the shared eval folder (never copied into the repo).</summary>
public sealed record EvalCorpora(string Root, IReadOnlyList<Article> Tbaq, IReadOnlyList<Article> IdNews)
{
    public const string TbaqPath = "tempeval3/tbaq_docs.jsonl";
    public const string IdNewsPath = "id_news/id_news_articles.jsonl";

    private static readonly Lazy<EvalCorpora?> cached = new(() => Find() is { } root ? Load(root) : null);

    /// <summary>The corpora, loaded once per process; null when the eval folder cannot be found.</summary>
    public static EvalCorpora? Shared => cached.Value;

    /// <summary>The eval folder: $FACTCHECK_EVAL if set, else the first shared/eval above the current or the program directory.</summary>
    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("FACTCHECK_EVAL");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? Path.GetFullPath(env) : null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "shared", "eval");
                if (Directory.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>Reads TBAQ documents (English) and Indonesian news articles (Indonesian) from the eval folder.</summary>
    public static EvalCorpora Load(string root)
    {
        var tbaq = GoldReader.ReadDocs(Path.Combine(root, TbaqPath), defaultLang: "en");
        var idNews = GoldReader.ReadDocs(Path.Combine(root, IdNewsPath), defaultLang: "id");
        foreach (var d in tbaq.Diagnostics.Concat(idNews.Diagnostics).Take(20))
            Console.Error.WriteLine(d);
        return new EvalCorpora(root, tbaq.Articles, idNews.Articles);
    }

    /// <summary>The articles of the named corpus ("Tbaq" or "IdNews", the benchmark method names).</summary>
    public IReadOnlyList<Article> this[string name] => name switch
    {
        nameof(Tbaq) or "TbaqAll" => Tbaq,
        nameof(IdNews) or "IdNewsAll" => IdNews,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown corpus"),
    };

    /// <summary>UTF-8 size of all article texts, the numerator of MB/s.</summary>
    public static long Utf8Bytes(IReadOnlyList<Article> articles) => articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text));

    /// <summary>The message printed when the eval folder is missing.</summary>
    public const string MissingMessage =
        "Evaluation data not found: no shared/eval folder above the current directory, and FACTCHECK_EVAL is not set " +
        "(or names a missing folder). Set FACTCHECK_EVAL=/path/to/shared/eval. Skipping the benchmarks.";
}
