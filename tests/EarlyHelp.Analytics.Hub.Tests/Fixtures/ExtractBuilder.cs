using System.Globalization;
using System.Security.Cryptography;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>
/// Builds a small extract folder by hand, in exactly the layouts of <see cref="RegisterFiles"/> and
/// <see cref="DatasetCatalogue"/>, with a manifest whose row counts and hashes match.
/// </summary>
public sealed class ExtractBuilder(DateOnly extractDate)
{
    private readonly List<string[]> households = [];
    private readonly List<string[]> people = [];
    private readonly List<string[]> protectedRows = [];
    private readonly List<string[]> identities = [];
    private readonly List<string[]> residences = [];
    private readonly List<string[]> families = [];
    private readonly List<string[]> members = [];
    private readonly Dictionary<string, List<EventRow>> events = new(StringComparer.Ordinal);

    /// <summary>The extract date the manifest gives.</summary>
    public DateOnly ExtractDate => extractDate;

    public ExtractBuilder Household(long id, int imdDecile = 5, string tenure = "owner")
    {
        households.Add([Invariant(id), $"1000{id:D8}", $"E0100{id % 1000:D4}", Invariant(imdDecile), tenure]);
        return this;
    }

    /// <summary>A person with default protected characteristics and an identity.</summary>
    public ExtractBuilder Person(long id, string birthMonth, string? deathMonth = null, string sex = "F", string ethnicity = "white_british", string disability = "N")
    {
        people.Add([Invariant(id), birthMonth, deathMonth ?? ""]);
        protectedRows.Add([Invariant(id), sex, ethnicity, disability]);
        identities.Add([Invariant(id), $"Forename{id}", $"Surname{id}", $"{birthMonth}-01", "BS1 1AA"]);
        return this;
    }

    public ExtractBuilder Residence(long person, long household, DateOnly start, DateOnly? end = null)
    {
        residences.Add([Invariant(person), Invariant(household), Iso(start), end is { } e ? Iso(e) : ""]);
        return this;
    }

    public ExtractBuilder Family(long id)
    {
        families.Add([Invariant(id)]);
        return this;
    }

    public ExtractBuilder Member(long family, long person, string role, DateOnly start, DateOnly? end = null)
    {
        members.Add([Invariant(family), Invariant(person), role, Iso(start), end is { } e ? Iso(e) : ""]);
        return this;
    }

    /// <summary>An agency record of <paramref name="dataset"/>, written in that agency's layout and date format.</summary>
    public ExtractBuilder Event(string dataset, string sourceRef, long person, DateOnly start, DateOnly? end = null, double? value = null)
    {
        if (!events.TryGetValue(dataset, out var rows))
            events[dataset] = rows = [];
        rows.Add(new EventRow(sourceRef, person, start, end, value));
        return this;
    }

    /// <summary>Writes the registers, one file per dataset with records, and the manifest into a new folder under <paramref name="parent"/>.</summary>
    public ExtractFolder WriteTo(string parent)
    {
        var folder = Path.Combine(parent, $"extract-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var files = new List<ManifestFile>();
        void Write(string name, string? dataset, IReadOnlyList<string> columns, IEnumerable<string[]> rows)
        {
            var lines = new List<string> { string.Join(',', columns) };
            lines.AddRange(rows.Select(row => string.Join(',', row)));
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, string.Join('\n', lines) + "\n");
            files.Add(new ManifestFile(name, dataset, lines.Count - 1, Sha256(path)));
        }

        Write(RegisterFiles.Households.FileName, null, RegisterFiles.Households.Columns, households);
        Write(RegisterFiles.People.FileName, null, RegisterFiles.People.Columns, people);
        Write(RegisterFiles.PeopleProtected.FileName, null, RegisterFiles.PeopleProtected.Columns, protectedRows);
        Write(RegisterFiles.PeopleIdentity.FileName, null, RegisterFiles.PeopleIdentity.Columns, identities);
        Write(RegisterFiles.Residences.FileName, null, RegisterFiles.Residences.Columns, residences);
        Write(RegisterFiles.Families.FileName, null, RegisterFiles.Families.Columns, families);
        Write(RegisterFiles.FamilyMembers.FileName, null, RegisterFiles.FamilyMembers.Columns, members);
        foreach (var dataset in DatasetCatalogue.All.Where(d => events.ContainsKey(d.Code)))
        {
            var layout = dataset.Layout;
            Write(layout.FileName, dataset.Code, layout.Columns, events[dataset.Code].Select(row => row.Fields(layout)));
        }

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

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record EventRow(string SourceRef, long Person, DateOnly Start, DateOnly? End, double? Value)
    {
        public string[] Fields(ExtractLayout layout)
        {
            string Date(DateOnly date) => date.ToString(layout.DateFormat, CultureInfo.InvariantCulture);
            var fields = new List<string> { SourceRef, Invariant(Person), $"Forename{Person}", $"Surname{Person}", Date(new DateOnly(1980, 1, 1)), "BS1 1AA", Date(Start) };
            if (layout.EndDateColumn is not null)
                fields.Add(End is { } end ? Date(end) : "");
            if (layout.ValueColumn is not null)
                fields.Add(Value is { } value ? value.ToString(CultureInfo.InvariantCulture) : "");
            return [.. fields];
        }
    }
}
