using System.Net;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Account;

/// <summary>A session ends at its absolute lifetime (two hours on this site) however busy, and after 20 idle minutes.</summary>
public sealed class SessionLifetimeTests(ClockedPanelSite site) : IClassFixture<ClockedPanelSite>
{
    [Fact]
    public async Task CopiedCookie_PastTheAbsoluteLifetime_RedirectedToSignIn()
    {
        using var client = await site.NewUserSignedInAsync("busy.user");

        // A request every 15 minutes keeps the session from going idle: at 1 h 45 min it is still open ...
        for (var elapsed = 15; elapsed <= 105; elapsed += 15)
        {
            site.Clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/prompts")).Status);
        }
        // ... and at 2 h it ends, however busy.
        site.Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/prompts")).Status);
        using var hub = site.OpenHub();
        Assert.False(hub.Sessions.OpenCounts().ContainsKey("busy.user"));
    }

    [Fact]
    public async Task Session_IdleForTwentyMinutes_RedirectedToSignIn()
    {
        using var client = await site.NewUserSignedInAsync("idle.user");

        site.Clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/prompts")).Status);
        site.Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/prompts")).Status);
    }
}
