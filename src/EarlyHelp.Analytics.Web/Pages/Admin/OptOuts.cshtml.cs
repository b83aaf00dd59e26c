using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Admin;

/// <summary>The opt-out register: people who objected to, or restricted, processing. Adding one hides every prompt about a family they were in on its scoring date and leaves the families out of the next run; an entry can be withdrawn with a reason.</summary>
public sealed class OptOutsModel(HubConnections hub, AuditTrail audit) : PageModel
{
    /// <summary>The longest reason accepted.</summary>
    public const int MaximumReasonLength = 500;

    /// <summary>The person's hub id, as typed.</summary>
    [BindProperty]
    public string? Person { get; set; }

    /// <summary>Why (e.g. "objected to profiling, UK GDPR article 21").</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The person whose entry is withdrawn, as posted by the withdraw form.</summary>
    [BindProperty]
    public string? WithdrawPerson { get; set; }

    /// <summary>Why the entry is withdrawn.</summary>
    [BindProperty]
    public string? WithdrawReason { get; set; }

    /// <summary>The register.</summary>
    public IReadOnlyList<OptOut> Register { get; private set; } = [];

    /// <summary>What was done, if anything.</summary>
    public string? Notice { get; private set; }

    /// <summary>What went wrong, if anything.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Lists the register; the look is audited, since the register names people.</summary>
    public async Task OnGetAsync()
    {
        await ListAsync();
        await audit.RecordAsync(User, "opt_outs.view", "opt-out register", $"{Register.Count} people");
    }

    /// <summary>Adds a person, or shows the form again with what is wrong.</summary>
    public async Task OnPostAsync()
    {
        var problems = new List<string>();
        if (!long.TryParse(Person, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id < 1)
            problems.Add("Enter the person's hub id, a whole number such as 1042.");
        if (string.IsNullOrWhiteSpace(Reason))
            problems.Add("Give the reason, for example the right exercised.");
        else if (Reason.Length > MaximumReasonLength)
            problems.Add($"The reason must be at most {MaximumReasonLength} characters. Got {Reason.Length} instead.");
        Problems = problems;
        if (problems.Count == 0)
        {
            var added = await hub.WriteAsync(store => store.OptOuts.Add(new PersonId(id), Reason!.Trim(), User.Username()), HttpContext.RequestAborted);
            Notice = added
                ? $"Person {id} is on the register. Every prompt of their families is hidden, and the families will be left out of the next run."
                : $"Person {id} was already on the register; nothing changed.";
            Person = null;
            Reason = null;
        }
        await ListAsync();
    }

    /// <summary>Withdraws an entry with its reason (audited), or shows the page again with what is wrong.</summary>
    public async Task OnPostWithdrawAsync()
    {
        var problems = new List<string>();
        if (!long.TryParse(WithdrawPerson, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id < 1)
            problems.Add("Choose an entry of the register to withdraw.");
        if (string.IsNullOrWhiteSpace(WithdrawReason))
            problems.Add("Give the reason for withdrawing, for example \"the person withdrew the objection in writing\".");
        else if (WithdrawReason.Length > MaximumReasonLength)
            problems.Add($"The reason must be at most {MaximumReasonLength} characters. Got {WithdrawReason.Length} instead.");
        Problems = problems;
        if (problems.Count == 0)
        {
            var withdrawn = await hub.WriteAsync(store => store.OptOuts.Withdraw(new PersonId(id), WithdrawReason!.Trim(), User.Username()), HttpContext.RequestAborted);
            Notice = withdrawn
                ? $"Person {id}'s entry is withdrawn. Their families will be scored again at the next run."
                : $"Person {id} was not on the register; nothing changed.";
            WithdrawPerson = null;
            WithdrawReason = null;
        }
        await ListAsync();
    }

    private async Task ListAsync() => Register = await hub.UseAsync(store => store.OptOuts.List(), HttpContext.RequestAborted);
}
