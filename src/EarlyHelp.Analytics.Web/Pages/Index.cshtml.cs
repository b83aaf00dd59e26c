using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages;

/// <summary>
/// The home page: for a panel member, where the newest run's queue stands (counts only, no reference, so nothing about a
/// family is shown or needs auditing); for everyone, what their role can do.
/// </summary>
public sealed class IndexModel(HubConnections hub) : PageModel
{
    /// <summary>The panel's overview of the newest run that is not a trial, or null for other roles or when there is none.</summary>
    public PanelOverview? Panel { get; private set; }

    /// <summary>Reads the overview for a panel member.</summary>
    public async Task OnGetAsync()
    {
        if (!User.IsInRole(Roles.Panel))
            return;
        Panel = await hub.UseAsync(store =>
        {
            var prompts = store.Prompts;
            if (prompts.Runs().FirstOrDefault(r => !r.Trial) is not { } run)
                return null;
            var queue = prompts.Queue(run.Id, new QueueFilter());
            var offered = queue.Where(e => e.LatestReview?.Outcome == ReviewOutcome.OfferEarlyHelp).ToArray();
            return new PanelOverview(run, queue.Count, queue.Count(e => e.LatestReview is null), offered.Length,
                offered.Count(e => prompts.NextSteps(e.Reference).Count == 0));
        }, HttpContext.RequestAborted);
    }
}

/// <summary>Where the newest run's queue stands.</summary>
/// <param name="Run">The run.</param>
/// <param name="Prompts">Prompts shown (not hidden).</param>
/// <param name="Awaiting">Prompts awaiting review.</param>
/// <param name="Offered">Prompts whose latest review offers early help.</param>
/// <param name="OfferedWithoutStep">Of those, the ones with no step recorded yet.</param>
public sealed record PanelOverview(ScoringRun Run, int Prompts, int Awaiting, int Offered, int OfferedWithoutStep);
