using System.Globalization;
using System.Security.Cryptography;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>Who a source says a person is: its own reference and the identity fields it typed.</summary>
/// <param name="AgencyRef">The source's own person reference.</param>
/// <param name="Forename">Forename.</param>
/// <param name="Surname">Surname.</param>
/// <param name="BirthDate">Date of birth, or null when the source has none.</param>
/// <param name="Sex">Sex, or null.</param>
/// <param name="Address">Address line, or null.</param>
/// <param name="Postcode">Postcode, or null.</param>
public sealed record Who(string AgencyRef, string Forename, string Surname, DateOnly? BirthDate, string? Sex = null, string? Address = null, string? Postcode = null)
{
    /// <summary>The same person as another source (with its own reference) records them.</summary>
    public Who In(string agencyRef) => this with { AgencyRef = agencyRef };
}

/// <summary>
/// Builds a small extract folder by hand, in exactly the layouts of <see cref="CouncilFiles"/> and
/// <see cref="DatasetCatalogue"/>, with a manifest whose row counts and hashes match.
/// </summary>
public sealed class ExtractBuilder(DateOnly extractDate)
{
    private readonly Dictionary<CouncilFileLayout, List<Dictionary<string, string>>> councilRows = [];
    private readonly Dictionary<string, List<Dictionary<string, string>>> events = new(StringComparer.Ordinal);

    /// <summary>The extract date the manifest gives.</summary>
    public DateOnly ExtractDate => extractDate;

    /// <summary>A gazetteer address.</summary>
    public ExtractBuilder Address(string uprn, string address, string postcode, int imdDecile = 5) =>
        Council(CouncilFiles.Gazetteer, ("uprn", uprn), ("address", address), ("postcode", postcode),
            ("area_code", $"E01{uprn[^4..]}"), ("imd_decile", Invariant(imdDecile)));

    /// <summary>A row of a council file, by column name; columns not given are blank.</summary>
    public ExtractBuilder Council(CouncilFileLayout layout, params (string Column, string Value)[] cells)
    {
        if (!councilRows.TryGetValue(layout, out var rows))
            councilRows[layout] = rows = [];
        rows.Add(cells.ToDictionary(cell => cell.Column, cell => cell.Value, StringComparer.Ordinal));
        return this;
    }

    /// <summary>A council tax occupancy of <paramref name="uprn"/>.</summary>
    public ExtractBuilder Occupant(string rowRef, Who who, string uprn, DateOnly start, DateOnly? end = null)
    {
        var format = CouncilFiles.CouncilTaxOccupants.DateFormat;
        return Council(CouncilFiles.CouncilTaxOccupants, ("OccupantRef", rowRef), ("AccountNumber", "CTA-" + uprn), ("PersonRef", who.AgencyRef),
            ("Forename", who.Forename), ("Surname", who.Surname), ("DateOfBirth", Format(who.BirthDate, format)), ("Address", who.Address ?? ""),
            ("Postcode", who.Postcode ?? ""), ("UPRN", uprn), ("StartDate", Format(start, format)), ("EndDate", Format(end, format)), ("Liable", "Y"));
    }

    /// <summary>A pupil on a school census day, with the school's record of sex and ethnicity.</summary>
    public ExtractBuilder Census(string rowRef, Who pupil, DateOnly censusDate, string sex, string ethnicity) =>
        Council(CouncilFiles.SchoolCensus, ("census_id", rowRef), ("person_id", pupil.AgencyRef), ("pupil_forename", pupil.Forename),
            ("pupil_surname", pupil.Surname), ("pupil_dob", Format(pupil.BirthDate, "yyyy-MM-dd")), ("home_address", pupil.Address ?? ""),
            ("home_postcode", pupil.Postcode ?? ""), ("census_date", Format(censusDate, "yyyy-MM-dd")), ("sex", sex), ("ethnicity", ethnicity), ("sen", "N"));

    /// <summary>A school's parent/carer contact of a pupil.</summary>
    public ExtractBuilder Contact(string rowRef, Who pupil, Who contact, string relationship, DateOnly from, DateOnly? to = null) =>
        Council(CouncilFiles.SchoolPupilContacts, ("contact_id", rowRef), ("person_id", pupil.AgencyRef), ("pupil_forename", pupil.Forename),
            ("pupil_surname", pupil.Surname), ("pupil_dob", Format(pupil.BirthDate, "yyyy-MM-dd")), ("contact_ref", contact.AgencyRef),
            ("contact_forename", contact.Forename), ("contact_surname", contact.Surname), ("contact_address", contact.Address ?? ""),
            ("contact_postcode", contact.Postcode ?? ""), ("relationship", relationship), ("priority", "1"),
            ("valid_from", Format(from, "yyyy-MM-dd")), ("valid_to", Format(to, "yyyy-MM-dd")));

    /// <summary>A social care record of a child's parent or carer (both with the case system's references; the carer with a date of birth).</summary>
    public ExtractBuilder Carer(string rowRef, Who child, Who carer, string relationship, DateOnly start, DateOnly? end = null) =>
        Council(CouncilFiles.SocialCareChildCarers, ("link_id", rowRef), ("person_id", child.AgencyRef), ("child_forename", child.Forename),
            ("child_surname", child.Surname), ("child_dob", Format(child.BirthDate, "yyyy-MM-dd")), ("carer_person_id", carer.AgencyRef),
            ("carer_forename", carer.Forename), ("carer_surname", carer.Surname), ("carer_dob", Format(carer.BirthDate, "yyyy-MM-dd")),
            ("carer_address", carer.Address ?? ""), ("carer_postcode", carer.Postcode ?? ""), ("relationship", relationship),
            ("start_date", Format(start, "yyyy-MM-dd")), ("end_date", Format(end, "yyyy-MM-dd")));

