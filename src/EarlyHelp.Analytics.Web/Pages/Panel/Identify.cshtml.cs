using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Panel;

/// <summary>
/// Re-identification: the separate, deliberate step from a pseudonymous prompt to the family's names. The names
/// appear only in the answer to a POST that states a purpose, never in an address or a cache, and the hub writes
/// the look and its purpose to the audit log in the same transaction that reads them.
/// </summary>
public sealed class IdentifyModel(HubConnections hub) : PageModel
{
    /// <summary>The reference in the address.</summary>
    [FromRoute]
    public string Reference { get; set; } = "";

    /// <summary>Why the names are needed.</summary>
    [BindProperty]
    public string? Purpose { get; set; }

    /// <summary>Whether the reference names a prompt that is shown.</summary>
    public bool Found { get; private set; }

    /// <summary>The names, once shown.</summary>
    public IReadOnlyList<IdentifiedMember>? Members { get; private set; }

    /// <summary>What is wrong with the request, if anything.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Explains the step and asks for the purpose.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        Found = PromptReference.TryParse(Reference, out var reference)
            && await hub.UseAsync(store => store.Prompts.Find(reference) is not null, HttpContext.RequestAborted);
        return Found ? Page() : NotFoundPage();
    }

    /// <summary>Shows the names when a purpose is given, or the form again with what is wrong.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!PromptReference.TryParse(Reference, out var reference))
            return NotFoundPage();
        var outcome = await ReidentifyAsync(hub, reference, Purpose, User.Username(), HttpContext.RequestAborted);
        if (outcome is null)
            return NotFoundPage();
        (Members, Problems) = outcome.Value;
        Found = true;
        Reference = reference.Value;
        return Page();
    }

    /// <summary>
    /// Runs the audited re-identification for <paramref name="reference"/> with <paramref name="purpose"/>: the names, or
    /// the problems with the request; null when no prompt with that reference is shown.
    /// </summary>
    internal static async Task<(IReadOnlyList<IdentifiedMember>? Members, IReadOnlyList<string> Problems)?> ReidentifyAsync(
        HubConnections hub, PromptReference reference, string? purpose, string actor, CancellationToken cancellation) =>
        await hub.WriteAsync(store => store.Prompts.Reidentify(reference, purpose ?? "", actor), cancellation) switch
        {
            Reidentification.Shown shown => (shown.Members, []),
            Reidentification.Refused refused => (null, refused.Problems),
            _ => null,
        };

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
