using FactCheck.Model;

namespace FactCheck.Readers;

/// <summary>Reads a plain-text article in the seed format: title line(s), byline, dateline, body; the text is kept exactly as given.</summary>
public sealed class TxtArticleReader : IArticleFormatReader
{
    /// <summary>How many non-empty lines from the top are searched for the dateline.</summary>
    public int DatelineSearchLines { get; init; } = 12;

    public IReadOnlyList<string> Extensions { get; } = [".txt"];

    public ReadResult Read(string text, string path)
    {
        var origin = new Origin(path);
        if (string.IsNullOrWhiteSpace(text)) return ReadResult.Failed(Diagnostic.Error(origin, "empty file"));

        string? title = null;
        DateTimeOffset? published = null;
        TextSpan? dateline = null;
        int seen = 0, pos = 0;
        while (pos < text.Length && seen < DatelineSearchLines)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            var line = text.AsSpan(pos, end - pos);
            if (!line.IsWhiteSpace())
            {
                seen++;
                if (title is null) title = line.Trim().ToString();
                else if (DatelineParser.TryParse(line, out var d))
                {
                    published = d;
                    int s = pos, e = end;
                    while (s < e && char.IsWhiteSpace(text[s])) s++;
                    while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
                    dateline = new TextSpan(s, e);
                    break;
                }
            }
            if (nl < 0) break;
            pos = nl + 1;
        }

        var article = new Article
        {
            Id = Path.GetFileNameWithoutExtension(path),
            Text = text,
            Title = title,
            Published = published,
            Origin = origin,
        };
        article = ArticleFinisher.Finish(article, null, dateline is { } dl ? [dl] : null);
        return published is null
            ? new ReadResult([article], [Diagnostic.Warning(origin, $"no dateline found in the first {DatelineSearchLines} lines; publication date unknown")])
            : ReadResult.Of(article);
    }
}
