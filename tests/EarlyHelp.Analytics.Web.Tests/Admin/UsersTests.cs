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
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/runs")).Status);
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
