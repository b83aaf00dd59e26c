using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Governance;

/// <summary>The audit spot-check for IG over the last few weeks: re-identifications per user per week, looks outside working hours, looks at prompts that are not current.</summary>
public sealed class SpotCheckModel(HubConnections hub, AuditTrail audit, TimeProvider clock) : PageModel
{
    /// <summary>Weeks looked back over by default.</summary>
    public const int DefaultWeeks = 4;

    /// <summary>Most entries read: a month of a busy panel's looks, many times over.</summary>
    public const int MaximumEntries = 100_000;

    /// <summary>Weeks looked back over (1 to 52).</summary>
    [BindProperty(SupportsGet = true)]
    public int Weeks { get; set; } = DefaultWeeks;

    /// <summary>The leads.</summary>
    public SpotCheck Check { get; private set; } = null!;

    /// <summary>Whether the period held more looks than were read.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Reads the period's looks and the current prompts, and works out the leads.</summary>
    public async Task OnGetAsync()
    {
        Weeks = Math.Clamp(Weeks, 1, 52);
        var since = clock.GetUtcNow().AddDays(-7 * Weeks);
        var (looks, current) = await hub.UseAsync(store =>
        {
            var entries = new[] { "prompt.view", "prompt.reidentify", "prompt.pack" }
                .SelectMany(action => store.AuditLog.Search(new AuditFilter { Action = action, From = since, Limit = MaximumEntries }))
                .ToArray();
            var newest = store.Prompts.Runs().FirstOrDefault();
            var references = newest is null ? [] : store.Prompts.Queue(newest.Id, new QueueFilter()).Select(q => q.Reference.Value).ToHashSet(StringComparer.Ordinal);
            return (entries, references);
        }, HttpContext.RequestAborted);
        Truncated = looks.Length >= MaximumEntries;
        Check = SpotCheck.From(looks, current);
        // The spot-check shows who looked at which prompt: looking at it is itself a look, so it is audited too.
        await audit.RecordAsync(User, "audit_log.spot_check", "audit log", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"last {Weeks} weeks; {looks.Length} looks read"));
    }
}
