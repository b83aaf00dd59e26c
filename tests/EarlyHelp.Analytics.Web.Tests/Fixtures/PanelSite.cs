using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Web.Tests.Fixtures;

/// <summary>
/// The panel app on the test host over a temporary hub holding <see cref="SampleRun"/> (12 families, 10 prompts)
/// and one user per role. Signed-in clients are kept per user, so each password is hashed once per site.
/// </summary>
public sealed class PanelSite : WebApplicationFactory<Program>
{
    /// <summary>The password of every seeded user.</summary>
    public const string Password = "a long test passphrase";

    /// <summary>The seeded users' names by role code, plus a second panel member.</summary>
    public static readonly IReadOnlyDictionary<string, string> UserByRole = new Dictionary<string, string>
    {
        ["panel"] = "panel.member", ["analyst"] = "an.analyst", ["ig"] = "ig.reviewer", ["admin"] = "an.administrator",
    };

    private readonly Dictionary<string, PanelClient> clients = [];
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"earlyhelp-web-tests-{Guid.NewGuid():N}");

    public PanelSite()
    {
        Directory.CreateDirectory(folder);
        HubPath = Path.Combine(folder, "hub.db");
        using var store = HubStore.Open(HubPath);
        SampleRun.LoadFamilies(store, families: 12);
        Run = store.Prompts.SaveRun(SampleRun.Submission(prompts: 10, capacity: 10));
        References = store.Prompts.Queue(Run.Id, new()).Select(entry => entry.Reference).ToArray();
        foreach (var (role, username) in UserByRole.Append(KeyValuePair.Create("panel", "second.panel")))
        {
            UserRoles.TryParse(role, out var parsed);
            store.Users.Add(new NewUser(username, $"Test {username}", parsed), Password, "tester");
        }
    }

    /// <summary>The hub file.</summary>
    public string HubPath { get; }

    /// <summary>The run saved.</summary>
    public ScoringRun Run { get; }

    /// <summary>The run's prompt references, by rank.</summary>
    public IReadOnlyList<PromptReference> References { get; }

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

    /// <summary>A client signed in with the role's seeded user; anonymous for "anonymous".</summary>
    public Task<PanelClient> ClientForRoleAsync(string role) => ClientAsync(role == "anonymous" ? null : UserByRole[role]);

    /// <summary>A fresh hub store on the site's hub, for looking under the app.</summary>
    public IHubStore OpenHub() => HubStore.Open(HubPath);

    /// <summary>Runs SQL on the hub directly, under the stores.</summary>
    public void Execute(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = HubPath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Panel:HubPath", HubPath);
        builder.UseSetting("Panel:SignInAttemptsPerMinute", "1000");
        builder.UseSetting("Panel:MaximumFailedSignIns", "3");
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var client in clients.Values)
            client.Dispose();
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A connection closing late; the temporary folder is cleaned by the system.
            }
        }
    }
}
