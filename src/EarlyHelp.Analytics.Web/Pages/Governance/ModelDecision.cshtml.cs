using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Governance;

/// <summary>
/// An information governance reviewer signs off or refuses a model's open proposal. The registry does every check (an ig
/// account that did not propose, a proposal still open, the same champion, each flag answered) and writes the decision and
/// its audit entry in one transaction; a refusal of the request comes back as the form with the reason at the field.
/// </summary>
public sealed class ModelDecisionModel(HubConnections hub) : PageModel
{
    /// <summary>The model in the address.</summary>
    [FromRoute]
    public string Name { get; set; } = "";

    /// <summary>sign-off or refuse.</summary>
    [BindProperty]
    public string? Decision { get; set; }

    /// <summary>The reviewer's note.</summary>
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The open proposal the form answers.</summary>
    public ModelProposal? Proposal { get; private set; }

    /// <summary>Why the decision was not recorded, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The error as the summary lists it, linked to the note.</summary>
    public IReadOnlyList<FieldProblem> Problems => Error is null ? [] : [new FieldProblem(Error, "note")];

    /// <summary>The decision is made from the model's page.</summary>
    public IActionResult OnGet() => Redirect($"/models/{Uri.EscapeDataString(Name)}");

    /// <summary>Records the decision and goes back to the model's page, or shows the form again with the reason.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var proposal = await hub.UseAsync(store => store.Models.OpenProposals().FirstOrDefault(p => p.Model == Name), HttpContext.RequestAborted);
        if (proposal is null)
            return NotFound();
        Proposal = proposal;
        if (string.IsNullOrWhiteSpace(Note))
            return Refused("Enter your note");
        if (Decision is not ("sign-off" or "refuse"))
            return Refused("Choose to sign off or to refuse the proposal");
        try
        {
            await hub.WriteAsync(store => Decision == "sign-off"
                ? (object)store.Models.Promote(Name, User.Username(), Note)
                : store.Models.Refuse(Name, User.Username(), Note), HttpContext.RequestAborted);
        }
        catch (BadInputException refused)
        {
            return Refused(char.ToUpperInvariant(refused.Reason[0]) + refused.Reason[1..]);
        }
        return Redirect($"/models/{Uri.EscapeDataString(Name)}");
    }

    private PageResult Refused(string error)
    {
        Error = error;
        return Page();
    }
}
