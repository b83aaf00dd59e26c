using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Tests.Store;

public sealed class HubLocationTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Database=earlyhelp;Username=analyst;Password=secret", "earlyhelp")]
    [InlineData("postgresql://analyst:secret@127.0.0.1:1/earlyhelp", "earlyhelp")]
    [InlineData("  host = 127.0.0.1 ; port = 1; database = hub", "hub")]
    public void Open_PostgreSqlServerNotListening_RefusedWithoutThePasswordOrAFile(string hub, string database)
    {
        var before = Directory.EnumerateFileSystemEntries(".").Count();

        var error = Assert.Throws<BadInputException>(() => HubStore.Open(hub));

        // The message names the server and database, never the whole string, which may hold a password.
        Assert.StartsWith($"postgresql://127.0.0.1:1/{database}: cannot connect to the hub: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(".").Count());
    }

    [Theory]
    [InlineData("earlyhelp.db")]
    [InlineData("/var/lib/earlyhelp/hub.db")]
    [InlineData("data/host=a.db")]
    [InlineData("C:\\hubs\\council.db")]
    public void IsPostgreSqlConnectionString_FilePath_IsFalse(string hub)
    {
        Assert.False(HubLocation.IsPostgreSqlConnectionString(hub));
        Assert.Equal(hub, HubLocation.SqlitePath(hub));
    }

    [Fact]
    public void SqlitePath_Empty_Refused()
    {
        var error = Assert.Throws<BadInputException>(() => HubLocation.SqlitePath(" "));

        Assert.Equal("HUB: the hub path is empty; give a SQLite file path such as earlyhelp.db", error.Message);
    }
}
