using System.Globalization;
using FactCheck.Claims;
using FactCheck.Temporal;

namespace FactCheck.Align;

/// <summary>What one document says about a fact: when, how many, and the sentence that says it.</summary>
public sealed record FactCell(string Doc, string? Source, string Sentence, int Start, int End)
{
    /// <summary>The stated time as comparable text (2021-01-08, or --01-19 when the year was only inferred), if any.</summary>
    public string? Time { get; init; }
    public TemporalMention? TimeMention { get; init; }
    public ClaimArgument? Quantity { get; init; }
    public ClaimArgument? Subject { get; init; }
    public ClaimFrame? Claim { get; init; }
    /// <summary>The value as the source states it, for rows of aligned slots ("12 Jun 2025", "\"25 penerbangan\"").</summary>
    public string? Value { get; init; }
}

/// <summary>Whether the documents that state a fact agree on it.</summary>
public enum Agreement { Single, Agree, Disagree }

/// <summary>One row of the fact table: a fact (subject, relation, object) and what each source says about it.</summary>
public sealed record FactRow(string Key, string Relation, string? Subject, string? Object, string? Complement, IReadOnlyList<FactCell> Cells)
{
    public Agreement Agreement { get; init; }
    /// <summary>Why the row disagrees (which attribute), when it does.</summary>
    public string? Conflict { get; init; }
    /// <summary>The story whose articles the row compares (null when the run did not group stories): facts are aligned
    /// within a story only, so the injured of an eruption and of a plane crash are never one row.</summary>
    public string? Story { get; init; }
    public int DocCount => Cells.Select(c => c.Doc).Distinct().Count();
}

/// <summary>Aligns claim frames across documents by blocking keys (relation, object, complement), never comparing all pairs.</summary>
public static class ClaimAligner
{
    /// <summary>The blocking key of a claim: relation, subject, object, platform (complement) and, for counts, the unit.
    /// Amazon hosting Parler and DDoS-Guard serving it are two facts, not one fact told two ways.</summary>
    public static string KeyOf(ClaimFrame c) => string.Join("|", c.Relation, c.Subject?.Key ?? "", RestOf(c));

    /// <summary>The key without the subject: where a claim that names no actor ("Parler dicopot dari App Store") may join.</summary>
    private static string RestOf(ClaimFrame c)
    {
        var obj = c.Object?.Key ?? "";
        var comp = c.Complement is { Kind: not "phrase" } cx ? cx.Key : "";
        // a person's roles of one office are one fact ("Ketua" beside "Wakil Ketua" disagree); of two offices, two facts
        if (c.Relation == "has-role" && c.Complement?.Canonical is { } role) comp = "role:" + RoleFamily(c, role);
        var unit = c.Relation == "has-count" || c.Relation.StartsWith("count-", StringComparison.Ordinal) ? c.Quantity?.Unit ?? "" : "";
        return string.Join("|", obj, comp, unit);
    }

    /// <summary>The office a role claim's value is a rank of, by the grammar of the claim's language (its rule's prefix).</summary>
    private static string RoleFamily(ClaimFrame c, string role)
    {
        int dot = c.Rule.IndexOf('.');
        return dot > 0 ? FactCheck.Entities.EntityGrammar.Get(c.Rule[..dot]).RoleFamily(role) : role;
    }

    /// <summary>A person and the office of a role claim: where a role written without its organization may join.</summary>
    private static string OfficeOf(ClaimFrame c, ClaimArgument person) =>
        person.Key + "|" + (c.Complement?.Canonical is { } role ? RoleFamily(c, role) : "");

