using System.Net;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Security;

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

    /// <summary>Failed sign-ins in a row from one client address that lock a user name for that client. Default 5; at least 1.</summary>
    public int MaximumFailedSignIns { get; set; } = 5;

    /// <summary>Failed sign-ins in a row from any client that lock a user name everywhere. Default 50; at least <see cref="MaximumFailedSignIns"/>.</summary>
    public int MaximumFailedSignInsPerName { get; set; } = 50;

    /// <summary>How long a lockout lasts, in minutes. Default 15; at least 1.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>A session ends after this many minutes without a request. Default 20; 1 to 480.</summary>
    public int SessionIdleMinutes { get; set; } = 20;

    /// <summary>A session ends this many minutes after sign-in however busy it is. Default 600 (10 hours, a working day); 1 to 1440.</summary>
    public int SessionLifetimeMinutes { get; set; } = 600;

    /// <summary>Sign-in attempts accepted per minute from one client address, against password spraying. Default 30; at least 1.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 30;

    /// <summary>Connections to the hub kept open for requests. Default 16; 1 to 256.</summary>
    public int HubConnections { get; set; } = 16;

    /// <summary>Whether to redirect to HTTPS and send HSTS. Default false (loopback HTTP behind a TLS proxy is the common set-up).</summary>
    public bool RequireHttps { get; set; }

    /// <summary>
    /// Whether cookies may travel over plain HTTP: for trying the app on one machine only. Default false: cookies are
    /// marked Secure, so a browser sends them only over HTTPS (or to localhost).
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Host names the app answers to, separated by ';' (a request naming another host gets 400, so a forged Host header
    /// never reaches a page or a redirect). Default <c>localhost;127.0.0.1;[::1]</c>; a server adds its own name.
    /// </summary>
    public string AllowedHosts { get; set; } = "localhost;127.0.0.1;[::1]";

    /// <summary>
    /// Addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed, separated by ';'.
    /// Default none: the connection's own address is the client's, and forwarded headers are ignored.
    /// </summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>
    /// Role codes whose users must give a one-time code from an authenticator app after their password, separated by
    /// ';' (they enrol at their first sign-in). Default <c>admin;ig</c>: the roles that manage users and read the audit log.
    /// Users of other roles may enrol of their own accord.
    /// </summary>
    public string TwoFactorRoles { get; set; } = "admin;ig";

    /// <summary>Sign-in through the council's identity provider (OpenID Connect). Default off.</summary>
    public IdentityProviderOptions OpenIdConnect { get; set; } = new();

    /// <summary>Users added at start-up when absent, e.g. the first administrator. Default none.</summary>
    public List<SeedUser> SeedUsers { get; set; } = [];

    /// <summary>The lockout policy these settings describe.</summary>
    public LockoutPolicy Lockout => new()
    {
        MaximumFailedAttempts = MaximumFailedSignIns, MaximumFailedAttemptsPerName = MaximumFailedSignInsPerName,
        LockoutDuration = TimeSpan.FromMinutes(LockoutMinutes),
    };

    /// <summary>The session limits these settings describe.</summary>
    public SessionPolicy SessionPolicy => new()
    {
        IdleTimeout = TimeSpan.FromMinutes(SessionIdleMinutes), AbsoluteLifetime = TimeSpan.FromMinutes(SessionLifetimeMinutes),
    };

    /// <summary>The parsed <see cref="KnownProxies"/>.</summary>
    public IReadOnlyList<IPAddress> KnownProxyAddresses =>
        [.. Split(KnownProxies).Select(text => IPAddress.TryParse(text, out var address) ? address : IPAddress.None)];

    /// <summary>The roles in <see cref="TwoFactorRoles"/>.</summary>
    public IReadOnlySet<UserRole> RolesNeedingTwoFactor =>
        Split(TwoFactorRoles).Select(code => UserRoles.TryParse(code, out var role) ? role : (UserRole?)null).OfType<UserRole>().ToHashSet();

    /// <summary>The parsed <see cref="AllowedHosts"/>.</summary>
    public IReadOnlyList<string> AllowedHostNames => Split(AllowedHosts);

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
        if (MaximumFailedSignInsPerName < MaximumFailedSignIns)
            yield return $"The 'MaximumFailedSignInsPerName' option must be at least 'MaximumFailedSignIns' ({MaximumFailedSignIns}). Got {MaximumFailedSignInsPerName} instead.";
        if (SessionLifetimeMinutes is < 1 or > 1440)
            yield return $"The 'SessionLifetimeMinutes' option must be in the range [1, 1440]. Got {SessionLifetimeMinutes} instead.";
        if (AllowedHostNames.Count == 0)
            yield return "The 'AllowedHosts' option must name at least one host. Got an empty value instead.";
        foreach (var proxy in Split(KnownProxies).Where(text => !IPAddress.TryParse(text, out _)))
            yield return $"The 'KnownProxies' option must hold IP addresses separated by ';'. Got '{proxy}' instead.";
        foreach (var code in Split(TwoFactorRoles).Where(code => !UserRoles.TryParse(code, out _)))
            yield return $"The 'TwoFactorRoles' option must hold role codes (panel, analyst, ig, admin, matching) separated by ';'. Got '{code}' instead.";
        if (SignInAttemptsPerMinute < 1)
            yield return $"The 'SignInAttemptsPerMinute' option must be at least 1. Got {SignInAttemptsPerMinute} instead.";
        if (HubConnections is < 1 or > 256)
            yield return $"The 'HubConnections' option must be in the range [1, 256]. Got {HubConnections} instead.";
        foreach (var problem in OpenIdConnect.Validate())
            yield return problem;
        foreach (var user in SeedUsers)
        {
            if (!UserRoles.TryParse(user.Role, out _))
                yield return $"The 'SeedUsers' entry '{user.Username}' must have a role of panel, analyst, ig, admin or matching. Got '{user.Role}' instead.";
        }
    }

    /// <summary>The entries of a list separated by ';', trimmed, empty ones left out.</summary>
    internal static string[] Split(string list) => list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
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
