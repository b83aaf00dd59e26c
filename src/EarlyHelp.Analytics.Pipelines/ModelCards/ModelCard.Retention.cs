using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Pipelines.ModelCards;

public static partial class ModelCard
{
    /// <summary>
    /// What the hub's retention means for this model: it learnt only from records held at the extract it was trained
    /// from; its files keep no record or feature row, so a record deleted later is in none of them; what the trees learnt
    /// from it leaves at the next retrain.
    /// </summary>
    internal static CardSection RetentionSection(DateOnly extractDate, IReadOnlyList<DatasetDefinition> datasets)
    {
        var sources = datasets.Where(d => d.Kind != DatasetKind.Outcome).Select(d => d.RetentionMonths).ToArray();
        var outcomes = datasets.Where(d => d.Kind == DatasetKind.Outcome).Select(d => d.RetentionMonths).Distinct().ToArray();
        return new CardSection("Retention and this model",
        [
            new CardBlock.Bullets(
            [
                Invariant($"Each record is kept for its dataset's retention period ({sources.Min()} to {sources.Max()} months for agency records, {string.Join(" or ", outcomes)} for statutory outcomes), counted from the newest extract date, then deleted from the hub with its event and versions; records deleted at source, and records an administrator removed as wrongly held, are deleted too."),
                Invariant($"This model was trained from the hub as it stood at the extract of {extractDate:yyyy-MM-dd}: nothing deleted before then was in its training table, and history older than a dataset's period was not there to learn from, so the earliest as-of dates see less of the short-lived datasets."),
                "The model folder keeps no record and no feature row: the stacked table is recorded only by its SHA-256 (training_data.json), the trees hold split thresholds, leaf values and training-row counts per node, and the reports hold aggregates. A record deleted after training is in none of these files.",
                "What the trees learnt from a record deleted after training stays in them until the next quarterly retrain, which sees only what the hub then holds. Retire a model rather than keep it in use for longer than the shortest retention period.",
            ]),
        ]);
    }
}
