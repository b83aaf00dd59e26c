using System.Text.Json;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.Ingest;

namespace EarlyHelp.Analytics.Cli.Tests.HubStats;

public sealed class HubStatsCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("earlyhelp-cli-stats-").FullName;
    private readonly string hub;

    public HubStatsCommandTests()
    {
        hub = Path.Combine(scratch, "hub.db");
        CommandRunner.Run("ingest", "--hub", hub, TinyExtract.Write(scratch));
    }

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void HubStats_Text_ShowsCountsAndFigures()
    {
        var (exit, output, _) = CommandRunner.Run("hub", "stats", "--hub", hub);

        Assert.Equal(ExitCodes.Success, exit);
        var lines = CommandRunner.Lines(output);
        // A new hub is at the newest schema step, whichever number that is.
        Assert.Equal($"Hub {hub}: schema version {Hub.Schema.Migrations.LatestVersion}, extract date 2024-03-31", lines[0]);
        Assert.Contains(lines, line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["police.asb_incident", "1"]);
        Assert.Contains("  police.asb_incident: incidents the police force recorded in the council's area", lines);
        // Four residents, one of them a child (born 2015-03, aged 9): children_share 1/4.
        Assert.Contains(lines, line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["children_share", "0.250", "0.195", "±0.02", "0.175", "to", "0.215", "NO"]);
        // Four records, each its own person: nothing to review.
        Assert.Contains(lines, line => line.StartsWith("Linkage (model version 1", StringComparison.Ordinal) && line.EndsWith("4 agency records linked into 4 people", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Trim() == "clerical review queue 0 pairs; clerical decisions recorded 0");
    }

    [Fact]
    public void HubStats_Json_HasTheFigures()
    {
        var (exit, output, _) = CommandRunner.Run("hub", "stats", "--hub", hub, "--json");

        Assert.Equal(ExitCodes.Success, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2024-03-31", json.RootElement.GetProperty("extract_date").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("tables").GetProperty("person").GetInt64());
        Assert.Equal(4, json.RootElement.GetProperty("linkage").GetProperty("people").GetInt64());
        var share = json.RootElement.GetProperty("realism").GetProperty("figures")[0];
        Assert.Equal("children_share", share.GetProperty("name").GetString());
        Assert.Equal(1.0 / 4, share.GetProperty("value").GetDouble(), 12);
    }
}
