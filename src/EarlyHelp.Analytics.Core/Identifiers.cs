using System.Globalization;

namespace EarlyHelp.Analytics.Core;

/// <summary>A person's identifier in the hub.</summary>
public readonly record struct PersonId(long Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A household's identifier in the hub.</summary>
public readonly record struct HouseholdId(long Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A family's identifier in the hub (never shown to the panel: prompts carry a pseudonym).</summary>
public readonly record struct FamilyId(long Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
