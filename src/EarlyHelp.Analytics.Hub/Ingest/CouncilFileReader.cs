using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>
/// Rows of a council register or relationship file (<see cref="CouncilFiles"/>): each person of a row becomes
/// an identity record named <c>row ref/role</c>, dated by the row's period or record date. In a row of a child
/// and a carer (school contacts, social care carers, health visitor births) the carer's record points at the
/// child's with the relationship; a tenancy member points at its tenancy. The school census and social care
/// characteristics also carry the person's protected characteristics.
/// </summary>
internal sealed class CouncilFileReader
{
    /// <summary>Roles of the child in a child–carer row.</summary>
    private static readonly HashSet<string> ChildRoles = ["pupil", "child", "baby"];

    private readonly ExtractCsv csv;
    private readonly CouncilFileLayout layout;
    private readonly DateOnly extractDate;
    private readonly string dataset;
    private readonly CsvColumn reference;
    private readonly CsvColumn? start, end, recorded, relationship, tenancy, ethnicity, disability;
    private readonly (PersonColumns Person, IdentityFields Fields)[] people;

    /// <summary>Finds the layout's columns in the file's header.</summary>
    public CouncilFileReader(ExtractCsv csv, CouncilFileLayout layout, DateOnly extractDate)
    {
        this.csv = csv;
        this.layout = layout;
        this.extractDate = extractDate;
        dataset = CouncilFiles.DatasetName(layout);
        var declared = layout.Columns;
        CsvColumn? Find(string? name) => name is not null && declared.Contains(name) ? csv.Column(name, declared) : null;
        reference = csv.Column(layout.RecordIdColumn, declared);
        start = Find(layout.StartDateColumn);
        end = Find(layout.EndDateColumn);
        recorded = Find(layout.RecordDateColumn);
        relationship = Find(layout.RelationshipColumn);
        tenancy = layout == CouncilFiles.HousingTenancyMembers ? Find("TenancyRef") : null;
        ethnicity = Find("ethnicity");
        disability = Find("disability");
        people = layout.People.Select(person => (person, IdentityFields.Of(csv, layout, person))).ToArray();
    }

    /// <summary>Reads every row into <paramref name="contents"/>.</summary>
    public void ReadAll(ExtractContents contents, Action<long> rowsRead)
    {
        while (csv.Read())
        {
            var rowRef = csv.RequiredText(reference);
            var (from, to) = Period();
            var childRef = people.Where(p => ChildRoles.Contains(p.Person.Role)).Select(p => $"{rowRef}/{p.Person.Role}").FirstOrDefault();
            var related = relationship is { } column ? csv.OptionalText(column).Trim() : null;
            var ethnicGroup = Optional(ethnicity, ProtectedCodes.Ethnicities);
            var disabled = Optional(disability, ProtectedCodes.Disabilities);
            foreach (var (person, fields) in people)
            {
                var isChild = ChildRoles.Contains(person.Role);
                var isCarer = childRef is not null && !isChild;
                var record = fields.Read(dataset, $"{rowRef}/{person.Role}", IdentityRecordKind.Register, from, to,
                    relatedRef: isCarer ? childRef : tenancy is { } group ? csv.OptionalText(group) : null,
                    relationship: isCarer ? (string.IsNullOrEmpty(related) ? person.Role : related) : related,
                    ethnicity: ethnicGroup, disability: disabled);
                contents.Records.Add(record);
            }
            if (csv.Rows % AgencyEventReader.ProgressEvery == 0)
                rowsRead(csv.Rows);
        }
    }

    private (DateOnly? From, DateOnly? To) Period()
    {
        var dated = start ?? recorded;
        if (dated is not { } column)
            return (null, null);
        var from = csv.Date(column, layout.DateFormat);
        if (from > extractDate)
            throw csv.Fault(column, $"'{column.Name}' {from.ToString(layout.DateFormat, CultureInfo.InvariantCulture)} is after the extract date {extractDate:yyyy-MM-dd}");
        var to = end is { } endColumn ? DatedRows.End(csv, endColumn, layout.DateFormat, column, from) : null;
        return (from, to);
    }

    private string? Optional(CsvColumn? column, IReadOnlyList<string> codes) =>
        column is { } present && csv.OptionalText(present).Length > 0 ? csv.Code(present, codes) : null;
}

/// <summary>Rows of the council's address gazetteer.</summary>
internal static class GazetteerReader
{
    /// <summary>Reads every row of <paramref name="csv"/> into <paramref name="contents"/>.</summary>
    public static void ReadAll(ExtractCsv csv, ExtractContents contents)
    {
        var declared = CouncilFiles.Gazetteer.Columns;
        CsvColumn uprn = csv.Column("uprn", declared), address = csv.Column("address", declared), postcode = csv.Column("postcode", declared),
            area = csv.Column("area_code", declared), decile = csv.Column("imd_decile", declared);
        while (csv.Read())
        {
            contents.Gazetteer.Add(new GazetteerEntry(csv.RequiredText(uprn), csv.RequiredText(address), csv.OptionalText(postcode),
                csv.RequiredText(area), csv.WholeNumber(decile, 1, 10)));
        }
    }
}
