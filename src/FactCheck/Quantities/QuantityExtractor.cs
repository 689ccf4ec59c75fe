using System.Globalization;
using FactCheck.Lang;
using FactCheck.Model;
using FactCheck.Temporal;
using FactCheck.Text;
using FactCheck.Text.Patterns;

namespace FactCheck.Quantities;

/// <summary>Finds counts, measures, money amounts and percentages in an article, outside its temporal mentions and boilerplate.</summary>
public sealed class QuantityExtractor
{
    /// <summary>Quantity mentions of the article, after running the temporal extractor so dates and times are never read as amounts.</summary>
    public IReadOnlyList<QuantityMention> Extract(Article article)
    {
        var tokens = Tokenizer.Tokenize(article.Text);
        var pack = PackFor(article.Lang);
        var temporal = TemporalExtractor.Extract(article, pack.Temporal, tokens).Mentions;
        return Extract(article, tokens, temporal);
    }

    /// <summary>Quantity mentions over tokens already made from the article's text, skipping tokens covered by the given temporal mentions.</summary>
    public static IReadOnlyList<QuantityMention> Extract(Article article, Token[] tokens, IReadOnlyList<TemporalMention> temporal) =>
        Extract(article, PackFor(article.Lang).Quantity, tokens, temporal);

    /// <summary>Runs a grammar over tokens; <paramref name="temporal"/> mentions (ordered by start) and boilerplate spans block their tokens.</summary>
    public static IReadOnlyList<QuantityMention> Extract(Article article, QuantityGrammar grammar, Token[] tokens, IReadOnlyList<TemporalMention> temporal)
    {
        var text = article.Text;
        var blocked = Blocked(article, tokens, temporal);
        var mentions = new List<QuantityMention>();
        var scratch = new List<QuantityRule>();
        int floor = 0; // tokens before this belong to an earlier mention
        int at = 0;
        // a rule counts only when its tokens are free, its number is not a code, and its bindings compose a value
        Func<QuantityRule, int, Binding?, bool> accept = (rule, end, b) =>
        {
            for (int k = at; k < end; k++) if (blocked[k]) return false;
            if (rule.NotAfter.Count > 0 && at > 0 && rule.NotAfter.Contains(text[tokens[at - 1].Start..tokens[at - 1].End])) return false;
            return !IsCodeLike(text, tokens, at, end, grammar) && QuantityComposer.TryCompose(b, text, tokens, rule, grammar, out var cq)
                && !(cq.Unit is null && rule.Kind == QuantityKind.Quantity && IsNameNumber(text, tokens, at, floor, grammar));
        };
        for (int i = 0; i < tokens.Length;)
        {
            if (blocked[i]) { i++; continue; }
            at = i;
            var rule = grammar.BestAt(text, tokens, i, scratch, out int end, out var bindings, accept);
            if (rule is null || !QuantityComposer.TryCompose(bindings, text, tokens, rule, grammar, out var q)) { i++; continue; }
            // qualifier and lead words just before the number join the mention: "lebih dari 214 ribu kali", "sebanyak 900 jiwa"
            int first = i;
            LexEntry? qual = q.Qualifier;
            for (int n = 0; n < 2; n++)
            {
                int p = grammar.PhraseBefore(text, tokens, first, floor, out var e);
                if (p < 0 || AnyBlocked(blocked, p, first)) break;
                first = p;
                if (e!.Class == "qual") qual ??= e;
            }
            var qualifier = qual?.ValueText ?? q.Mod;
            double? lowF = Factor(qual, "low") ?? q.LowFactor, highF = Factor(qual, "high") ?? q.HighFactor;
            var (low, high, lowEx, highEx) = QuantityInterval.Of(q.Value, qualifier, lowF, highF);
            if (q.RangeLow is { } rangeLow)
            {
                // a range: from the low end's lower bound to the high end's upper bound
                (low, _, lowEx, _) = QuantityInterval.Of(rangeLow, qualifier, lowF, highF);
                if (qualifier is null) highEx = false;
            }
            int start = tokens[first].Start, stop = tokens[end - 1].End;
            mentions.Add(new QuantityMention
            {
                Doc = article.Id, Start = start, End = stop, Text = text[start..stop], Kind = rule.Kind,
                Value = q.RangeLow ?? q.Value, Low = low, High = high, LowExclusive = lowEx, HighExclusive = highEx,
                Qualifier = qualifier, Unit = q.Unit, Rule = rule.Id,
            });
            floor = end;
            i = end;
        }
        return mentions;
    }

    private static LanguagePack PackFor(string lang)
    {
        try { return LanguagePack.Get(lang); }
        catch (ArgumentException) { return LanguagePack.Get("en"); }
    }

