using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Programme;

/// <summary>
/// The programme view for the panel and IG: what happened to prompted families the panel offered early help, against
/// prompted families it did not and against the comparison families ranked just below the cut-off, in counts only (no family is named or linked, so it is not a look at a family; opening it
/// is audited all the same, as IG's other aggregate pages are).
/// </summary>
public sealed class IndexModel(HubConnections hub, AuditTrail audit) : PageModel
{
    /// <summary>The counts.</summary>
    public ProgrammeOutcomes Outcomes { get; private set; } = null!;

    /// <summary>Reads the counts.</summary>
    public async Task OnGetAsync()
    {
        Outcomes = await hub.UseAsync(store => store.Prompts.Programme(), HttpContext.RequestAborted);
        await audit.RecordAsync(User, "programme.view", "programme", $"{Outcomes.Groups.Sum(g => g.Prompts)} prompts, {Outcomes.Comparison.Single(c => c.Row == ComparisonRow.NotPrompted).Families} comparison families");
    }

    /// <summary>
    /// Whether the comparison with the families not prompted is too small to read: fewer than
    /// <see cref="ProgrammeRates.MinimumFollowedUp"/> followed up in either half nearest the cut-off, the most alike pair.
    /// </summary>
    public bool ComparisonTooFewToJudge =>
        Outcomes.Comparison.Where(c => c.Row is ComparisonRow.PromptedNearCut or ComparisonRow.NotPromptedNearCut).Any(c => c.FollowedUp < ProgrammeRates.MinimumFollowedUp);

    /// <summary>Whether both sides of the comparison have enough followed-up prompts to read a share.</summary>
    public bool TooFewToJudge =>
        Outcomes.Groups.Single(g => g.Group == ProgrammeGroup.OfferedEarlyHelp).FollowedUp < ProgrammeRates.MinimumFollowedUp
        || Outcomes.Groups.Where(g => g.Group is ProgrammeGroup.NoActionNeeded or ProgrammeGroup.NotReviewed).Sum(g => g.FollowedUp) < ProgrammeRates.MinimumFollowedUp;
}
