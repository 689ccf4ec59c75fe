using FactCheck.Checks;
using FactCheck.Model;
using FactCheck.Temporal;
using Newtonsoft.Json.Linq;

namespace FactCheck.Evaluation;

/// <summary>Precision and recall of one kind of mention against gold, with the misses and spurious items for analysis.</summary>
public sealed record MentionScore(int Gold, int Predicted, int MatchedGold, int MatchedPredicted, int ValueCorrect, IReadOnlyList<string> Missed, IReadOnlyList<string> Spurious)
{
    public double Precision => Predicted == 0 ? 0 : (double)MatchedPredicted / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)MatchedGold / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Dates and numbers against the NewsReader MEANTIME gold (English Wikinews): every sentence is analyzed with the document's
/// creation time as reference; a prediction matches a gold item of the same sentence when their spans overlap.
/// The dateline (the creation time itself) is left out on both sides. MEANTIME types some durations DATE ("lowest level
/// in six years" = DATE P6Y); such a gold item, whose value is itself a duration, may be matched by a predicted duration,
/// and only predicted durations that match one count as predictions (the others are not dates and are left out). With a half, only the documents of that
/// <see cref="DevSplit"/> half are scored.
/// </summary>
public static class MeantimeEval
{
    /// <summary>MEANTIME marks TIMEX3 and VALUE only at the start of each article: the title, the dateline and the first
    /// sentences (every gold date and number of the English corpus stands in sentences 0-6), so predictions further on
    /// are neither right nor wrong and are not scored.</summary>
    public const int AnnotatedSentences = 7;

    public static (MentionScore Dates, MentionScore Numbers) Run(string docsPath, ArticleAnalyzer? analyzer = null, DevSplit.Half? half = null)
    {
        analyzer ??= new ArticleAnalyzer();
        var dates = new Tally(); var numbers = new Tally();
        foreach (var line in File.ReadLines(docsPath))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var o = JObject.Parse(line);
            if (half is { } h && DevSplit.Of(o.Value<string>("id") ?? "") != h) continue;
            var published = GoldReader.TryParsePublished(o.Value<string>("published") ?? "", out var p) ? p : (DateTimeOffset?)null;
            var sentences = (o["sentences"] as JArray ?? []).Values<string>().Select(s => s ?? "").ToList();
            var goldDates = (o["timexes"] as JArray ?? []).OfType<JObject>()
                .Where(t => t.Value<string>("type") is "DATE" or "TIME" && t.Value<string>("functionInDocument") != "CREATION_TIME").ToList();
            var goldNumbers = (o["values"] as JArray ?? []).OfType<JObject>().ToList();
            for (int si = 0; si < sentences.Count && si < AnnotatedSentences; si++)
            {
                if (si == 1) continue; // the dateline: the reference date itself
                var text = sentences[si];
                var a = analyzer.Analyze(new Article { Id = $"{o.Value<string>("id")}:{si}", Text = text, Lang = "en", Published = published });
                var predDates = a.Temporal.Where(m => m.Kind is TemporalKind.Date or TemporalKind.Time or TemporalKind.Duration)
                    .Select(m => (m.Start, m.End, m.Text, (string?)m.Value, m.Kind == TemporalKind.Duration)).ToList();
                var predNumbers = a.QuantityMentions.Select(m => (m.Start, m.End, m.Text, (string?)null, false)).ToList();
                dates.Add(text, goldDates.Where(g => g.Value<int>("sentence") == si).Select(g => (g.Value<string>("text")!, g.Value<string>("value"))).ToList(), predDates);
                numbers.Add(text, goldNumbers.Where(g => g.Value<int>("sentence") == si).Select(g => (g.Value<string>("text")!, (string?)null)).ToList(), predNumbers);
            }
        }
        return (dates.Score(), numbers.Score());
    }

    private sealed class Tally
    {
        int gold, predicted, matchedGold, matchedPredicted, valueCorrect;
        readonly List<string> missed = [], spurious = [];

        public void Add(string sentence, List<(string Text, string? Value)> goldItems, List<(int Start, int End, string Text, string? Value, bool OnlyForDuration)> preds)
        {
            gold += goldItems.Count;
            var used = new bool[preds.Count];
            int from = 0;
            foreach (var (text, value) in goldItems)
            {
                int at = Locate(sentence, text, from);
                if (at < 0) at = Locate(sentence, text, 0);
                int end = at + text.Length;
                bool durationValue = value is { Length: > 1 } v && v[0] == 'P' && (char.IsDigit(v[1]) || v[1] is 'T' or 'X');
                int hit = at < 0 ? -1 : preds.FindIndex(p => p.Start < end && at < p.End && (!p.OnlyForDuration || durationValue));
                if (hit >= 0)
                {
                    matchedGold++;
                    if (value is not null && preds[hit].Value == value) valueCorrect++;
                    used[hit] = true;
                }
                else missed.Add($"{text} | {sentence}");
                if (at >= 0) from = end;
            }
            for (int k = 0; k < preds.Count; k++)
            {
                if (preds[k].OnlyForDuration && !used[k]) continue;
                predicted++;
                if (used[k]) matchedPredicted++;
                else spurious.Add($"{preds[k].Text} | {sentence}");
            }
        }

        /// <summary>Where the gold text is in the sentence; the corpus was detokenised by joining tokens, so spaces may differ.</summary>
        private static int Locate(string sentence, string text, int from)
        {
            int at = sentence.IndexOf(text, from, StringComparison.Ordinal);
            if (at >= 0) return at;
            var first = text.Split(' ')[0];
            return first.Length >= 2 ? sentence.IndexOf(first, from, StringComparison.Ordinal) : -1;
        }

        public MentionScore Score() => new(gold, predicted, matchedGold, matchedPredicted, valueCorrect, missed, spurious);
    }
}
