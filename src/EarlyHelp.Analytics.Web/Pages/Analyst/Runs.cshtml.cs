using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Analyst;

/// <summary>Every scoring run, in aggregate: no prompt or family appears.</summary>
public sealed class RunsModel(HubConnections hub) : PageModel
{
    /// <summary>The runs, newest first.</summary>
    public IReadOnlyList<ScoringRun> Runs { get; private set; } = [];

    /// <summary>Reads the runs.</summary>
    public async Task OnGetAsync() => Runs = await hub.UseAsync(store => store.Prompts.Runs(), HttpContext.RequestAborted);
}
