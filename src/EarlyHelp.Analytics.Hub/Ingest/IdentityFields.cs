using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>
/// The identity columns of one person in a row, found in the header, and read as received: blank cells are
/// missing values (normal); a date of birth that does not parse in the file's format, or a sex other than
/// <c>F</c>/<c>M</c>, is a fault at its file, line and column.
/// </summary>
internal sealed class IdentityFields
{
    private static readonly IReadOnlyList<string> Sexes = ProtectedCodes.Sexes;
    private readonly ExtractCsv csv;
    private readonly string dateFormat;
    private readonly CsvColumn? agencyRef, forename, surname, birthDate, sex, address, postcode, uprn, nhsNumber;

    /// <summary>Finds the named columns (null names are columns the source does not have).</summary>
    public IdentityFields(ExtractCsv csv, IReadOnlyList<string> declared, string dateFormat, string? agencyRef, string? forename, string? surname,
        string? birthDate, string? sex, string? address, string? postcode, string? uprn, string? nhsNumber)
    {
        this.csv = csv;
        this.dateFormat = dateFormat;
        CsvColumn? Find(string? name) => name is null ? null : csv.Column(name, declared);
        this.agencyRef = Find(agencyRef);
        this.forename = Find(forename);
        this.surname = Find(surname);
        this.birthDate = Find(birthDate);
        this.sex = Find(sex);
        this.address = Find(address);
        this.postcode = Find(postcode);
        this.uprn = Find(uprn);
        this.nhsNumber = Find(nhsNumber);
    }

    /// <summary>The columns of an agency event extract.</summary>
    public static IdentityFields Of(ExtractCsv csv, ExtractLayout layout)
    {
        var identity = layout.Identity;
        return new IdentityFields(csv, layout.Columns, layout.DateFormat, layout.PersonIdColumn, identity.Forename, identity.Surname,
            identity.BirthDate, identity.Sex, identity.Address, identity.Postcode, identity.Uprn, identity.NhsNumber);
    }

    /// <summary>The columns of one person of a council file.</summary>
    public static IdentityFields Of(ExtractCsv csv, CouncilFileLayout layout, PersonColumns person) =>
        new(csv, layout.Columns, layout.DateFormat, person.PersonRef, person.Forename, person.Surname, person.BirthDate, person.Sex,
            person.Address, person.Postcode, person.Uprn, person.NhsNumber);

    /// <summary>The current row's identity as a record of <paramref name="dataset"/> with reference <paramref name="recordRef"/>.</summary>
    public IdentityRecord Read(string dataset, string recordRef, IdentityRecordKind kind, DateOnly? validFrom, DateOnly? validTo,
        string? relatedRef = null, string? relationship = null, string? ethnicity = null, string? disability = null) => new()
    {
        Dataset = dataset,
        RecordRef = recordRef,
        Kind = kind,
        AgencyRef = Text(agencyRef),
        Forename = Text(forename),
        Surname = Text(surname),
        BirthDate = birthDate is { } column ? csv.OptionalDate(column, dateFormat) : null,
        Sex = sex is { } sexColumn && csv.OptionalText(sexColumn).Length > 0 ? csv.Code(sexColumn, Sexes) : null,
        Address = Text(address),
        Postcode = Text(postcode),
        Uprn = Text(uprn),
        NhsNumber = Text(nhsNumber)?.Replace(" ", "", StringComparison.Ordinal),
        Ethnicity = ethnicity,
        Disability = disability,
        ValidFrom = validFrom,
        ValidTo = validTo,
        RelatedRef = relatedRef,
        Relationship = relationship,
    };

    private string? Text(CsvColumn? column)
    {
        if (column is not { } present)
            return null;
        return csv.PooledText(present);
    }
}
