namespace EarlyHelp.Analytics.Linkage;

/// <summary>A blocking rule: two records are compared when all of <see cref="Keys"/> are present and equal on both.</summary>
/// <param name="Name">A short name shown in reports, such as "postcode + forename initial".</param>
/// <param name="Keys">The keys that must all agree.</param>
public sealed record BlockingRule(string Name, IReadOnlyList<BlockingKey> Keys)
{
    /// <summary>
    /// The default union of rules. Each catches the true pairs that another misses: a national number
    /// survives every name and address change; birth date with either name's sound survives a move and a
    /// typo in the other name; postcode with an initial survives a wrong date of birth; birth date with
    /// postcode district survives a surname change; the two names' sounds in either order with the birth year
    /// survive a move, a wrong day or month and swapped names; the address survives replaced names and dates.
    /// Each is narrow enough that buckets stay small in a city of 600,000 people (no rule on a postcode or
    /// surname alone, which would put a whole street or a common surname in one bucket; the names' sounds
    /// alone put every John Smith of the city in one bucket: on a 50,000-person city they made 1.2 million of
    /// the 2.3 million candidate pairs, and pairs grow with the square of the city).
    /// </summary>
    public static IReadOnlyList<BlockingRule> Defaults { get; } =
    [
        new("nhs number", [BlockingKey.NhsNumber]),
        new("source person reference", [BlockingKey.SourceEntityRef]),
        new("birth date + surname soundex", [BlockingKey.BirthDate, BlockingKey.SurnameSoundex]),
        new("birth date + forename soundex", [BlockingKey.BirthDate, BlockingKey.ForenameSoundex]),
        new("postcode + forename initial", [BlockingKey.Postcode, BlockingKey.ForenameInitial]),
        new("postcode + surname initial", [BlockingKey.Postcode, BlockingKey.SurnameInitial]),
        new("birth date + postcode district", [BlockingKey.BirthDate, BlockingKey.PostcodeDistrict]),
        new("forename and surname soundex, either order + birth year", [BlockingKey.NameSoundexes, BlockingKey.BirthYear]),
        new("address", [BlockingKey.Address]),
    ];
}
