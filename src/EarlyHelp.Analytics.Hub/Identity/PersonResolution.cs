using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>
/// What the hub says about a person when their records disagree. The rules:
/// <list type="bullet">
/// <item>Date of birth: the date most of the person's records give, leaving out placeholders (1 January
/// 1900, and 1 January of a year when another date is given); on a tie, the one of the most recent record.
/// A person whose records give only 1 January of a year keeps that year; one with no date of birth at all
/// is stored as born in <see cref="UnknownBirthMonth"/>, so that no feature reads them as a child.</item>
/// <item>Name and postcode (for the audited re-identification step): those of the most recent record.</item>
/// <item>Protected characteristics: each the most recent non-blank value from a source that holds it (the school
/// census and social care's characteristics) by record date; on a tie, social care's. Sex falls back to the most
/// recent agency record that records sex. A person gets a row only when sex and ethnic group are known; disability
/// is <c>Y</c> only when the chosen record says so (no source records it for most people).</item>
/// </list>
/// </summary>
public static class PersonResolution
{
    /// <summary>The month of birth stored for a person no record gives a date of birth for.</summary>
    public static YearMonth UnknownBirthMonth { get; } = new(1900, 1);

    /// <summary>The dataset whose characteristics win a tie (see the class rules).</summary>
    public const string SocialCareCharacteristics = "csc_child_characteristics";

    /// <summary>The person's date of birth by the rule above, or null when no record gives one.</summary>
    public static DateOnly? BirthDate(IReadOnlyList<IdentityRecord> records)
    {
        var given = records.Where(r => r.BirthDate is { Year: > 1900 }).ToArray();
        var specific = given.Where(r => r.BirthDate is not { Month: 1, Day: 1 }).ToArray();
        var candidates = specific.Length > 0 ? specific : given;
        if (candidates.Length == 0)
            return null;
        return candidates.GroupBy(r => r.BirthDate!.Value)
            .OrderByDescending(group => group.Count())
            .ThenByDescending(group => group.Max(r => r.ValidFrom ?? DateOnly.MinValue))
            .First().Key;
    }

    /// <summary>The person row.</summary>
    public static Person Person(PersonId id, IReadOnlyList<IdentityRecord> records) =>
        new(id, BirthDate(records) is { } birth ? YearMonth.Of(birth) : UnknownBirthMonth, null);

    /// <summary>Name, date of birth and postcode of the most recent record, for re-identification.</summary>
    public static Ingest.PersonIdentity Identity(PersonId id, IReadOnlyList<IdentityRecord> records)
    {
        var latest = records.MaxBy(r => r.ValidFrom ?? DateOnly.MinValue)!;
        return new Ingest.PersonIdentity(id, latest.Forename ?? "", latest.Surname ?? "", BirthDate(records), latest.Postcode ?? "");
    }

    /// <summary>The person's protected characteristics by the rule above, or null when sex or ethnic group is unknown.</summary>
    public static ProtectedCharacteristics? Protected(PersonId id, IReadOnlyList<IdentityRecord> records)
    {
        var protectedSources = records.Where(r => r.Ethnicity is not null || r.Disability is not null).ToArray();
        string? Latest(IEnumerable<IdentityRecord> from, Func<IdentityRecord, string?> value) => from
            .Where(r => value(r) is not null)
            .OrderByDescending(r => r.ValidFrom ?? DateOnly.MinValue)
            .ThenByDescending(r => r.Dataset == SocialCareCharacteristics)
            .Select(value).FirstOrDefault();

        var ethnicity = Latest(protectedSources, r => r.Ethnicity);
        var sex = Latest(protectedSources, r => r.Sex) ?? Latest(records, r => r.Sex);
        if (ethnicity is null || sex is null)
            return null;
        return new ProtectedCharacteristics(id, sex, ethnicity, Latest(protectedSources, r => r.Disability) ?? "N");
    }
}
