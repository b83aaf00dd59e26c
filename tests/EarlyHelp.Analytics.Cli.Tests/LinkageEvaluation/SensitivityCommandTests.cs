using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.Sensitivity;

namespace EarlyHelp.Analytics.Cli.Tests.LinkageEvaluation;

public sealed class SensitivityCommandTests(SensitivityCity city) : IClassFixture<SensitivityCity>
{
    [Fact]
    public void Sensitivity_SmallCity_WritesTheTableForBothArms()
    {
        var (exit, output, error) = city.Result;

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("(evaluation only)", output, StringComparison.Ordinal);
        var table = ReadTable();
        // Every test metric of the model appears for both arms, each with an interval, and the difference is truth minus linked.
        foreach (var metric in MetricNames.All)
        {
            var row = table.Single(r => r["measure"] == metric);
            foreach (var column in SensitivityTable.Columns.Skip(2))
                Assert.NotEqual("", row[column]);
            Assert.Equal(Number(row["truth_linked"]) - Number(row["linked"]), Number(row["truth_minus_linked"]), 5);
        }
        Assert.Contains(table, r => r["measure"] == "selection_rate" && r["group"].StartsWith("ethnicity/", StringComparison.Ordinal));
        // Intersections are named with a comma ("asian, IMD quintiles 1-2"): quoted, so they read back whole.
        Assert.Contains(table, r => r["group"].StartsWith("ethnicity × deprivation/", StringComparison.Ordinal) && r["group"].Contains(", IMD", StringComparison.Ordinal));
        foreach (var arm in new[] { LinkageSensitivity.LinkedArm, LinkageSensitivity.TruthLinkedArm })
        {
            Assert.True(File.Exists(Path.Combine(city.Output, arm + ".db")));
            Assert.True(File.Exists(Path.Combine(city.Output, "models", arm, "metrics.json")));
        }
    }

    [Fact]
    public void Sensitivity_SmallCity_TruthArmIsPerfectlyLinkedAndTheModelArmIsNot()
    {
        var table = ReadTable();

        // The truth-linked hub's people are the truth's: pairwise precision and recall exactly 1. The model's linkage of
        // this city is good but not perfect (measured 0.99262 and 0.98332), so the two arms really differ.
        var precision = table.Single(r => r["measure"] == "pairwise_precision");
        var recall = table.Single(r => r["measure"] == "pairwise_recall");
        Assert.Equal("1", precision["truth_linked"]);
        Assert.Equal("1", recall["truth_linked"]);
        Assert.InRange(Number(precision["linked"]), 0.98, 0.9999);
        Assert.InRange(Number(recall["linked"]), 0.97, 0.9999);
    }

    [Fact]
    public void Sensitivity_MissingTruth_ExitsOneBeforeAnyWork()
    {
        var output = Path.Combine(city.Folder, "refused");
        var missing = Path.Combine(city.Folder, "no-truth");

        var (exit, _, error) = CommandRunner.Run("linkage", "sensitivity", "--city", city.City, "--truth", missing, "--out", output);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith($"earlyhelp: {missing}: no such truth folder", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Ingest_LinkByTruthWithoutTheFolder_IsRefusedAndLeavesNoHub()
    {
        var hub = Path.Combine(city.Folder, "refused.db");
        var missing = Path.Combine(city.Folder, "no-truth");

        var (exit, _, error) = CommandRunner.Run("ingest", "--hub", hub, "--link-by-truth", missing, city.City);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith($"earlyhelp: {missing}: no such truth folder", error, StringComparison.Ordinal);
        Assert.False(File.Exists(hub));
    }

    /// <summary>The table as an RFC 4180 reader sees it (.NET's TextFieldParser); every row must have exactly the header's fields.</summary>
    private List<Dictionary<string, string>> ReadTable()
    {
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(Path.Combine(city.Output, LinkageSensitivity.TableFile))
        {
            TextFieldType = Microsoft.VisualBasic.FileIO.FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
        };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        Assert.Equal(SensitivityTable.Columns, header);
        var rows = new List<Dictionary<string, string>>();
        while (parser.ReadFields() is { } fields)
        {
            Assert.Equal(header.Length, fields.Length);
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }
        return rows;
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
