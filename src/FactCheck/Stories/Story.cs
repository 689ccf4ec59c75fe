using System.Security.Cryptography;
using System.Text;

namespace FactCheck.Stories;

/// <summary>Articles about one event: a stable id ("s-" and a short hash of the first article's id, or the story the input
/// gave), the member article ids in input order, and a title (the first article's).</summary>
public sealed record Story(string Id, IReadOnlyList<string> ArticleIds, string? Title)
{
    /// <summary>True when the input named the story (a JSONL "story" or "cluster" field); false when it was grouped automatically.</summary>
    public bool Given { get; init; }
    /// <summary>Earliest and latest publication dates of the members, when known.</summary>
    public DateTimeOffset? First { get; init; }
    public DateTimeOffset? Last { get; init; }

    /// <summary>"s-" and 8 hex digits of the SHA-256 of the first article's id (and a counter when that id started a story already).</summary>
    public static string MakeId(string firstArticleId, int attempt = 0)
    {
        var key = attempt == 0 ? firstArticleId : firstArticleId + "\u001f" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "s-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 4).ToLowerInvariant();
    }
}

/// <summary>The stories of a run and, for each input article by position, the id of its story.</summary>
public sealed record StoryGrouping(IReadOnlyList<Story> Stories, IReadOnlyList<string> Assignments)
{
    public static StoryGrouping Empty { get; } = new([], []);

    /// <summary>For each input article by position: the similarity with which it joined its story; null when it started the
    /// story or its story was given.</summary>
    public IReadOnlyList<double?> Similarities { get; init; } = [];

    /// <summary>The story with the given id, or null.</summary>
    public Story? Find(string id) => Stories.FirstOrDefault(s => s.Id == id);
}
