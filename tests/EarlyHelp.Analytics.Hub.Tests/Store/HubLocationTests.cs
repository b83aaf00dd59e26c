using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Tests.Store;

public sealed class HubLocationTests
{
    [Theory]
    [InlineData("Host=db.example;Database=earlyhelp;Username=analyst;Password=secret")]
    [InlineData("Server=localhost; Port=5432; Database=hub")]
    [InlineData("  host = localhost ; database = hub")]
    [InlineData("postgresql://analyst:secret@db.example/earlyhelp")]
    public void Open_PostgreSqlConnectionString_RefusedWithoutCreatingAFile(string hub)
    {
        var before = Directory.EnumerateFileSystemEntries(".").Count();

        var error = Assert.Throws<BadInputException>(() => HubStore.Open(hub));

        // The message names the argument, not the string, which may hold a password.
        Assert.Equal("HUB: PostgreSQL is not supported yet: this looks like a PostgreSQL connection string; give a SQLite file path such as earlyhelp.db", error.Message);
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
