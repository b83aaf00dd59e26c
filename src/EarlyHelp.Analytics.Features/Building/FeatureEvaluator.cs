using System.Runtime.InteropServices;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.History;

namespace EarlyHelp.Analytics.Features.Building;

/// <summary>
/// Reads every catalogue feature off a <see cref="FamilyAnalysis"/>. The catalogue is compiled
/// once into (kind, scope, months) triples so that a row costs one switch per feature.
/// </summary>
internal static class FeatureEvaluator
{
    private static readonly CompiledFeature[] Compiled = FeatureCatalogue.All.Select(Compile).ToArray();

    /// <summary>Writes every feature, in catalogue order, into <paramref name="values"/>.</summary>
    public static void Write(FamilyAnalysis analysis, Span<float> values)
    {
        if (values.Length != Compiled.Length)
            throw new ArgumentException($"A row needs {Compiled.Length} values; the span holds {values.Length}.", nameof(values));
        for (var i = 0; i < Compiled.Length; i++)
            values[i] = Evaluate(analysis, Compiled[i]);
    }

    /// <summary>
    /// Least-squares slope of the monthly counts over the last <paramref name="months"/> months, with
    /// month position x = 0 for the oldest and n − 1 for the last: Σ(x − x̄)·y / Σ(x − x̄)², where
    /// Σ(x − x̄)² = n(n² − 1)/12 for n consecutive positions.
    /// </summary>
    public static float Slope(FamilyAnalysis analysis, int scope, int months)
    {
        var mean = (months - 1) / 2.0;
        var numerator = 0.0;
        for (var offset = 0; offset < months; offset++)
        {
            var position = months - 1 - offset;
            numerator += (position - mean) * analysis.Monthly[scope * FamilyAnalysis.TrackedMonths + offset];
        }
        return (float)(numerator / (months * ((double)months * months - 1) / 12.0));
    }

    private static float Evaluate(FamilyAnalysis a, CompiledFeature feature) => feature.Kind switch
    {
        FeatureKind.Members => a.Members,
        FeatureKind.Children => a.Children,
        FeatureKind.ChildrenUnderFive => a.ChildrenUnderFive,
        FeatureKind.YoungestChildAge => a.Children > 0 ? a.YoungestChildAge : float.NaN,
        FeatureKind.OldestChildAge => a.Children > 0 ? a.OldestChildAge : float.NaN,
        FeatureKind.Adults => a.Adults,
        FeatureKind.LoneCarer => a.Parents == 1 ? 1 : 0,
        FeatureKind.HouseholdMoves => a.MovesWithin(feature.Months),
        FeatureKind.RecordCount => a.Count(feature.Scope, 0, feature.Months),
        FeatureKind.MonthsSinceLatest => Offset(a.Latest[feature.Scope]),
        FeatureKind.NewProblem => Recent(a, feature) && !Earlier(a, feature) ? 1 : 0,
        FeatureKind.PersistentProblem => Recent(a, feature) && Earlier(a, feature) ? 1 : 0,
        FeatureKind.MonthlySlope => Slope(a, feature.Scope, feature.Months),
        FeatureKind.Acceleration => a.Count(feature.Scope, 0, feature.Months / 2) - a.Count(feature.Scope, feature.Months / 2, feature.Months),
        FeatureKind.OpenRecords => a.Open[feature.Scope],
        FeatureKind.DistinctProblems => CountBelow(a.Latest.AsSpan(FamilyAnalysis.FirstProblemScope, ProblemCategories.Headline.Count), feature.Months),
        FeatureKind.DistinctAgencies => CountBelow(a.AgencyLatest, feature.Months),
        FeatureKind.MembersWithRecords => CountBelow(CollectionsMarshal.AsSpan(a.MemberLatest), feature.Months),
        FeatureKind.EarlyHelpEnded => a.EarlyHelpEnded,
        FeatureKind.EarlyHelpOpen => a.EarlyHelpOpen,
        FeatureKind.MonthsSinceEarlyHelpEnded => OffsetOfDay(a, a.EarlyHelpLatestEndDay),
        FeatureKind.StatutoryEnded => a.StatutoryEnded[feature.Scope],
        FeatureKind.MonthsSinceStatutoryEnded => OffsetOfDay(a, a.StatutoryLatestEndDay),
        _ => throw new InvalidOperationException($"No evaluation for feature kind {feature.Kind}."),
    };

    private static int CountBelow(ReadOnlySpan<int> offsets, int months)
    {
        var count = 0;
        foreach (var offset in offsets)
            count += offset < months ? 1 : 0;
        return count;
    }

    private static bool Recent(FamilyAnalysis a, CompiledFeature feature) => a.Count(feature.Scope, 0, feature.Months) > 0;

    private static bool Earlier(FamilyAnalysis a, CompiledFeature feature) =>
        a.Count(feature.Scope, feature.Months, feature.Months + NewProblemLookBackMonths) > 0;

    /// <summary>"New" means the first records in this many months before the recent window.</summary>
    private const int NewProblemLookBackMonths = 24;

    private static float Offset(int offset) => offset == FamilyAnalysis.None ? float.NaN : offset;

    private static float OffsetOfDay(FamilyAnalysis a, int day) => day == int.MinValue ? float.NaN : a.AsOf.MonthOffset(day);

    private static CompiledFeature Compile(FeatureDefinition feature)
    {
        var scope = feature.Kind switch
        {
            FeatureKind.StatutoryEnded => DatasetIndex.Of(feature.Dataset!) - DatasetIndex.SourceCount,
            _ when feature.Dataset is { } dataset => DatasetIndex.Of(dataset),
            _ when feature.Problem is { } problem => FamilyAnalysis.ProblemScope(problem),
            _ => FamilyAnalysis.AllProblemsScope,
        };
        var reach = feature.Kind is FeatureKind.NewProblem or FeatureKind.PersistentProblem
            ? feature.Months + NewProblemLookBackMonths
            : feature.Months;
        if (reach > FamilyAnalysis.TrackedMonths)
            throw new InvalidOperationException(
                $"The feature '{feature.Name}' looks back {reach} months; month counts are kept for {FamilyAnalysis.TrackedMonths}.");
        return new CompiledFeature(feature.Kind, scope, feature.Months);
    }

    private readonly record struct CompiledFeature(FeatureKind Kind, int Scope, int Months);
}
