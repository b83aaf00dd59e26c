using System.CommandLine;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Postgres;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.HubStats;

/// <summary><c>earlyhelp hub roles</c>: the least-privilege roles of a PostgreSQL hub (see <see cref="PostgresRoles"/>).</summary>
internal static class HubRolesCommand
{
    /// <summary>Builds <c>hub roles</c>.</summary>
    public static Command Create()
    {
        var hub = HubOption.Create();
        var prefix = new Option<string>("--prefix")
        {
            Description = "The roles' names start with this: PREFIX_analyst and PREFIX_web. Default earlyhelp.",
            DefaultValueFactory = _ => "earlyhelp",
            HelpName = "PREFIX",
        };
        var command = new Command("roles",
            "PostgreSQL only: create (or bring up to date) the group roles PREFIX_analyst (training and scoring: no names, no identity records) " +
            "and PREFIX_web (the panel app: appends to the audit log but cannot change it; names only through the audited reidentify function). " +
            "Run as the hub's owner, with CREATEROLE; then make each service's login role a member (docs/postgresql.md).");
        command.Options.Add(hub);
        command.Options.Add(prefix);
        command.SetAction(parseResult =>
        {
            var hubArgument = parseResult.GetValue(hub)!;
            if (!HubLocation.IsPostgreSqlConnectionString(hubArgument))
            {
                throw new BadInputException(HubLocation.ArgumentName,
                    "roles are a PostgreSQL hub's; a SQLite hub is one file, guarded by its file mode (see docs/security.md)");
            }
            ExistingHub.Check(hubArgument);
            using var connection = PostgresHubConnection.Open(hubArgument);
            var roles = PostgresRoles.Create(connection, parseResult.GetValue(prefix)!);
            parseResult.InvocationConfiguration.Output.WriteLine($"Roles ready on {HubLocation.FileBase(hubArgument)}: {string.Join(", ", roles)}. Grant them to login roles, e.g. GRANT {roles[1]} TO panel_app;");
            return ExitCodes.Success;
        });
        return command;
    }
}
