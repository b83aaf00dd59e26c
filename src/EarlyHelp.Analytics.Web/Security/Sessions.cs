using System.Security.Claims;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace EarlyHelp.Analytics.Web.Security;

/// <summary>Signed-in sessions: the cookie's claims, and the check on every request that the account still stands as it did.</summary>
public static class Sessions
{
    /// <summary>The claims of a session for <paramref name="user"/>.</summary>
    public static ClaimsPrincipal For(UserAccount user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.Username),
            new Claim(ClaimTypes.Role, user.Role.Code()),
            new Claim(Roles.DisplayNameClaim, user.DisplayName),
            new Claim(Roles.SecurityStampClaim, user.SecurityStamp),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Starts a session for <paramref name="user"/>.</summary>
    public static Task SignInAsync(HttpContext context, UserAccount user) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, For(user));

    /// <summary>
    /// Ends the session when its account was removed or disabled, or its role or password changed since it began
    /// (the security stamp changes with each): a role change takes effect on the next request, not at cookie expiry.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var username = principal?.Identity?.Name;
        var hub = context.HttpContext.RequestServices.GetRequiredService<HubConnections>();
        var account = username is null ? null : await hub.UseAsync(store => store.Users.Find(username), context.HttpContext.RequestAborted);
        if (principal is null || account is null || account.Disabled
            || account.SecurityStamp != principal.FindFirstValue(Roles.SecurityStampClaim)
            || account.Role.Code() != principal.FindFirstValue(ClaimTypes.Role))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>The signed-in user's name; pages behind authorisation always have one.</summary>
    public static string Username(this ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("The page needs a signed-in user.");
}
