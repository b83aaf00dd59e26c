namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>How a carer is related to a child in a source system's relationship record.</summary>
public enum CarerRelationship
{
    /// <summary>Mother.</summary>
    Mother,

    /// <summary>Father.</summary>
    Father,

    /// <summary>Another parent or carer (step-parent, partner, foster or kinship carer).</summary>
    Carer,

    /// <summary>Grandparent.</summary>
    Grandparent,

    /// <summary>Any other contact.</summary>
    Other,
}

/// <summary>Reads relationship codes as source systems write them.</summary>
public static class CarerRelationships
{
    /// <summary>The relationship of a source code (<c>mother</c>, <c>father</c>, <c>carer</c>, <c>grandparent</c>, <c>other</c>, and common variants); anything else is <see cref="CarerRelationship.Other"/>.</summary>
    public static CarerRelationship Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "mother" or "mum" or "birth mother" => CarerRelationship.Mother,
        "father" or "dad" or "birth father" => CarerRelationship.Father,
        "carer" or "parent" or "step-parent" or "stepparent" or "step_parent" or "partner" or "foster_carer" or "foster carer"
            or "kinship_carer" or "guardian" => CarerRelationship.Carer,
        "grandparent" or "grandmother" or "grandfather" => CarerRelationship.Grandparent,
        _ => CarerRelationship.Other,
    };

    /// <summary>Whether the relationship makes the carer a parent of the family (mother, father or carer).</summary>
    public static bool IsParental(this CarerRelationship relationship) =>
        relationship is CarerRelationship.Mother or CarerRelationship.Father or CarerRelationship.Carer;
}

/// <summary>A linked child–carer relationship from a source system, between two hub people.</summary>
/// <param name="Child">The child.</param>
/// <param name="Carer">The parent, carer or contact.</param>
/// <param name="Relationship">How the carer is related.</param>
/// <param name="Period">When the source says the relationship held.</param>
public readonly record struct CarerLink(long Child, long Carer, CarerRelationship Relationship, Period Period);
