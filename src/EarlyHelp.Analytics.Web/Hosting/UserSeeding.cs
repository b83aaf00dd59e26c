using EarlyHelp.Analytics.Hub.Users;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web.Hosting;

/// <summary>Adds the configured <see cref="PanelOptions.SeedUsers"/> that do not exist yet, when the app starts.</summary>
public sealed class UserSeeding(HubConnections hub, IOptions<PanelOptions> options, ILogger<UserSeeding> log) : IHostedService
{
    /// <summary>The actor recorded in the audit log for seeded users.</summary>
    public const string Actor = "configuration";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var lease = await hub.BorrowAsync(cancellationToken);
        foreach (var seed in options.Value.SeedUsers)
        {
            if (lease.Store.Users.Find(seed.Username) is not null)
                continue;
            UserRoles.TryParse(seed.Role, out var role);
            switch (lease.Store.Users.Add(new NewUser(seed.Username, seed.DisplayName, role), seed.Password, Actor))
            {
                case UserChange.Refused refused:
                    throw new InvalidOperationException($"The seed user '{seed.Username}' cannot be added: {string.Join(" ", refused.Problems)}");
                case UserChange.Done done:
                    log.LogInformation("Added the seed user {Username} ({Role})", done.User.Username, done.User.Role.Code());
                    break;
            }
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
