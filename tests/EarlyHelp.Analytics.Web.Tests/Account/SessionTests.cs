using System.Net;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Account;

/// <summary>
/// Sessions live in the hub: a copy of a session cookie (taken from a shared computer, a proxy log, a stolen laptop)
/// stops working the moment the session is ended there, by whatever ends it.
/// </summary>
public sealed class SessionTests(PanelSite site) : IClassFixture<PanelSite>
{
    [Fact]
    public async Task CopiedCookie_AfterSignOut_RedirectedToSignIn()
    {
        var (owner, thief) = await SignedInWithCopyAsync("session.owner");

        using (await owner.PostFormAsync("/sign-out", "/", []))
        {
        }

        await AssertRefusedAsync(thief);
        using var store = site.OpenHub();
        Assert.DoesNotContain(store.AuditLog.Entries(), e => e.Actor == "session.owner" && e.Action == "queue.view" && e.At > SignOutTime(store));
    }

    [Fact]
    public async Task CopiedCookie_AfterRoleChange_RedirectedToSignIn()
    {
        var (_, thief) = await SignedInWithCopyAsync("role.changes");

        using (var store = site.OpenHub())
            Assert.IsType<UserChange.Done>(store.Users.ChangeRole("role.changes", UserRole.Analyst, "tester"));

        await AssertRefusedAsync(thief);
    }

    [Fact]
    public async Task CopiedCookie_AfterPasswordChange_RedirectedToSignInWhileTheChangingSessionGoesOn()
    {
        var (owner, thief) = await SignedInWithCopyAsync("password.changes");
        var thiefOnOwnSession = await SignedInAsync("password.changes");

        using var response = await owner.PostFormAsync("/account/password", "/account/password",
            ("CurrentPassword", PanelSite.Password), ("NewPassword", "a different long passphrase"), ("ConfirmPassword", "a different long passphrase"));

        Assert.Contains("Your password has been changed.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertRefusedAsync(thiefOnOwnSession);
        // The copy shares the changing session's token, so it lives on with it: the other sessions are what end.
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/prompts")).Status);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/prompts")).Status);
        using var store = site.OpenHub();
        Assert.Contains(store.AuditLog.Entries(), e => (e.Actor, e.Action, e.Subject) == ("password.changes", "user.password_change", "password.changes"));
    }

    [Fact]
    public async Task CopiedCookie_AfterAdministratorEndsSessions_RedirectedToSignIn()
    {
        var (owner, thief) = await SignedInWithCopyAsync("sessions.ended");
        var admin = await site.ClientForRoleAsync("admin");
        var (_, users) = await admin.GetAsync("/users");
        Assert.Contains("action=\"/users/endsessions\"", users, StringComparison.Ordinal);

        using var response = await admin.PostFormAsync("/users/endsessions", "/users", ("Username", "sessions.ended"));

        Assert.Contains("Every session of sessions.ended has ended.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertRefusedAsync(owner);
        await AssertRefusedAsync(thief);
        using var store = site.OpenHub();
        Assert.Contains(store.AuditLog.Entries(), e => (e.Actor, e.Action, e.Subject) == ("an.administrator", "user.end_sessions", "sessions.ended"));
    }

    [Fact]
    public async Task Session_ForgedToken_RedirectedToSignIn()
    {
        var (owner, _) = await SignedInWithCopyAsync("token.forger");
        var cookies = new CookieContainer();
        using var forger = PanelClient.Create(site, cookies);
        // A cookie the app did not issue fails the data-protection check and is never read; the hub is the second wall.
        cookies.Add(PanelClient.BaseAddress, new Cookie(PanelClient.SessionCookie, "not-a-session"));

        await AssertRefusedAsync(forger);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/prompts")).Status);
    }

    private async Task<(PanelClient Owner, PanelClient Thief)> SignedInWithCopyAsync(string username)
    {
        var ownerCookies = new CookieContainer();
        var owner = PanelClient.Create(site, ownerCookies);
        site.AddUser(username);
        await owner.SignInAsync(username, PanelSite.Password);
        var thiefCookies = new CookieContainer();
        thiefCookies.Add(PanelClient.BaseAddress, ownerCookies.GetCookies(PanelClient.BaseAddress)[PanelClient.SessionCookie]!);
        var thief = PanelClient.Create(site, thiefCookies);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/prompts")).Status);
        return (owner, thief);
    }

    private async Task<PanelClient> SignedInAsync(string username)
    {
        var client = PanelClient.Create(site);
        await client.SignInAsync(username, PanelSite.Password);
        return client;
    }

    private static async Task AssertRefusedAsync(PanelClient client)
    {
        using var response = await client.Http.GetAsync("/prompts");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in?ReturnUrl=%2Fprompts", response.Headers.Location?.ToString());
    }

    private static DateTimeOffset SignOutTime(Hub.Store.IHubStore store) =>
        store.AuditLog.Entries().Last(e => e.Action == "sign_out" && e.Actor == "session.owner").At;
}
