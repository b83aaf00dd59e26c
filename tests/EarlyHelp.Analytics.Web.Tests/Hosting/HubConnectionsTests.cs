using EarlyHelp.Analytics.Web.Hosting;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web.Tests.Hosting;

public sealed class HubConnectionsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    // No hub is opened: turns are taken before any connection is borrowed.
    private readonly HubConnections connections = new(Options.Create(new PanelOptions { HubPath = "unused.db" }), TimeProvider.System);

    [Fact]
    public async Task WriteTurnAsync_WhileAnotherTurnIsHeld_WaitsUntilItEnds()
    {
        var first = await connections.WriteTurnAsync();

        var second = connections.WriteTurnAsync();

        Assert.False(await Finishes(second, Pause));
        first.Dispose();
        Assert.True(await Finishes(second, Patience));
        (await second).Dispose();
    }

    [Fact]
    public async Task WriteTurnAsync_ThreeWaiting_GetTheirTurnsInTheOrderTheyAsked()
    {
        var held = await connections.WriteTurnAsync();
        var order = new List<int>();
        var waiting = Enumerable.Range(1, 3).Select(async writer =>
        {
            using (await connections.WriteTurnAsync())
                order.Add(writer);
        }).ToArray();

        held.Dispose();
        await Task.WhenAll(waiting).WaitAsync(Patience);

        Assert.Equal([1, 2, 3], order);
    }

    [Fact]
    public async Task WriteTurn_DisposedTwice_LetsOnlyOneWriterIn()
    {
        var first = await connections.WriteTurnAsync();
        first.Dispose();
        first.Dispose();

        using var second = await connections.WriteTurnAsync();
        var third = connections.WriteTurnAsync();

        Assert.False(await Finishes(third, Pause));
    }

    private static async Task<bool> Finishes(Task task, TimeSpan within) => await Task.WhenAny(task, Task.Delay(within)) == task;
}
