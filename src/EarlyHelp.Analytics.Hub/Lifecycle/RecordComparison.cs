using System.Globalization;
using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Hub.Lifecycle;

/// <summary>One field of a record that a later extract changed, with its hub column name and both values as stored text.</summary>
/// <param name="Field">The column (<c>surname</c>, <c>valid_from</c>, <c>value</c>, …).</param>
/// <param name="Before">The stored value, or null.</param>
/// <param name="After">The extract's value, or null.</param>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>A stored record that a newer extract amended: the stored and incoming versions and what differs.</summary>
/// <param name="Stored">The record as the hub held it.</param>
/// <param name="Incoming">The record as the extract gives it (it replaces the stored one).</param>
/// <param name="Changes">The fields that differ.</param>
/// <param name="Value">An event's numeric value as the extract gives it; null for a register record or an event without one.</param>
public sealed record RecordAmendment(IdentityRecord Stored, IdentityRecord Incoming, IReadOnlyList<FieldChange> Changes, double? Value);

/// <summary>
/// Tells what a later extract changed in a record: every identity field as received, the dates of the period it covers
/// and, for an event, its value. Text is compared exactly (a corrected capital is a correction).
/// </summary>
public static class RecordComparison
{
    private static readonly (string Field, Func<IdentityRecord, string?> Read)[] Fields =
    [
        ("agency_ref", r => r.AgencyRef), ("forename", r => r.Forename), ("surname", r => r.Surname), ("date_of_birth", r => Date(r.BirthDate)),
        ("sex", r => r.Sex), ("address", r => r.Address), ("postcode", r => r.Postcode), ("uprn", r => r.Uprn), ("nhs_number", r => r.NhsNumber),
        ("ethnicity", r => r.Ethnicity), ("disability", r => r.Disability), ("valid_from", r => Date(r.ValidFrom)), ("valid_to", r => Date(r.ValidTo)),
        ("related_ref", r => r.RelatedRef), ("relationship", r => r.Relationship),
    ];

    /// <summary>The fields of <paramref name="incoming"/> that differ from <paramref name="stored"/>, values included; empty when the same.</summary>
    public static IReadOnlyList<FieldChange> Changes(IdentityRecord stored, IdentityRecord incoming, double? storedValue, double? incomingValue)
    {
        // Almost every record of a reload is unchanged: compare the typed fields first, and write text only for a change.
        if (Same(stored, incoming) && storedValue == incomingValue)
            return [];
        var changes = new List<FieldChange>();
        foreach (var (field, read) in Fields)
        {
            var (before, after) = (read(stored), read(incoming));
            if (!string.Equals(before, after, StringComparison.Ordinal))
                changes.Add(new FieldChange(field, before, after));
        }
        if (storedValue != incomingValue)
            changes.Add(new FieldChange("value", Number(storedValue), Number(incomingValue)));
        return changes;
    }

    private static bool Same(IdentityRecord a, IdentityRecord b) =>
        string.Equals(a.AgencyRef, b.AgencyRef, StringComparison.Ordinal) && string.Equals(a.Forename, b.Forename, StringComparison.Ordinal)
        && string.Equals(a.Surname, b.Surname, StringComparison.Ordinal) && a.BirthDate == b.BirthDate && string.Equals(a.Sex, b.Sex, StringComparison.Ordinal)
        && string.Equals(a.Address, b.Address, StringComparison.Ordinal) && string.Equals(a.Postcode, b.Postcode, StringComparison.Ordinal)
        && string.Equals(a.Uprn, b.Uprn, StringComparison.Ordinal) && string.Equals(a.NhsNumber, b.NhsNumber, StringComparison.Ordinal)
        && string.Equals(a.Ethnicity, b.Ethnicity, StringComparison.Ordinal) && string.Equals(a.Disability, b.Disability, StringComparison.Ordinal)
        && a.ValidFrom == b.ValidFrom && a.ValidTo == b.ValidTo && string.Equals(a.RelatedRef, b.RelatedRef, StringComparison.Ordinal)
        && string.Equals(a.Relationship, b.Relationship, StringComparison.Ordinal);

    /// <summary>Whether any of <paramref name="changes"/> touches what the gazetteer match reads (address, postcode, UPRN).</summary>
    public static bool MovesAddress(IReadOnlyList<FieldChange> changes) => changes.Any(c => c.Field is "address" or "postcode" or "uprn");

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
