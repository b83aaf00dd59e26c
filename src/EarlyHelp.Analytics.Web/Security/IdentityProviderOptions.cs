using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Web.Security;

/// <summary>
/// Sign-in through the council's identity provider with OpenID Connect, read from the configuration section
/// <c>Panel:OpenIdConnect</c>. Off unless <see cref="Authority"/> is set. The client secret is never a setting (settings
/// can come from the command line, which other users of the machine can read): it is read from
/// <see cref="ClientSecretFile"/> or the environment variable <see cref="ClientSecretVariable"/>.
/// </summary>
public sealed class IdentityProviderOptions
{
    /// <summary>The environment variable that may hold the client secret.</summary>
    public const string ClientSecretVariable = "EARLYHELP_OIDC_CLIENT_SECRET";

    /// <summary>The issuer's address, whose <c>/.well-known/openid-configuration</c> describes it. Default none: sign-in through an identity provider is off.</summary>
    public string? Authority { get; set; }

    /// <summary>The app's client id at the identity provider. Required when <see cref="Authority"/> is set.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>A file holding the client secret (its first line). Default none: the secret is read from <see cref="ClientSecretVariable"/>.</summary>
    public string? ClientSecretFile { get; set; }

    /// <summary>Words shown on the sign-in page's button. Default <c>the council's sign-in</c>.</summary>
    public string Name { get; set; } = "the council's sign-in";

    /// <summary>Scopes asked for, separated by ';'. Default <c>openid;profile</c>; some providers send groups only for a scope of their own (e.g. <c>groups</c>).</summary>
    public string Scopes { get; set; } = "openid;profile";

    /// <summary>The ID token claim that identifies the user for good. Default <c>sub</c>; Microsoft Entra ID councils use <c>oid</c> (see docs/security.md).</summary>
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>The ID token claim holding the user's name as shown in the app and the audit log. Default <c>name</c>.</summary>
    public string DisplayNameClaim { get; set; } = "name";

    /// <summary>The ID token claim that lists the user's groups (one claim per group, or a JSON array). Default <c>groups</c>.</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>
    /// For each role code (panel, analyst, ig, admin, matching), the groups whose members get that role, separated by ';'.
    /// Default none: a user whose groups map to no role is refused.
    /// </summary>
    public Dictionary<string, string> RoleGroups { get; set; } = [];

    /// <summary>
    /// Which role wins when a user's groups map to several: role codes, first wins, separated by ';'. Default
    /// <c>panel;matching;analyst;ig;admin</c>, the least power first, so that a user put in a broad group by mistake
    /// does not gain an administrator's pages; a council that prefers otherwise lists its own order, naming every role.
    /// </summary>
    public string RolePrecedence { get; set; } = "panel;matching;analyst;ig;admin";

    /// <summary>Whether sign-in through an identity provider is on.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The roles in <see cref="RolePrecedence"/>, first wins.</summary>
    public IReadOnlyList<UserRole> RoleOrder =>
        [.. Split(RolePrecedence).Select(code => UserRoles.TryParse(code, out var role) ? role : (UserRole?)null).OfType<UserRole>()];

    /// <summary>The groups of each role in <see cref="RoleGroups"/>.</summary>
    public IReadOnlyDictionary<UserRole, IReadOnlySet<string>> GroupsByRole =>
        RoleGroups.Where(pair => UserRoles.TryParse(pair.Key, out _)).ToDictionary(
            pair => UserRoles.TryParse(pair.Key, out var role) ? role : default, pair => (IReadOnlySet<string>)Split(pair.Value).ToHashSet(StringComparer.Ordinal));

    /// <summary>The scopes in <see cref="Scopes"/>.</summary>
    public IReadOnlyList<string> ScopeList => Split(Scopes);

    /// <summary>Whether the identity provider is on this machine, the one case where its metadata may come over plain HTTP (a provider run by the tests).</summary>
    public bool AuthorityIsLoopback =>
        Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>The client secret, from <see cref="ClientSecretFile"/> or else <see cref="ClientSecretVariable"/>; null when neither holds one.</summary>
    public string? ReadClientSecret()
    {
        var secret = ClientSecretFile is { Length: > 0 } file
            ? File.ReadLines(file).FirstOrDefault()
            : Environment.GetEnvironmentVariable(ClientSecretVariable);
        return string.IsNullOrWhiteSpace(secret) ? null : secret.Trim();
    }

    /// <summary>Every problem with the settings, one message each; none when sign-in through an identity provider is off.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Enabled)
            yield break;
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && !authority.IsLoopback))
            yield return $"The 'OpenIdConnect:Authority' option must be an https:// address (http:// only on this machine's loopback). Got '{Authority}' instead.";
        if (string.IsNullOrWhiteSpace(ClientId))
            yield return "The 'OpenIdConnect:ClientId' option must name the app's client id at the identity provider. Got an empty value instead.";
        if (ClientSecretFile is { Length: > 0 } file && !File.Exists(file))
            yield return $"The 'OpenIdConnect:ClientSecretFile' option must name a file holding the client secret. Got '{file}', which does not exist.";
        else if (ReadClientSecret() is null)
            yield return $"The client secret must be in the file 'OpenIdConnect:ClientSecretFile' names or in the environment variable {ClientSecretVariable}. Found neither.";
        foreach (var code in RoleGroups.Keys.Where(code => !UserRoles.TryParse(code, out _)))
            yield return $"The 'OpenIdConnect:RoleGroups' option must be keyed by role codes (panel, analyst, ig, admin, matching). Got '{code}' instead.";
        if (GroupsByRole.Values.All(groups => groups.Count == 0))
            yield return "The 'OpenIdConnect:RoleGroups' option must map at least one group to a role. Got none.";
        var order = Split(RolePrecedence);
        if (order.Any(code => !UserRoles.TryParse(code, out _)) || RoleOrder.Distinct().Count() != Enum.GetValues<UserRole>().Length || order.Length != RoleOrder.Count)
            yield return $"The 'OpenIdConnect:RolePrecedence' option must list each role code (panel, analyst, ig, admin, matching) once, separated by ';'. Got '{RolePrecedence}' instead.";
        if (string.IsNullOrWhiteSpace(SubjectClaim) || string.IsNullOrWhiteSpace(GroupsClaim) || string.IsNullOrWhiteSpace(DisplayNameClaim))
            yield return "The 'OpenIdConnect' claim options (SubjectClaim, DisplayNameClaim, GroupsClaim) must each name a claim. Got an empty value instead.";
    }

    private static string[] Split(string list) => PanelOptions.Split(list);
}
