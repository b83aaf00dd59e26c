using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;
using EarlyHelp.Analytics.Features.Trajectories;

namespace EarlyHelp.Analytics.Pipelines.Scoring;

/// <summary>
/// What a prompt shows about its family: the factors its explanation found largest (TreeSHAP for trees, linear contributions for a regression), raising and lowering, as dated facts;
/// the monthly trajectory of each headline problem; the agencies with a record open at T; and how fresh the sources
/// behind those facts and agencies are.
/// </summary>
internal sealed class PromptContentBuilder(IReadOnlyList<FeatureDefinition> modelFeatures, SourceFreshnessTable freshness, ScoringOptions options)
{
    /// <summary>The content for one family, given its feature values and their contributions to its margin (TreeSHAP or linear) in the model's column order.</summary>
    public PromptContent Build(FamilyHistory history, ReadOnlySpan<float> values, ReadOnlySpan<double> contributions)
    {
        var asOf = new AsOfDate(options.AsOf);
        var records = FamilyRecords.Of(history, asOf);
        var raising = Factors(values, contributions, records, positive: true, options.RaisingFactors);
        var lowering = Factors(values, contributions, records, positive: false, options.LoweringFactors);
        var agencies = Agencies(records);
        var sources = raising.Concat(lowering).Select(f => EvidenceWriter.Scope(f.Feature))
            .Append(d => agencies.Any(a => a.Dataset == d.Name))
            .ToArray();
        return new PromptContent(
            [.. raising.Select(f => f.Item), .. lowering.Select(f => f.Item)],
            Trajectories(history),
            agencies,
            freshness.For(d => sources.Any(inScope => inScope(d))));
    }

    /// <summary>
    /// The <paramref name="count"/> largest contributions of one sign that make a fact, largest first; equal
    /// contributions in column order (the order of <c>ShapValues.Top</c>).
    /// </summary>
    private List<(FeatureDefinition Feature, EvidenceItem Item)> Factors(
        ReadOnlySpan<float> values, ReadOnlySpan<double> contributions, FamilyRecords records, bool positive, int count)
    {
        var order = new List<int>();
        for (var feature = 0; feature < contributions.Length; feature++)
        {
            if (positive ? contributions[feature] > 0 : contributions[feature] < 0)
                order.Add(feature);
        }
        var sizes = contributions.ToArray();
        order.Sort((a, b) => Math.Abs(sizes[b]).CompareTo(Math.Abs(sizes[a])) is var bySize and not 0 ? bySize : a.CompareTo(b));
        var factors = new List<(FeatureDefinition, EvidenceItem)>(count);
        foreach (var feature in order)
        {
            if (factors.Count == count)
                break;
            if (EvidenceWriter.Write(modelFeatures[feature], values[feature], sizes[feature], records) is { } item)
                factors.Add((modelFeatures[feature], item));
        }
        return factors;
    }

    private ProblemTrajectory[] Trajectories(FamilyHistory history)
    {
        var trajectory = FamilyTrajectory.Of(history, options.AsOf, options.TrajectoryMonths);
        // A month window runs from a day of the month to the day before it a month later; it is named by the month it starts in.
        var first = YearMonth.Of(trajectory.MonthStarts[0]);
        return ProblemCategories.Headline.Zip(trajectory.Problems, (problem, series) => new ProblemTrajectory(problem, first, series.Counts)).ToArray();
    }

    /// <summary>Each source dataset with a record open at T, since the earliest start among its open records, earliest first.</summary>
    private static AgencyInvolvement[] Agencies(FamilyRecords records) =>
        records.Records
            .Where(r => !DatasetIndex.IsOutcome(r.Dataset) && records.AsOf.IsOpen(r))
            .GroupBy(r => r.Dataset)
            .Select(group => new AgencyInvolvement(group.First().Definition.Agency, group.First().Definition.Name, group.Min(r => r.Start)))
            .OrderBy(a => a.Since).ThenBy(a => a.Agency, StringComparer.Ordinal).ThenBy(a => a.Dataset, StringComparer.Ordinal)
            .ToArray();
}
