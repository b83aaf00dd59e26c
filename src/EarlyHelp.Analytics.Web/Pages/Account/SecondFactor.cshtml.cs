using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Account;

/// <summary>The second step of signing in: the code from the user's authenticator app. Reached only after the right password.</summary>
public sealed class SecondFactorModel(HubConnections hub) : PageModel
{
    /// <summary>The code typed.</summary>
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Where to go after signing in (local addresses only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>What went wrong, if anything.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Shows the form, or sends a visitor without a right password back to the sign-in page.</summary>
    public async Task<IActionResult> OnGetAsync() =>
        await SecondFactor.PendingUserAsync(HttpContext) is null ? Redirect("/sign-in") : Page();

    /// <summary>Checks the code and starts the session, or shows the form again.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await SecondFactor.PendingUserAsync(HttpContext) is not { } username)
            return Redirect("/sign-in");
        var (policy, client) = SecondFactor.Limits(HttpContext);
        var outcome = await hub.WriteAsync(store => store.Users.VerifyTwoFactor(username, Code ?? "", policy, client), HttpContext.RequestAborted);
        switch (outcome)
        {
            case SecondFactorOutcome.Accepted accepted:
                await SecondFactor.CompleteAsync(HttpContext, accepted.User);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SecondFactorOutcome.LockedOut locked:
                Problems = [$"Too many wrong codes. Try again after {Display.Time(locked.Until)}, or ask an administrator to unlock your account."];
                return Page();
            default:
                Problems = ["The code is not right. Codes change every 30 seconds, and each works once: wait for the next one."];
                return Page();
        }
    }
}
