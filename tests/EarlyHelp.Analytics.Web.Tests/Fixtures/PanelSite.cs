using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EarlyHelp.Analytics.Web.Tests.Fixtures;

/// <summary>
/// The panel app on the test host over a <see cref="SampleHub"/>. Signed-in clients are kept per user, so each
/// password is hashed once per site. The site locks an account after 3 failed sign-ins.
/// </summary>
public sealed class PanelSite : WebApplicationFactory<Program>
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
        client = new PanelClient(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        if (username is not null)
            await client.SignInAsync(username, Password);
        return clients[key] = client;
    }

    /// <summary>A client signed in with the role's user; anonymous for "anonymous".</summary>
    public Task<PanelClient> ClientForRoleAsync(string role) => ClientAsync(role == "anonymous" ? null : SampleHub.UserByRole[role]);

    /// <summary>A new store on the site's hub, for looking under the app.</summary>
    public IHubStore OpenHub() => hub.Open();

    /// <summary>Runs SQL on the hub directly, under the stores.</summary>
    public void Execute(string sql) => hub.Execute(sql);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Panel:HubPath", hub.HubPath);
        builder.UseSetting("Panel:SignInAttemptsPerMinute", "1000");
        builder.UseSetting("Panel:MaximumFailedSignIns", "3");
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
