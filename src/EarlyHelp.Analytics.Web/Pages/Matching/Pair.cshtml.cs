using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Clerical;
using EarlyHelp.Analytics.Linkage;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Matching;

/// <summary>
/// One pair for clerical review: the two records side by side with the identity fields the decision needs, how the
/// stored model weighed them (a waterfall and its table), the decisions so far, and the decision form. Every showing
/// is audited with the records shown before the page is sent; a decision is a new record, audited with it.
/// </summary>
public sealed class PairModel(HubConnections hub, AuditTrail audit) : PageModel
{
    /// <summary>The pair's id in the address.</summary>
    [FromRoute]
    public string Id { get; set; } = "";

    /// <summary>The decision chosen, a <see cref="ClericalDecisions"/> code.</summary>
    [BindProperty]
    public string? Decision { get; set; }

    /// <summary>The reason given.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The pair, or null when the id names none.</summary>
    public ClericalPairDetail? Shown { get; private set; }

    /// <summary>What is wrong with the decision submitted, by field (<c>Decision</c>, <c>Reason</c>).</summary>
    public IReadOnlyList<(string Field, string Problem)> Problems { get; private set; } = [];

    /// <summary>Whether this user's decision was just recorded (kept for the one page after the redirect).</summary>
    [TempData]
    public bool Recorded { get; set; }

    /// <summary>The problem with <paramref name="field"/>, or null.</summary>
    public string? ProblemWith(string field) => Problems.FirstOrDefault(p => p.Field == field).Problem;

    /// <summary>Shows the pair.</summary>
    public Task<IActionResult> OnGetAsync() => ShowAsync();

    /// <summary>Records a decision and returns to the page, or shows the form again with what is wrong (nothing stored).</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        ClericalDecision? decision = ClericalDecisions.TryParse(Decision, out var chosen) ? chosen : null;
        var recording = await hub.UseAsync(store => store.Clerical.Pair(Id) is { } pair
            ? store.Clerical.Decide(new DecisionSubmission(pair, decision, Reason ?? "", User.Username()))
            : new DecisionRecording.PairNotFound(), HttpContext.RequestAborted);
        switch (recording)
        {
            case DecisionRecording.Recorded:
                Recorded = true;
                return Redirect($"/matching/pair/{Id}#history");
            case DecisionRecording.Refused refused:
                Problems = refused.Problems;
                break;
        }
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        Shown = await hub.UseAsync(store => store.Clerical.Find(Id), HttpContext.RequestAborted);
        if (Shown is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        await audit.RecordAsync(new AuditRecord(User.Username(), "clerical.view", Shown.Pair.Id, $"records {Shown.Pair.Describe()}"));
        return Page();
    }
}
