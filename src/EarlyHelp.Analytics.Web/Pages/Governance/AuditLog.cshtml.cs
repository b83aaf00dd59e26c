using System.Globalization;
using System.Text;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Governance;

/// <summary>The audit log for information governance: filter by actor, action and dates, page back, export as CSV (audited), and check the hash chain.</summary>
public sealed class AuditLogModel(HubConnections hub, AuditTrail audit, AuditCheckpointer checkpoints) : PageModel
{
    /// <summary>Entries per page.</summary>
    public const int PageSize = 100;

    /// <summary>Only this actor.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    /// <summary>Only this action, or actions under it (<c>sign_in</c> covers <c>sign_in.failure</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    /// <summary>Only entries on or after this day, as typed: UK order (<c>02/04/2026</c>) or ISO (<c>2026-04-02</c>, as links carry it).</summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? FromText { get; set; }

    /// <summary>Only entries on or before this day, as typed.</summary>
    [BindProperty(SupportsGet = true, Name = "to")]
    public string? ToText { get; set; }

    /// <summary>The 'from' day, when <see cref="FromText"/> is one.</summary>
    public DateOnly? From => UkDates.Parse(FromText);

    /// <summary>The 'to' day, when <see cref="ToText"/> is one.</summary>
    public DateOnly? To => UkDates.Parse(ToText);

    /// <summary>Only entries older than this id (the next page).</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    /// <summary>The entries shown, newest first.</summary>
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>The earliest day a filter may name: before any hub.</summary>
    public static readonly DateOnly EarliestDay = new(2000, 1, 1);

    /// <summary>The latest day a filter may name: far enough ahead for any entry, near enough that a day after it exists.</summary>
    public static readonly DateOnly LatestDay = new(2099, 12, 31);

    /// <summary>What is wrong with the filter, if anything.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The result of a chain check, when one was asked for.</summary>
    public AuditVerification? Verification { get; private set; }

    /// <summary>Shows a page of entries (the look is audited), or what is wrong with the filter.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (FilterProblems())
            return Page();
        Entries = await hub.UseAsync(store => store.AuditLog.Search(Filter(PageSize)), HttpContext.RequestAborted);
        await audit.RecordAsync(User, "audit_log.view", "audit log", string.Create(CultureInfo.InvariantCulture, $"{Entries.Count} entries; {Describe()}"));
        return Page();
    }

    /// <summary>
    /// Exports every filtered entry as CSV, oldest first, however many: the export is audited with its count before it is
    /// sent, then the entries go out a page at a time, so that memory stays bounded and no connection is held while the
    /// client reads.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        if (FilterProblems())
            return Page();
        var filter = Filter(PageSize);
        var cancel = HttpContext.RequestAborted;
        var (count, lastId) = await hub.UseAsync(store => store.AuditLog.ExportRange(filter), cancel);
        await audit.RecordAsync(new AuditRecord(User.Username(), "audit_log.export", "audit log",
            string.Create(CultureInfo.InvariantCulture, $"{count} entries; {Describe()}")));
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=audit-log.csv";
        await Response.WriteAsync(AuditCsv.Header + "\r\n", Encoding.UTF8, cancel);
        for (var afterId = 0L; ;)
        {
            var after = afterId;
            var page = await hub.UseAsync(store => store.AuditLog.ExportPage(filter, after, lastId), cancel);
            if (page.Count == 0)
                break;
            await Response.WriteAsync(string.Concat(page.Select(AuditCsv.Row)), Encoding.UTF8, cancel);
            afterId = page[^1].Id;
        }
        return new EmptyResult();
    }

    /// <summary>Checks both chains against the checkpoint file, writes a new checkpoint when intact, and shows the result above the entries.</summary>
    public async Task OnPostVerifyAsync()
    {
        (Verification, Entries) = await hub.UseAsync(store => (checkpoints.Verify(store), store.AuditLog.Search(Filter(PageSize))), HttpContext.RequestAborted);
    }

    /// <summary>The address of the next (older) page, or null on the last.</summary>
    public string? OlderPage() =>
        Entries.Count < PageSize ? null : Address("/audit-log", ("before", Entries[^1].Id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The address of the CSV export of the current filter.</summary>
    public string ExportAddress() => Address("/audit-log/export");

    private string Address(string path, params (string Name, string Value)[] extra)
    {
        var pairs = new List<(string, string)>();
        if (!string.IsNullOrEmpty(Actor)) pairs.Add(("actor", Actor));
        if (!string.IsNullOrEmpty(Action)) pairs.Add(("action", Action));
        if (From is { } from) pairs.Add(("from", UkDates.Format(from)));
        if (To is { } to) pairs.Add(("to", UkDates.Format(to)));
        pairs.AddRange(extra);
        return pairs.Count == 0 ? path : path + "?" + string.Join('&', pairs.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
    }

    /// <summary>Checks the filter's dates; when one is wrong, says so (with status 400) and returns true.</summary>
    private bool FilterProblems()
    {
        var problems = new List<string>();
        foreach (var (name, text, day) in new[] { ("from", FromText, From), ("to", ToText, To) })
        {
            if (!string.IsNullOrWhiteSpace(text) && day is null)
                problems.Add($"The '{name}' date must be a day, month and year like 02/04/2026. Got '{text}' instead.");
            else if (day is { } given && (given < EarliestDay || given > LatestDay))
                problems.Add($"The '{name}' date must be from {Iso(EarliestDay)} to {Iso(LatestDay)}. Got {Iso(given)} instead.");
        }
        if (problems.Count == 0 && From > To)
            problems.Add($"The 'from' date must be on or before the 'to' date. Got from {Iso(From!.Value)} to {Iso(To!.Value)} instead.");
        Problems = problems;
        if (problems.Count > 0)
            Response.StatusCode = StatusCodes.Status400BadRequest;
        return problems.Count > 0;
    }

    private static string Iso(DateOnly day) => UkDates.Format(day);

    private AuditFilter Filter(int limit) => new()
    {
        Actor = string.IsNullOrWhiteSpace(Actor) ? null : Actor.Trim(),
        Action = string.IsNullOrWhiteSpace(Action) ? null : Action.Trim(),
        From = From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        Before = To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        BeforeId = Before,
        Limit = limit,
    };

    private string Describe() =>
        $"actor {Actor ?? "any"}, action {Action ?? "any"}, from {From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "start"}, to {To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "now"}";
}
