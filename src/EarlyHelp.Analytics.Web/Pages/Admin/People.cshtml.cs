using System.Globalization;
using System.Text;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Rights;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Admin;

/// <summary>
/// People's rights for administrators: find a person by name and date of birth (and postcode) with a stated purpose, then,
/// from their records, add or withdraw an opt-out, download their subject access export, remove a wrongly held record or
/// unlink a wrongly linked one. Every search, look and step is audited with the purpose or reason; no step needs the hub's
/// internal id typed in.
/// </summary>
public sealed class PeopleModel(HubConnections hub) : PageModel
{
    /// <summary>The longest purpose or reason accepted.</summary>
    public const int MaximumTextLength = 500;

    /// <summary>Forename searched for.</summary>
    [BindProperty]
    public string? Forename { get; set; }

    /// <summary>Surname searched for.</summary>
    [BindProperty]
    public string? Surname { get; set; }

    /// <summary>Date of birth searched for, <c>YYYY-MM-DD</c>.</summary>
    [BindProperty]
    public string? BirthDate { get; set; }

    /// <summary>Postcode searched for, optional.</summary>
    [BindProperty]
    public string? Postcode { get; set; }

    /// <summary>Why the person is looked for: carried from the search to every step, and audited with each.</summary>
    [BindProperty]
    public string? Purpose { get; set; }

    /// <summary>The person chosen from the candidates.</summary>
    [BindProperty]
    public string? Person { get; set; }

    /// <summary>The reason of a step (opt-out, withdrawal, removal, unlinking).</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The dataset of the record a step acts on.</summary>
    [BindProperty]
    public string? Dataset { get; set; }

    /// <summary>The reference of the record a step acts on.</summary>
    [BindProperty]
    public string? Record { get; set; }

    /// <summary>The export's format: <c>html</c> or <c>json</c>.</summary>
    [BindProperty]
    public string? Format { get; set; }

    /// <summary>The search's candidates, best first; null when no search was made.</summary>
    public IReadOnlyList<PersonCandidate>? Candidates { get; private set; }

    /// <summary>The chosen person's records; null when no person is open.</summary>
    public IReadOnlyList<SubjectRecord>? Records { get; private set; }

    /// <summary>The chosen person's opt-out entry, if they are on the register.</summary>
    public OptOut? OptOutEntry { get; private set; }

    /// <summary>What was done, if anything.</summary>
    public string? Notice { get; private set; }

    /// <summary>What went wrong, if anything.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The open person's id.</summary>
    public long PersonId { get; private set; }

