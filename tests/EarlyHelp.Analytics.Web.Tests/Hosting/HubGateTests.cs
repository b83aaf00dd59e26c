using EarlyHelp.Analytics.Web.Hosting;

namespace EarlyHelp.Analytics.Web.Tests.Hosting;

public sealed class HubGateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task EnterRead_TwoReaders_BothInAtOnce()
    {
        var gate = new HubGate();

        using var first = gate.EnterRead();
        var second = Task.Run(gate.EnterRead);

        Assert.True(await Finishes(second, Patience));
        (await second).Dispose();
    }

    [Fact]
    public async Task EnterWrite_WhileAReaderIsIn_WaitsUntilItLeaves()
    {
        var gate = new HubGate();
        var reader = gate.EnterRead();

        var writer = Task.Run(gate.EnterWrite);

        Assert.False(await Finishes(writer, Pause));
        reader.Dispose();
        Assert.True(await Finishes(writer, Patience));
        (await writer).Dispose();
    }

    [Fact]
    public async Task EnterRead_WhileAWriterWaits_LetsTheWriterGoFirst()
    {
        var gate = new HubGate();
        var firstReader = gate.EnterRead();
        var writerIn = new TaskCompletionSource();
        var writerMayLeave = new TaskCompletionSource();
        var writer = Task.Run(async () =>
        {
            using (gate.EnterWrite())
            {
                writerIn.SetResult();
                await writerMayLeave.Task;
            }
        });
        await Task.Delay(Pause);

        var laterReader = Task.Run(gate.EnterRead);

        // The later reader is held back by the waiting writer, not let in beside the first reader.
        Assert.False(await Finishes(laterReader, Pause));
        firstReader.Dispose();
        Assert.True(await Finishes(writerIn.Task, Patience));
        Assert.False(await Finishes(laterReader, Pause));
        writerMayLeave.SetResult();
        Assert.True(await Finishes(laterReader, Patience));
        (await laterReader).Dispose();
        Assert.True(await Finishes(writer, Patience));
    }

    [Fact]
    public async Task Dispose_OnAnotherThreadAndTwice_LeavesOnce()
    {
        var gate = new HubGate();
        var reader = gate.EnterRead();

        await Task.Run(reader.Dispose);
        reader.Dispose();

        // Had the second dispose counted, one reader would be missing from the count and a writer would get in
        // beside the next reader; it must wait for that reader instead.
        var again = gate.EnterRead();
        var writer = Task.Run(gate.EnterWrite);
        Assert.False(await Finishes(writer, Pause));
        again.Dispose();
        Assert.True(await Finishes(writer, Patience));
        (await writer).Dispose();
    }

    private static async Task<bool> Finishes(Task task, TimeSpan within) => await Task.WhenAny(task, Task.Delay(within)) == task;
}
