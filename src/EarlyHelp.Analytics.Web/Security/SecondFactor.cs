using System.Security.Claims;
using EarlyHelp.Analytics.Hub.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web.Security;

/// <summary>
/// The step between a right password and a session, for users with a second factor: a short-lived cookie of its own
/// says whose password was right, and opens only the code and enrolment pages. No session exists until the code is given.
/// </summary>
public static class SecondFactor
{
    /// <summary>The authentication scheme of the in-between cookie.</summary>
    public const string Scheme = "second-factor";

    /// <summary>How long the in-between step lasts: long enough to open an app and type a code.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Whether <paramref name="user"/> must give a code after the password: enrolled, or in a role that requires it.</summary>
    public static bool IsRequired(UserAccount user, PanelOptions options) =>
        user.TwoFactorEnrolled || options.RolesNeedingTwoFactor.Contains(user.Role);

    /// <summary>Adds the in-between cookie's scheme.</summary>
    public static AuthenticationBuilder AddSecondFactorCookie(this AuthenticationBuilder builder, CookieSecurePolicy secure) =>
        builder.AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = "earlyhelp-second-factor";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = secure;
            cookie.ExpireTimeSpan = Lifetime;
            cookie.SlidingExpiration = false;
        });

    /// <summary>Records that <paramref name="user"/>'s password was right; returns where to go next (the code, or enrolment).</summary>
    public static async Task<string> BeginAsync(HttpContext context, UserAccount user, string? returnUrl)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Username)], Scheme);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        var next = user.TwoFactorEnrolled ? "/sign-in/code" : "/account/two-factor";
        return returnUrl is { Length: > 0 } ? $"{next}?ReturnUrl={Uri.EscapeDataString(returnUrl)}" : next;
    }

    /// <summary>The user whose password was right in the last few minutes, or null.</summary>
    public static async Task<string?> PendingUserAsync(HttpContext context) =>
        (await context.AuthenticateAsync(Scheme)).Principal?.Identity?.Name;

    /// <summary>Ends the in-between step and starts the session.</summary>
    public static async Task CompleteAsync(HttpContext context, UserAccount user)
    {
        await context.SignOutAsync(Scheme);
        await Sessions.SignInAsync(context, user);
    }

    /// <summary>The lockout policy and client address a code is checked under.</summary>
    public static (LockoutPolicy Policy, string Client) Limits(HttpContext context) =>
        (context.RequestServices.GetRequiredService<IOptions<PanelOptions>>().Value.Lockout, context.ClientAddress());
}
