using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Models;
using FeatureExclusion = EarlyHelp.Analytics.Features.Building.ExclusionReason;

namespace EarlyHelp.Analytics.Pipelines.Scoring;

/// <summary>What scoring the hub at T gave: how many families were scored, how many were not and why, and the top K.</summary>
/// <param name="FamiliesScored">Eligible families scored.</param>
/// <param name="Excluded">Families with members at T that were not scored, by reason.</param>
/// <param name="Top">The top K families, in rank order, with their prompt content.</param>
public sealed record ScoredFamilies(long FamiliesScored, ExclusionCounts Excluded, IReadOnlyList<ScoredFamily> Top)
{
    /// <summary>The comparison set: the next K families in rank order, just below the cut-off (fewer when fewer are eligible).</summary>
    public IReadOnlyList<FamilyId> Comparison { get; init; } = [];
}

/// <summary>
/// Scores every eligible family at T with a model: builds the features at T under the point-in-time rules, predicts
/// the calibrated probability, ranks by <see cref="FamilyRanking"/>, and explains the top K — exact TreeSHAP for trees,
/// linear contributions for a logistic regression, both on the log-odds scale before calibration — to write their prompts. Families excluded (opted out, no dependent child, already statutory) are counted, never scored.
/// </summary>
internal static class FamilyScorer
{
    /// <summary>
    /// Scores <paramref name="hub"/>; the model's features must all be catalogue features, built under the look-back caps
    /// it was trained with (<paramref name="caps"/>) so that they mean what they meant in training.
    /// </summary>
    public static ScoredFamilies Score(HubHistory hub, IScoringModel model, LookBackCaps caps, ScoringOptions options, SourceFreshnessTable freshness,
        IProgress<WorkProgress>? progress = null)
    {
        var table = FeatureTableBuilder.Build(hub, new FeatureTableOptions
        {
            AsOfDates = [options.AsOf],
            LookBackCaps = caps,
            MaxDegreeOfParallelism = options.Threads ?? Environment.ProcessorCount,
        }, progress);
        var features = model.FeatureNames.Select(FeatureCatalogue.Get).ToArray();
        var data = Gather(table, features);
        var probabilities = model.PredictProbability(data);
        var margins = model.PredictMargin(data, options.Threads);
        var order = FamilyRanking.Order(table.Families, probabilities, margins);

        var builder = new PromptContentBuilder(features, freshness, options);
        var chosen = order.Take(options.Capacity).ToArray();
        var explained = model.Explain(data.Select(chosen), options.Threads);
        var top = new List<ScoredFamily>(chosen.Length);
        for (var rank = 0; rank < chosen.Length; rank++)
        {
            var row = chosen[rank];
            var family = table.Families[row];
            var history = hub.Find(family) ?? throw new InvalidOperationException($"Family {family} has a feature row but no history.");
            top.Add(new ScoredFamily(family, probabilities[row], builder.Build(history, data.Row(row), explained.Row(rank))));
            progress?.Report(new WorkProgress("Explaining the top families", top.Count, chosen.Length));
        }
        // Ranked after the same exclusions as the prompts, so the families below the cut-off are comparable but for their rank.
        return new ScoredFamilies(table.RowCount, Exclusions(table.Snapshots[0]), top)
        {
            Comparison = [.. order.Skip(options.Capacity).Take(options.Capacity).Select(row => table.Families[row])],
        };
    }

    /// <summary>
    /// The counts a run records. A family with no members at T is not a family at T, so it is not counted as excluded;
    /// the other reasons are counted under the first that applies, in the order the feature builder checks them.
    /// </summary>
    private static ExclusionCounts Exclusions(SnapshotSummary snapshot) => new(
        snapshot.Exclusions.GetValueOrDefault(FeatureExclusion.AlreadyStatutory),
        snapshot.Exclusions.GetValueOrDefault(FeatureExclusion.OptedOut),
        snapshot.Exclusions.GetValueOrDefault(FeatureExclusion.NoDependentChild));

    /// <summary>The table's rows with the model's columns, in the model's order.</summary>
    private static DenseDataset Gather(FeatureTable table, FeatureDefinition[] features)
    {
        var width = features.Length;
        var values = new float[table.RowCount * width];
        for (var column = 0; column < width; column++)
        {
            var source = table.Column(features[column].Name);
            for (var row = 0; row < table.RowCount; row++)
                values[row * width + column] = source[row];
        }
        return new DenseDataset(features.Select(f => f.Name).ToArray(), values);
    }
}
