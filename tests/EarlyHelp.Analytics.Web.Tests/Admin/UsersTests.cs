using System.Net;
using System.Text.RegularExpressions;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Admin;

/// <summary>Administrators manage users; a role change or switch-off ends the user's session on their next request.</summary>
public sealed partial class UsersTests(PanelSite site) : IClassFixture<PanelSite>
{
    [Fact]
    public async Task Add_NewUser_ShowsAGeneratedPasswordOnceThatSignsIn()
    {
        var admin = await site.ClientForRoleAsync("admin");

        using var response = await admin.PostFormAsync("/users/add", "/users", ("Username", "a.new.user"), ("DisplayName", "A new user"), ("Role", "analyst"));

        var html = await response.Content.ReadAsStringAsync();
        var password = GeneratedPassword().Match(html).Groups[1].Value;
        Assert.Matches("^[a-z2-9]{5}(-[a-z2-9]{5}){4}$", password);
        var (_, list) = await admin.GetAsync("/users");
        Assert.DoesNotContain(password, list, StringComparison.Ordinal);
        using var client = PanelClient.Create(site);
        await client.SignInAsync("a.new.user", password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/password")).Status);
    }

    [Fact]
    public async Task Add_NewUser_MustChooseTheirOwnPasswordBeforeAnyOtherPage()
    {
        var admin = await site.ClientForRoleAsync("admin");
        using var added = await admin.PostFormAsync("/users/add", "/users", ("Username", "first.timer"), ("DisplayName", "First timer"), ("Role", "panel"));
        var html = await added.Content.ReadAsStringAsync();
        Assert.Contains("When they first sign in they must choose their own before they can do anything else.", html, StringComparison.Ordinal);
        var password = GeneratedPassword().Match(html).Groups[1].Value;
        using var client = PanelClient.Create(site);
        await client.SignInAsync("first.timer", password);

        // Every other page, and a form post, leads to the password page; nothing is stored by the post.
        foreach (var path in new[] { "/", "/prompts", $"/prompts/{site.References[0].Value}" })
        {
            using var response = await client.Http.GetAsync(path);
            Assert.Equal((HttpStatusCode.Redirect, "/account/password"), (response.StatusCode, response.Headers.Location!.OriginalString));
        }
        using (var review = await client.PostFormAsync($"/prompts/{site.References[0].Value}", "/account/password", ("Outcome", "no_action"), ("Reason", "Not yet allowed")))
            Assert.Equal("/account/password", review.Headers.Location!.OriginalString);
        var (_, form) = await client.GetAsync("/account/password");
        Assert.Contains("An administrator set the password you signed in with.", form, StringComparison.Ordinal);

        using var changed = await client.PostFormAsync("/account/password", "/account/password",
            ("CurrentPassword", password), ("NewPassword", "a tidy kettle under seven hills"), ("ConfirmPassword", "a tidy kettle under seven hills"));

        Assert.Contains("Your password has been changed.", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/prompts")).Status);
        using var store = site.OpenHub();
        Assert.DoesNotContain(store.AuditLog.Entries(), e => e.Actor == "first.timer" && e.Action.StartsWith("review", StringComparison.Ordinal));
        Assert.Contains(store.AuditLog.Entries(), e => (e.Actor, e.Action) == ("first.timer", "user.password_change"));
    }

    [Fact]
    public async Task ResetPassword_ByAnAdministrator_TheUserMustChooseTheirOwnAtTheNextSignIn()
    {
        var admin = await site.ClientForRoleAsync("admin");
        using (var store = site.OpenHub())
            store.Users.Add(new NewUser("forgetful.user", "Forgetful user", UserRole.Analyst), PanelSite.Password, "tester");

        using var reset = await admin.PostFormAsync("/users/password", "/users", ("Username", "forgetful.user"));
        var html = await reset.Content.ReadAsStringAsync();

        Assert.Contains("forgetful.user has a new password and has been signed out.", html, StringComparison.Ordinal);
        Assert.Contains("Must choose a new password at the next sign-in", html, StringComparison.Ordinal);
        using var client = PanelClient.Create(site);
        await client.SignInAsync("forgetful.user", GeneratedPassword().Match(html).Groups[1].Value);
        using var runs = await client.Http.GetAsync("/runs");
        Assert.Equal("/account/password", runs.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task List_LastSignIn_NeverUntilTheyDoThenTheTime()
    {
        var admin = await site.ClientForRoleAsync("admin");
        using (var store = site.OpenHub())
            store.Users.Add(new NewUser("quiet.user", "Quiet user", UserRole.Panel), PanelSite.Password, "tester");
        var (_, before) = await admin.GetAsync("/users");
        Assert.Matches("<td>quiet.user</td>(?:(?!</tr>).)*<td>Never</td>", before.ReplaceLineEndings(" "));

        using var client = PanelClient.Create(site);
        await client.SignInAsync("quiet.user", PanelSite.Password);

        DateTimeOffset signedIn;
        using (var store = site.OpenHub())
            signedIn = store.Users.Find("quiet.user")!.LastSignInAt!.Value;
        var (_, after) = await admin.GetAsync("/users");
        Assert.Matches($"<td>quiet.user</td>(?:(?!</tr>).)*<td>{Regex.Escape(Display.Time(signedIn))}</td>", after.ReplaceLineEndings(" "));
    }

    [Fact]
    public async Task ChangeRole_SignedInUser_EndsTheirSessionAtTheNextRequest()
    {
        var admin = await site.ClientForRoleAsync("admin");
        using (var store = site.OpenHub())
            store.Users.Add(new NewUser("moving.user", "Moving user", UserRole.Panel), PanelSite.Password, "tester");
        using var moving = PanelClient.Create(site);
        await moving.SignInAsync("moving.user", PanelSite.Password);
        Assert.Equal(HttpStatusCode.OK, (await moving.GetAsync("/prompts")).Status);

        using var response = await admin.PostFormAsync("/users/role", "/users", ("Username", "moving.user"), ("Role", "analyst"));

        Assert.Contains("moving.user is now analyst.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await moving.GetAsync("/prompts")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await moving.GetAsync("/runs")).Status);
    }

    [Fact]
    public async Task Disable_Self_Refused()
    {
        var admin = await site.ClientForRoleAsync("admin");

        using var response = await admin.PostFormAsync("/users/disable", "/users", ("Username", "an.administrator"));

        Assert.Contains("You cannot change your own role or switch yourself off", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.False(store.Users.Find("an.administrator")!.Disabled);
    }

    [GeneratedRegex("Password, shown this once: <code>([^<]+)</code>")]
    private static partial Regex GeneratedPassword();
}
