using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Pipelines.Promotion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyHelp.Analytics.Web.Tests.Fixtures;

/// <summary>
/// The panel app on the test host over a <see cref="SampleHub"/>. Signed-in clients are kept per user, so each
/// password is hashed once per site. The site locks a user name after 3 failed sign-ins from one client and 6 from
/// anywhere, and believes the X-Forwarded-For header of its test clients (which come from the loopback address).
/// </summary>
public class PanelSite : WebApplicationFactory<Program>
{
    /// <summary>The password of every seeded user.</summary>
    public const string Password = SampleHub.Password;

    private readonly Dictionary<string, PanelClient> clients = [];
    private readonly SampleHub hub = new();

    /// <summary>The run saved.</summary>
    public ScoringRun Run => hub.Run;

    /// <summary>The run's prompt references, by rank.</summary>
    public IReadOnlyList<PromptReference> References => hub.References;

    /// <summary>A client signed in as <paramref name="username"/> (kept for the site's life), or an anonymous one for null.</summary>
    public async Task<PanelClient> ClientAsync(string? username)
    {
        var key = username ?? "";
        if (clients.TryGetValue(key, out var client))
            return client;
        client = PanelClient.Create(this);
        if (username is not null)
            await client.SignInAsync(username, Password);
        return clients[key] = client;
    }

    /// <summary>A client signed in with the role's user; anonymous for "anonymous".</summary>
    public Task<PanelClient> ClientForRoleAsync(string role) => ClientAsync(role == "anonymous" ? null : SampleHub.UserByRole[role]);

    /// <summary>Adds a user with <see cref="Password"/> straight to the hub.</summary>
    public void AddUser(string username, UserRole role = UserRole.Panel)
    {
        using var store = OpenHub();
        Assert.IsType<UserChange.Done>(store.Users.Add(new NewUser(username, "A new user", role), Password, "tester"));
    }

    /// <summary>Adds a user (see <see cref="AddUser"/>) and returns a new client signed in as them, from <paramref name="address"/> when given.</summary>
    public async Task<PanelClient> NewUserSignedInAsync(string username, string? address = null)
    {
        AddUser(username);
        var client = PanelClient.Create(this);
        if (address is not null)
            client.From(address);
        await client.SignInAsync(username, Password);
        return client;
    }

    /// <summary>A scratch folder beside the site's hub, deleted with it.</summary>
    protected string Folder => hub.Folder;

    /// <summary>A new store on the site's hub, for looking under the app.</summary>
    public IHubStore OpenHub() => hub.Open();

    /// <summary>Runs SQL on the hub directly, under the stores.</summary>
    public void Execute(string sql) => hub.Execute(sql);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Panel:HubPath", hub.HubPath);
        builder.UseSetting("Panel:SignInAttemptsPerMinute", "1000");
        builder.UseSetting("Panel:MaximumFailedSignIns", "3");
        builder.UseSetting("Panel:MaximumFailedSignInsPerName", "6");
        builder.UseSetting("Panel:KnownProxies", "127.0.0.1");
        builder.UseSetting("Panel:TwoFactorRoles", "");
        builder.ConfigureTestServices(services =>
        {
            services.AddTransient<IStartupFilter, LoopbackClient>();
            // As 'earlyhelp serve' does: the command line's own promotion checks.
            services.AddSingleton<IProposalChecks>(new ProposalChecks());
        });
        ConfigureSite(builder);
    }

    /// <summary>Further settings or services of a site for particular tests.</summary>
    protected virtual void ConfigureSite(IWebHostBuilder builder)
    {
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var client in clients.Values)
            client.Dispose();
        base.Dispose(disposing);
        if (disposing)
            hub.Dispose();
    }
}

/// <summary>The test host leaves the connection's address empty; a real server always has one, and the proxy setting trusts loopback.</summary>
internal sealed class LoopbackClient : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
