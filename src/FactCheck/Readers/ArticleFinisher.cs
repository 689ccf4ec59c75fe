using FactCheck.Boilerplate;
using FactCheck.Lang;
using FactCheck.Model;

namespace FactCheck.Readers;

/// <summary>The steps every reader applies to a new article: language (given or detected) and boilerplate spans.</summary>
internal static class ArticleFinisher
{
    public static Article Finish(Article a, string? givenLang, IReadOnlyList<TextSpan>? extraBoilerplate = null)
    {
        var lang = NormalizeLang(givenLang);
        var detected = lang is null;
        lang ??= LanguageDetector.Default.Detect(a.Text).Lang;
        IReadOnlyList<TextSpan> bp = BoilerplateDetector.Default.Detect(a.Text);
        if (extraBoilerplate is { Count: > 0 })
            bp = bp.Concat(extraBoilerplate).OrderBy(s => s.Start).ThenByDescending(s => s.End).Aggregate(new List<TextSpan>(), (acc, s) =>
            {
                if (acc.Count > 0 && s.Start <= acc[^1].End) acc[^1] = new TextSpan(acc[^1].Start, Math.Max(acc[^1].End, s.End));
                else acc.Add(s);
                return acc;
            });
        return a with { Lang = lang, LangDetected = detected, Boilerplate = bp };
    }

    /// <summary>"id-ID", "EN" and "en_US" become "id", "en"; empty becomes null.</summary>
    public static string? NormalizeLang(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang)) return null;
        lang = lang.Trim();
        int cut = lang.IndexOfAny(['-', '_']);
        return (cut > 0 ? lang[..cut] : lang).ToLowerInvariant();
    }
}
