using System.Globalization;
using FactCheck.Align;
using FactCheck.Claims;

namespace FactCheck.Checks.Rules;

/// <summary>Base of the cross-source rules: fact rows where the sources disagree on one attribute.</summary>
public abstract class CrossSourceRule : ICheckRule
{
    public abstract string Id { get; }
    public abstract Severity Severity { get; }
    public abstract double Prior { get; }
    /// <summary>The attribute of the fact row this rule compares ("time", "quantity").</summary>
    protected abstract string Attribute { get; }

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var byId = context.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var row in context.Facts)
        {
            if (row.Agreement != Agreement.Disagree || row.Conflict != Attribute) continue;
            var cells = row.Cells.Where(Has).GroupBy(c => c.Doc).Select(g => g.First()).ToList();
            if (cells.Select(c => c.Doc).Distinct().Count() < 2) continue;
            var evidence = cells.Select(c => Evidence(c, byId)).ToList();
            var values = cells.Select(ValueText).ToList();
            var majority = cells.GroupBy(ValueKey).OrderByDescending(g => g.Count()).First();
            var suggestions = majority.Count() > 1 && majority.Count() > cells.Count / 2
                ? [new Suggestion(majority.Key, ValueText(majority.First()), $"{majority.Count()} of {cells.Count} sources say so", (double)majority.Count() / cells.Count)]
                : Array.Empty<Suggestion>();
            var what = Describe(row);
            var says = string.Join("; ", cells.Select(c => $"{c.Source ?? c.Doc} says {ValueText(c)}"));
            var features = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["rule=" + Id] = 1, ["relation=" + row.Relation] = 1, ["sources"] = cells.Count, ["distinct_values"] = values.Distinct().Count(),
                ["cross_source"] = 1,
            };
            foreach (var (k, v) in Distance(cells)) features[k] = v;
            yield return new Finding
            {
                Id = Finding.MakeId(Id, [row.Key, .. cells.Select(c => c.Doc + "=" + ValueKey(c)).Order(StringComparer.Ordinal)]),
                Rule = Id, Severity = Severity, Score = Prior,
                Message = $"Sources disagree on {Attribute} of \"{what}\": {says}",
                Evidence = evidence, Suggestions = suggestions, Features = features,
            };
        }
    }

    protected abstract bool Has(FactCell c);
    protected abstract string ValueKey(FactCell c);
    protected abstract string ValueText(FactCell c);
    protected abstract (int Start, int End, string Text)? Span(FactCell c);
    protected virtual IEnumerable<(string, double)> Distance(List<FactCell> cells) => [];

    private Evidence Evidence(FactCell c, Dictionary<string, AnalyzedArticle> byId)
    {
        var span = Span(c) ?? (c.Start, c.End, c.Sentence);
        return new Evidence(c.Doc, span.Start, span.End, span.Text)
        {
            Sentence = c.Sentence, SentenceStart = c.Start, Value = ValueKey(c),
            Source = c.Source ?? (byId.TryGetValue(c.Doc, out var a) ? a.Article.Source : null),
        };
    }

    private static string Describe(FactRow row)
    {
        var parts = new[] { row.Subject, row.Relation, row.Object, row.Complement is null ? null : "(" + row.Complement + ")" };
        return string.Join(" ", parts.Where(p => !string.IsNullOrEmpty(p)));
    }
}

/// <summary>cross-source-date: two sources date the same fact differently (relative dates resolved against each article's own publication date).</summary>
public sealed class CrossSourceDateRule : CrossSourceRule
{
    public override string Id => "cross-source-date";
    public override Severity Severity => Severity.Medium;
    public override double Prior => 0.7;
    protected override string Attribute => "time";
    protected override bool Has(FactCell c) => c.Time is not null;
    protected override string ValueKey(FactCell c) => c.Time!;
    protected override string ValueText(FactCell c) =>
        c.TimeMention?.Date is { } d ? d.ToString(c.Time!.StartsWith("--", StringComparison.Ordinal) ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture) : c.Time!;
    protected override (int, int, string)? Span(FactCell c) => c.TimeMention is { } m ? (m.Start, m.End, m.Text) : null;

    protected override IEnumerable<(string, double)> Distance(List<FactCell> cells)
    {
        var dates = cells.Select(c => c.TimeMention?.Date).OfType<DateOnly>().ToList();
        if (dates.Count >= 2) yield return ("days_apart", dates.Max().DayNumber - dates.Min().DayNumber);
    }
}

/// <summary>cross-source-quantity: two sources give counts for the same thing that differ beyond rounding and qualifiers.</summary>
public sealed class CrossSourceQuantityRule : CrossSourceRule
{
    public override string Id => "cross-source-quantity";
    public override Severity Severity => Severity.Medium;
    public override double Prior => 0.6;
    protected override string Attribute => "quantity";
    protected override bool Has(FactCell c) => c.Quantity?.Value is not null;
    protected override string ValueKey(FactCell c) => c.Quantity!.Value!.Value.ToString("R", CultureInfo.InvariantCulture);
    protected override string ValueText(FactCell c) => c.Quantity!.Text;
    protected override (int, int, string)? Span(FactCell c) => c.Quantity is ClaimArgument q ? (q.Start, q.End, q.Text) : null;

    protected override IEnumerable<(string, double)> Distance(List<FactCell> cells)
    {
        var v = cells.Select(c => c.Quantity!.Value!.Value).ToList();
        double max = v.Max(), min = v.Min();
        yield return ("relative_difference", max == 0 ? 0 : (max - min) / Math.Abs(max));
    }
}
