using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Pipelines.ModelFolders;

namespace EarlyHelp.Analytics.Pipelines.ModelCards;

public static partial class ModelCard
{
    /// <summary>
    /// What the hub's retention means for this model: it learnt only from records held at the extract it was trained
    /// from; its files keep no record or feature row, so a record deleted later is in none of them; what the trees learnt
    /// from it leaves at the next retrain.
    /// </summary>
    /// <param name="extractDate">The hub's newest extract date at training.</param>
    /// <param name="datasets">The dataset catalogue.</param>
    /// <param name="trainingData">The run's fingerprint, for its look-back caps and the features they left out; null for none.</param>
    internal static CardSection RetentionSection(DateOnly extractDate, IReadOnlyList<DatasetDefinition> datasets, TrainingDataFingerprint? trainingData = null)
    {
        var caps = trainingData?.LookBackCapMonths ?? new Dictionary<string, int>();
        var sources = datasets.Where(d => d.Kind != DatasetKind.Outcome).Select(d => d.RetentionMonths).ToArray();
        var outcomes = datasets.Where(d => d.Kind == DatasetKind.Outcome).Select(d => d.RetentionMonths).Distinct().ToArray();
        return new CardSection("Retention and this model",
        [
            new CardBlock.Bullets(
            [
                Invariant($"Each record is kept for its dataset's retention period ({sources.Min()} to {sources.Max()} months for agency records, {string.Join(" or ", outcomes)} for statutory outcomes), counted from the newest extract date, then deleted from the hub with its event and versions; records deleted at source, and records an administrator removed as wrongly held, are deleted too."),
                caps.Count == 0
                    ? Invariant($"This model was trained from the hub as it stood at the extract of {extractDate:yyyy-MM-dd}: nothing deleted before then was in its training table, and history older than a dataset's period was not there to learn from, so the earliest as-of dates see less of the short-lived datasets.")
                    : Invariant($"This model was trained from the hub as it stood at the extract of {extractDate:yyyy-MM-dd}: nothing deleted before then was in its training table. At the first training date, {trainingData!.TrainingDates[0]:yyyy-MM-dd}, retention had already deleted the oldest part of each dataset's look-back. So that every feature means the same at every as-of date, each dataset's records count back only as far as that date still held them, in training, in testing and when this model scores (the table below). A dataset's count over a longer window would repeat its capped count under a wrong name, and a dataset capped at 0 months holds nothing: those features are left out of the model ({trainingData.FeaturesLeftOut?.Count ?? 0} of them, listed in training_data.json as features_left_out). Features summed over several datasets are kept, each dataset counted within its cap."),
                "The model folder keeps no record and no feature row: the stacked table is recorded only by its SHA-256 (training_data.json), the trees hold split thresholds, leaf values and training-row counts per node, and the reports hold aggregates. A record deleted after training is in none of these files.",
                "What the trees learnt from a record deleted after training stays in them until the next quarterly retrain, which sees only what the hub then holds. Retire a model rather than keep it in use for longer than the shortest retention period.",
            ]),
            .. caps.Count == 0 ? Array.Empty<CardBlock>() : [CapsTable(caps, trainingData!.FeaturesLeftOut ?? new Dictionary<string, string>(), datasets)],
        ]);
    }

    /// <summary>One row per capped dataset with a cap shorter than the longest count window (36 months): its retention, cap and the features left out.</summary>
    private static CardBlock.Table CapsTable(IReadOnlyDictionary<string, int> caps, IReadOnlyDictionary<string, string> leftOut, IReadOnlyList<DatasetDefinition> datasets)
    {
        const int longestWindow = 36;
        var rows = datasets.Where(d => caps.TryGetValue(d.Code, out var cap) && cap < longestWindow)
            .Select(d => (IReadOnlyList<string>)
            [
                d.Code, Invariant($"{d.RetentionMonths}"), Invariant($"{caps[d.Code]}"),
                string.Join(", ", leftOut.Keys.Where(f => FeatureCatalogue.Get(f).Dataset == d.Code)) is { Length: > 0 } names ? names : "none",
            ]).ToArray();
        return new CardBlock.Table(
            Invariant($"Datasets whose look-back is capped below {longestWindow} months, the longest count window (the others are capped at {longestWindow} or more, which touches only the \"months since\", \"open\" and \"ever\" features)"),
            ["dataset", "retention (months)", "look-back cap (months)", "features left out"], rows);
    }
}
