using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web.Pages.Account;

/// <summary>Sign-in with a local account (or a link to the council's identity provider); failures and lockouts are audited by the user store.</summary>
public sealed class SignInModel(HubConnections hub, IOptions<PanelOptions> options) : PageModel
{
    /// <summary>The name typed.</summary>
    [BindProperty]
    public string? Username { get; set; }

    /// <summary>The password typed; never shown again.</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Where to go after signing in (local addresses only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The words naming the council's identity provider, or null when sign-in through one is off.</summary>
    public string? IdentityProviderName => options.Value.OpenIdConnect.Enabled ? options.Value.OpenIdConnect.Name : null;

    /// <summary>What went wrong, if anything.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the password and starts a session, or shows the form again with a message that does not say which part was wrong.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password))
            return Refuse("Enter your user name and password.");
        if (Username.Length > Usernames.MaximumLength || Password.Length > Passwords.MaximumLength)
            return Refuse("The user name or password is not right.");
        var client = HttpContext.ClientAddress();
        var result = await hub.WriteAsync(store => store.Users.SignIn(Username, Password, options.Value.Lockout, client), HttpContext.RequestAborted);
        switch (result)
        {
            case SignInOutcome.Succeeded succeeded when SecondFactor.IsRequired(succeeded.User, options.Value):
                return LocalRedirect(await SecondFactor.BeginAsync(HttpContext, succeeded.User, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null));
            case SignInOutcome.Succeeded succeeded:
                await Sessions.SignInAsync(HttpContext, succeeded.User);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.LockedOut locked:
                return Refuse($"Too many failed sign-ins with this user name. Try again after {Display.Time(locked.Until)}, or ask an administrator to unlock it.");
            default:
                return Refuse("The user name or password is not right.");
        }
    }

    private PageResult Refuse(string problem)
    {
        Problems = [problem];
        Password = null;
        return Page();
    }
}
