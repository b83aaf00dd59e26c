using System.Net;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Account;

/// <summary>Sign-in, failed sign-in, lockout (the site locks after 3 failures) and sign-out, each audited.</summary>
public sealed class SignInTests(PanelSite site) : IClassFixture<PanelSite>
{
    private PanelClient NewClient() => new(site.CreateClient(new() { AllowAutoRedirect = false }));

    private static async Task<string> TrySignIn(PanelClient client, string username, string password)
    {
        using var response = await client.PostFormAsync("/sign-in", "/sign-in", ("Username", username), ("Password", password));
        return response.StatusCode == HttpStatusCode.Redirect ? "signed in" : await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoWithoutNamingWhichPartAndAudits()
    {
        using var client = NewClient();

        var html = await TrySignIn(client, "panel.member", "not the password at all");

        Assert.Contains("The user name or password is not right.", html, StringComparison.Ordinal);
        Assert.Contains("The user name or password is not right.", await TrySignIn(client, "nobody.here", "not the password at all"), StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.Contains(store.AuditLog.Entries(), e => (e.Actor, e.Action, e.Subject) == ("anonymous", "sign_in.failure", "panel.member"));
    }

    [Fact]
    public async Task SignIn_ThreeWrongPasswords_LocksUntilAnAdministratorUnlocks()
    {
        using (var store = site.OpenHub())
            store.Users.Add(new NewUser("forgetful.user", "Forgetful user", UserRole.Panel), PanelSite.Password, "tester");
        using var client = NewClient();

        for (var attempt = 1; attempt <= 3; attempt++)
            await TrySignIn(client, "forgetful.user", "wrong password number " + attempt);
        var locked = await TrySignIn(client, "forgetful.user", PanelSite.Password);

        Assert.Contains("This account is locked until", locked, StringComparison.Ordinal);
        var admin = await site.ClientForRoleAsync("admin");
        var (_, users) = await admin.GetAsync("/users");
        Assert.Contains("action=\"/users/unlock\"", users, StringComparison.Ordinal);
        using (await admin.PostFormAsync("/users/unlock", "/users", ("Username", "forgetful.user")))
        {
        }
        Assert.Equal("signed in", await TrySignIn(client, "forgetful.user", PanelSite.Password));
    }

    [Fact]
    public async Task SignOut_Post_EndsTheSession()
    {
        using var client = NewClient();
        await client.SignInAsync("second.panel", PanelSite.Password);

        using var response = await client.PostFormAsync("/sign-out", "/", []);

        Assert.Equal("/sign-in", response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/prompts")).Status);
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_GoesHomeInstead()
    {
        using var client = NewClient();

        using var response = await client.PostFormAsync("/sign-in", "/sign-in",
            ("Username", "an.analyst"), ("Password", PanelSite.Password), ("ReturnUrl", "https://elsewhere.example/"));

        Assert.Equal("/", response.Headers.Location?.ToString());
    }
}
