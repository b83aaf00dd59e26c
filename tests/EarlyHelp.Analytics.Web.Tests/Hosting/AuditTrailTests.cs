using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web.Tests.Hosting;

public sealed class AuditTrailTests
{
    [Fact]
    public async Task RecordAsync_TwoHundredAtOnce_AllCommittedInOneUnbrokenChain()
    {
        using var hub = new SampleHub();
        int before;
        using (var store = hub.Open())
            before = store.AuditLog.Entries().Count;
        var options = Options.Create(new PanelOptions { HubPath = hub.HubPath });
        using var connections = new HubConnections(options, TimeProvider.System);
        var trail = new AuditTrail(options, TimeProvider.System, connections);
        await trail.StartAsync(CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(1, 200).Select(i => Task.Run(() => trail.RecordAsync(new AuditRecord("panel.member", "prompt.view", $"P-{i:D4}", "")))));
        await trail.StopAsync(CancellationToken.None);

        using var check = hub.Open();
        var entries = check.AuditLog.Entries();
        Assert.Equal(before + 200, entries.Count);
        Assert.Equal(200, entries.Skip(before).Select(e => e.Subject).Distinct().Count());
        Assert.True(check.AuditLog.Verify().IsIntact);
        await Assert.ThrowsAsync<InvalidOperationException>(() => trail.RecordAsync(new AuditRecord("panel.member", "prompt.view", "late", "")));
    }
}
