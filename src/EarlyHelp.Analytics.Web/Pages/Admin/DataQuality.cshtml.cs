using System.Globalization;
using EarlyHelp.Analytics.Hub.DataQuality;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Admin;

/// <summary>
/// The data-steward queue: data-quality queries raised by "data looks wrong" reviews. A steward (an administrator) routes a
/// query that named no single dataset, records the owner's answer, and sees per dataset what was raised and fixed.
/// </summary>
public sealed class DataQualityModel(HubConnections hub, AuditTrail audit) : PageModel
{
    /// <summary>The longest note accepted.</summary>
    public const int MaximumNoteLength = 500;

    /// <summary>The query acted on, as posted.</summary>
    [BindProperty]
    public string? Query { get; set; }

    /// <summary>The dataset code a query is routed to.</summary>
    [BindProperty]
    public string? Dataset { get; set; }

    /// <summary>The owner's answer, as a status code.</summary>
    [BindProperty]
    public string? Answer { get; set; }

    /// <summary>Why, in the steward's words.</summary>
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The queries, newest first.</summary>
    public IReadOnlyList<DataQualityQuery> Queries { get; private set; } = [];

    /// <summary>Per dataset, what was raised and where it stands.</summary>
    public IReadOnlyList<DataQualityReportRow> Report { get; private set; } = [];

    /// <summary>The catalogue, for routing.</summary>
    public IReadOnlyList<CatalogueDataset> Datasets { get; private set; } = [];

    /// <summary>What was done, if anything.</summary>
    public string? Notice { get; private set; }

    /// <summary>What went wrong, if anything.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Shows the queue and the report; the look is audited, since queries say what a panel member found wrong about a family's records.</summary>
    public async Task OnGetAsync()
    {
        await LoadAsync();
        await audit.RecordAsync(User, DataQualityQueries.ViewAction, "data-quality queue", $"{Queries.Count} queries");
    }

    /// <summary>Routes a query to a dataset's owner, or shows the page again with what is wrong.</summary>
    public async Task OnPostRouteAsync()
    {
        var problems = Check();
        if (string.IsNullOrWhiteSpace(Dataset))
            problems.Add("Choose the dataset whose owner should check the query.");
        await TakeAsync(problems, (id, actor, note) => hub.WriteAsync(store => store.DataQuality.Route(id, Dataset!, actor, note), HttpContext.RequestAborted),
            id => $"Query {id} is sent to the owner of {Dataset}.");
    }

    /// <summary>Records the owner's answer, or shows the page again with what is wrong.</summary>
    public async Task OnPostAnswerAsync()
    {
        var problems = Check();
        if (!DataQualityStatuses.TryParse(Answer, out var status) || status == DataQualityStatus.Open)
            problems.Add("Choose the owner's answer: confirmed, fixed at source or not an error.");
        await TakeAsync(problems, (id, actor, note) => hub.WriteAsync(store => store.DataQuality.Move(id, status, actor, note), HttpContext.RequestAborted),
            id => $"Query {id} is now {status.PlainName().ToLowerInvariant()}.");
    }

    private List<string> Check()
    {
        var problems = new List<string>();
        if (!long.TryParse(Query, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
            problems.Add("Choose a query from the queue.");
        if (string.IsNullOrWhiteSpace(Note))
            problems.Add("Give a note: who was asked and what they said.");
        else if (Note.Length > MaximumNoteLength)
            problems.Add($"The note must be at most {MaximumNoteLength} characters. Got {Note.Length} instead.");
        return problems;
    }

    // Takes one step when the form is sound, says what came of it, and shows the queue again.
    private async Task TakeAsync(List<string> problems, Func<long, string, string, Task<DataQualityChange>> take, Func<long, string> done)
    {
        if (problems.Count == 0)
        {
            var id = long.Parse(Query!, CultureInfo.InvariantCulture);
            switch (await take(id, User.Username(), Note!.Trim()))
            {
                case DataQualityChange.Done:
                    Notice = done(id);
                    Note = null;
                    break;
                case DataQualityChange.NotFound:
                    problems.Add($"There is no query {id}.");
                    break;
                case DataQualityChange.UnknownDataset:
                    problems.Add("Choose a dataset from the list.");
                    break;
                default:
                    problems.Add($"Query {id} cannot take that step: an answer needs the query routed to a dataset first, and fixed at source or not an error are final.");
                    break;
            }
        }
        Problems = problems;
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        (Queries, Report, Datasets) = await hub.UseAsync(store => (store.DataQuality.List(), store.DataQuality.Report(), store.DataQuality.Datasets()), HttpContext.RequestAborted);
}