    /// <summary>Shows the search form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Searches with the linkage model (audited with the purpose) and lists the candidates.</summary>
    public async Task OnPostFindAsync()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Forename) || string.IsNullOrWhiteSpace(Surname))
            problems.Add("Enter the forename and surname the person gave.");
        if (!DateOnly.TryParseExact(BirthDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            problems.Add("Enter the date of birth as YYYY-MM-DD, for example 1985-04-12.");
        CheckText(problems, Purpose, "purpose", " of the search, for example \"subject access request 2026-114\"");
        Problems = problems;
        if (problems.Count > 0)
            return;
        var query = new PersonQuery(Forename!.Trim(), Surname!.Trim(), birth, string.IsNullOrWhiteSpace(Postcode) ? null : Postcode.Trim());
        try
        {
            Candidates = await hub.WriteAsync(store => store.People.Find(query, Purpose!, User.Username()), HttpContext.RequestAborted);
        }
        catch (BadInputException e)
        {
            Problems = [e.Reason];
        }
    }

    /// <summary>Opens a candidate: their records, audited with the purpose.</summary>
    public Task OnPostOpenAsync() => StepAsync(requireReason: false, (_, _) => null);

    /// <summary>Puts the open person on the opt-out register, recorded by the signed-in administrator.</summary>
    public Task OnPostOptOutAsync() => StepAsync(requireReason: true, (store, id) => store.OptOuts.Add(id, Reason!.Trim(), User.Username())
        ? "The person is on the opt-out register. Every prompt of their families is hidden, and the families will be left out of the next run."
        : "The person was already on the register; nothing changed.");

    /// <summary>Withdraws the open person's opt-out, with the reason.</summary>
    public Task OnPostWithdrawAsync() => StepAsync(requireReason: true, (store, id) => store.OptOuts.Withdraw(id, Reason!.Trim(), User.Username())
        ? "The entry is withdrawn. Their families will be scored again at the next run."
        : "The person was not on the register; nothing changed.");

    /// <summary>Removes one of the open person's records as wrongly held.</summary>
    public Task OnPostRemoveAsync() => StepAsync(requireReason: true, (store, _) =>
    {
        var result = RecordRemoval.Remove(store, RecordKey(), Reason!.Trim(), User.Username());
        return $"Removed {result.Records} record(s); people in the hub: {result.PeopleBefore} before, {result.PeopleAfter} after.";
    });

    /// <summary>Takes one of the open person's records out of them as wrongly linked.</summary>
    public Task OnPostUnlinkAsync() => StepAsync(requireReason: true, (store, _) =>
    {
        var result = RecordUnlinking.Unlink(store, RecordKey(), Reason!.Trim(), User.Username());
        return $"The record is now person {result.NewPerson}, kept apart from this person's other records by {result.Decisions} clerical decision(s).";
    });

    /// <summary>Downloads the open person's subject access export (HTML for the person, JSON complete); the export is audited.</summary>
    public async Task<IActionResult> OnPostSubjectAccessAsync()
    {
        var problems = new List<string>();
        var id = CheckPerson(problems);
        CheckText(problems, Purpose, "purpose");
        if (problems.Count == 0)
        {
            try
            {
                var report = await hub.WriteAsync(store => store.SubjectAccess.Export(new PersonId(id), Purpose!, User.Username()), HttpContext.RequestAborted);
                return Format == "json"
                    ? File(Encoding.UTF8.GetBytes(SubjectAccessFiles.JsonText(report)), "application/json", SubjectAccessFiles.JsonFile)
                    : File(Encoding.UTF8.GetBytes(SubjectAccessFiles.Html(report)), "text/html", SubjectAccessFiles.HtmlFile);
            }
            catch (BadInputException e)
            {
                problems.Add(e.Reason);
            }
        }
        Problems = problems;
        return Page();
    }

    // Checks the person, purpose (and reason), takes the step, then shows the person's records again (audited as a look).
    private async Task StepAsync(bool requireReason, Func<IHubStore, PersonId, string?> step)
    {
        var problems = new List<string>();
        var id = CheckPerson(problems);
        CheckText(problems, Purpose, "purpose");
        if (requireReason)
            CheckText(problems, Reason, "reason");
        Problems = problems;
        if (problems.Count > 0)
            return;
        try
        {
            (Notice, Records, OptOutEntry) = await hub.WriteAsync(store =>
            {
                var notice = step(store, new PersonId(id));
                return (notice, store.SubjectAccess.View(new PersonId(id), Purpose!, User.Username()), store.OptOuts.List().FirstOrDefault(o => o.Person.Value == id));
            }, HttpContext.RequestAborted);
            PersonId = id;
            Reason = null;
        }
        catch (BadInputException e)
        {
            Problems = [e.Reason];
        }
    }

    private long CheckPerson(List<string> problems)
    {
        if (long.TryParse(Person, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 1)
            return id;
        problems.Add("Choose a person from the search results.");
        return 0;
    }

    private static void CheckText(List<string> problems, string? text, string name, string example = "")
    {
        if (string.IsNullOrWhiteSpace(text))
            problems.Add($"Give the {name}{example}.");
        else if (text.Length > MaximumTextLength)
            problems.Add($"The {name} must be at most {MaximumTextLength} characters. Got {text.Length} instead.");
    }

    private (string, string) RecordKey() => ((Dataset ?? "").Trim(), (Record ?? "").Trim());
}
