namespace FactCheck.Entities;

/// <summary>The four entity kinds FactCheck tracks.</summary>
public enum EntityKind { Person, Organization, Location, Product }

/// <summary>A named entity found in a document, linked to one canonical entity.</summary>
public sealed record EntityMention
{
    public required string Doc { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    /// <summary>The surface form exactly as written.</summary>
    public required string Text { get; init; }
    public required EntityKind Kind { get; init; }
    /// <summary>Gazetteer id ("org:parler"), or an id derived from the normalized name for entities the gazetteer lacks ("per:budi-santoso").</summary>
    public required string EntityId { get; init; }
    /// <summary>Canonical name of the linked entity ("DDoS-Guard").</summary>
    public required string Canonical { get; init; }
    /// <summary>How close the surface form is to the alias it matched: 1.0 for an exact alias, below 1 for a near-miss spelling.</summary>
    public double Similarity { get; init; } = 1.0;
    /// <summary>The role as written ("CEO", "Wakil Presiden", "ahli infrastuktur internet").</summary>
    public string? Role { get; init; }
    /// <summary>The role's language-independent value ("ceo", "vice-president").</summary>
    public string? RoleValue { get; init; }
    /// <summary>Entity id of the organization or place the role belongs to ("org:parler", "loc:united-states").</summary>
    public string? RoleOf { get; init; }
    /// <summary>Id of the rule that produced the mention ("gazetteer", "gazetteer-fuzzy", "id.role-org-name", "id.name-guess").</summary>
    public required string Rule { get; init; }
}
