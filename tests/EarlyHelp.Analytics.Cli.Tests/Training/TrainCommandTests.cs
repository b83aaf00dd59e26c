using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;

namespace EarlyHelp.Analytics.Cli.Tests.Training;

public sealed class TrainCommandTests
{
    [Fact]
    public void Train_BacktestOfOneQuarter_IsBadUsageNamingTheRange()
    {
        // One quarter would only repeat the run's own test; the options are checked before any hub is opened.
        var folder = Path.Combine(Path.GetTempPath(), $"earlyhelp-train-usage-{Guid.NewGuid():N}", "models", "m");

        var (exit, _, error) = CommandRunner.Run("train", "--hub", "absent.db", "--as-of", "2025-01-01", "--out", folder, "--backtest", "1");

        Assert.Equal((ExitCodes.BadUsage, "earlyhelp: The 'BacktestQuarters' option must be 0 (no backtest) or between 2 and 20. Got 1 instead."), (exit, error.TrimEnd()));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Train_RegressionInputsNeitherCappedNorUncapped_IsBadUsageNamingTheValue()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"earlyhelp-train-usage-{Guid.NewGuid():N}", "models", "m");

        var (exit, _, error) = CommandRunner.Run("train", "--hub", "absent.db", "--as-of", "2025-01-01", "--out", folder, "--regression-inputs", "clipped");

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Contains("'clipped'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }
}
