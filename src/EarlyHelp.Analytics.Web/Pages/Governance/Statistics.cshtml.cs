using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Governance;

/// <summary>Review statistics for information governance: aggregate counts and rates only, no prompt or family.</summary>
public sealed class StatisticsModel(HubConnections hub, AuditTrail audit) : PageModel
{
    /// <summary>The run to cover; every run when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Run { get; set; }

    /// <summary>Every run, for the choice.</summary>
    public IReadOnlyList<ScoringRun> Runs { get; private set; } = [];

    /// <summary>The statistics.</summary>
    public ReviewStatistics Statistics { get; private set; } = null!;

    /// <summary>Computes the statistics; 404 for an unknown run.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        using (var lease = await hub.BorrowAsync(HttpContext.RequestAborted))
        {
            var store = lease.Store;
            Runs = store.Prompts.Runs();
            if (Run is { } id && Runs.All(r => r.Id.Value != id))
                return NotFound();
            Statistics = store.Prompts.Statistics(Run is { } run ? new ScoringRunId(run) : null, store.OpenProtectedCharacteristicsReader());
        }
        // After the lease is given back: the audit trail's writer may need a connection.
        await audit.RecordAsync(User, "statistics.view", Run is { } shown ? $"run {shown}" : "all runs");
        return Page();
    }
}
