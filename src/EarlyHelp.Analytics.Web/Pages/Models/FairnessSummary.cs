using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Web.Pages.Models;

/// <summary>One line of the summary: what to look at, about which group, and the audit's own words.</summary>
/// <param name="Severity">flag, warning or note.</param>
/// <param name="Group">The group in readable words, or null for the whole population.</param>
/// <param name="Metric">The metric in words, or null.</param>
/// <param name="Text">The audit's finding.</param>
public sealed record SummaryLine(string Severity, string? Group, string? Metric, string Text);

/// <summary>The findings about one dimension (ethnicity, deprivation, …), the most serious first.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="Lines">Its findings.</param>
public sealed record SummaryTopic(string Dimension, IReadOnlyList<SummaryLine> Lines)
{
    /// <summary>How many flags it holds.</summary>
    public int Flags => Lines.Count(l => l.Severity == FairnessSummary.Flag);
}

/// <summary>A group's row for the table: counts of families and its rates with intervals clamped to [0, 1].</summary>
/// <param name="Dimension">Its dimension.</param>
/// <param name="Group">Its readable name.</param>
/// <param name="IsReference">Whether the others are compared with it.</param>
/// <param name="Families">Families in the group.</param>
/// <param name="Prompted">Families of the group selected.</param>
/// <param name="SelectionRate">Share of its families selected, with its interval.</param>
/// <param name="MissedRate">Share of its escalating families not selected, with its interval.</param>
/// <param name="SmallGroup">Why it is too small to judge, or null.</param>
public sealed record SummaryGroup(string Dimension, string Group, bool IsReference, long Families, long Prompted,
    (double Value, Interval Interval) SelectionRate, (double Value, Interval Interval) MissedRate, string? SmallGroup);

/// <summary>
/// The fairness report for information governance: findings grouped by dimension, the dimensions with flags first and,
/// within one, flags before warnings before notes — so the first lines are what IG should look at first. Every count is
/// of families and every rate's interval lies in [0, 1].
/// </summary>
public static class FairnessSummary
{
    /// <summary>The severity of a finding that IG must answer when signing off (the audit's word).</summary>
    public const string Flag = "flag";

    /// <summary>The findings as topics, most serious first.</summary>
    public static IReadOnlyList<SummaryTopic> Topics(FairnessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Findings
            .GroupBy(f => f.Dimension ?? "the whole population")
            .Select(g => new SummaryTopic(g.Key, g.OrderBy(f => Rank(f.Severity))
                .Select(f => new SummaryLine(f.Severity, f.Group is null ? null : GroupNames.Group(f.Group), f.Metric is null ? null : GroupNames.Metric(f.Metric), f.Text))
                .ToArray()))
            .OrderBy(t => t.Lines.Min(l => Rank(l.Severity)))
            .ThenByDescending(t => t.Flags)
            .ToArray();
    }

    /// <summary>Every group of every dimension, in the report's order.</summary>
    public static IReadOnlyList<SummaryGroup> Groups(FairnessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Groups.Select(g => new SummaryGroup(g.Dimension, GroupNames.Group(g.Group), g.IsReference, g.Rows, g.Selected,
            Rate(g.SelectionRate, g.Intervals, "selection_rate"), Rate(g.FalseNegativeRate, g.Intervals, "fnr"),
            g.SmallGroup ? g.SmallGroupReason ?? "too small to judge" : null)).ToArray();
    }

    /// <summary>
    /// An interval of a rate clamped to [0, 1]: a rate cannot leave it, so a bound beyond it (from a normal approximation
    /// or a rounding) says nothing more than the bound itself.
    /// </summary>
    public static Interval Clamp(Interval interval) =>
        double.IsNaN(interval.Lower) || double.IsNaN(interval.Upper) ? interval : new Interval(Math.Clamp(interval.Lower, 0, 1), Math.Clamp(interval.Upper, 0, 1));

    private static (double, Interval) Rate(double value, IReadOnlyDictionary<string, Interval> intervals, string key) =>
        (value, intervals.TryGetValue(key, out var interval) ? Clamp(interval) : Interval.Undefined);

    private static int Rank(string severity) => severity switch
    {
        Flag => 0,
        "warning" => 1,
        _ => 2,
    };
}
