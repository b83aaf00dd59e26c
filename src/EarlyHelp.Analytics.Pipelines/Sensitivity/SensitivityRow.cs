using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Pipelines.Sensitivity;

/// <summary>One measure of the sensitivity table, on the model-linked hub and on the truth-linked one.</summary>
/// <param name="Measure">What is measured: a linkage or test metric, or <c>selection_rate</c> of a group.</param>
/// <param name="Group">For a group's rate, <c>dimension/group</c>; empty for the whole test population.</param>
/// <param name="Linked">The value on the hub linked by the model, with its 95% interval where the run gives one; null when the group is absent.</param>
/// <param name="TruthLinked">The value on the hub linked by the truth.</param>
public sealed record SensitivityRow(string Measure, string Group, SensitivityValue? Linked, SensitivityValue? TruthLinked)
{
    /// <summary>Truth-linked minus model-linked: what linkage error changes (positive when perfect linkage gives more); null when either is absent.</summary>
    public double? Difference => Linked is { } linked && TruthLinked is { } truth ? truth.Value - linked.Value : null;
}

/// <summary>A value and, where the run measured one, its 95% bootstrap interval.</summary>
/// <param name="Value">The point estimate.</param>
/// <param name="Interval">Its interval, or null.</param>
public sealed record SensitivityValue(double Value, Interval? Interval);
