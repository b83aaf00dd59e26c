using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Postgres;

namespace EarlyHelp.Analytics.Hub.Tests.Postgres;

/// <summary>The setting that partitions a new PostgreSQL hub: read without a server.</summary>
public sealed class PostgresPartitioningSettingTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("8", 8)]
    public void Setting_UnsetOrANumber_ReadAsIs(string? value, int? expected) => Assert.Equal(expected, PostgresPartitioning.Setting(value));

    [Theory]
    [InlineData("eight", "EARLYHELP_HUB_PARTITIONS: the number of partitions must be a whole number from 2 to 256; got 'eight'")]
    [InlineData("-4", "EARLYHELP_HUB_PARTITIONS: the number of partitions must be a whole number from 2 to 256; got '-4'")]
    [InlineData("1", "EARLYHELP_HUB_PARTITIONS: the number of partitions must be from 2 to 256; got 1")]
    public void Setting_NotAValidCount_Refused(string value, string message)
    {
        var error = Assert.Throws<BadInputException>(() => PostgresPartitioning.Setting(value));

        Assert.Equal(message, error.Message);
    }
}
