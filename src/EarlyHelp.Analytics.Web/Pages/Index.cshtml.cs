using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages;

/// <summary>
/// The home page: for a panel member, where the newest run's queue stands (counts only, no reference, so nothing about a
/// family is shown or needs auditing); for analysts and IG reviewers, the champion, the proposals awaiting a decision and
/// the newest run; for everyone, what their role can do.
/// </summary>
public sealed class IndexModel(HubConnections hub) : PageModel
{
    /// <summary>The panel's overview of the newest run that is not a trial, or null for other roles or when there is none.</summary>
    public PanelOverview? Panel { get; private set; }

    /// <summary>The models' overview for analysts and IG reviewers, or null for other roles.</summary>
    public ModelsOverview? Models { get; private set; }

    /// <summary>Reads the overview of the signed-in user's role.</summary>
    public async Task OnGetAsync()
    {
        if (User.IsInRole(Roles.Analyst) || User.IsInRole(Roles.Governance))
        {
            Models = await hub.UseAsync(store => new ModelsOverview(store.Models.Champion()?.Name, store.Models.OpenProposals().Select(p => p.Model).ToArray(),
                store.Prompts.Runs().FirstOrDefault()), HttpContext.RequestAborted);
        }
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

/// <summary>The registry and scoring at a glance, aggregates only.</summary>
/// <param name="Champion">The champion's name, or null when there is none.</param>
/// <param name="AwaitingDecision">Models proposed and awaiting an information governance decision.</param>
/// <param name="NewestRun">The newest scoring run, trial or not, or null.</param>
public sealed record ModelsOverview(string? Champion, IReadOnlyList<string> AwaitingDecision, ScoringRun? NewestRun);
