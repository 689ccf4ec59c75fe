using FactCheck.Model;

namespace FactCheck.Temporal;

/// <summary>Finds and normalizes dates, times, durations and sets in an article, relative to its publication date.</summary>
public sealed class TemporalExtractor
{
    /// <summary>Mentions in the article's own text (boilerplate spans skipped), ordered by start offset.</summary>
    public IReadOnlyList<TemporalMention> Extract(Article article) => [];
}
