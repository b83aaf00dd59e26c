using System.Globalization;
using CsvHelper;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Cli.Link;

/// <summary>Reads identity CSV files into linkage records, as the column map says.</summary>
internal static class LinkInputReader
{
    // Without a stated format: ISO dates, UK day-first dates, and compact dates are all read.
    private static readonly string[] DefaultDateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyyMMdd"];

    /// <summary>The records of one file; its source is the file name without extension.</summary>
    public static List<LinkageRecord> Read(string path, string idColumn, LinkColumnMap map)
    {
        if (!File.Exists(path))
            throw new BadInputException(path, 0, 0, "the input file does not exist");
        var source = Path.GetFileNameWithoutExtension(path);
        var options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true, HasHeader = true };
        using var csv = CsvReader.FromFile(path, options);
        var header = csv.Headers.Select(h => h.Trim()).ToArray();
        if (header.Length == 0)
            throw new BadInputException(path, 1, 0, "the file has no header line");
        int Column(string name) => Array.IndexOf(header, name) is var index and >= 0 ? index
            : throw new UsageException($"{path}: no column '{name}' (the columns are {string.Join(", ", header)}).");
        var id = Column(idColumn);
        var index = map.Columns.Append(idColumn).Distinct(StringComparer.Ordinal).ToDictionary(c => c, Column, StringComparer.Ordinal);
        var formats = map.BirthDateFormat is null ? DefaultDateFormats : [map.BirthDateFormat];

        var records = new List<LinkageRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            string? Cell(string? name) => name is null ? null : index[name] is var c && c < csv.FieldCount ? Blank(csv.GetString(c)) : null;
            var recordId = Cell(idColumn) ?? throw new BadInputException(path, line, id + 1, $"the record id column '{idColumn}' is empty");
            if (!seen.Add(recordId))
                throw new BadInputException(path, line, id + 1, $"the record id '{recordId}' appears twice");
            records.Add(new LinkageRecord
            {
                Source = source,
                RecordId = recordId,
                SourceEntityRef = Cell(map.SourceEntityRef),
                Forename = Cell(map.Forename),
                Surname = Cell(map.Surname),
                // A date that does not parse counts as missing: the record links on what remains.
                BirthDate = DateOnly.TryParseExact(Cell(map.BirthDate), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) ? birth : null,
                Sex = Cell(map.Sex),
                Postcode = Cell(map.Postcode),
                Address = Cell(map.Address),
                NhsNumber = Cell(map.NhsNumber),
                Other = map.Other.Count == 0 ? null : map.Other.ToDictionary(c => c, c => Cell(c) ?? "", StringComparer.Ordinal),
            });
        }
        return records;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
