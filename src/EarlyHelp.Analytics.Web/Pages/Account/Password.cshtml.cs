using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web.Pages.Account;

/// <summary>A signed-in user changes their own password; the change ends their other sessions, and wrong current passwords count towards the sign-in lockout.</summary>
public sealed class PasswordModel(HubConnections hub, IOptions<PanelOptions> options) : PageModel
{
    /// <summary>The current password.</summary>
    [BindProperty]
    public string? CurrentPassword { get; set; }

    /// <summary>The new password.</summary>
    [BindProperty]
    public string? NewPassword { get; set; }

    /// <summary>The new password again.</summary>
    [BindProperty]
    public string? ConfirmPassword { get; set; }

    /// <summary>Whether the password was changed.</summary>
    public bool Changed { get; private set; }

    /// <summary>What went wrong, if anything.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Changes the password, or shows the form again with what is wrong.</summary>
    public async Task OnPostAsync()
    {
        if (NewPassword != ConfirmPassword)
        {
            Problems = ["The two new passwords are not the same."];
            return;
        }
        var (client, session) = (HttpContext.ClientAddress(), User.SessionToken());
        var change = await hub.WriteAsync(
            store => store.Users.ChangeOwnPassword(User.Username(), CurrentPassword ?? "", NewPassword ?? "", options.Value.Lockout, client, session),
            HttpContext.RequestAborted);
        if (change is UserChange.Refused refused)
            Problems = refused.Problems;
        else
            Changed = change is UserChange.Done;
    }
}
