using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;

namespace EarlyHelp.Analytics.Features.Building;

/// <summary>
/// Builds a family's features and eligibility at an as-of date: a pure function of
/// (<see cref="FamilyHistory"/>, T) — no clock, no IO. An instance keeps scratch space between
/// families, so use one instance per thread; the static members allocate their own.
/// </summary>
public sealed class FeatureBuilder
{
    private readonly FamilyAnalysis analysis = new();

    /// <summary>Number of values in a row: <see cref="FeatureCatalogue.All"/>'s count.</summary>
    public static int FeatureCount => FeatureCatalogue.All.Count;

    /// <summary>
    /// Writes every feature of the family at T into <paramref name="values"/> (in catalogue order,
    /// NaN where a value is missing) and returns why the family is excluded, or null when it is
    /// eligible. The values are written either way.
    /// </summary>
    public ExclusionReason? Build(FamilyHistory history, AsOfDate asOf, Span<float> values)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(asOf);
        analysis.Analyse(history, asOf);
        FeatureEvaluator.Write(analysis, values);
        return Exclusion(analysis);
    }

    /// <summary>Every feature of the family at <paramref name="asOf"/>, eligible or not, under <paramref name="caps"/> (default none).</summary>
    public static float[] Values(FamilyHistory history, DateOnly asOf, LookBackCaps? caps = null)
    {
        var values = new float[FeatureCount];
        new FeatureBuilder().Build(history, new AsOfDate(asOf, caps), values);
        return values;
    }

    /// <summary>Why the family is excluded at <paramref name="asOf"/>, or null when it is eligible.</summary>
    public static ExclusionReason? Eligibility(FamilyHistory history, DateOnly asOf) =>
        new FeatureBuilder().Build(history, new AsOfDate(asOf), new float[FeatureCount]);

    private static ExclusionReason? Exclusion(FamilyAnalysis analysis) => analysis switch
    {
        { Members: 0 } => ExclusionReason.NoMembers,
        { AnyOptedOut: true } => ExclusionReason.OptedOut,
        { Children: 0 } => ExclusionReason.NoDependentChild,
        { ChildInStatutoryCare: true } => ExclusionReason.AlreadyStatutory,
        _ => null,
    };
}
