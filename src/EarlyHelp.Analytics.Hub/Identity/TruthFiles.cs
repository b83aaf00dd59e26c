using System.Globalization;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>
/// Reads a synthetic city's truth folder (written by the generator apart from the extracts, for evaluation only):
/// plain comma-separated files with a header and no quoted fields.
/// </summary>
internal static class TruthFiles
{
    /// <summary>The file naming each agency record's true person: <c>dataset,record_id,person_id</c>.</summary>
    public const string RecordPeople = "record_people.csv";

    /// <summary>Each record's true person by dataset and record reference (the hub's record key).</summary>
    public static Dictionary<(string Dataset, string RecordRef), string> ReadRecordPeople(string truthFolder)
    {
        var rows = ReadRows(Path.Combine(truthFolder, RecordPeople), "dataset", "record_id", "person_id");
        var truth = new Dictionary<(string, string), string>(rows.Count);
        foreach (var row in rows)
            truth[(row[0], row[1])] = row[2];
        return truth;
    }

    /// <summary>The named columns of every row of <paramref name="path"/>, in file order; a missing file or column is bad input.</summary>
    public static List<string[]> ReadRows(string path, params string[] columns)
    {
        if (!File.Exists(path))
            throw new BadInputException(path, "the truth folder has no such file");
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? "").Split(',');
        var indices = columns.Select(column => Array.IndexOf(header, column)).ToArray();
        for (var i = 0; i < columns.Length; i++)
        {
            if (indices[i] < 0)
                throw new BadInputException(path, 1, 1, $"the header has no column '{columns[i]}'");
        }
        var rows = new List<string[]>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var fields = text.Split(',');
            if (fields.Length != header.Length)
                throw new BadInputException(path, line, 1, string.Create(CultureInfo.InvariantCulture, $"expected {header.Length} fields as in the header but found {fields.Length}"));
            rows.Add(indices.Select(i => fields[i]).ToArray());
        }
        return rows;
    }
}
