using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Account;

/// <summary>A plain page for a sign-in through the identity provider that was refused; the refusal is already audited.</summary>
public sealed class SignInRefusedModel : PageModel
{
    /// <summary>Why: <c>no-role</c>, <c>account</c>, or anything else for a sign-in that did not succeed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    /// <summary>What to tell the user.</summary>
    public string Message { get; private set; } = "";

    /// <summary>Shows the message for <see cref="Reason"/>, with status 403.</summary>
    public void OnGet()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Message = Reason switch
        {
            "no-role" => "Your account at the council's sign-in is not in any group that opens this app. If you need it, ask your manager to request access.",
            "account" => "Your account in this app is switched off, or its name is taken by a local account. Ask an administrator.",
            _ => "The sign-in through the council's sign-in did not succeed. Try again; if it keeps happening, tell the service desk.",
        };
    }
}
