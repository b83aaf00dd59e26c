using EarlyHelp.Analytics.Cli.CommandLine;

namespace EarlyHelp.Analytics.Cli.Link;

/// <summary>
/// The <c>--map</c> option read: which input column holds each identity field, e.g.
/// <c>forename=given_name,surname=surname,dob=date_of_birth:yyyyMMdd,postcode=postcode,other=suburb,other=state</c>.
/// </summary>
internal sealed record LinkColumnMap
{
    /// <summary>The field names <c>--map</c> accepts; <c>other</c> may repeat.</summary>
    public static readonly IReadOnlyList<string> Fields = ["forename", "surname", "dob", "postcode", "address", "sex", "nhs_number", "source_ref", "other"];

    public required string Forename { get; init; }
    public required string Surname { get; init; }
    public required string BirthDate { get; init; }

    /// <summary>The .NET date format of the birth date column, or null for ISO, UK or compact dates.</summary>
    public string? BirthDateFormat { get; init; }
    public string? Postcode { get; init; }
    public string? Address { get; init; }
    public string? Sex { get; init; }
    public string? NhsNumber { get; init; }
    public string? SourceEntityRef { get; init; }
    public IReadOnlyList<string> Other { get; init; } = [];

    /// <summary>Every column the map names.</summary>
    public IEnumerable<string> Columns =>
        new[] { Forename, Surname, BirthDate, Postcode, Address, Sex, NhsNumber, SourceEntityRef }.OfType<string>().Concat(Other);

    /// <summary>Parses the option's text; a usage error names what is wrong.</summary>
    public static LinkColumnMap Parse(string text)
    {
        var single = new Dictionary<string, string>(StringComparer.Ordinal);
        var other = new List<string>();
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == entry.Length - 1)
                throw new UsageException($"--map: '{entry}' is not FIELD=COLUMN; the fields are {string.Join(", ", Fields)}.");
            var field = entry[..equals].Trim().ToLowerInvariant();
            var column = entry[(equals + 1)..].Trim();
            if (!Fields.Contains(field))
                throw new UsageException($"--map: unknown field '{field}'; the fields are {string.Join(", ", Fields)}.");
            if (field == "other")
                other.Add(column);
            else if (!single.TryAdd(field, column))
                throw new UsageException($"--map: the field '{field}' is mapped twice.");
        }
        foreach (var required in new[] { "forename", "surname", "dob" })
            if (!single.ContainsKey(required))
                throw new UsageException($"--map: the field '{required}' is required (forename, surname and dob are).");

        var dob = single["dob"];
        var colon = dob.IndexOf(':', StringComparison.Ordinal);
        return new LinkColumnMap
        {
            Forename = single["forename"],
            Surname = single["surname"],
            BirthDate = colon < 0 ? dob : dob[..colon],
            BirthDateFormat = colon < 0 ? null : dob[(colon + 1)..],
            Postcode = single.GetValueOrDefault("postcode"),
            Address = single.GetValueOrDefault("address"),
            Sex = single.GetValueOrDefault("sex"),
            NhsNumber = single.GetValueOrDefault("nhs_number"),
            SourceEntityRef = single.GetValueOrDefault("source_ref"),
            Other = other,
        };
    }
}
