using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Analyst;

/// <summary>
/// An analyst proposes a candidate for an information governance sign-off from the model's page. The checks are those of
/// <c>earlyhelp models propose</c>, supplied by the host (<see cref="IProposalChecks"/>); they run on a reading connection,
/// since re-scoring the champion can take a while and the server's write turn also carries every page view's audit entry,
/// and only a candidate that passes them all is recorded, in one write turn with its <c>model.propose</c> audit entry.
/// A refusal once the checks have run is audited too (<c>model.propose_refused</c>, with the failed checks or the reason), so IG sees every attempt.
/// </summary>
public sealed class ModelProposalModel(HubConnections hub, AuditTrail audit, IServiceProvider services) : PageModel
{
    /// <summary>The longest note accepted, as the review form's reason.</summary>
    public const int MaximumNoteLength = 2_000;

    /// <summary>The model in the address.</summary>
    [FromRoute]
    public string Name { get; set; } = "";

    /// <summary>The analyst's note: why the candidate should replace the champion.</summary>
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>Every check when one failed, to show which; empty otherwise.</summary>
    public IReadOnlyList<ProposalCheck> Checks { get; private set; } = [];

    /// <summary>What stopped the proposal, for GOV.UK's error pattern.</summary>
    public IReadOnlyList<FieldProblem> Problems { get; private set; } = [];

    /// <summary>The message shown at the note, or null.</summary>
    public string? NoteError => Problems.FirstOrDefault(p => p.Field == "note")?.Message;

    /// <summary>The proposal is made from the model's page.</summary>
    public IActionResult OnGet() => Redirect(ModelPage);

    /// <summary>Runs the checks and records the proposal, then goes back to the model's page; or shows why not.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var registered = await hub.UseAsync(store => store.Models.Find(Name), HttpContext.RequestAborted);
        if (registered is null)
            return NotFound();
        if (services.GetService<IProposalChecks>() is not { } checks)
            return Refused(new FieldProblem("This server does not run the promotion checks: propose with 'earlyhelp models propose' instead", null));
        if (string.IsNullOrWhiteSpace(Note))
            return Refused(new FieldProblem("Enter your note: why the candidate should replace the champion", "note"));
        if (Note.Length > MaximumNoteLength)
            return Refused(new FieldProblem($"Your note must be {MaximumNoteLength:N0} characters or fewer", "note"));
        var by = User.Username();
        try
        {
            var evidence = await hub.UseAsync(store => checks.Check(store, Name, by, Note), HttpContext.RequestAborted);
            var failed = evidence.Checks.Where(c => !c.Passed).ToList();
            if (failed.Count > 0)
            {
                await audit.RecordAsync(User, "model.propose_refused", $"model {Name}", string.Join("; ", failed.Select(c => $"{c.Rule}: {c.Detail}")));
                Checks = evidence.Checks;
                return Refused(new FieldProblem(
                    $"{Name} fails {(failed.Count == 1 ? "1 promotion check" : $"{failed.Count} promotion checks")}, so it cannot be proposed: {string.Join("; ", failed.Select(c => c.Rule))}", "checks"));
            }
            await hub.WriteAsync(store => store.Models.Propose(Name, by, Note, evidence), HttpContext.RequestAborted);
        }
        catch (BadInputException refused)
        {
            // A damaged folder names its file; the model's own name adds nothing.
            var reason = refused.File == Name ? refused.Reason : $"{refused.Reason} ({refused.File})";
            await audit.RecordAsync(User, "model.propose_refused", $"model {Name}", reason);
            return Refused(new FieldProblem(char.ToUpperInvariant(reason[0]) + reason[1..], "note"));
        }
        return Redirect(ModelPage);
    }

    private string ModelPage => $"/models/{Uri.EscapeDataString(Name)}";

    private PageResult Refused(FieldProblem problem)
    {
        Problems = [problem];
        return Page();
    }
}