    private static double? Factor(LexEntry? e, string key) =>
        e is not null && e.Extra.TryGetValue(key, out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static bool AnyBlocked(bool[] blocked, int from, int to)
    {
        for (int k = from; k < to; k++) if (blocked[k]) return true;
        return false;
    }

    /// <summary>Tokens inside temporal mentions or boilerplate spans.</summary>
    private static bool[] Blocked(Article article, Token[] tokens, IReadOnlyList<TemporalMention> temporal)
    {
        var blocked = new bool[tokens.Length];
        int mi = 0, bi = 0;
        var boiler = article.Boilerplate;
        int temporalCount = temporal.Count, boilerCount = boiler.Count;   // the counts once: asked at every token, interface calls
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            while (mi < temporalCount && temporal[mi].End <= t.Start) mi++;
            if (mi < temporalCount && temporal[mi].Start < t.End) blocked[i] = true;
            while (bi < boilerCount && boiler[bi].End <= t.Start) bi++;
            if (bi < boilerCount && boiler[bi].Start <= t.Start) blocked[i] = true;
        }
        return blocked;
    }

    private static bool IsQuantityWord(Lexicon lexicon, ReadOnlySpan<char> word)
    {
        foreach (var e in lexicon.Lookup(word))
            if (lexicon.DimensionOf(e.Class) == "quantity") return true;
        return word is "persen" or "percent";
    }

    /// <summary>
    /// A bare number right after a capitalized word inside a sentence names a model or an index ("Boeing 787", "FTSE 100",
    /// "Terminal 3"), unless that word is a qualifier or lead ("About 300") or opens a line ("C.I.A.\nThe 100 pages": the
    /// word before may end in its own dot). A number word in lower case counts there ("ditinggal Persie lima musim silam",
    /// "Liga Super Malaysia tiga musim terakhir"); one in capitals is part of the name ("Air Force One").
    /// </summary>
    private static bool IsNameNumber(string text, Token[] tokens, int start, int floor, QuantityGrammar g)
    {
        if (start == 0 || tokens[start].ParagraphBefore) return false;
        if (tokens[start].Type == TokenType.Word && !tokens[start].Capitalized) return false;
        var prev = tokens[start - 1];
        if (prev.Type != TokenType.Word || !prev.Capitalized || !tokens[start].SpaceBefore) return false;
        if (start - 1 == 0 || prev.ParagraphBefore) return false;
        var before = tokens[start - 2];
        if (text.AsSpan(before.End, prev.Start - before.End).Contains('\n')) return false;
        if (before.Type == TokenType.Punct && before.Span(text) is "." or "!" or "?" or ":" or "\"" or "`" or "'" or "(" or "\u201C") return false;
        return g.PhraseBefore(text, tokens, start, floor, out _) < 0;
    }

    /// <summary>
    /// Numbers that name rather than count: glued by a hyphen to a following word (41-year, ten-month) or to a preceding one (COVID-19, F-16, ke-5), after "+" (+62), next to a run of
    /// plain digits (phone numbers, "1 2 3"), or after an identifier word of the lexicon class "idprefix" (nomor 5, Flight 447, No. 3).
    /// </summary>
    private static bool IsCodeLike(string text, Token[] tokens, int start, int end, QuantityGrammar g)
    {
        // "41-year history", "ten-month high", "3-year-old": a compound adjective, not a count
        if (end + 1 < tokens.Length && !tokens[end].SpaceBefore && tokens[end].Type == TokenType.Punct && tokens[end].Span(text) is "-"
            && !tokens[end + 1].SpaceBefore && tokens[end + 1].Type == TokenType.Word) return true;
        int num = -1;
        for (int k = start; k < end; k++) if (tokens[k].Type == TokenType.Number) { num = k; break; }
        if (num < 0) return false;
        var t = tokens[num];
        // "the 787", "737 aircraft": a number the lexicon knows as a model designation names, it does not count
        if (g.Lexicon.TryGet("modelnum", t.Span(text), out _)) return true;
        if (num > 0 && !t.SpaceBefore)
        {
            var prev = tokens[num - 1];
            var ps = prev.Span(text);
            if (prev.Type == TokenType.Punct && ps is "+" or "#" or "'" or "\u2019") return true;
            if (prev.Type == TokenType.Punct && ps is "-" or "/" && num > 1 && !prev.SpaceBefore && tokens[num - 2].Type != TokenType.Punct) return true;
        }
        if (num + 1 < tokens.Length && !tokens[num + 1].SpaceBefore)
        {
            var next = tokens[num + 1];
            // "3G", "4GB" not in the lexicon: a glued word that is no unit, currency or multiplier makes a model name
            if (next.Type == TokenType.Word && !IsQuantityWord(g.Lexicon, next.Span(text))) return true;
        }
        if (num > 0 && tokens[num - 1].Type == TokenType.Number && Shapes.AllDigits(tokens[num - 1].Span(text))) return true;
        if (num + 1 < tokens.Length && tokens[num + 1].Type == TokenType.Number && !tokens[num + 1].ParagraphBefore
            && Shapes.AllDigits(tokens[num + 1].Span(text))) return true;
        if (num == start && start > 0)
        {
            int p = start - 1;
            if (tokens[p].Type == TokenType.Punct && tokens[p].Span(text) is "." && p > 0) p--;
            if (tokens[p].Type == TokenType.Word && g.Lexicon.TryGet("idprefix", tokens[p].Span(text), out _)) return true;
        }
        return false;
    }
}
