namespace EarlyHelp.Analytics.Synthetic.Identity;

/// <summary>A person's identity as one agency system held it on one day: every field as typed, null when blank.</summary>
internal readonly record struct KeyedIdentity
{
    /// <summary>The system's person reference.</summary>
    public required string Reference { get; init; }

    /// <summary>Forename as typed.</summary>
    public byte[]? Forename { get; init; }

    /// <summary>Surname as typed.</summary>
    public byte[]? Surname { get; init; }

    /// <summary>Date of birth as typed (day number), or -1 for blank.</summary>
    public int BirthDate { get; init; }

    /// <summary>Sex code as typed.</summary>
    public string? Sex { get; init; }

    /// <summary>Address line as typed.</summary>
    public string? Address { get; init; }

    /// <summary>Postcode as typed.</summary>
    public string? Postcode { get; init; }

    /// <summary>Lineage index of the household whose address the system held.</summary>
    public int Household { get; init; }

    /// <summary>UPRN of that household's property.</summary>
    public long Uprn { get; init; }

    /// <summary>NHS number as typed (NHS systems only).</summary>
    public string? NhsNumber { get; init; }
}
