using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyHelp.Analytics.Web.Tests.Fixtures;

/// <summary>
/// A <see cref="PanelSite"/> whose app reads <see cref="Clock"/>; sessions last at most two hours, idle ones 20 minutes;
/// administrators and IG reviewers need a second factor, as they do by default.
/// </summary>
public sealed class ClockedPanelSite : PanelSite
{
    /// <summary>The app's clock.</summary>
    public TestClock Clock { get; } = new();

    protected override void ConfigureSite(IWebHostBuilder builder)
    {
        builder.UseSetting("Panel:SessionLifetimeMinutes", "120");
        builder.UseSetting("Panel:SessionIdleMinutes", "20");
        builder.UseSetting("Panel:TwoFactorRoles", "admin;ig");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
