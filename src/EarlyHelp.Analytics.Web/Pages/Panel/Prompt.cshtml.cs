using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Panel;

/// <summary>
/// One prompt: its evidence, trajectories, agencies, data freshness and review history, and the review form.
/// Every showing of the page is audited before it is sent. Reviews are new records; nothing here acts towards the family.
/// </summary>
public sealed class PromptModel(HubConnections hub, AuditTrail audit) : PageModel
{
    /// <summary>The reference in the address.</summary>
    [FromRoute]
    public string Reference { get; set; } = "";

    /// <summary>The outcome chosen, a <see cref="ReviewOutcomes"/> code.</summary>
    [BindProperty]
    public string? Outcome { get; set; }

    /// <summary>The reason given.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The latest review when the form was shown (the one an amendment supersedes).</summary>
    [BindProperty]
    public long? Supersedes { get; set; }

    /// <summary>The prompt, or null when the reference shows none.</summary>
    public Prompt? Shown { get; private set; }

    /// <summary>The prompt's run.</summary>
    public ScoringRun? Run { get; private set; }

    /// <summary>Review records, oldest first.</summary>
    public IReadOnlyList<PromptReview> History { get; private set; } = [];

    /// <summary>The family's context kept with the prompt, or null for a prompt saved before contexts were kept.</summary>
    public PromptContext? Context { get; private set; }

    /// <summary>What happened next, when the panel offered early help.</summary>
    public IReadOnlyList<RecordedStep> Steps { get; private set; } = [];

    /// <summary>What is wrong with the review submitted, if anything.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The id of the first outcome's radio button: the error summary's link for a missing outcome.</summary>
    public static readonly string OutcomeField = $"outcome-{ReviewOutcomes.All[0].Code()}";

    /// <summary>The id of the reason's text box.</summary>
    public const string ReasonField = "reason";

    /// <summary>
    /// <see cref="Problems"/> with the field each is about: the submission's checks name the outcome or the reason in
    /// their wording ("Choose an outcome.", "Give a reason …", "The reason must be …"); anything else is about the form.
    /// </summary>
    public IReadOnlyList<FieldProblem> FieldProblems => [.. Problems.Select(p => new FieldProblem(p,
        p.StartsWith("Choose an outcome", StringComparison.Ordinal) ? OutcomeField
        : p.Contains("reason", StringComparison.OrdinalIgnoreCase) ? ReasonField
        : null))];

    /// <summary>The message shown at <paramref name="field"/>, or null.</summary>
    public string? MessageFor(string field) => FieldProblems.FirstOrDefault(p => p.Field == field)?.Message;

    /// <summary>Whether this user's review was just recorded (kept for the one page after the redirect, not in the address).</summary>
    [TempData]
    public bool Recorded { get; set; }

    /// <summary>Shows the prompt.</summary>
    public Task<IActionResult> OnGetAsync() => ShowAsync();

    /// <summary>Records a review and returns to the page, or shows the form again with what is wrong (nothing stored).</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!PromptReference.TryParse(Reference, out var reference))
            return await ShowAsync();
        if (!ReviewOutcomes.TryParse(Outcome, out var outcome))
        {
            Problems = ["Choose an outcome.", .. string.IsNullOrWhiteSpace(Reason) ? ["Give a reason for the outcome."] : Array.Empty<string>()];
            return await ShowAsync();
        }
        var recording = await hub.WriteAsync(store => store.Prompts.Review(
            new ReviewSubmission(reference, outcome, Reason?.Trim() ?? "", User.Username(), Supersedes)), HttpContext.RequestAborted);
        switch (recording)
        {
            case ReviewRecording.Recorded:
                Recorded = true;
                return Redirect($"/prompts/{reference}#history");
            case ReviewRecording.Refused refused:
                Problems = refused.Problems;
                break;
            case ReviewRecording.Outdated outdated:
                Problems = [$"Another review was recorded by {outdated.Latest.Reviewer} at {Display.Time(outdated.Latest.At)} while you were reading. Read it below, then submit again if you still want to amend it."];
                Supersedes = null;
                break;
        }
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (PromptReference.TryParse(Reference, out var reference))
        {
            using var lease = await hub.BorrowAsync(HttpContext.RequestAborted);
            Shown = lease.Store.Prompts.Find(reference);
            if (Shown is not null)
            {
                Run = lease.Store.Prompts.FindRun(Shown.Run);
                History = lease.Store.Prompts.Reviews(reference);
                Context = lease.Store.Prompts.FindContext(reference);
                Steps = lease.Store.Prompts.NextSteps(reference);
            }
        }
        if (Shown is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Reference = Shown.Reference.Value;
        if (Problems.Count == 0 || Supersedes is null)
            Supersedes = History.Count == 0 ? null : History[^1].Id;
        await audit.RecordAsync(new AuditRecord(User.Username(), "prompt.view", Shown.Reference.Value, $"{(Run?.Trial == true ? "trial " : "")}run {Shown.Run}, rank {Shown.Rank}"));
        return Page();
    }
}
