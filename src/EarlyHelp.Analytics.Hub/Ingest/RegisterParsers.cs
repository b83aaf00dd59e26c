using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>Households: ids, address, area, deprivation decile and tenure.</summary>
internal sealed class HouseholdParser(ExtractCsv csv, IngestContext context) : IRowParser<Household>
{
    private static readonly IReadOnlyList<string> Declared = RegisterFiles.Households.Columns;
    private readonly CsvColumn id = csv.Column("household_id", Declared), uprn = csv.Column("uprn", Declared),
        area = csv.Column("area_code", Declared), decile = csv.Column("imd_decile", Declared), tenure = csv.Column("tenure", Declared);

    public bool TryRead(out Household row)
    {
        row = new Household(new HouseholdId(csv.Id(id)), csv.RequiredText(uprn), csv.RequiredText(area),
            csv.WholeNumber(decile, 1, 10), csv.Code(tenure, ProtectedCodes.Tenures));
        context.Ids.Households.Add(row.Id.Value);
        return true;
    }
}

/// <summary>People: id, month of birth and, if any, of death.</summary>
internal sealed class PersonParser(ExtractCsv csv, IngestContext context) : IRowParser<Person>
{
    private static readonly IReadOnlyList<string> Declared = RegisterFiles.People.Columns;
    private readonly CsvColumn id = csv.Column("person_id", Declared), birth = csv.Column("birth_month", Declared),
        death = csv.Column("death_month", Declared);

    public bool TryRead(out Person row)
    {
        var personId = csv.Id(id);
        var birthMonth = csv.OptionalMonth(birth) ?? throw csv.Fault(birth, $"'{birth.Name}' is required but empty");
        if (birthMonth.CompareTo(YearMonth.Of(context.ExtractDate)) > 0)
            throw csv.Fault(birth, $"'{birth.Name}' {birthMonth} is after the extract date {context.ExtractDateText}");
        var deathMonth = csv.OptionalMonth(death);
        if (deathMonth is { } died && died.CompareTo(birthMonth) < 0)
            throw csv.Fault(death, $"'{death.Name}' {deathMonth} is before '{birth.Name}' {birthMonth}");
        row = new Person(new PersonId(personId), birthMonth, deathMonth);
        context.Ids.People.Add(personId);
        return true;
    }
}

/// <summary>Protected characteristics of known people.</summary>
internal sealed class ProtectedCharacteristicsParser(ExtractCsv csv, IngestContext context) : IRowParser<ProtectedCharacteristics>
{
    private static readonly IReadOnlyList<string> Declared = RegisterFiles.PeopleProtected.Columns;
    private readonly CsvColumn person = csv.Column("person_id", Declared), sex = csv.Column("sex", Declared),
        ethnicity = csv.Column("ethnicity", Declared), disability = csv.Column("disability", Declared);

    public bool TryRead(out ProtectedCharacteristics row)
    {
        row = new ProtectedCharacteristics(context.Person(csv, person), csv.Code(sex, ProtectedCodes.Sexes),
            csv.Code(ethnicity, ProtectedCodes.Ethnicities), csv.Code(disability, ProtectedCodes.Disabilities));
        return true;
    }
}

/// <summary>Identities of known people.</summary>
internal sealed class IdentityParser(ExtractCsv csv, IngestContext context) : IRowParser<PersonIdentity>
{
    private static readonly IReadOnlyList<string> Declared = RegisterFiles.PeopleIdentity.Columns;
    private readonly CsvColumn person = csv.Column("person_id", Declared), forename = csv.Column("forename", Declared),
        surname = csv.Column("surname", Declared), birth = csv.Column("date_of_birth", Declared), postcode = csv.Column("postcode", Declared);

    public bool TryRead(out PersonIdentity row)
    {
        row = new PersonIdentity(context.Person(csv, person), csv.OptionalText(forename), csv.OptionalText(surname),
            csv.OptionalDate(birth, RegisterDates.Format), csv.OptionalText(postcode));
        return true;
    }
}

/// <summary>Residence periods of known people in known households.</summary>
internal sealed class ResidenceParser(ExtractCsv csv, IngestContext context) : IRowParser<Residence>
{
    private static readonly IReadOnlyList<string> Declared = RegisterFiles.Residences.Columns;
    private readonly CsvColumn person = csv.Column("person_id", Declared), household = csv.Column("household_id", Declared),
        start = csv.Column("start_date", Declared), end = csv.Column("end_date", Declared);

    public bool TryRead(out Residence row)
    {
        var personId = context.Person(csv, person);
        var householdId = context.Household(csv, household);
        var startDate = csv.Date(start, RegisterDates.Format);
        row = new Residence(personId, householdId, startDate, IngestContext.End(csv, end, RegisterDates.Format, start, startDate));
        return true;
    }
}

/// <summary>Family ids.</summary>
internal sealed class FamilyParser(ExtractCsv csv, IngestContext context) : IRowParser<FamilyId>
{
    private readonly CsvColumn id = csv.Column("family_id", RegisterFiles.Families.Columns);

    public bool TryRead(out FamilyId row)
    {
        row = new FamilyId(csv.Id(id));
        context.Ids.Families.Add(row.Value);
        return true;
    }
}

/// <summary>Memberships of known people in known families.</summary>
internal sealed class FamilyMembershipParser(ExtractCsv csv, IngestContext context) : IRowParser<FamilyMembership>
{
    private static readonly IReadOnlyList<string> Declared = RegisterFiles.FamilyMembers.Columns;
    private static readonly IReadOnlyList<string> Roles = Enum.GetValues<FamilyRole>().Select(role => role.Code()).ToArray();
    private readonly CsvColumn family = csv.Column("family_id", Declared), person = csv.Column("person_id", Declared),
        role = csv.Column("role", Declared), start = csv.Column("start_date", Declared), end = csv.Column("end_date", Declared);

    public bool TryRead(out FamilyMembership row)
    {
        var familyId = context.Family(csv, family);
        var personId = context.Person(csv, person);
        FamilyRoles.TryParse(csv.Code(role, Roles), out var familyRole);
        var startDate = csv.Date(start, RegisterDates.Format);
        row = new FamilyMembership(familyId, personId, familyRole, startDate, IngestContext.End(csv, end, RegisterDates.Format, start, startDate));
        return true;
    }
}

/// <summary>The date format of the council's register files.</summary>
internal static class RegisterDates
{
    /// <summary>ISO dates, as the hub stores them.</summary>
    public const string Format = "yyyy-MM-dd";
}
