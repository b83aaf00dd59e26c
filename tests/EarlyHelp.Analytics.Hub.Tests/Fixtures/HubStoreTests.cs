namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>
/// Base of every store test suite: a fresh hub of the fixture's database for each test. A suite is an
/// abstract class over <typeparamref name="TFixture"/>, with one sealed subclass per database.
/// </summary>
public abstract class HubStoreTests<TFixture> : IDisposable where TFixture : IHubStoreFixture, new()
{
    /// <summary>The hub of the current test.</summary>
    protected TFixture Hub { get; } = new();

    public void Dispose()
    {
        Hub.Dispose();
        GC.SuppressFinalize(this);
    }
}
