using System.Globalization;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Panel;

/// <summary>The step form's fields as typed, kept to show again with an error.</summary>
public sealed class NextStepInput
{
    /// <summary>The step's code.</summary>
    public string? Step { get; set; }

    /// <summary>Day of the month, as typed.</summary>
    public string? Day { get; set; }

    /// <summary>Month number, as typed.</summary>
    public string? Month { get; set; }

    /// <summary>Four-digit year, as typed.</summary>
    public string? Year { get; set; }

    /// <summary>The note.</summary>
    public string? Note { get; set; }

    /// <summary>The date, when the three parts make one (UK order: day, month, year).</summary>
    public DateOnly? Date =>
        int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
        && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
        && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
        && year is >= 1900 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day) : null;
}

/// <summary>
/// Records what happened after the panel offered early help: a step and its date, by the signed-in panel member, audited
/// by the hub in the same transaction. A refused step comes back as the form with the reason, nothing stored.
/// </summary>
public sealed class NextStepModel(HubConnections hub) : PageModel
{
    /// <summary>The prompt reference in the address.</summary>
    [FromRoute]
    public string Reference { get; set; } = "";

    /// <summary>The form's fields.</summary>
    [BindProperty]
    public NextStepInput Input { get; set; } = new();

    /// <summary>Why the step was not recorded.</summary>
    public IReadOnlyList<FieldProblem> Problems { get; private set; } = [];

    /// <summary>Steps are recorded from the prompt's page.</summary>
    public IActionResult OnGet() => Redirect($"/prompts/{Uri.EscapeDataString(Reference)}#next");

    /// <summary>Records the step and returns to the prompt, or shows the form with what is wrong.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!PromptReference.TryParse(Reference, out var reference)
            || !await hub.UseAsync(store => store.Prompts.Find(reference) is not null, HttpContext.RequestAborted))
            return NotFound();
        var problems = new List<FieldProblem>();
        if (!NextSteps.TryParse(Input.Step, out var step))
            problems.Add(new FieldProblem("Choose what happened.", $"step-{NextSteps.All[0].Code()}"));
        if (Input.Date is not { } date)
            problems.Add(new FieldProblem("Enter the date of the step as day, month and year, for example 27 3 2026.", "step-day"));
        else if (problems.Count == 0)
            problems.AddRange((await hub.WriteAsync(store => store.Prompts.RecordNextStep(reference, step, date, Input.Note ?? "", User.Username()), HttpContext.RequestAborted))
                .Select(p => new FieldProblem(p, p.Contains("date", StringComparison.Ordinal) ? "step-day" : p.Contains("note", StringComparison.Ordinal) ? "step-note" : null)));
        if (problems.Count == 0)
            return Redirect($"/prompts/{reference}#next");
        Problems = problems;
        Reference = reference.Value;
        return Page();
    }
}
