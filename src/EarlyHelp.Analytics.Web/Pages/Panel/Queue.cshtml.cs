using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Panel;

/// <summary>
/// The ranked prompt queue of a run, filtered by review status, band and marker; each line summarises the family without names. By default the newest run of the champion; a
/// trial run (a model that is not the champion) is shown only when chosen, or when there is no other, and is marked.
/// Each view is audited with the references shown.
/// </summary>
public sealed class QueueModel(HubConnections hub, AuditTrail audit) : PageModel
{
    /// <summary>The run to show; the newest run that is not a trial when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Run { get; set; }

    /// <summary>The status filter (see <see cref="StatusFilters"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The band filter, a band code; any when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Band { get; set; }

    /// <summary>The marker filter, a marker code (see <see cref="FamilyMarkers"/>); any when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Marker { get; set; }

    /// <summary>Every run, newest first, for the run choice.</summary>
    public IReadOnlyList<ScoringRun> Runs { get; private set; } = [];

    /// <summary>The run shown, or null when there is none.</summary>
    public ScoringRun? Shown { get; private set; }

    /// <summary>The queue lines shown.</summary>
    public IReadOnlyList<QueueEntry> Entries { get; private set; } = [];

    /// <summary>Reads and audits the queue, then shows it.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        var filter = StatusFilters.For(Status, Band) with { Marker = FamilyMarkers.TryParse(Marker, out var marker) ? marker : null };
        using (var lease = await hub.BorrowAsync(HttpContext.RequestAborted))
        {
            var prompts = lease.Store.Prompts;
            Runs = prompts.Runs();
            Shown = Run is { } id ? Runs.FirstOrDefault(r => r.Id.Value == id) : Runs.FirstOrDefault(r => !r.Trial) ?? Runs.FirstOrDefault();
            if (Run is not null && Shown is null)
                return NotFound();
            if (Shown is not null)
                Entries = prompts.Queue(Shown.Id, filter);
        }
        if (Shown is not null)
        {
            await audit.RecordAsync(new AuditRecord(User.Username(), "queue.view", $"{(Shown.Trial ? "trial " : "")}run {Shown.Id}",
                $"status {Status ?? "all"}, band {Band ?? "any"}, marker {Marker ?? "any"}; {Entries.Count} shown: {string.Join(" ", Entries.Select(e => e.Reference))}"));
        }
        return Page();
    }
}
