using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Web;

/// <summary>The panel app's settings, read from the configuration section <c>Panel</c> (appsettings.json, environment variables <c>Panel__…</c>, or the command line).</summary>
public sealed class PanelOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Panel";

    /// <summary>The hub: a SQLite file path. Default <c>earlyhelp.db</c>.</summary>
    public string HubPath { get; set; } = HubLocation.DefaultPath;

    /// <summary>The audit key file. Default: none, which means <c>EARLYHELP_AUDIT_KEY_FILE</c>, else beside the hub (see docs/security.md).</summary>
    public string? AuditKeyFile { get; set; }

    /// <summary>The audit checkpoint file. Default: none, which means <c>EARLYHELP_AUDIT_CHECKPOINT_FILE</c>, else beside the hub.</summary>
    public string? AuditCheckpointFile { get; set; }

    /// <summary>The model registry folder, for the model pages that come with the training pipeline. Default: none.</summary>
    public string? ModelsFolder { get; set; }

    /// <summary>Failed sign-ins in a row that lock an account. Default 5; at least 1.</summary>
    public int MaximumFailedSignIns { get; set; } = 5;

    /// <summary>How long a lockout lasts, in minutes. Default 15; at least 1.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>A session ends after this many minutes without a request. Default 20; 1 to 480.</summary>
    public int SessionIdleMinutes { get; set; } = 20;

    /// <summary>Sign-in attempts accepted per minute from one client address, against password spraying. Default 30; at least 1.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 30;

    /// <summary>Connections to the hub kept open for requests. Default 16; 1 to 256.</summary>
    public int HubConnections { get; set; } = 16;

    /// <summary>Whether to redirect to HTTPS, send HSTS and mark cookies secure-only. Default false (loopback HTTP behind a TLS proxy is the common set-up).</summary>
    public bool RequireHttps { get; set; }

    /// <summary>Users added at start-up when absent, e.g. the first administrator. Default none.</summary>
    public List<SeedUser> SeedUsers { get; set; } = [];

    /// <summary>The lockout policy these settings describe.</summary>
    public LockoutPolicy Lockout => new() { MaximumFailedAttempts = MaximumFailedSignIns, LockoutDuration = TimeSpan.FromMinutes(LockoutMinutes) };

    /// <summary>Every problem with the settings, one message each.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(HubPath))
            yield return "The 'HubPath' option must name the hub file. Got an empty value instead.";
        if (MaximumFailedSignIns < 1)
            yield return $"The 'MaximumFailedSignIns' option must be at least 1. Got {MaximumFailedSignIns} instead.";
        if (LockoutMinutes < 1)
            yield return $"The 'LockoutMinutes' option must be at least 1. Got {LockoutMinutes} instead.";
        if (SessionIdleMinutes is < 1 or > 480)
            yield return $"The 'SessionIdleMinutes' option must be in the range [1, 480]. Got {SessionIdleMinutes} instead.";
        if (SignInAttemptsPerMinute < 1)
            yield return $"The 'SignInAttemptsPerMinute' option must be at least 1. Got {SignInAttemptsPerMinute} instead.";
        if (HubConnections is < 1 or > 256)
            yield return $"The 'HubConnections' option must be in the range [1, 256]. Got {HubConnections} instead.";
        foreach (var user in SeedUsers)
        {
            if (!UserRoles.TryParse(user.Role, out _))
                yield return $"The 'SeedUsers' entry '{user.Username}' must have a role of panel, analyst, ig, admin or matching. Got '{user.Role}' instead.";
        }
    }
}

/// <summary>A user to add at start-up when no user of that name exists. The password should be changed after the first sign-in.</summary>
public sealed class SeedUser
{
    /// <summary>Sign-in name.</summary>
    public string Username { get; set; } = "";

    /// <summary>Name shown in the app.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Role code: panel, analyst, ig, admin or matching.</summary>
    public string Role { get; set; } = "";

    /// <summary>The first password (at least 15 characters); give it through an environment variable or secret store, not a file in version control.</summary>
    public string Password { get; set; } = "";
}
