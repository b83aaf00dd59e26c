using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Panel;

/// <summary>
/// The information pack for the key worker, once the panel's latest review offers early help: a printable page of the
/// evidence, the family's make-up, the agencies involved and their workers, and what happened next. Pseudonymous as
/// served; the family's names appear only in the answer to a POST that states a purpose, through the audited
/// re-identification step. Every view of the pack is itself an audit entry.
/// </summary>
public sealed class PackModel(HubConnections hub, AuditTrail audit) : PageModel
{
    /// <summary>The audit action of a view of the pack.</summary>
    public const string Action = "prompt.pack";

    /// <summary>The reference in the address.</summary>
    [FromRoute]
    public string Reference { get; set; } = "";

    /// <summary>Why the names are needed in the pack.</summary>
    [BindProperty]
    public string? Purpose { get; set; }

    /// <summary>The prompt, or null when there is none or it is hidden.</summary>
    public Prompt? Shown { get; private set; }

    /// <summary>The prompt's run.</summary>
    public ScoringRun? Run { get; private set; }

    /// <summary>The review that offered early help, or null when the latest review does not.</summary>
    public PromptReview? Offer { get; private set; }

    /// <summary>The family's context, or null for a prompt saved before contexts were kept.</summary>
    public PromptContext? Context { get; private set; }

    /// <summary>The steps recorded after the offer.</summary>
    public IReadOnlyList<RecordedStep> Steps { get; private set; } = [];

    /// <summary>The family's names, when asked for with a purpose.</summary>
    public IReadOnlyList<IdentifiedMember>? Members { get; private set; }

    /// <summary>What is wrong with a request for names, if anything.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The pack without names.</summary>
    public async Task<IActionResult> OnGetAsync() => await ShowAsync(withNames: false);

    /// <summary>The pack with the family's names (audited re-identification), or the form again with what is wrong.</summary>
    public async Task<IActionResult> OnPostAsync() => await ShowAsync(withNames: true);

    private async Task<IActionResult> ShowAsync(bool withNames)
    {
        if (!PromptReference.TryParse(Reference, out var reference))
            return NotFoundPage();
        using (var lease = await hub.BorrowAsync(HttpContext.RequestAborted))
        {
            var prompts = lease.Store.Prompts;
            Shown = prompts.Find(reference);
            if (Shown is null)
                return NotFoundPage();
            Run = prompts.FindRun(Shown.Run);
            Offer = prompts.Reviews(reference).LastOrDefault() is { Outcome: ReviewOutcome.OfferEarlyHelp } latest ? latest : null;
            Context = prompts.FindContext(reference);
            Steps = prompts.NextSteps(reference);
        }
        Reference = reference.Value;
        if (Offer is not null && withNames)
        {
            var outcome = await IdentifyModel.ReidentifyAsync(hub, reference, Purpose, User.Username(), HttpContext.RequestAborted);
            if (outcome is null)
                return NotFoundPage();
            (Members, Problems) = outcome.Value;
        }
        if (Offer is not null)
        {
            await audit.RecordAsync(new AuditRecord(User.Username(), Action, reference.Value,
                $"{(Run?.Trial == true ? "trial " : "")}run {Shown.Run}, rank {Shown.Rank}; {(Members is null ? "without names" : "with names (see the re-identification entry)")}"));
        }
        return Page();
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
