using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EarlyHelp.Analytics.Web.Tests.Hosting;

/// <summary>Users named in configuration are added at start-up when absent, and audited as added by the configuration.</summary>
public sealed class SeedUsersTests
{
    [Fact]
    public async Task Start_SeedUserInConfiguration_AddedOnceAndCanSignIn()
    {
        using var hub = new SampleHub();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Panel:HubPath", hub.HubPath);
            builder.UseSetting("Panel:SeedUsers:0:Username", "first.admin");
            builder.UseSetting("Panel:SeedUsers:0:DisplayName", "A new user");
            builder.UseSetting("Panel:SeedUsers:0:Role", "admin");
            builder.UseSetting("Panel:SeedUsers:0:Password", "a first password to change");
        });
        using var client = PanelClient.Create(factory);

        await client.SignInAsync("first.admin", "a first password to change");

        using var store = hub.Open();
        Assert.Equal(UserRole.Administrator, store.Users.Find("first.admin")!.Role);
        Assert.Contains(store.AuditLog.Entries(), e => (e.Actor, e.Action, e.Subject) == ("configuration", "user.add", "first.admin"));
    }
}
