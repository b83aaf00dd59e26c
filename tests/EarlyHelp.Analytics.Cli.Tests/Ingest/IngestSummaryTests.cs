using EarlyHelp.Analytics.Cli.Ingest;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Cli.Tests.Ingest;

public sealed class IngestSummaryTests
{
    private const string Warning = "Warning: the linkage model's estimation reached its iteration limit without converging (600 EM iterations in all)";

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Write_LinkageEstimation_WarnsOnlyWhenItDidNotConverge(bool converged, bool warned)
    {
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var report = new IngestReport("extract", new DateOnly(2025, 12, 31), "tests", "1", at, at, [])
        {
            Linkage = new LinkageSummary(10, 10, 8, 12, 2, 0.1, 0.2, 0, 8, 0, 0, 0.5)
            {
                Estimation = new TrainingSummary(10, 12, 12, 45, 600, converged, 0.9),
            },
        };
        using var output = new StringWriter();

        IngestSummary.Write(output, report, "hub.db");

        Assert.Equal(warned, output.ToString().Contains(Warning, StringComparison.Ordinal));
    }
}
