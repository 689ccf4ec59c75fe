using FactCheck.Lang;
using FactCheck.Model;
using FactCheck.Text;
using FactCheck.Text.Patterns;

namespace FactCheck.Temporal;

/// <summary>Mentions found in one article, and messages about text that looked temporal but is not a real date.</summary>
public sealed record TemporalResult(IReadOnlyList<TemporalMention> Mentions, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Finds and normalizes dates, times, durations and sets in an article, relative to its publication date.</summary>
public sealed class TemporalExtractor
{
    /// <summary>Mentions in the article's own text (boilerplate spans skipped), ordered by start offset.</summary>
    public IReadOnlyList<TemporalMention> Extract(Article article) => ExtractWithDiagnostics(article).Mentions;

    /// <summary>Mentions plus diagnostics (e.g. "31/2/2021": February 2021 has 28 days), each naming the file and line.</summary>
    public TemporalResult ExtractWithDiagnostics(Article article)
    {
        var diagnostics = new List<Diagnostic>();
        var pack = LanguagePack.For(article, diagnostics);
        var tokens = Tokenizer.Tokenize(article.Text);
        return Extract(article, pack.Temporal, tokens, diagnostics);
    }

    /// <summary>Runs a grammar over tokens already made from the article's text.</summary>
    public static TemporalResult Extract(Article article, TemporalGrammar grammar, Token[] tokens, List<Diagnostic>? diagnostics = null)
    {
        diagnostics ??= [];
        var mentions = new List<TemporalMention>();
        var candidates = new List<TemporalRule>();
        var text = article.Text;
        var boiler = article.Boilerplate;
        int bi = 0, boilerCount = boiler.Count;   // asked at every token: the count once (it is an interface call)
        DateTimeOffset? localRef = null; int localRefUntil = -1;
        HashSet<int>? comparisons = null; // indexes of mentions that are comparison points
        for (int i = 0; i < tokens.Length;)
        {
            var t = tokens[i];
            while (bi < boilerCount && boiler[bi].End <= t.Start) bi++;
            if (bi < boilerCount && boiler[bi].Start <= t.Start) { i++; continue; }

            grammar.CandidatesAt(text, tokens, i, candidates);
            int bestEnd = -1; TemporalRule? best = null; Binding? bestB = null;
            foreach (var rule in candidates)
            {
                int end = grammar.MatchCandidate(rule, text, tokens, i, out var b);
                if (end < 0) continue;
                if (end > bestEnd || (end == bestEnd && rule.Priority > best!.Priority))
                {
                    bestEnd = end; best = rule; bestB = b;
                }
            }
            if (best is null) { i++; continue; }
            if (best.Ignore) { i = bestEnd; continue; }

            int start = t.Start, stop = tokens[bestEnd - 1].End;
            var fields = TemporalFields.From(bestB, text, tokens, best, grammar.DateOrder);
            if (fields.Dir is null && (fields.Weekday is not null || fields.Month is not null || fields.Unit is "Q" or "WE") && !fields.YearFromText)
                fields.Tense = Tense.Of(grammar, text, tokens, i, bestEnd);
            var reference = localRef is { } lr && start < localRefUntil ? lr : article.Published;
            var composed = TemporalComposer.Compose(best, fields, reference);
            if (composed.Error is null && best.Anchor is { } anchorMode
                && LastDate(mentions, start - grammar.AnchorDistance, anchorMode is "quarter" or "quarteryear" or "samequarter", best.Comparison || anchorMode == "samequarter" ? comparisons : null, anchorMode == "quarteryear") is { } anchor
                && Anchoring.Shift(anchor.Value, anchorMode, fields) is { } shifted)
                composed = composed with { Value = shifted, Date = null };
            if (composed.Error is null && best.SetsReference && composed.Date is { } own)
            {
                localRef = new DateTimeOffset(own.ToDateTime(TimeOnly.MinValue), article.Published?.Offset ?? TimeSpan.Zero);
                localRefUntil = QuoteEnd(text, start, stop) is { } close ? Math.Min(close, stop + grammar.InsertReach) : stop + grammar.InsertReach;
            }
            if (composed.Error is { } err)
                diagnostics.Add(Diagnostic.Warning(LineOrigin(article, start),
                    $"document {article.Id}: \"{text[start..stop]}\" is not a valid date: {err}"));
            int firstStop = fields.RangeYear is not null ? fields.RangeYearStart - 1 : stop;
            if (best.Comparison) (comparisons ??= []).Add(mentions.Count);
            mentions.Add(new TemporalMention
            {
                Doc = article.Id, Start = start, End = firstStop, Text = text[start..firstStop], Kind = best.Kind,
                Value = composed.Error is null ? composed.Value : "XXXX-XX-XX", Mod = fields.Mod ?? best.Mod, Rule = best.Id,
                Stated = composed.Stated, Inferred = composed.Inferred, StatedWeekday = fields.Weekday,
                Date = composed.Date, PartOfDay = fields.Tod, Offset = fields.Tz, Relative = composed.Relative,
                AlternativeValue = composed.AlternativeValue, Invalid = composed.Error,
            });
            if (fields.RangeYear is { } second)
            {
                // a year range ("2011-2012", "tahun 1987-88") is two dates, as TimeML marks them
                int s2 = fields.RangeYearStart, e2 = stop;
                for (int k = i; k < bestEnd; k++) if (tokens[k].Start < s2 && s2 < tokens[k].End) { e2 = tokens[k].End; break; }
                var end = new TemporalFields { Year = second, YearFromText = true };
                var c2 = TemporalComposer.Compose(best, end, reference);
                mentions.Add(new TemporalMention
                {
                    Doc = article.Id, Start = s2, End = e2, Text = text[s2..e2], Kind = best.Kind, Value = c2.Error is null ? c2.Value : "XXXX-XX-XX",
                    Rule = best.Id, Stated = c2.Stated, Inferred = c2.Inferred, Relative = false,
                });
            }
            i = bestEnd;
        }
        return new TemporalResult(mentions, diagnostics);
    }

    /// <summary>The date a relative expression leans on: the latest calendar date ending at or after <paramref name="notBefore"/>;
    /// with <paramref name="quarterOnly"/> the latest quarter ("the quarter ended Sept. 30 ... a year ago": the quarter, not the
    /// day that ends it); mentions in <paramref name="skip"/> (other comparison points) are passed over; with <paramref name="stopAtMonths"/>
    /// a span of months in between ("the first nine months") ends the search.</summary>
    private static TemporalMention? LastDate(List<TemporalMention> mentions, int notBefore, bool quarterOnly, HashSet<int>? skip, bool stopAtMonths = false)
    {
        for (int k = mentions.Count - 1; k >= 0; k--)
        {
            var m = mentions[k];
            if (m.End < notBefore) return null;
            if (skip is not null && skip.Contains(k)) continue;
            // "in the first nine months ... the 1988 period": the period under discussion is those months, not the last quarter
            if (stopAtMonths && m.Kind == TemporalKind.Duration && m.Value is ['P', .., 'M'] && m.Value.Length > 2 && char.IsDigit(m.Value[1])) return null;
            if (m.Kind is not (TemporalKind.Date or TemporalKind.Time) || m.Value.Length < 4 || !char.IsDigit(m.Value[0])) continue;
            if (!quarterOnly || m.Value is [_, _, _, _, '-', 'Q', >= '1' and <= '4']) return m;
        }
        return null;
    }

    /// <summary>Where the quotation that holds a date line ends: a date line after an open quotation mark in its paragraph
    /// (an odd number of straight quotes, or more opening than closing curly ones) dates the quoted text only, up to the
    /// closing mark; null when the date line is not inside a quotation or the quotation does not close.</summary>
    private static int? QuoteEnd(string text, int start, int stop)
    {
        int para = text.LastIndexOf("\n\n", start, StringComparison.Ordinal);
        int straight = 0, open = 0;
        for (int k = para < 0 ? 0 : para; k < start; k++)
        {
            char c = text[k];
            if (c == '"') straight++;
            else if (c == '\u201C') open++;
            else if (c == '\u201D') open--;
        }
        if (straight % 2 == 1) { int q = text.IndexOf('"', stop); return q < 0 ? null : q; }
        if (open > 0) { int q = text.IndexOf('\u201D', stop); return q < 0 ? null : q; }
        return null;
    }

    /// <summary>The origin of a position: the article's file, and the line within it (or the JSONL line).</summary>
    public static Origin LineOrigin(Article article, int position)
    {
        if (article.Origin.Line is not null) return article.Origin;
        int line = 1;
        var text = article.Text;
        for (int k = 0; k < position && k < text.Length; k++) if (text[k] == '\n') line++;
        return article.Origin with { Line = line };
    }
}
