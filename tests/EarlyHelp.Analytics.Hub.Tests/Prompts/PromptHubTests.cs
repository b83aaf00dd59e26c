using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Prompts;

/// <summary>A hub per test holding <see cref="PanelFamilies"/>, for the prompt store suites.</summary>
public abstract class PromptHubTests<TFixture> : IDisposable where TFixture : IHubStoreFixture, new()
{
    protected static readonly DateTimeOffset SavedAt = new(2024, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TFixture hub = new();

    protected TFixture Hub => hub;

    public void Dispose()
    {
        hub.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens the hub, loads the families and saves <see cref="PanelFamilies.Submission"/> as run 1.</summary>
    protected IHubStore OpenWithRun(out ScoringRun run, TimeProvider? clock = null)
    {
        var store = hub.Open(clock ?? new FixedClock(SavedAt));
        PanelFamilies.Load(store);
        run = store.Prompts.SaveRun(PanelFamilies.Submission());
        return store;
    }
}
