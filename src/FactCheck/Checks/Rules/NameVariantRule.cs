using System.Globalization;
using FactCheck.Entities;

namespace FactCheck.Checks.Rules;

/// <summary>name-variant: a name spelled close to, but not as, a known entity ("DDos-Guar" beside "DDos-Guard"), in one article or across articles.</summary>
public sealed class NameVariantRule : ICheckRule
{
    public string Id => "name-variant";
    public Severity Severity => Severity.Low;
    public double Prior => 0.6;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        // link the names of all articles together, so that unknown names spelled two ways across sources meet
        var flat = context.Articles.SelectMany(a => a.EntityMentions.Select(m => (Doc: a, Mention: m))).ToList();
        var linked = new EntityLinker().Link(flat.Select(x => x.Mention)).Mentions;
        var byDoc = new Dictionary<string, List<EntityMention>>(StringComparer.Ordinal);
        for (int i = 0; i < flat.Count; i++)
        {
            if (!byDoc.TryGetValue(flat[i].Doc.Id, out var l)) byDoc[flat[i].Doc.Id] = l = [];
            l.Add(linked[i]);
        }
        IReadOnlyList<EntityMention> MentionsOf(AnalyzedArticle a) => byDoc.TryGetValue(a.Id, out var l) ? l : [];

        // the correctly spelled forms of each entity, per document
        var exact = new Dictionary<string, List<(AnalyzedArticle Doc, EntityMention M)>>(StringComparer.Ordinal);
        foreach (var a in context.Articles)
            foreach (var m in MentionsOf(a))
                if (m.Similarity >= 1.0)
                {
                    if (!exact.TryGetValue(m.EntityId, out var l)) exact[m.EntityId] = l = [];
                    l.Add((a, m));
                }

        foreach (var a in context.Articles)
            foreach (var group in MentionsOf(a).Where(m => m.Similarity < 1.0).GroupBy(m => (m.EntityId, m.Text)))
            {
                var variant = group.First();
                if (IsBenign(variant.Text, variant.Canonical)) continue;
                exact.TryGetValue(variant.EntityId, out var correct);
                var same = correct?.Where(c => c.Doc.Id == a.Id).ToList() ?? [];
                var other = correct?.Where(c => c.Doc.Id != a.Id).ToList() ?? [];
                var reference = same.Count > 0 ? same[0] : other.Count > 0 ? other[0] : default;
                var written = correct?.GroupBy(c => c.M.Text).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? variant.Canonical;
                var where = same.Count > 0 ? "elsewhere in this article" : other.Count > 0 ? $"in {other[0].Doc.Id}" : "in the gazetteer";
                var sim = variant.Similarity.ToString("0.00", CultureInfo.InvariantCulture);
                var evidence = new List<Evidence> { Evidence(a, variant) };
                if (reference.M is not null) evidence.Add(Evidence(reference.Doc, reference.M));
                yield return new Finding
                {
                    Id = Finding.MakeId(Id, a.Id, variant.EntityId, variant.Text),
                    Rule = Id, Severity = Severity, Score = Prior,
                    Message = $"\"{variant.Text}\" looks like a misspelling of \"{written}\" ({variant.Canonical}, similarity {sim}), written that way {where}",
                    Evidence = evidence,
                    Suggestions = [new Suggestion(variant.EntityId, written, $"the spelling used {where}", variant.Similarity)],
                    Features = new Dictionary<string, double>(StringComparer.Ordinal)
                    {
                        ["rule=" + Id] = 1, ["lang=" + a.Lang] = 1, ["kind=" + variant.Kind.ToString().ToLowerInvariant()] = 1,
                        ["similarity"] = variant.Similarity, ["variant_count"] = group.Count(),
                        ["correct_in_same_doc"] = same.Count, ["correct_in_other_docs"] = other.Count,
                        ["cross_source"] = same.Count == 0 && other.Count > 0 ? 1 : 0,
                    },
                };
            }
    }

    private static readonly HashSet<string> legalForms = new(StringComparer.OrdinalIgnoreCase) { "pt", "tbk", "inc", "corp", "ltd", "co", "plc", "persero", "llc" };

    /// <summary>Differences that are not misspellings: a legal form (PT, Tbk), a short form or a longer form of the same
    /// name, a plural s, or a different acronym ("PT BNI Sekuritas" is not "PT BCA Sekuritas").</summary>
    public static bool IsBenign(string variant, string canonical)
    {
        static string[] Words(string s) => s.Split([' ', '-', '.', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !legalForms.Contains(w)).Select(w => w.ToLowerInvariant()).ToArray();
        var v = Words(variant); var c = Words(canonical);
        if (v.SequenceEqual(c)) return true;
        if (v.All(c.Contains) || c.All(v.Contains)) return true;
        if (string.Concat(v) + "s" == string.Concat(c) || string.Concat(c) + "s" == string.Concat(v)) return true;
        var vw = variant.Split(' ', StringSplitOptions.RemoveEmptyEntries); var cw = canonical.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (vw.Length == cw.Length)
            for (int i = 0; i < vw.Length; i++)
                if (!string.Equals(vw[i], cw[i], StringComparison.OrdinalIgnoreCase) && (IsAcronym(vw[i]) || IsAcronym(cw[i]))) return true;
        return false;
    }

    private static bool IsAcronym(string w) => w.Length <= 5 && w.Count(char.IsUpper) >= 2 && w.All(ch => char.IsUpper(ch) || char.IsDigit(ch));

    private static Evidence Evidence(AnalyzedArticle a, EntityMention m)
    {
        var s = a.SentenceAt(m.Start);
        return new Evidence(a.Id, m.Start, m.End, m.Text)
        {
            Sentence = a.SentenceText(s), SentenceStart = s.Start, Value = m.EntityId, Source = a.Article.Source,
        };
    }
}
