using System.Globalization;
using CsvHelper;

namespace EarlyHelp.Analytics.Learning.Data;

/// <summary>
/// Reads a numeric CSV file (a header row, then one row per example; an empty cell is a missing
/// value) into a <see cref="DenseDataset"/>. Faults are reported as <see cref="DataFileException"/>
/// naming the file, line, field and column.
/// </summary>
public static class CsvDatasetReader
{
    private const int ChunkSize = 1 << 20;

    /// <summary>Reads <paramref name="path"/>: the label and identifier columns as <paramref name="columns"/> says, every other column as a feature.</summary>
    /// <exception cref="DataFileException">The file is not a well-formed numeric dataset.</exception>
    public static CsvDataset Read(string path, CsvColumns columns)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columns);
        if (!File.Exists(path))
            throw new DataFileException(path, 0, 0, "the file does not exist.");

        var options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true, HasHeader = true };
        using var reader = CsvReader.FromFile(path, options);
        var layout = ColumnLayout.Of(path, reader.Headers, columns);
        var chunks = new List<float[]>();
        var current = new float[ChunkSize];
        var filled = 0;
        var labels = layout.Label >= 0 ? new List<float>() : null;
        var ids = layout.Ids.Select(_ => new List<string>()).ToArray();
        var width = layout.Features.Length;

        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            if (reader.FieldCount != layout.FieldCount)
                throw new DataFileException(path, line, 0, $"the row has {reader.FieldCount} fields; the header has {layout.FieldCount}.");
            if (filled + width > current.Length)
            {
                chunks.Add(current[..filled]);
                current = new float[Math.Max(ChunkSize, width)];
                filled = 0;
            }

            for (var i = 0; i < width; i++)
                current[filled++] = ParseFeature(reader, layout.Features[i], layout, path, line);
            labels?.Add(ParseLabel(reader, layout.Label, layout, path, line));
            for (var i = 0; i < ids.Length; i++)
                ids[i].Add(reader.GetString(layout.Ids[i]) ?? "");
        }

        chunks.Add(current[..filled]);
        var values = new float[chunks.Sum(c => (long)c.Length)];
        long offset = 0;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(values, offset);
            offset += chunk.Length;
        }

        var rowCount = values.Length / width;
        if (rowCount == 0)
            throw new DataFileException(path, 0, 0, "the file has a header but no rows.");
        if (labels is not null)
            CheckBothClasses(path, layout.Names[layout.Label], labels);

        var featureNames = layout.Features.Select(i => layout.Names[i]).ToArray();
        var dataset = new DenseDataset(featureNames, values, labels?.ToArray());
        return new CsvDataset(dataset, [.. layout.Ids.Select(i => layout.Names[i])], [.. ids.Select(list => list.ToArray())]);
    }

    private static float ParseFeature(CsvReader reader, int field, ColumnLayout layout, string path, int line)
    {
        if (reader.IsEmpty(field))
            return float.NaN;
        if (reader.TryParse<float>(field, out var value))
            return value;
        throw new DataFileException(path, line, field + 1, $"'{layout.Names[field]}' is not a number: '{reader.GetString(field)}'");
    }

    private static float ParseLabel(CsvReader reader, int field, ColumnLayout layout, string path, int line)
    {
        var name = layout.Names[field];
        if (reader.IsEmpty(field))
            throw new DataFileException(path, line, field + 1, $"the label '{name}' is missing; every row needs a label of 0 or 1.");
        if (!reader.TryParse<float>(field, out var value) || !(value is 0f or 1f))
            throw new DataFileException(path, line, field + 1, $"the label '{name}' must be 0 or 1. Got '{reader.GetString(field)}'.");
        return value;
    }

    private static void CheckBothClasses(string path, string name, List<float> labels)
    {
        var first = labels[0];
        if (labels.TrueForAll(label => label == first))
            throw new DataFileException(path, 0, 0, string.Create(CultureInfo.InvariantCulture, $"the label '{name}' is {first} on every row; a model needs both 0 and 1."));
    }

    /// <summary>Which field of a record is the label, which are identifiers and which are features.</summary>
    private sealed record ColumnLayout(string[] Names, int Label, int[] Ids, int[] Features)
    {
        public int FieldCount => Names.Length;

        public static ColumnLayout Of(string path, IReadOnlyList<string> header, CsvColumns columns)
        {
            string[] names = [.. header];
            if (names.Length == 0)
                throw new DataFileException(path, 1, 0, "the file has no header row.");
            var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw new DataFileException(path, 1, 0, $"the column '{duplicate.Key}' appears more than once in the header.");

            var label = columns.Label is null ? -1 : Array.IndexOf(names, columns.Label);
            if (label < 0 && columns.Label is not null && columns.LabelRequired)
                throw new DataFileException(path, 1, 0, $"there is no label column '{columns.Label}'.");
            var missingIds = columns.Ids.Where(id => Array.IndexOf(names, id) < 0).ToList();
            if (missingIds.Count > 0)
                throw new DataFileException(path, 1, 0, $"there is no id column {string.Join(", ", missingIds.Select(id => $"'{id}'"))}.");

            int[] ids = [.. columns.Ids.Select(id => Array.IndexOf(names, id))];
            var skipped = new HashSet<int>(ids);
            if (label >= 0)
                skipped.Add(label);
            int[] features = [.. Enumerable.Range(0, names.Length).Where(i => !skipped.Contains(i))];
            if (features.Length == 0)
                throw new DataFileException(path, 1, 0, "there are no feature columns besides the label and id columns.");
            if (columns.Features is not null)
                features = Expected(path, names, features, columns.Features, columns.FeaturesOwner);
            // Without a required label the label column is only skipped, never read.
            return new ColumnLayout(names, columns.LabelRequired ? label : -1, ids, features);
        }

        /// <summary>The fields of the expected features, in their order; a fault names every feature missing or unexpected.</summary>
        private static int[] Expected(string path, string[] names, int[] features, IReadOnlyList<string> expected, string owner)
        {
            var mismatch = FeatureMismatch.Describe(expected, features.Select(i => names[i]));
            if (mismatch is not null)
                throw new DataFileException(path, 1, 0, $"the features do not match {owner}'s: {mismatch}.");

            return [.. expected.Select(name => Array.IndexOf(names, name))];
        }
    }
}
