using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web.Pages.Account;

/// <summary>Starts a sign-in through the council's identity provider: the browser goes there and comes back with a code.</summary>
public sealed class IdentityProviderModel(IOptions<PanelOptions> options) : PageModel
{
    /// <summary>Where to go after signing in (local addresses only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Sends the browser to the identity provider; 404 when sign-in through one is off.</summary>
    public IActionResult OnGet() => options.Value.OpenIdConnect.Enabled
        ? Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" }, IdentityProviderSignIn.Scheme)
        : NotFound();
}
