using System.Security.Claims;
using EarlyHelp.Analytics.Web.Security;

namespace EarlyHelp.Analytics.Web;

/// <summary>One link of the navigation bar, shown to users holding <see cref="Role"/> (every signed-in user when null).</summary>
/// <param name="Path">Where it goes.</param>
/// <param name="Text">What it says.</param>
/// <param name="Role">The role that may follow it, or null for everyone signed in.</param>
/// <param name="Description">One line for the home page.</param>
public sealed record NavigationLink(string Path, string Text, string? Role, string Description);

/// <summary>The navigation bar, in one place, so that adding a page adds a line here.</summary>
public static class Navigation
{
    /// <summary>Every link, in the order shown.</summary>
    public static IReadOnlyList<NavigationLink> Links { get; } =
    [
        new("/prompts", "Prompt queue", Roles.Panel, "This month's prompts for professional review, ranked, with your reviews."),
        new("/programme", "Programme", Roles.ProgrammeReaders, "What happened to prompted families, by the panel's decision and against comparable families that were not prompted, with caveats."),
        new("/runs", "Scoring runs", Roles.Analyst, "Each scoring run: its model, as-of date, capacity and exclusions, in aggregate."),
        new("/models", "Models", Roles.ModelReaders, "The model registry: each model's card, fairness report and drift; proposals and IG sign-off."),
        new("/audit-log", "Audit log", Roles.Governance, "Every look at a prompt, re-identification, review, sign-in and export; check the hash chain."),
        new("/spot-check", "Spot-check", Roles.Governance, "Re-identifications per user per week, looks outside working hours, looks at prompts that are not current."),
        new("/review-statistics", "Review statistics", Roles.Governance, "How reviews came out: prompts where the panel decided no action, outcomes by group, time to review."),
        new("/matching", "Clerical review", Roles.DataMatching, "Record pairs linkage could not settle: compare the two records and decide whether they are one person."),
        new("/users", "Users", Roles.Administrator, "Add users, change roles, unlock accounts."),
        new("/opt-outs", "Opt-out register", Roles.Administrator, "People who objected to, or restricted, processing."),
        new("/people", "People's rights", Roles.Administrator, "Find a person by name and date of birth; their opt-out, subject access export and record corrections."),
        new("/data-quality", "Data-quality queries", Roles.Administrator, "Records a panel review found wrong: route each to its owner, record the answer, see what was fixed."),
        new("/account/password", "Change password", null, "Change your own password."),
    ];

    /// <summary>The links <paramref name="user"/> may follow.</summary>
    public static IEnumerable<NavigationLink> For(ClaimsPrincipal user) =>
        Links.Where(link => link.Role is null ? user.Identity?.IsAuthenticated == true
            : Roles.SharedPolicies.TryGetValue(link.Role, out var roles) ? roles.Any(user.IsInRole)
            : user.IsInRole(link.Role));
}
