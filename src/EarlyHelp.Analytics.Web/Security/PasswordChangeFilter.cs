using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace EarlyHelp.Analytics.Web.Security;

/// <summary>
/// Sends a user whose password an administrator set (a new account, or a reset) to the password page before any other
/// page, so that nobody works under a password someone else has seen. <see cref="Sessions.ValidateAsync"/> reads the
/// account on every request and marks the request; only changing the password, signing out and the status page are let through.
/// </summary>
public sealed class PasswordChangeFilter : IAsyncPageFilter
{
    /// <summary>Where the user is sent.</summary>
    public const string PasswordPage = "/account/password";

    private const string RequiredKey = "earlyhelp.password-change-required";

    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal) { "/Account/Password", "/Account/SignOut", "/Status" };

    /// <summary>Marks the request as one whose user must change their password first.</summary>
    public static void Require(HttpContext context) => context.Items[RequiredKey] = true;

    /// <summary>Whether the request's user must change their password first.</summary>
    public static bool IsRequired(HttpContext context) => context.Items.ContainsKey(RequiredKey);

    /// <inheritdoc />
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (IsRequired(context.HttpContext) && !Allowed.Contains(context.ActionDescriptor.ViewEnginePath))
        {
            context.Result = new RedirectResult(PasswordPage);
            return;
        }
        await next();
    }
}
