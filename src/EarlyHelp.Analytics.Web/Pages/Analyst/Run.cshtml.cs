using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Analyst;

/// <summary>One run in aggregate: its counts, exclusions by reason, prompts per band and how many are reviewed.</summary>
public sealed class RunModel(HubConnections hub) : PageModel
{
    /// <summary>The run.</summary>
    public ScoringRun Run { get; private set; } = null!;

    /// <summary>Prompts shown per band, lowest band first.</summary>
    public IReadOnlyList<(RiskBand Band, int Prompts, int Reviewed)> Bands { get; private set; } = [];

    /// <summary>Prompts hidden after an opt-out.</summary>
    public int Hidden { get; private set; }

    /// <summary>Reads the run; 404 when there is no such run.</summary>
    public async Task<IActionResult> OnGetAsync(long id)
    {
        using var lease = await hub.BorrowAsync(HttpContext.RequestAborted);
        var run = lease.Store.Prompts.FindRun(new ScoringRunId(id));
        if (run is null)
            return NotFound();
        Run = run;
        var queue = lease.Store.Prompts.Queue(run.Id, new QueueFilter());
        Bands = RiskBands.All.Select(band => (band, queue.Count(q => q.Band == band), queue.Count(q => q.Band == band && q.LatestReview is not null))).ToArray();
        Hidden = run.PromptCount - queue.Count;
        return Page();
    }
}
