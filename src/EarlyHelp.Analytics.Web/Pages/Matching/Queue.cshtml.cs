using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Clerical;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Matching;

/// <summary>The clerical review queue: record pairs in the review band, the most uncertain first, filtered by whether they are decided. Each view is audited with the pairs shown.</summary>
public sealed class QueueModel(HubConnections hub, AuditTrail audit) : PageModel
{
    /// <summary>The most lines shown at once; the count still says how many there are.</summary>
    public const int MaximumShown = 500;

    /// <summary>The status filter's choices: value in the address and label.</summary>
    public static IReadOnlyList<(string Value, string Label)> Choices { get; } =
        [("undecided", "Undecided"), ("decided", "Decided"), ("all", "All")];

    /// <summary>The status filter: <c>undecided</c> (the default), <c>decided</c> or <c>all</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>How many lines the filter matches.</summary>
    public int Total { get; private set; }

    /// <summary>The lines shown, at most <see cref="MaximumShown"/>.</summary>
    public IReadOnlyList<ClericalQueueEntry> Entries { get; private set; } = [];

    /// <summary>Reads and audits the queue, then shows it.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        Status = Choices.Any(c => c.Value == Status) ? Status : "undecided";
        var status = Status switch
        {
            "decided" => ClericalQueueStatus.Decided,
            "all" => ClericalQueueStatus.All,
            _ => ClericalQueueStatus.Undecided,
        };
        var entries = await hub.UseAsync(store => store.Clerical.Queue(status), HttpContext.RequestAborted);
        Total = entries.Count;
        Entries = entries.Take(MaximumShown).ToArray();
        await audit.RecordAsync(new AuditRecord(User.Username(), "clerical.queue.view", $"status {Status}",
            $"{Total} pairs, {Entries.Count} shown: {string.Join(" ", Entries.Select(e => e.Pair.Id))}"));
        return Page();
    }
}
