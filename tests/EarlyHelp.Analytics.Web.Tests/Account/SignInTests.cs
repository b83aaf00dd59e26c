using System.Net;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Account;

/// <summary>
/// Sign-in, failed sign-in, lockout (the site locks a name after 3 failures from one client, 6 from anywhere) and
/// sign-out, each audited.
/// </summary>
public sealed class SignInTests(PanelSite site) : IClassFixture<PanelSite>
{
    private PanelClient NewClient() => PanelClient.Create(site);


    private static string Problem(string html) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "class=\"error-summary\"[^$]*?<li>([^<]*)</li>").Groups[1].Value);

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

        Assert.Contains("Too many failed sign-ins with this user name. Try again after", locked, StringComparison.Ordinal);
        var admin = await site.ClientForRoleAsync("admin");
        var (_, users) = await admin.GetAsync("/users");
        Assert.Contains("action=\"/users/unlock\"", users, StringComparison.Ordinal);
        using (await admin.PostFormAsync("/users/unlock", "/users", ("Username", "forgetful.user")))
        {
        }
        Assert.Equal("signed in", await TrySignIn(client, "forgetful.user", PanelSite.Password));
    }

    [Fact]
    public async Task SignIn_UnknownAndKnownNames_SameAnswersUpToTheSameLockout()
    {
        site.AddUser("known.name");
        using var client = PanelClient.Create(site).From("192.0.2.10");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var known = Problem(await TrySignIn(client, "known.name", "wrong password number " + attempt));
            var unknown = Problem(await TrySignIn(client, "no.such.name", "wrong password number " + attempt));
            // Up to the lockout's end, which may fall in the next minute for the second name.
            Assert.Equal(known.Split(" Try again after ")[0], unknown.Split(" Try again after ")[0]);
            Assert.StartsWith(attempt < 3 ? "The user name or password is not right." : "Too many failed sign-ins with this user name.", known, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SignIn_LockedFromOneClient_StillSignsInFromAnother()
    {
        site.AddUser("targeted.admin", UserRole.Administrator);
        using var stranger = PanelClient.Create(site).From("203.0.113.5");
        for (var attempt = 1; attempt <= 3; attempt++)
            await TrySignIn(stranger, "targeted.admin", "guess number " + attempt);
        using var owner = PanelClient.Create(site).From("198.51.100.7");

        var fromStranger = await TrySignIn(stranger, "targeted.admin", PanelSite.Password);
        var fromOwner = await TrySignIn(owner, "targeted.admin", PanelSite.Password);

        Assert.Contains("Too many failed sign-ins with this user name.", fromStranger, StringComparison.Ordinal);
        Assert.Equal("signed in", fromOwner);
        using var store = site.OpenHub();
        Assert.Contains(store.AuditLog.Entries(), e => (e.Action, e.Subject) == ("sign_in.failure", "targeted.admin")
            && e.Detail.StartsWith("wrong password (3 of 3 from 203.0.113.5, 3 of 6 from anywhere; locked until", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_FailuresSpreadOverClients_LockTheNameEverywhere()
    {
        site.AddUser("sprayed.user");
        foreach (var address in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            using var guesser = PanelClient.Create(site).From(address);
            Assert.Contains("The user name or password is not right.", await TrySignIn(guesser, "sprayed.user", "first guess"), StringComparison.Ordinal);
            await TrySignIn(guesser, "sprayed.user", "second guess");
        }
        using var owner = PanelClient.Create(site).From("198.51.100.8");

        var html = await TrySignIn(owner, "sprayed.user", PanelSite.Password);

        // 2 failures from each of 3 clients: under the per-client limit of 3 each, at the per-name limit of 6.
        Assert.Contains("Too many failed sign-ins with this user name.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_PasswordTypedAsTheName_NotWrittenToTheAuditLog()
    {
        using var client = PanelClient.Create(site).From("192.0.2.20");

        await TrySignIn(client, "my secret passphrase words", "whatever was typed next");

        using var store = site.OpenHub();
        var failure = store.AuditLog.Entries().Last(e => e.Action == "sign_in.failure" && e.Detail.Contains("192.0.2.20", StringComparison.Ordinal));
        Assert.Equal(("anonymous", "", "unknown user name (1 of 3 from 192.0.2.20, 1 of 6 from anywhere)"), (failure.Actor, failure.Subject, failure.Detail));
        Assert.DoesNotContain(store.AuditLog.Entries(), e => $"{e.Subject} {e.Detail}".Contains("secret", StringComparison.Ordinal));
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
