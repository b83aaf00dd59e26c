using System.Security.Claims;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web.Security;

/// <summary>
/// Sign-in through the council's identity provider: ASP.NET Core's OpenID Connect handler runs the authorisation code
/// flow with PKCE, state and nonce, and checks the ID token (signature against the provider's published keys, issuer,
/// audience, lifetime, nonce). What it vouches for then goes through the same hub sessions as a local sign-in, so
/// sign-out, "end sessions" and the idle and absolute limits end it alike. No second factor is asked: the identity
/// provider does multi-factor authentication.
/// </summary>
public static class IdentityProviderSignIn
{
    /// <summary>The authentication scheme of the identity provider.</summary>
    public const string Scheme = "oidc";

    /// <summary>Where the identity provider sends the browser back with the code.</summary>
    public const string CallbackPath = "/sign-in/oidc/callback";

    /// <summary>The page that says a sign-in through the identity provider was refused.</summary>
    public const string RefusedPath = "/sign-in/refused";

    /// <summary>The page a new session passes through on its way to the page asked for (see <see cref="CompleteAsync"/>).</summary>
    public const string ContinuePath = "/sign-in/continue";

    /// <summary>The longest refusal detail audited: a user in hundreds of groups must not write pages into the log.</summary>
    private const int DetailLength = 300;

    /// <summary>Adds the identity provider's scheme when <paramref name="options"/> switch it on.</summary>
    public static AuthenticationBuilder AddIdentityProvider(this AuthenticationBuilder builder, IdentityProviderOptions options, CookieSecurePolicy secure)
    {
        if (!options.Enabled)
            return builder;
        return builder.AddOpenIdConnect(Scheme, oidc =>
        {
            oidc.Authority = options.Authority;
            oidc.ClientId = options.ClientId;
            oidc.ClientSecret = options.ReadClientSecret();
            oidc.ResponseType = "code";
            oidc.UsePkce = true;
            // The code comes back in the address: a top-level GET, which carries the SameSite=Lax correlation and
            // nonce cookies; a form post from the provider's site would need them SameSite=None.
            oidc.ResponseMode = "query";
            oidc.CallbackPath = CallbackPath;
            // Never reached: the ticket is taken over in CompleteAsync and becomes a hub session.
            oidc.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            oidc.RequireHttpsMetadata = !options.AuthorityIsLoopback;
            oidc.MapInboundClaims = false;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.SaveTokens = false;
            oidc.Scope.Clear();
            foreach (var scope in options.ScopeList)
                oidc.Scope.Add(scope);
            oidc.TokenValidationParameters.NameClaimType = options.DisplayNameClaim;
            foreach (var cookie in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = secure;
            }
            oidc.Events.OnTicketReceived = CompleteAsync;
            oidc.Events.OnRemoteFailure = FailAsync;
        });
    }

    /// <summary>
    /// Turns the checked ID token into a hub session: the account from the subject, the role from the groups. A user
    /// whose groups map to no role is refused and the refusal audited. The session cookie is SameSite=Strict, and a
    /// browser does not send such a cookie along a chain of redirects that began on another site (the provider's),
    /// so the way on to the page asked for passes through a page of this site (<see cref="ContinuePath"/>).
    /// </summary>
    private static async Task CompleteAsync(TicketReceivedContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<PanelOptions>>().Value.OpenIdConnect;
        var principal = context.Principal ?? new ClaimsPrincipal();
        var client = http.ClientAddress();
        if (principal.FindFirst(options.SubjectClaim) is not { Value.Length: > 0 } subject)
        {
            await RefuseAsync(http, "", $"the ID token has no '{options.SubjectClaim}' claim, from {client}", "failed");
            return;
        }
        var displayName = DisplayName(principal, options, subject.Value);
        var username = IdentityProviderAccounts.AccountName(subject.Value);
        var groups = principal.FindAll(options.GroupsClaim).Select(claim => claim.Value).ToArray();
        if (IdentityProviderAccounts.RoleFor(groups, options) is not { } role)
        {
            await RefuseAsync(http, username, Shorten(
                $"no group maps to a role (subject '{subject.Value}' at {subject.Issuer}, {displayName}, from {client}; groups: {string.Join(", ", groups)})"), "no-role");
            return;
        }
        var hub = http.RequestServices.GetRequiredService<HubConnections>();
        var identity = new ExternalIdentity(username, subject.Value, subject.Issuer, displayName);
        var outcome = await hub.WriteAsync(store => store.Users.SignInExternal(identity, role, client), http.RequestAborted);
        if (outcome is not ExternalSignInOutcome.Succeeded succeeded)
        {
            http.Response.Redirect($"{RefusedPath}?Reason=account");
            return;
        }
        await Sessions.SignInAsync(http, succeeded.User);
        var next = context.ReturnUri is { } returnUri && IsLocal(returnUri) ? returnUri : "/";
        http.Response.Redirect($"{ContinuePath}?ReturnUrl={Uri.EscapeDataString(next)}");
    }

    /// <summary>A sign-in the handler refused (a bad state, signature, audience, code or nonce; the user cancelled): audited, and the refusal page.</summary>
    private static async Task FailAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        await RefuseAsync(http, "", Shorten($"sign-in failed from {http.ClientAddress()}: {context.Failure?.Message}"), "failed");
    }

    private static async Task RefuseAsync(HttpContext http, string subject, string detail, string reason)
    {
        var trail = http.RequestServices.GetRequiredService<AuditTrail>();
        await trail.RecordAsync(new AuditRecord(UserStore.AnonymousActor, "sign_in.failure", subject, $"identity provider: {detail}"));
        http.Response.Redirect($"{RefusedPath}?Reason={reason}");
    }

    /// <summary>The identity provider's name for the user, else its user name, else the subject; cut to what the hub keeps.</summary>
    private static string DisplayName(ClaimsPrincipal principal, IdentityProviderOptions options, string subject)
    {
        var name = new[] { principal.FindFirstValue(options.DisplayNameClaim), principal.FindFirstValue("preferred_username"), subject }
            .First(value => !string.IsNullOrWhiteSpace(value))!.Trim();
        return name.Length > Usernames.MaximumDisplayNameLength ? name[..Usernames.MaximumDisplayNameLength] : name;
    }

    private static string Shorten(string detail) => detail.Length > DetailLength ? detail[..DetailLength] + "…" : detail;

    /// <summary>Whether <paramref name="url"/> is a path on this site (not "//host" or "/\host", which browsers take to another).</summary>
    internal static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
