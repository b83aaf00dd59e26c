using System.Globalization;
using Microsoft.Data.Analysis;

namespace EarlyHelp.Analytics.Features.Tables;

/// <summary>
/// The feature table as a Microsoft.Data.Analysis <see cref="DataFrame"/> (which ML.NET reads as an
/// <c>IDataView</c>), in the columns of <see cref="FeatureTableCsv"/>: <c>family_id</c> and
/// <c>as_of</c> as text, every feature and <c>escalated</c> as <see cref="float"/> with NaN where a
/// value is missing. Column types are always stated, never guessed: <c>DataFrame.LoadCsv</c> guesses
/// them from the first ten rows (a feature that starts empty becomes text) and parses with the
/// current culture ("1.5" becomes 15 where the comma is the decimal separator).
/// </summary>
public static class FeatureTableFrame
{
    /// <summary>The table's columns as a frame.</summary>
    public static DataFrame From(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new List<DataFrameColumn>(table.FeatureCount + 3)
        {
            new StringDataFrameColumn(FeatureTableCsv.FamilyIdColumn, table.Families.Select(f => f.ToString())),
            new StringDataFrameColumn(FeatureTableCsv.AsOfColumn, table.AsOfDates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        };
        for (var feature = 0; feature < table.FeatureCount; feature++)
            columns.Add(new SingleDataFrameColumn(table.FeatureNames[feature], table.Column(feature).ToArray()));
        columns.Add(new SingleDataFrameColumn(FeatureTableCsv.LabelColumn, table.Labels));
        return new DataFrame(columns);
    }

    /// <summary>
    /// Reads a CSV written by <see cref="FeatureTableCsv"/> with every column's type stated (the two
    /// key columns as text, the rest as <see cref="float"/>) and the invariant culture, whatever the
    /// machine's culture. An empty cell is a missing value (NaN).
    /// </summary>
    public static DataFrame ReadCsv(string path)
    {
        string[] header;
        using (var reader = new StreamReader(path))
            header = (reader.ReadLine() ?? "").Split(',');
        Type[] types = [.. header.Select(name => name is FeatureTableCsv.FamilyIdColumn or FeatureTableCsv.AsOfColumn ? typeof(string) : typeof(float))];
        var frame = DataFrame.LoadCsv(path, separator: ',', header: true, dataTypes: types, cultureInfo: CultureInfo.InvariantCulture);
        // LoadCsv leaves an empty numeric cell null; the table's convention for a missing value is NaN.
        foreach (var column in frame.Columns.OfType<SingleDataFrameColumn>())
            column.FillNulls(float.NaN, inPlace: true);
        return frame;
    }
}
