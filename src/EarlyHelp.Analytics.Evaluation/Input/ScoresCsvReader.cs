using System.Globalization;
using CsvHelper;

namespace EarlyHelp.Analytics.Evaluation.Input;

/// <summary>
/// Reads a CSV of scored rows (header line first, comma-separated, invariant number format) into a
/// <see cref="ScoredPopulation"/>. Every fault is reported as <c>file:line:column: reason</c>.
/// </summary>
public static class ScoresCsvReader
{
    /// <summary>Reads <paramref name="path"/> with the given column layout.</summary>
    public static ScoresFile Read(string path, ScoresFileLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!File.Exists(path))
            throw new AuditInputException(path, 0, 0, "The scores file does not exist.");
        using var reader = new StreamReader(path);
        return Read(reader, path, layout);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="fileName"/> names it in errors.</summary>
    public static ScoresFile Read(TextReader reader, string fileName, ScoresFileLayout layout)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(layout);
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            TrimWhitespace = true,
            PoolStrings = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        try
        {
            var columns = ReadHeader(csv, fileName, layout);
            var builder = new RowsBuilder(layout);
            while (csv.Read())
                builder.Add(new ScoresRow(csv, fileName, columns));
            if (builder.RowCount == 0)
                throw new AuditInputException(fileName, 0, 0, "The file has a header but no rows.");
            return builder.Build(fileName);
        }
        catch (CsvFormatException e)
        {
            throw new AuditInputException(fileName, (int)e.LineNumber, e.FieldIndex + 1, e.Message);
        }
    }

    private static ColumnPositions ReadHeader(CsvReader csv, string fileName, ScoresFileLayout layout)
    {
        csv.ReadHeader();
        var header = csv.Headers;
        if (header.Count == 0)
            throw new AuditInputException(fileName, 0, 0, "The file is empty; expected a header line.");
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (!positions.TryAdd(header[i], i))
                throw new AuditInputException(fileName, 1, i + 1, $"The column '{header[i]}' appears more than once in the header.");
        }

        int Find(string name) => positions.TryGetValue(name, out var index)
            ? index
            : throw new AuditInputException(fileName, 1, 0, $"The column '{name}' is not in the header (columns: {string.Join(", ", header)}).");

        return new ColumnPositions(
            Find(layout.ScoreColumn),
            Find(layout.LabelColumn),
            layout.GroupColumns.Select(Find).ToArray(),
            layout.RawScoreColumn is { } raw ? Find(raw) : -1,
            layout.TieKeyColumn is { } tie ? Find(tie) : -1,
            layout.FeatureColumns.Select(Find).ToArray(),
            layout.SelectColumn is { } select ? Find(select) : -1);
    }

    /// <summary>Where each needed column sits in the header (−1 when not asked for).</summary>
    private sealed record ColumnPositions(int Score, int Label, int[] Groups, int RawScore, int TieKey, int[] Features, int Select);

    /// <summary>One data row, with typed access that reports the line and column of a bad field.</summary>
    private readonly struct ScoresRow(CsvReader csv, string fileName, ColumnPositions columns)
    {
        public ColumnPositions Columns => columns;

        public string Text(int column) => csv.GetString(column);

        public double Number(int column, string what, string columnName, bool missingAllowed = false)
        {
            var bytes = csv.GetSpan(column);
            if (bytes.IsEmpty && missingAllowed)
                return double.NaN;
            if (bytes.IsEmpty)
                throw Fault(column, $"The {what} in column '{columnName}' is empty.");
            if (!double.TryParse(bytes, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                throw Fault(column, $"The {what} '{Text(column)}' in column '{columnName}' is not a number.");
            return value;
        }

        public long Integer(int column, string what, string columnName) =>
            long.TryParse(csv.GetSpan(column), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Fault(column, $"The {what} '{Text(column)}' in column '{columnName}' is not a whole number.");

        public AuditInputException Fault(int column, string reason) =>
            new(fileName, (int)csv.LineNumber, column + 1, reason);
    }

    /// <summary>Collects the columns row by row (the reader pools repeated group strings).</summary>
    private sealed class RowsBuilder(ScoresFileLayout layout)
    {
        private readonly List<double> scores = [];
        private readonly List<double> labels = [];
        private readonly List<string>[] groups = layout.GroupColumns.Select(_ => new List<string>()).ToArray();
        private readonly List<double> rawScores = [];
        private readonly List<long> tieKeys = [];
        private readonly List<double>[] features = layout.FeatureColumns.Select(_ => new List<double>()).ToArray();
        private readonly List<bool> selected = [];
        private readonly HashSet<string> selectValues = new(layout.SelectValues, StringComparer.Ordinal);

        public int RowCount => scores.Count;

        public void Add(ScoresRow row)
        {
            var columns = row.Columns;
            scores.Add(row.Number(columns.Score, "score", layout.ScoreColumn));
            var label = row.Number(columns.Label, "label", layout.LabelColumn);
            if (label is not (0.0 or 1.0))
                throw row.Fault(columns.Label, $"The label '{row.Text(columns.Label)}' in column '{layout.LabelColumn}' must be 0 or 1.");
            labels.Add(label);

            for (var g = 0; g < groups.Length; g++)
            {
                var value = row.Text(columns.Groups[g]);
                if (value.Length == 0)
                    throw row.Fault(columns.Groups[g], $"The group column '{layout.GroupColumns[g]}' is empty; every row needs a group (use a value such as 'Not known').");
                groups[g].Add(value);
            }

            if (columns.RawScore >= 0)
                rawScores.Add(row.Number(columns.RawScore, "raw score", layout.RawScoreColumn!));
            if (columns.TieKey >= 0)
                tieKeys.Add(row.Integer(columns.TieKey, "tie key", layout.TieKeyColumn!));
            for (var f = 0; f < features.Length; f++)
                features[f].Add(row.Number(columns.Features[f], "value", layout.FeatureColumns[f], missingAllowed: true));
            if (columns.Select >= 0)
                selected.Add(selectValues.Contains(row.Text(columns.Select)));
        }

        public ScoresFile Build(string fileName)
        {
            if (layout.SelectColumn is { } selectColumn && !selected.Contains(true))
                throw new AuditInputException(fileName, 0, 0,
                    $"None of the values {string.Join(", ", layout.SelectValues.Select(v => $"'{v}'"))} occur in the column '{selectColumn}', so nobody would be selected.");
            try
            {
                var population = new ScoredPopulation(
                    [.. scores], [.. labels],
                    layout.GroupColumns.Select((name, g) => new GroupColumn(name, groups[g])).ToArray(),
                    layout.ScoreColumn)
                {
                    RawScores = layout.RawScoreColumn is null ? null : [.. rawScores],
                    RawScoreName = layout.RawScoreColumn ?? "raw score",
                    TieKeys = layout.TieKeyColumn is null ? null : [.. tieKeys],
                    Features = layout.FeatureColumns.Select((name, f) => new FeatureColumn(name, features[f])).ToArray(),
                };
                return new ScoresFile(population, layout.SelectColumn is null ? null : [.. selected]);
            }
            catch (AuditInputException e)
            {
                throw new AuditInputException(fileName, 0, 0, e.Reason);
            }
        }
    }
}
