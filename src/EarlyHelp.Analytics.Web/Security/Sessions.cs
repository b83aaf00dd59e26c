using System.Security.Claims;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web.Security;

/// <summary>
/// Signed-in sessions: the cookie carries the session's token, and every request is checked against the hub's
/// session table (<see cref="SessionStore"/>), so that a session ended there (sign-out, a role or password change,
/// an administrator, the idle or absolute limit) is refused at once even to a copy of the cookie.
/// </summary>
public static class Sessions
{
    /// <summary>The claim holding the session's token.</summary>
    public const string SessionClaim = "session";

    /// <summary>The claims of session <paramref name="token"/> for <paramref name="user"/>.</summary>
    public static ClaimsPrincipal For(UserAccount user, string token) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.Username),
            new Claim(ClaimTypes.Role, user.Role.Code()),
            new Claim(Roles.DisplayNameClaim, user.DisplayName),
            new Claim(SessionClaim, token),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Starts a session for <paramref name="user"/>: a row in the hub and the cookie.</summary>
    public static async Task SignInAsync(HttpContext context, UserAccount user)
    {
        var hub = context.RequestServices.GetRequiredService<HubConnections>();
        var token = await hub.WriteAsync(store => store.Sessions.Start(user.Username), context.RequestAborted);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, For(user, token));
    }

    /// <summary>Ends the current session in the hub, then removes the cookie.</summary>
    public static async Task SignOutAsync(HttpContext context, string reason)
    {
        if (context.User.SessionToken() is { } token)
        {
            var hub = context.RequestServices.GetRequiredService<HubConnections>();
            await hub.WriteAsync(store => store.Sessions.End(token, reason), context.RequestAborted);
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Refuses the request's session unless the hub holds it open for the same user, whose account is switched on
    /// and still has the role the session began with (a role change ends the sessions anyway; this guards a hub
    /// edited underneath).
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var token = principal?.SessionToken();
        var services = context.HttpContext.RequestServices;
        var policy = services.GetRequiredService<IOptions<PanelOptions>>().Value.SessionPolicy;
        var account = token is null ? null : await services.GetRequiredService<HubConnections>().UseAsync(
            store => store.Sessions.Check(token, policy) is SessionCheck.Open open ? store.Users.Find(open.Username) : null,
            context.HttpContext.RequestAborted);
        if (principal is null || account is null || account.Disabled || account.Username != principal.Identity?.Name
            || account.Role.Code() != principal.FindFirstValue(ClaimTypes.Role))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        else if (account.PasswordChangeRequired)
        {
            PasswordChangeFilter.Require(context.HttpContext);
        }
    }

    /// <summary>The session token of a signed-in user, or null.</summary>
    public static string? SessionToken(this ClaimsPrincipal user) => user.FindFirstValue(SessionClaim);

    /// <summary>The signed-in user's name; pages behind authorisation always have one.</summary>
    public static string Username(this ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("The page needs a signed-in user.");

    /// <summary>The client's address as the app sees it (the real client's when a known proxy forwards it), for throttling and the audit log.</summary>
    public static string ClientAddress(this HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
