using System.Security.Cryptography;
using System.Text;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Features.Tests.Support;

namespace EarlyHelp.Analytics.Features.Tests.Tables;

public sealed class FeatureTableCsvTests
{
    private static string Csv(int? shuffleSeed = null, int parallelism = 2) => SmallTown.Csv(SmallTown.Hub(shuffleSeed).Read(), parallelism);

    [Fact]
    public void Write_Header_IdsFeaturesThenLabel()
    {
        var header = Csv().Split('\n')[0].Split(',');

        Assert.Equal(["family_id", "as_of", .. FeatureCatalogue.Names, "escalated"], header);
    }

    [Fact]
    public void Write_FamilyOneRow_CellsAsWorkedOut()
    {
        var lines = Csv().Split('\n');
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        string Cell(string column) => row[Array.IndexOf(header, column)];

        // Values from FamilyOne's working; a missing value is an empty cell; integers have no decimals.
        Assert.Equal("1", Cell("family_id"));
        Assert.Equal("2024-03-15", Cell("as_of"));
        Assert.Equal("3", Cell("domestic_abuse_3m"));
        Assert.Equal("62", Cell("health_months_since_latest"));
        Assert.Equal("", Cell("csc_referral_months_since_latest"));
        Assert.Equal((17f / 143).ToString("R", System.Globalization.CultureInfo.InvariantCulture), Cell("domestic_abuse_slope_12m"));
        Assert.Equal("-1", Cell("crime_asb_acceleration_6m"));
        Assert.Equal("1", Cell("escalated"));
    }

    [Fact]
    public void Write_UnobservedLabel_EmptyCellAndRowsEndWithNewline()
    {
        var csv = Csv();
        var lines = csv.Split('\n');

        // Header, three rows, and the empty text after the final newline.
        Assert.Equal(5, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.EndsWith(",", lines[2]);
        Assert.StartsWith("3,2024-09-15,", lines[2]);
        Assert.StartsWith("5,2024-09-15,", lines[3]);
    }

    [Fact]
    public void Write_SameHubInAnyOrderOrThreadCount_ByteIdentical()
    {
        var reference = SHA256.HashData(Encoding.UTF8.GetBytes(Csv()));

        Assert.Equal(reference, SHA256.HashData(Encoding.UTF8.GetBytes(Csv(shuffleSeed: 1, parallelism: 1))));
        Assert.Equal(reference, SHA256.HashData(Encoding.UTF8.GetBytes(Csv(shuffleSeed: 2, parallelism: 2))));
    }

    [Fact]
    public void Write_File_Utf8WithoutBom()
    {
        var table = FeatureTableBuilder.Build(SmallTown.Hub().Read(), new FeatureTableOptions { AsOfDates = [SmallTown.March] });
        var path = Path.Combine(Path.GetTempPath(), $"features-{Guid.NewGuid():N}.csv");
        try
        {
            FeatureTableCsv.Write(table, path);

            var bytes = File.ReadAllBytes(path);
            Assert.Equal((byte)'f', bytes[0]);
            using var writer = new StringWriter();
            FeatureTableCsv.Write(table, writer);
            Assert.Equal(writer.ToString(), Encoding.UTF8.GetString(bytes));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
