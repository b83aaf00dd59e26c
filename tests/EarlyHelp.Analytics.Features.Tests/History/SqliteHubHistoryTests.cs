using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.Tests.Support;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Features.Tests.History;

public sealed class SqliteHubHistoryTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"earlyhelp-features-{Guid.NewGuid():N}");

    public SqliteHubHistoryTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Read_SqliteHub_SameTableAsTheSameHubInMemory()
    {
        var memory = SmallTown.Hub();
        var path = Path.Combine(folder, "hub.db");
        SqliteCopy.Write(memory, path);

        using var store = HubStore.Open(path);
        var fromSqlite = HubHistory.Read(store.OpenReader(), store.Name);

        Assert.Equal(memory.ExtractDate, fromSqlite.ExtractDate);
        Assert.Equal(SmallTown.Csv(memory.Read()), SmallTown.Csv(fromSqlite));
    }
}
