using FactCheck.Temporal;

namespace FactCheck.Claims;

/// <summary>An argument of a claim: an entity, a quantity or a plain phrase, with its span and canonical form.</summary>
public sealed record ClaimArgument(int Start, int End, string Text, string Kind)
{
    /// <summary>Canonical name (entities) or normalized value text (quantities).</summary>
    public string? Canonical { get; init; }
    public string? EntityId { get; init; }
    public double? Value { get; init; }
    public string? Unit { get; init; }
    /// <summary>Interval qualifier of a quantity (APPROX, MORE_THAN...).</summary>
    public string? Qualifier { get; init; }
    /// <summary>The values a quantity's text allows ("ribuan warga": 2,000 to 10,000; "lebih dari 200": 200 and up); equal to
    /// Value when it was stated exactly, null for other arguments.</summary>
    public double? Low { get; init; }
    public double? High { get; init; }
    /// <summary>The canonical key used to align claims across documents.</summary>
    public string Key => EntityId ?? Canonical ?? Text.ToLowerInvariant();
}

/// <summary>Who did what, to whom, when, how many: one predicate of one sentence with its arguments.</summary>
public sealed record ClaimFrame
{
    public required string Doc { get; init; }
    /// <summary>Stable id of the relation rule, "lang.relation" (id.remove-from-platform).</summary>
    public required string Rule { get; init; }
    /// <summary>Canonical relation (remove-from-platform, sue, back-online, has-count, owned-by, said...).</summary>
    public required string Relation { get; init; }
    public required string Predicate { get; init; }
    public required int PredicateStart { get; init; }
    public required int PredicateEnd { get; init; }
    /// <summary>The sentence: the claim's evidence span.</summary>
    public required int Start { get; init; }
    public required int End { get; init; }
    public required string Sentence { get; init; }
    /// <summary>The actor(s): "Google, Apple dan Amazon" give three.</summary>
    public IReadOnlyList<ClaimArgument> Subjects { get; init; } = [];
    public ClaimArgument? Subject => Subjects.Count > 0 ? Subjects[0] : null;
    public ClaimArgument? Object { get; init; }
    /// <summary>A further argument introduced by dari/from/ke/to (the platform Parler was removed from).</summary>
    public ClaimArgument? Complement { get; init; }
    public TemporalMention? Time { get; init; }
    public ClaimArgument? Quantity { get; init; }
    public ClaimArgument? Place { get; init; }
    public bool Negated { get; init; }
    /// <summary>The modal cue (akan, will, berjanji), when the claim is not asserted as fact.</summary>
    public string? Modality { get; init; }
    /// <summary>Who the claim is attributed to (kata X, said X, dikutip dari Reuters).</summary>
    public ClaimArgument? Attribution { get; init; }
}
