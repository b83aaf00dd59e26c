using System.Globalization;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Tests.Realism;

/// <summary>
/// A generated city read back: the agency extracts through their declared layouts, each record's
/// person taken from the truth (<c>record_people.csv</c>), and the true registers from the truth folder.
/// </summary>
public sealed class ExtractFolder
{
    public ExtractFolder(GenerationResult city)
    {
        Directory = city.ExtractDirectory;
        TruthDirectory = city.TruthDirectory;
        Manifest = city.Manifest;
        ExtractDate = Manifest.ExtractDate;

        var households = Table(RegisterFiles.Households);
        HouseholdDecile = households.Rows.ToDictionary(r => long.Parse(r[0], CultureInfo.InvariantCulture), r => int.Parse(r[households.Column("imd_decile")], CultureInfo.InvariantCulture));
        HouseholdTenure = households.Rows.ToDictionary(r => long.Parse(r[0], CultureInfo.InvariantCulture), r => r[households.Column("tenure")]);
        var people = Table(RegisterFiles.People);
        People = people.Rows.ToDictionary(r => long.Parse(r[0], CultureInfo.InvariantCulture),
            r => (Birth: ParseMonth(r[1]), Death: r[2].Length == 0 ? (YearMonth?)null : ParseMonth(r[2])));
        var residences = Table(RegisterFiles.Residences);
        Residences = residences.Rows.Select(r => new Period(long.Parse(r[0], CultureInfo.InvariantCulture), long.Parse(r[1], CultureInfo.InvariantCulture),
            DateOnly.ParseExact(r[2], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r[3].Length == 0 ? null : DateOnly.ParseExact(r[3], "yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
    }

    public string Directory { get; }

    public string TruthDirectory { get; }

    public ExtractManifest Manifest { get; }

    public DateOnly ExtractDate { get; }

    public Dictionary<long, int> HouseholdDecile { get; }

    public Dictionary<long, string> HouseholdTenure { get; }

    public Dictionary<long, (YearMonth Birth, YearMonth? Death)> People { get; }

    /// <summary>Residences: Owner is the person, Other the household.</summary>
    public List<Period> Residences { get; }

    /// <summary>A true register, from the truth folder.</summary>
    public CsvTable Table(RegisterLayout register) => CsvTable.Read(Path.Combine(TruthDirectory, register.FileName));

    /// <summary>The true person behind each record of <paramref name="dataset"/> (a catalogue code, or a council file's name without extension).</summary>
    public Dictionary<string, long> TruePeople(string dataset) =>
        File.ReadLines(Path.Combine(TruthDirectory, "record_people.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(fields => fields[0] == dataset)
            .ToDictionary(fields => fields[1], fields => long.Parse(fields[2], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>The records of one dataset, read through its layout: Person is the true person.</summary>
    public List<AgencyRecord> Records(string code)
    {
        var layout = DatasetCatalogue.Get(code).Layout;
        var table = CsvTable.Read(Path.Combine(Directory, layout.FileName));
        var truth = TruePeople(code);
        var start = table.Column(layout.StartDateColumn);
        var end = layout.EndDateColumn is null ? -1 : table.Column(layout.EndDateColumn);
        var value = layout.ValueColumn is null ? -1 : table.Column(layout.ValueColumn);
        var record = table.Column(layout.RecordIdColumn);
        return table.Rows.Select(r => new AgencyRecord(
            r[record],
            truth[r[record]],
            DateOnly.ParseExact(r[start], layout.DateFormat, CultureInfo.InvariantCulture),
            end < 0 || r[end].Length == 0 ? null : DateOnly.ParseExact(r[end], layout.DateFormat, CultureInfo.InvariantCulture),
            value < 0 || r[value].Length == 0 ? null : double.Parse(r[value], CultureInfo.InvariantCulture))).ToList();
    }

    private static YearMonth ParseMonth(string text) =>
        YearMonth.TryParse(text, out var month) ? month : throw new FormatException($"Not a month: '{text}'.");
}

/// <summary>A period of a person (Owner) in something (Other): a residence or a membership.</summary>
public sealed record Period(long Owner, long Other, DateOnly Start, DateOnly? End)
{
    /// <summary>Open on <paramref name="day"/>: started on or before it and not ended by it.</summary>
    public bool Covers(DateOnly day) => Start <= day && (End is null || End > day);
}

/// <summary>One agency record as the hub reads it, with its true person.</summary>
public sealed record AgencyRecord(string RecordId, long Person, DateOnly Start, DateOnly? End, double? Value)
{
    /// <summary>Open on <paramref name="day"/>: started on or before it and not ended by it.</summary>
    public bool OpenOn(DateOnly day) => Start <= day && (End is null || End > day);
}
