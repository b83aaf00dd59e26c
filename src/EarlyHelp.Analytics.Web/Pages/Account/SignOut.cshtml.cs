using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Account;

/// <summary>Ends the session (a POST, so that another site cannot sign a user out with a link).</summary>
public sealed class SignOutModel(AuditTrail audit) : PageModel
{
    /// <summary>Shows a sign-out button, for a browser that arrived by address.</summary>
    public void OnGet()
    {
    }

    /// <summary>Ends the session in the hub (so a copy of the cookie stops working too) and returns to the sign-in page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var username = User.Username();
        await Sessions.SignOutAsync(HttpContext, SessionStore.SignedOut);
        await audit.RecordAsync(new AuditRecord(username, "sign_out", username, ""));
        return Redirect("/sign-in");
    }
}
