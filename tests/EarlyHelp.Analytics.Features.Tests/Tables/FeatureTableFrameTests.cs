using System.Globalization;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Features.Tests.Support;
using Microsoft.Data.Analysis;

namespace EarlyHelp.Analytics.Features.Tests.Tables;

public sealed class FeatureTableFrameTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("feature-frame-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A feature CSV whose "late" column is empty for its first twelve rows, then holds 1.5.</summary>
    private string LateColumnCsv()
    {
        var path = Path.Combine(folder, "features.csv");
        var lines = new List<string> { "family_id,as_of,count,late,escalated" };
        for (var row = 0; row < 15; row++)
            lines.Add($"{row + 1},2024-03-15,{row},{(row < 12 ? "" : "1.5")},{row % 2}");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    /// <summary>A culture whose decimal separator is the comma and group separator the full stop, as de-DE's.</summary>
    private static CultureInfo CommaDecimal()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        return culture;
    }

    [Fact]
    public void ReadCsv_ColumnStartsEmptyUnderCommaDecimalCulture_StaysNumericAndReadsOnePointFive()
    {
        var path = LateColumnCsv();
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CommaDecimal();
        try
        {
            // The pitfall pinned: left to guess, LoadCsv reads the late column as text (its first ten cells are empty).
            Assert.Equal(typeof(string), DataFrame.LoadCsv(path).Columns["late"].DataType);

            var frame = FeatureTableFrame.ReadCsv(path);

            var late = Assert.IsType<SingleDataFrameColumn>(frame.Columns["late"]);
            Assert.Equal(1.5f, late[12]);
            Assert.True(float.IsNaN(late[0]!.Value));
            Assert.Equal(typeof(string), frame.Columns["family_id"].DataType);
            Assert.Equal(14f, frame.Columns["count"][14]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void From_SmallTown_HasTheCsvColumnsWithTheTablesValues()
    {
        var table = SmallTown.Table(SmallTown.Hub().Read());

        var frame = FeatureTableFrame.From(table);

        Assert.Equal(["family_id", "as_of", .. table.FeatureNames, "escalated"], frame.Columns.Select(c => c.Name));
        Assert.Equal(table.RowCount, frame.Rows.Count);
        for (var feature = 0; feature < table.FeatureCount; feature++)
            Assert.Equal(table[0, feature], (float)frame.Columns[table.FeatureNames[feature]][0]!);
    }
}
