namespace EarlyHelp.Analytics.Linkage;

/// <summary>A blocking rule: two records are compared when all of <see cref="Keys"/> are present and equal on both.</summary>
/// <param name="Name">A short name shown in reports, such as "postcode + forename initial".</param>
/// <param name="Keys">The keys that must all agree.</param>
public sealed record BlockingRule(string Name, IReadOnlyList<BlockingKey> Keys)
{
    /// <summary>
    /// The default union of rules. Each catches the true pairs that another misses: a national number
    /// survives every name and address change; birth date with surname sound survives a move; postcode
    /// with forename initial survives a wrong date of birth; birth date with postcode district survives a
    /// surname change; names' sounds with birth year survive a move and a day or month typo.
    /// Each is narrow enough that buckets stay small in a city of 600,000 people (no rule on postcode alone,
    /// which puts a whole street's records in one bucket).
    /// </summary>
    public static IReadOnlyList<BlockingRule> Defaults { get; } =
    [
        new("nhs number", [BlockingKey.NhsNumber]),
        new("source person reference", [BlockingKey.SourceEntityRef]),
        new("birth date + surname soundex", [BlockingKey.BirthDate, BlockingKey.SurnameSoundex]),
        new("birth date + forename soundex", [BlockingKey.BirthDate, BlockingKey.ForenameSoundex]),
        new("postcode + forename initial", [BlockingKey.Postcode, BlockingKey.ForenameInitial]),
        new("birth date + postcode district", [BlockingKey.BirthDate, BlockingKey.PostcodeDistrict]),
        new("surname soundex + forename soundex + birth year", [BlockingKey.SurnameSoundex, BlockingKey.ForenameSoundex, BlockingKey.BirthYear]),
    ];
}
