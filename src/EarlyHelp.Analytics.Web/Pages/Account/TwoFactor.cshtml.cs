using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Account;

/// <summary>
/// Enrolment in a second factor: the page shows a new secret (base32, and as an <c>otpauth://</c> URI), and a code from
/// it confirms the enrolment. Open to a signed-in user, and to one whose role requires a second factor between their
/// password and their first session.
/// </summary>
public sealed class TwoFactorModel(HubConnections hub) : PageModel
{
    /// <summary>Who the issuer is in the user's app.</summary>
    public const string Issuer = "EarlyHelp";

    /// <summary>The code typed.</summary>
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Where to go after signing in (local addresses only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The new secret in base32, in groups of four for reading aloud or typing.</summary>
    public string? Secret { get; private set; }

    /// <summary>The URI an authenticator app reads.</summary>
    public Uri? EnrolmentUri { get; private set; }

    /// <summary>Whether the user is signing in (their role requires a second factor) rather than signed in.</summary>
    public bool SigningIn { get; private set; }

    /// <summary>Whether enrolment is done.</summary>
    public bool Enrolled { get; private set; }

    /// <summary>What went wrong, if anything.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Starts enrolment with a new secret.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (await WhoAsync() is not { } username)
            return Redirect("/sign-in");
        Show(username, await hub.WriteAsync(store => store.Users.BeginTwoFactorEnrolment(username), HttpContext.RequestAborted));
        return Page();
    }

    /// <summary>Confirms enrolment with a code from the new secret; a user signing in then has their session.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await WhoAsync() is not { } username)
            return Redirect("/sign-in");
        var (policy, client) = SecondFactor.Limits(HttpContext);
        var outcome = await hub.WriteAsync(store => store.Users.ConfirmTwoFactor(username, Code ?? "", policy, client), HttpContext.RequestAborted);
        if (outcome is SecondFactorOutcome.Accepted accepted)
        {
            if (!SigningIn)
            {
                Enrolled = true;
                return Page();
            }
            await SecondFactor.CompleteAsync(HttpContext, accepted.User);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        Problems = [outcome is SecondFactorOutcome.LockedOut locked
            ? $"Too many wrong codes. Try again after {Display.Time(locked.Until)}."
            : "The code is not right. Check that the app shows the account just added, and type its current code."];
        Show(username, await hub.UseAsync(store => store.Users.PendingTwoFactorSecret(username), HttpContext.RequestAborted));
        return Page();
    }

    private async Task<string?> WhoAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
            return User.Username();
        SigningIn = true;
        return await SecondFactor.PendingUserAsync(HttpContext);
    }

    private void Show(string username, string? secret)
    {
        if (secret is null)
            return;
        Secret = string.Join(' ', secret.Chunk(4).Select(group => new string(group)));
        EnrolmentUri = OneTimePasswords.EnrolmentUri(Issuer, username, secret);
    }
}
