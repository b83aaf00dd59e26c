using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Account;

/// <summary>
/// The step after a sign-in through the identity provider: a page of this site that moves on at once to the page
/// asked for, so the browser's next request starts here and carries the SameSite=Strict session cookie.
/// </summary>
public sealed class SignInContinueModel : PageModel
{
    /// <summary>Where to go next (local addresses only; the start page otherwise).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shows the page, with any address that is not this site's replaced by the start page.</summary>
    public void OnGet() => ReturnUrl = ReturnUrl is { } url && IdentityProviderSignIn.IsLocal(url) ? url : "/";
}
