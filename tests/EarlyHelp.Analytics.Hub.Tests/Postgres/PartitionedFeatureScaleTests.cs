using System.Globalization;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Synthetic;
using Xunit.Abstractions;

namespace EarlyHelp.Analytics.Hub.Tests.Postgres;

/// <summary>
/// The partitioned feature build on a city of <c>$EARLYHELP_SCALE_PEOPLE</c> people (48 months, seed 1), for the sizing
/// figures of docs/scale.md: it requires the same table as the plain hub and prints each partition's times. It runs only
/// when the variable is set (a 20,000-person city takes minutes) and a PostgreSQL server is named.
/// </summary>
public sealed class PartitionedFeatureScaleTests(ITestOutputHelper output) : IDisposable
{
    private readonly PostgresHubFixture hub = ScaleFactAttribute.People is not null && PostgresServer.ConnectionString is not null ? new() : null!;

    [ScaleFact]
    public void Build_ScaleCity_SameTableAndTimesPerPartition()
    {
        var partitions = int.Parse(Environment.GetEnvironmentVariable("EARLYHELP_SCALE_PARTITIONS") ?? "8", CultureInfo.InvariantCulture);
        var result = PartitionedCity.Run(hub, new CityOptions { People = ScaleFactAttribute.People!.Value, Seed = 1 }, partitions, workers: 2);

        Assert.Equal(PartitionedCity.Csv(result.Whole), PartitionedCity.Csv(result.Parts.Table));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: plain {result.PlainIngest.TotalSeconds:F1} s, partitioned {result.PartitionedIngest.TotalSeconds:F1} s; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"whole hub: read {result.WholeRead.TotalSeconds:F2} s, build {result.WholeBuild.TotalSeconds:F2} s, {result.Whole.RowCount} rows; partitioned, 2 workers: {result.PartitionedTotal.TotalSeconds:F2} s"));
        // How far shared members chain families together: the partition key's granularity.
        var groups = hub.QueryRows("""
            SELECT COUNT(*), COUNT(*) FILTER (WHERE families > 1), MAX(families)
            FROM (SELECT COUNT(DISTINCT family_id) AS families FROM family_member GROUP BY family_group) g
            """)[0];
        output.WriteLine($"family groups: {groups[0]}, of more than one family: {groups[1]}, most families in one group: {groups[2]}");
        foreach (var p in result.Parts.Partitions)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"partition {p.Index}: {p.Families} families, {p.Events} records, {p.Rows} rows, read {p.Read.TotalSeconds:F2} s, build {p.Build.TotalSeconds:F2} s"));
        }
    }

    public void Dispose() => hub?.Dispose();
}

/// <summary>A fact that runs only when <c>$EARLYHELP_SCALE_PEOPLE</c> names a city size and a PostgreSQL server is named.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScaleFactAttribute : FactAttribute
{
    /// <summary>The variable naming the city's size.</summary>
    public const string Variable = "EARLYHELP_SCALE_PEOPLE";

    public ScaleFactAttribute()
    {
        if (People is null)
            Skip = $"a sizing run: set {Variable} to a number of people (see docs/scale.md)";
        else if (PostgresServer.SkipReason is { } reason)
            Skip = reason;
    }

    /// <summary>The city's size, or null when not set.</summary>
    public static int? People =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
}