    /// <summary>A health visitor's birth notification: mother and baby, at the mother's address.</summary>
    public ExtractBuilder Birth(string rowRef, Who mother, Who baby, string? motherNhs = null, string? babyNhs = null)
    {
        var format = CouncilFiles.HealthVisitorBirths.DateFormat;
        return Council(CouncilFiles.HealthVisitorBirths, ("BirthRef", rowRef), ("MotherPersonId", mother.AgencyRef), ("MotherNHSNumber", motherNhs ?? ""),
            ("MotherGivenName", mother.Forename), ("MotherFamilyName", mother.Surname), ("MotherBirthDate", Format(mother.BirthDate, format)),
            ("BabyPersonId", baby.AgencyRef), ("BabyNHSNumber", babyNhs ?? ""), ("BabyGivenName", baby.Forename), ("BabyFamilyName", baby.Surname),
            ("BabyGender", baby.Sex ?? ""), ("BirthDate", Format(baby.BirthDate, format)), ("Address", mother.Address ?? ""), ("Postcode", mother.Postcode ?? ""));
    }

    /// <summary>An agency record of <paramref name="dataset"/> about <paramref name="who"/>, written in that agency's layout and date format.</summary>
    public ExtractBuilder Event(string dataset, string sourceRef, Who who, DateOnly start, DateOnly? end = null, double? value = null)
    {
        var layout = DatasetCatalogue.Get(dataset).Layout;
        var identity = layout.Identity;
        var cells = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [layout.RecordIdColumn] = sourceRef, [layout.PersonIdColumn] = who.AgencyRef, [identity.Forename] = who.Forename,
            [identity.Surname] = who.Surname, [identity.BirthDate] = Format(who.BirthDate, layout.DateFormat), [identity.Postcode] = who.Postcode ?? "",
            [layout.StartDateColumn] = Format(start, layout.DateFormat),
        };
        if (identity.Sex is { } sex)
            cells[sex] = who.Sex ?? "";
        if (identity.Address is { } address)
            cells[address] = who.Address ?? "";
        if (layout.EndDateColumn is { } endColumn)
            cells[endColumn] = Format(end, layout.DateFormat);
        if (layout.ValueColumn is { } valueColumn)
            cells[valueColumn] = value is { } number ? number.ToString(CultureInfo.InvariantCulture) : "";
        if (!events.TryGetValue(dataset, out var rows))
            events[dataset] = rows = [];
        rows.Add(cells);
        return this;
    }

    /// <summary>Fills the worker and team cells (<see cref="ExtractLayout.Contact"/>) of the agency record <paramref name="sourceRef"/> of <paramref name="dataset"/>.</summary>
    public ExtractBuilder Contact(string dataset, string sourceRef, params (string Column, string Value)[] cells)
    {
        var row = events[dataset].Single(r => r[DatasetCatalogue.Get(dataset).Layout.RecordIdColumn] == sourceRef);
        foreach (var (column, value) in cells)
            row[column] = value;
        return this;
    }

    /// <summary>Leaves out the agency record <paramref name="sourceRef"/> of <paramref name="dataset"/> (a record deleted at source, or one to be given again amended).</summary>
    public ExtractBuilder Without(string dataset, string sourceRef)
    {
        var idColumn = DatasetCatalogue.Get(dataset).Layout.RecordIdColumn;
        Assert.Equal(1, events[dataset].RemoveAll(row => row[idColumn] == sourceRef));
        return this;
    }

    /// <summary>Writes the council files and one file per dataset with records, and the manifest, into a new folder under <paramref name="parent"/>.</summary>
    public ExtractFolder WriteTo(string parent)
    {
        var folder = Path.Combine(parent, $"extract-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var files = new List<ManifestFile>();
        void Write(string name, string? dataset, IReadOnlyList<string> columns, IEnumerable<Dictionary<string, string>> rows)
        {
            var lines = new List<string> { string.Join(',', columns) };
            lines.AddRange(rows.Select(row => string.Join(',', columns.Select(column => Quote(row.GetValueOrDefault(column, ""))))));
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, string.Join('\n', lines) + "\n");
            files.Add(new ManifestFile(name, dataset, lines.Count - 1, Sha256(path)));
        }

        foreach (var layout in CouncilFiles.All.Where(councilRows.ContainsKey))
            Write(layout.FileName, null, layout.Columns, councilRows[layout]);
        foreach (var dataset in DatasetCatalogue.All.Where(d => events.ContainsKey(d.Code)))
            Write(dataset.Layout.FileName, dataset.Code, dataset.Layout.Columns, events[dataset.Code]);

        var manifest = new ExtractManifest
        {
            Producer = "EarlyHelp.Analytics.Hub.Tests",
            ProducerVersion = "1",
            ExtractDate = extractDate,
            Files = files,
        };
        File.WriteAllText(Path.Combine(folder, ExtractManifest.FileName), manifest.ToJson());
        return new ExtractFolder(folder);
    }

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(DateOnly? date, string format) => date?.ToString(format, CultureInfo.InvariantCulture) ?? "";
}
