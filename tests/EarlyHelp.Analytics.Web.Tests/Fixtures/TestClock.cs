namespace EarlyHelp.Analytics.Web.Tests.Fixtures;

/// <summary>
/// A clock that tests move forward by hand. Only the time is faked: timers stay on the system clock, so that the app's
/// background services keep running (a fake provider whose timers wait for the test to advance them would stall them).
/// </summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;
    private readonly Lock gate = new();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
            return now;
    }

    /// <summary>Moves the time forward.</summary>
    public void Advance(TimeSpan by)
    {
        lock (gate)
            now += by;
    }
}