    /// <summary>Groups the claims of all documents into fact rows; facts stated by one document only are kept as Single rows.</summary>
    public static IReadOnlyList<FactRow> Align(IEnumerable<(ClaimFrame Claim, string? Source)> claims)
    {
        var groups = new Dictionary<string, List<(ClaimFrame Claim, string? Source)>>(StringComparer.Ordinal);
        var actorless = new List<(ClaimFrame Claim, string? Source)>();
        var actorsOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var orgless = new List<(ClaimFrame Claim, string? Source)>();
        var rolesOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var c in claims)
        {
            if (c.Claim.Relation == "said" || c.Claim.Negated) continue;
            if (c.Claim.Subject is null && c.Claim.Object is not null) { actorless.Add(c); continue; }
            if (c.Claim is { Relation: "has-role", Object: null, Subject: not null }) { orgless.Add(c); continue; }
            var key = KeyOf(c.Claim);
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(c);
            if (c.Claim is { Relation: "has-role", Subject: { } person })
            {
                var office = OfficeOf(c.Claim, person);
                if (!rolesOf.TryGetValue(office, out var roleKeys)) rolesOf[office] = roleKeys = new(StringComparer.Ordinal);
                roleKeys.Add(key);
            }
            var rest = c.Claim.Relation + "|" + RestOf(c.Claim);
            if (!actorsOf.TryGetValue(rest, out var keys)) actorsOf[rest] = keys = new(StringComparer.Ordinal);
            keys.Add(key);
        }
        // a claim that names no actor joins the fact of the one actor other sources name for it, if there is exactly one
        foreach (var c in actorless)
        {
            var rest = c.Claim.Relation + "|" + RestOf(c.Claim);
            var key = actorsOf.TryGetValue(rest, out var keys) && keys.Count == 1 ? keys.First() : KeyOf(c.Claim);
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(c);
        }
        // a role written without its organization ("Presiden Prabowo") joins the person's role of the one organization other
        // sources name ("Presiden Republik Indonesia Prabowo Subianto"), if there is exactly one
        foreach (var c in orgless)
        {
            var key = rolesOf.TryGetValue(OfficeOf(c.Claim, c.Claim.Subject!), out var keys) && keys.Count == 1 ? keys.First() : KeyOf(c.Claim);
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(c);
        }
        var rows = new List<FactRow>();
        foreach (var (key, list) in groups)
        {
            var first = list[0].Claim;
            var cells = list.Select(x => new FactCell(x.Claim.Doc, x.Source, x.Claim.Sentence, x.Claim.Start, x.Claim.End)
            {
                Time = ComparableTime(x.Claim.Time), TimeMention = x.Claim.Time, Quantity = x.Claim.Quantity,
                Subject = x.Claim.Subject, Claim = x.Claim,
            }).ToList();
            var (agreement, conflict) = Compare(cells);
            rows.Add(new FactRow(key, first.Relation, list.Select(x => x.Claim.Subject?.Canonical ?? x.Claim.Subject?.Text).FirstOrDefault(s => s is not null),
                first.Object?.Canonical ?? first.Object?.Text, first.Complement?.Canonical ?? first.Complement?.Text, cells)
            { Agreement = agreement, Conflict = conflict });
        }
        return rows.OrderByDescending(r => r.DocCount).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>A date as text to compare: full when every field was stated or it is a relative expression resolved against
    /// the article's own publication date; month and day only ("--01-19") when the year was inferred.</summary>
    public static string? ComparableTime(TemporalMention? m)
    {
        if (m is null || m.Invalid is not null || m.Date is not { } d) return null;
        if (m.Inferred.HasFlag(DateFields.Year) && !m.Relative) return d.ToString("--MM-dd", CultureInfo.InvariantCulture);
        if (m.Relative && !m.Stated.HasFlag(DateFields.Day) && m.Inferred.HasFlag(DateFields.Year) && m.Stated.HasFlag(DateFields.Month))
            return d.ToString("--MM-dd", CultureInfo.InvariantCulture);
        return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>True when two comparable times can be the same day (a month-day matches a full date with that month and day).</summary>
    public static bool SameTime(string a, string b)
    {
        if (a == b) return true;
        if (a.StartsWith("--", StringComparison.Ordinal)) return b.EndsWith(a[1..], StringComparison.Ordinal);
        if (b.StartsWith("--", StringComparison.Ordinal)) return a.EndsWith(b[1..], StringComparison.Ordinal);
        return false;
    }

    /// <summary>True when two quantities agree, allowing for rounding (5%) and qualifiers (more than, about), or when a vague or
    /// bounded one allows the other ("ribuan warga" beside "4.007 jiwa", "more than 100" beside 300).</summary>
    public static bool SameQuantity(ClaimArgument a, ClaimArgument b)
    {
        if (a.Value is not { } x || b.Value is not { } y) return true;
        if (a.Unit is not null && b.Unit is not null && a.Unit != b.Unit) return true; // different things counted: not comparable
        double tol = Math.Max(Math.Abs(x), Math.Abs(y)) * 0.05;
        if (a.Qualifier is not null || b.Qualifier is not null) tol = Math.Max(tol, Math.Max(Math.Abs(x), Math.Abs(y)) * 0.15);
        if (Math.Abs(x - y) <= tol) return true;
        return Allows(a, b) || Allows(b, a);
    }

    /// <summary>The interval the text of <paramref name="range"/> allows (when it is one) holds the other's value, within rounding.</summary>
    private static bool Allows(ClaimArgument range, ClaimArgument other) =>
        range is { Low: { } lo, High: { } hi } && lo < hi && other.Value is { } v && v >= lo - Math.Abs(lo) * 0.05 && v <= hi + Math.Abs(hi) * 0.05;

    private static (Agreement, string?) Compare(List<FactCell> cells)
    {
        if (cells.Select(c => c.Doc).Distinct().Count() < 2) return (Agreement.Single, null);
        var timed = cells.Where(c => c.Time is not null).ToList();
        for (int i = 0; i < timed.Count; i++)
            for (int j = i + 1; j < timed.Count; j++)
                if (timed[i].Doc != timed[j].Doc && !SameTime(timed[i].Time!, timed[j].Time!)) return (Agreement.Disagree, "time");
        var roles = cells.Where(c => c.Claim is { Relation: "has-role", Complement.Canonical: not null }).ToList();
        for (int i = 0; i < roles.Count; i++)
            for (int j = i + 1; j < roles.Count; j++)
                if (roles[i].Doc != roles[j].Doc && roles[i].Claim!.Complement!.Canonical != roles[j].Claim!.Complement!.Canonical) return (Agreement.Disagree, "role");
        var counted = cells.Where(c => c.Quantity is not null).ToList();
        for (int i = 0; i < counted.Count; i++)
            for (int j = i + 1; j < counted.Count; j++)
                if (counted[i].Doc != counted[j].Doc && !SameQuantity(counted[i].Quantity!, counted[j].Quantity!)) return (Agreement.Disagree, "quantity");
        return (Agreement.Agree, null);
    }
}

/// <summary>Rows of the fact table from the slot aligner: facts that two or more articles of a story state alike, found by
/// context (value-blind), each cell the value as that source writes it and its sentence. Facts a claim frame carries are
/// left to the claim rows; orphan matches (weak context) are not rows.</summary>
public static class SlotFactRows
{
    public static IReadOnlyList<FactRow> From(IReadOnlyList<SlotGroup> groups)
    {
        var rows = new List<FactRow>();
        var taken = new HashSet<(string, int)>();
        foreach (var g in groups)
        {
            if (g.Conflicts || g.DocCount < 2 || g.Links.Any(l => l.Orphan)) continue;
            var slots = g.Slots;
            if (slots.All(x => x.Relation is not null)) continue;
            if (slots.Any(x => taken.Contains((x.Doc, x.Start)))) continue;
            foreach (var x in slots) taken.Add((x.Doc, x.Start));
            var topic = g.Topic().Replace("^", "", StringComparison.Ordinal);
            var noun = g.Kind switch { SlotKind.Date => "date", SlotKind.Time => "time", SlotKind.Money => "amount", SlotKind.Percent => "percentage", _ => "count" };
            var cells = slots.Select(x => new FactCell(x.Doc, x.Source, x.Sentence, x.Start, x.End) { Value = FactCheck.Checks.Rules.CrossSourceSlotRule.ValueText(x) }).ToList();
            rows.Add(new FactRow("slot|" + noun + "|" + topic + "|" + slots[0].Value, noun, topic, null, null, cells) { Agreement = Agreement.Agree });
        }
        return rows;
    }
}
