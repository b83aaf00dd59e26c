using System.Net;
using System.Security.Cryptography;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Security;
using EarlyHelp.Analytics.Web.Tests.Fixtures;
using Microsoft.IdentityModel.Tokens;

namespace EarlyHelp.Analytics.Web.Tests.IdentityProvider;

/// <summary>
/// The real authorisation code flow against <see cref="TestIdentityProvider"/>: the browser goes from the panel app to
/// the provider and back, the app redeems the code over the network, checks the ID token and starts a hub session.
/// Each refusal test names the check that refuses and shows that nothing got past it (no session, no account, and
/// where the check comes before the code is redeemed, no code redeemed).
/// </summary>
public sealed class IdentityProviderSignInTests(IdentityProviderSite site) : IClassFixture<IdentityProviderSite>
{
    private const string Refusal = "Sign-in refused";

    [Fact]
    public async Task PanelGroup_SignsIn_LandsOnPanelHomeWithPanelRole()
    {
        var user = NewUser("A new user", IdentityProviderSite.GroupOf(UserRole.Panel), "all-staff");
        using var browser = site.Browser();

        var (status, address, _) = await browser.GoAsync("/sign-in/oidc");
        var (homeStatus, _, home) = await browser.GoAsync("/");

        Assert.Equal((HttpStatusCode.OK, "/sign-in/continue"), (status, address.AbsolutePath));
        Assert.Equal(HttpStatusCode.OK, homeStatus);
        Assert.Contains("Prompt queue", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Audit log", home, StringComparison.Ordinal);
        Assert.Contains("A new user", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GoAsync("/prompts")).Status);
        using var store = site.OpenHub();
        var account = store.Users.Find(AccountOf(user))!;
        Assert.Equal((UserRole.Panel, "A new user"), (account.Role, account.DisplayName));
        // The audit log names the user by the provider's subject and display name.
        var entry = Assert.Single(store.AuditLog.Entries(), e => e.Action == "sign_in.success" && e.Actor == AccountOf(user));
        Assert.Contains($"subject '{user.Subject}' at {site.Provider.Issuer}, A new user", entry.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UserRole.Panel, "/prompts")]
    [InlineData(UserRole.Analyst, "/runs")]
    [InlineData(UserRole.Governance, "/audit-log")]
    [InlineData(UserRole.Administrator, "/users")]
    [InlineData(UserRole.DataMatching, "/matching")]
    public async Task Group_SignsIn_GetsItsRoleAndItsPages(UserRole role, string page)
    {
        var user = NewUser("A new user", IdentityProviderSite.GroupOf(role));
        using var browser = site.Browser();

        await browser.GoAsync("/sign-in/oidc");

        Assert.Equal(HttpStatusCode.OK, (await browser.GoAsync(page)).Status);
        // No second factor is asked of an administrator or IG reviewer here: the identity provider does that.
        using var store = site.OpenHub();
        Assert.Equal(role, store.Users.Find(AccountOf(user))!.Role);
        var otherRole = role == UserRole.Panel ? "/users" : "/prompts";
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GoAsync(otherRole)).Status);
    }

    [Fact]
    public async Task NoMappedGroup_RefusedWithPlainPageAndAudited()
    {
        var user = NewUser("A new user", "finance", "all-staff");
        using var browser = site.Browser();

        var (status, address, html) = await browser.GoAsync("/sign-in/oidc");

        Assert.Equal((HttpStatusCode.Forbidden, "/sign-in/refused"), (status, address.AbsolutePath));
        Assert.Contains("not in any group that opens this app", html, StringComparison.Ordinal);
        await AssertNotSignedInAsync(browser, user);
        using var store = site.OpenHub();
        var entry = Assert.Single(store.AuditLog.Entries(), e => e.Action == "sign_in.failure" && e.Subject == AccountOf(user));
        Assert.Equal(UserStore.AnonymousActor, entry.Actor);
        Assert.Contains($"no group maps to a role (subject '{user.Subject}'", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("groups: finance, all-staff", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenSignedByAnotherKey_Refused()
    {
        var user = NewUser("A new user", IdentityProviderSite.GroupOf(UserRole.Panel));
        // The same key id as the published key, so the app must check the signature itself, not only find no key.
        using var forger = RSA.Create(2048);
        site.Provider.SigningKey = new RsaSecurityKey(forger) { KeyId = site.Provider.PublishedKey.KeyId };
        using var browser = site.Browser();

        await AssertRefusedAsync(browser, user, "IDX10511");
    }

    [Fact]
    public async Task WrongAudience_Refused()
    {
        var user = NewUser("A new user", IdentityProviderSite.GroupOf(UserRole.Panel));
        // A token the provider made for another application, replayed to this one.
        site.Provider.Audience = "another-council-app";
        using var browser = site.Browser();

        await AssertRefusedAsync(browser, user, "IDX10214");
    }

    [Fact]
    public async Task AlteredState_RefusedBeforeTheCodeIsRedeemed()
    {
        var user = NewUser("A new user", IdentityProviderSite.GroupOf(UserRole.Panel));
        using var browser = site.Browser();
        var redeemed = site.Provider.CodesRedeemed;

        await AssertRefusedAsync(browser, user, "Unable to unprotect the message.State", "/sign-in/oidc", hop => IsCallback(hop) ? AlterState(hop) : hop);

        Assert.Equal(redeemed, site.Provider.CodesRedeemed);
    }

    [Fact]
    public async Task CallbackReplayedInAnotherBrowser_RefusedBeforeTheCodeIsRedeemed()
    {
        // An attacker who copies the address the provider sends back (from a log, a proxy, a shoulder) and opens it first.
        var user = NewUser("A new user", IdentityProviderSite.GroupOf(UserRole.Panel));
        using var victim = site.Browser();
        Uri? callback = null;
        await victim.GoAsync("/sign-in/oidc", hop =>
        {
            if (!IsCallback(hop))
                return hop;
            callback = hop;
            return new Uri(PanelClient.BaseAddress, "/status/404");
        });
        using var attacker = site.Browser();
        var redeemed = site.Provider.CodesRedeemed;

        await AssertRefusedAsync(attacker, user, "Correlation failed", callback!.PathAndQuery);

        Assert.Equal(redeemed, site.Provider.CodesRedeemed);
    }

    [Fact]
    public async Task SignOut_ThenCopiedCookie_SignInPage()
    {
        NewUser("A new user", IdentityProviderSite.GroupOf(UserRole.Panel));
        using var owner = site.Browser();
        await owner.GoAsync("/sign-in/oidc");
        using var thief = site.Browser();
        thief.Cookies.Add(owner.Cookies.GetAllCookies());
        Assert.Equal(HttpStatusCode.OK, (await thief.GoAsync("/prompts")).Status);

        using var ownerForms = owner.PanelClient();
        using (await ownerForms.PostFormAsync("/sign-out", "/", []))
        {
        }

        var (_, address, _) = await thief.GoAsync("/prompts");
        Assert.Equal("/sign-in", address.AbsolutePath);
    }

    [Fact]
    public async Task EndSessionsByAdministrator_EndsIdentityProviderSession()
    {
        var user = NewUser("A new user", IdentityProviderSite.GroupOf(UserRole.Panel));
        using var browser = site.Browser();
        await browser.GoAsync("/sign-in/oidc");

        using (var store = site.OpenHub())
            Assert.IsType<UserChange.Done>(store.Users.EndSessions(AccountOf(user), "tester"));

        Assert.Equal("/sign-in", (await browser.GoAsync("/prompts")).Address.AbsolutePath);
    }

    [Fact]
    public async Task GroupChangedAtProvider_NextSignInChangesRoleAndEndsOlderSessions()
    {
        var user = NewUser("A new user", IdentityProviderSite.GroupOf(UserRole.Panel));
        using var earlier = site.Browser();
        await earlier.GoAsync("/sign-in/oidc");
        site.Provider.User = user with { Groups = [IdentityProviderSite.GroupOf(UserRole.Analyst)] };
        using var later = site.Browser();

        await later.GoAsync("/sign-in/oidc");

        Assert.Equal(HttpStatusCode.OK, (await later.GoAsync("/runs")).Status);
        Assert.Equal("/sign-in", (await earlier.GoAsync("/prompts")).Address.AbsolutePath);
    }

    [Fact]
    public async Task LocalAccountOfTheSameName_NotTakenOver()
    {
        var user = NewUser("A new user", IdentityProviderSite.GroupOf(UserRole.Administrator));
        site.AddUser(AccountOf(user), UserRole.Panel);
        using var browser = site.Browser();

        var (status, address, _) = await browser.GoAsync("/sign-in/oidc");

        Assert.Equal((HttpStatusCode.Forbidden, "/sign-in/refused"), (status, address.AbsolutePath));
        using var store = site.OpenHub();
        Assert.Equal(UserRole.Panel, store.Users.Find(AccountOf(user))!.Role);
    }

    [Fact]
    public async Task AccountSwitchedOffInTheApp_RefusedAndAudited()
    {
        var user = NewUser("A new user", IdentityProviderSite.GroupOf(UserRole.Panel));
        using (var first = site.Browser())
            await first.GoAsync("/sign-in/oidc");
        using (var store = site.OpenHub())
            Assert.IsType<UserChange.Done>(store.Users.SetDisabled(AccountOf(user), true, "tester"));
        using var browser = site.Browser();

        var (status, address, html) = await browser.GoAsync("/sign-in/oidc");

        Assert.Equal((HttpStatusCode.Forbidden, "/sign-in/refused"), (status, address.AbsolutePath));
        Assert.Contains("switched off", html, StringComparison.Ordinal);
        Assert.Equal("/sign-in", (await browser.GoAsync("/prompts")).Address.AbsolutePath);
        using var hub = site.OpenHub();
        Assert.Contains("identity provider: account disabled", hub.AuditLog.Entries().Last(e => e.Subject == AccountOf(user)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdentityProviderAccount_NoPasswordOpensIt()
    {
        var user = NewUser("A new user", IdentityProviderSite.GroupOf(UserRole.Panel));
        using (var browser = site.Browser())
            await browser.GoAsync("/sign-in/oidc");
        using var client = PanelClient.Create(site);

        using var response = await client.PostFormAsync("/sign-in", "/sign-in", ("Username", AccountOf(user)), ("Password", PanelSite.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The user name or password is not right.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalAccount_BesideIdentityProvider_StillSignsIn()
    {
        using var client = PanelClient.Create(site);
        var (_, page) = await client.GetAsync("/sign-in");
        Assert.Contains("href=\"/sign-in/oidc\"", page, StringComparison.Ordinal);

        await client.SignInAsync(SampleHub.UserByRole["admin"], PanelSite.Password);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/users")).Status);
    }

    private TestIdentity NewUser(string name, params string[] groups)
    {
        var user = new TestIdentity(Guid.NewGuid().ToString(), name, groups);
        site.Provider.Reset(user);
        return user;
    }

    private static string AccountOf(TestIdentity user) => IdentityProviderAccounts.AccountName(user.Subject);

    private static bool IsCallback(Uri hop) => hop.AbsolutePath == IdentityProviderSignIn.CallbackPath;

    /// <summary>The callback with one character of the state changed, as a tampering proxy would.</summary>
    private static Uri AlterState(Uri callback)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Query);
        var state = query["state"].ToString();
        var altered = state[..^5] + (state[^5] == 'A' ? 'B' : 'A') + state[^4..];
        return new Uri(callback, $"{callback.AbsolutePath}?code={Uri.EscapeDataString(query["code"]!)}&state={Uri.EscapeDataString(altered)}");
    }

    /// <summary>
    /// Goes to <paramref name="start"/> and asserts the sign-in ends on the refusal page with no session and no account,
    /// and that the handler's refusal, naming <paramref name="auditedReason"/>, is the last sign-in failure audited.
    /// </summary>
    private async Task AssertRefusedAsync(IdentityProviderBrowser browser, TestIdentity user, string auditedReason,
        string start = "/sign-in/oidc", Func<Uri, Uri>? rewrite = null)
    {
        var (status, address, _) = await browser.GoAsync(start, rewrite);

        Assert.Equal((HttpStatusCode.Forbidden, "/sign-in/refused"), (status, address.AbsolutePath));
        await AssertNotSignedInAsync(browser, user);
        using var store = site.OpenHub();
        var last = store.AuditLog.Entries().Last(e => e.Action == "sign_in.failure");
        Assert.StartsWith("identity provider: sign-in failed", last.Detail, StringComparison.Ordinal);
        Assert.True(last.Detail.Contains(auditedReason, StringComparison.Ordinal), $"Expected '{auditedReason}' in: {last.Detail}");
    }

    private async Task AssertNotSignedInAsync(IdentityProviderBrowser browser, TestIdentity user)
    {
        Assert.Equal("/sign-in", (await browser.GoAsync("/prompts")).Address.AbsolutePath);
        using var store = site.OpenHub();
        Assert.Null(store.Users.Find(AccountOf(user)));
    }
}
