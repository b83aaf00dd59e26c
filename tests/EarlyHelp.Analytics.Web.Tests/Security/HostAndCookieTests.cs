using System.Net;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Security;

/// <summary>What a client controls in the request cannot steer the app: the Host header, and the refusals it provokes are audited; cookies are Secure.</summary>
public sealed class HostAndCookieTests(PanelSite site) : IClassFixture<PanelSite>
{
    [Fact]
    public async Task Request_ForgedHostHeader_RefusedAndNotReflected()
    {
        using var client = PanelClient.Create(site);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/prompts");
        request.Headers.Host = "attacker.example";

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("attacker.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInRedirect_AllowedHost_IsAPathNotAnAddress()
    {
        using var client = PanelClient.Create(site);

        using var response = await client.Http.GetAsync("/runs");

        Assert.Equal("/sign-in?ReturnUrl=%2Fruns", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task SignIn_Cookies_SecureHttpOnlyAndStrict()
    {
        using var client = PanelClient.Create(site);

        using var response = await client.PostFormAsync("/sign-in", "/sign-in", ("Username", "an.analyst"), ("Password", PanelSite.Password));

        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PanelClient.SessionCookie + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Request_WithoutTheRole_RefusedAndAudited()
    {
        var panel = await site.ClientForRoleAsync("panel");

        var (status, _) = await panel.GetAsync("/users");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        using var store = site.OpenHub();
        Assert.Contains(store.AuditLog.Entries(), e => (e.Actor, e.Action, e.Subject, e.Detail) == ("panel.member", "access.refused", "/users", "GET from 127.0.0.1"));
    }
}
