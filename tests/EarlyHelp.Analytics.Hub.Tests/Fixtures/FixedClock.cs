namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>A clock that reads a set time and moves on only when told.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
