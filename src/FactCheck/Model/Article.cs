namespace FactCheck.Model;

/// <summary>Where a document came from: a file and, for line-based formats, the 1-based line.</summary>
public sealed record Origin(string Path, int? Line = null)
{
    public override string ToString() => Line is { } l ? $"{Path}:{l}" : Path;
}

/// <summary>A half-open character range [Start, End) into an article's text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
    public bool Contains(int position) => position >= Start && position < End;
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
}

/// <summary>One news article as read from its source: text as given, metadata, and the spans that are boilerplate.</summary>
public sealed record Article
{
    public required string Id { get; init; }
    /// <summary>The document text exactly as given; all offsets point into it.</summary>
    public required string Text { get; init; }
    /// <summary>Publication date-time: the reference date for everything relative in the text.</summary>
    public DateTimeOffset? Published { get; init; }
    /// <summary>ISO 639-1 language code ("id", "en").</summary>
    public string Lang { get; init; } = "id";
    /// <summary>True when <see cref="Lang"/> was detected rather than given.</summary>
    public bool LangDetected { get; init; }
    public string? Title { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    /// <summary>The story the input assigns the article to (JSONL "story" or "cluster"); null: grouped automatically.</summary>
    public string? Story { get; init; }
    public Origin Origin { get; init; } = new("-");
    /// <summary>Spans of the text that are not the article's own statements (related-links, credits, headers).</summary>
    public IReadOnlyList<TextSpan> Boilerplate { get; init; } = [];

    public bool IsBoilerplate(int position)
    {
        var spans = Boilerplate;   // by index: asked for many positions of every article, a foreach boxed an enumerator each time
        for (int k = 0; k < spans.Count; k++)
            if (spans[k].Contains(position)) return true;
        return false;
    }
}
