using System.Globalization;
using EarlyHelp.Analytics.Hub.Audit;

namespace EarlyHelp.Analytics.Web.Pages.Governance;

/// <summary>One user's re-identifications in one week (weeks start on Monday, UK time).</summary>
/// <param name="Actor">The user.</param>
/// <param name="WeekStarting">The Monday.</param>
/// <param name="Count">Re-identifications that week.</param>
public sealed record WeeklyCount(string Actor, DateOnly WeekStarting, int Count);

/// <summary>
/// The spot-check for the "malicious look-up" risk the DPIA names, from the audit log: re-identifications per user per week
/// (most first), looks at prompts outside working hours (before 08:00 or from 18:00 UK time, or at a weekend), and looks at
/// prompts that are not current (not in the newest run's queue, or hidden since). Each is a lead for IG to ask about, not a finding.
/// </summary>
/// <param name="Reidentifications">Re-identifications per user per week, most first.</param>
/// <param name="OutsideHours">Prompt views and re-identifications outside working hours, newest first.</param>
/// <param name="NotCurrent">Prompt views and re-identifications of prompts that are not current, newest first.</param>
public sealed record SpotCheck(IReadOnlyList<WeeklyCount> Reidentifications, IReadOnlyList<AuditEntry> OutsideHours, IReadOnlyList<AuditEntry> NotCurrent)
{
    /// <summary>The working day's first hour (UK time).</summary>
    public const int WorkStartsHour = 8;

    /// <summary>The hour the working day ends (UK time).</summary>
    public const int WorkEndsHour = 18;

    /// <summary>Reads the leads from <paramref name="looks"/> (prompt and information pack views, re-identifications) against the current prompts' references.</summary>
    public static SpotCheck From(IReadOnlyList<AuditEntry> looks, IReadOnlySet<string> current)
    {
        ArgumentNullException.ThrowIfNull(looks);
        ArgumentNullException.ThrowIfNull(current);
        var weekly = looks.Where(e => e.Action == "prompt.reidentify")
            .GroupBy(e => (e.Actor, Week: Monday(DateOnly.FromDateTime(Display.UkLocal(e.At)))))
            .Select(g => new WeeklyCount(g.Key.Actor, g.Key.Week, g.Count()))
            .OrderByDescending(w => w.Count).ThenBy(w => w.Actor, StringComparer.Ordinal).ThenBy(w => w.WeekStarting)
            .ToArray();
        var newestFirst = looks.OrderByDescending(e => e.Id).ToArray();
        return new SpotCheck(weekly, [.. newestFirst.Where(e => OutsideWorkingHours(e.At))], [.. newestFirst.Where(e => !current.Contains(e.Subject))]);
    }

    /// <summary>Whether a moment falls outside 08:00 to 18:00 UK time on a weekday.</summary>
    public static bool OutsideWorkingHours(DateTimeOffset at)
    {
        var local = Display.UkLocal(at);
        return local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || local.Hour < WorkStartsHour || local.Hour >= WorkEndsHour;
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>A week in words: "week of 30 Nov 2026".</summary>
    public static string Week(DateOnly monday) => "week of " + monday.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
