using System.Globalization;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.History;

namespace EarlyHelp.Analytics.Features.PointInTime;

/// <summary>
/// How many months back each source dataset's records may count, at every as-of date: a cap shorter than the
/// dataset's retention period. The hub deletes a record once it is older than its dataset's retention period at
/// the newest extract, so at an as-of date well before the extract a short-retention dataset has lost the oldest
/// part of its look-back. Capping that dataset's look-back to what the earliest date still holds makes every
/// feature mean the same at every date from it on — training, test and scoring alike.
/// </summary>
public sealed class LookBackCaps
{
    private readonly int[] months;

    private LookBackCaps(int[] months) => this.months = months;

    /// <summary>No cap: every dataset counts back its whole retention period.</summary>
    public static LookBackCaps None { get; } = new(Enumerable.Repeat(int.MaxValue, DatasetIndex.Count).ToArray());

    /// <summary>The capped source datasets and their caps in months, in catalogue order; empty for <see cref="None"/>.</summary>
    public IReadOnlyDictionary<string, int> ByDataset =>
        Enumerable.Range(0, DatasetIndex.Count).Where(d => months[d] != int.MaxValue)
            .ToDictionary(d => DatasetIndex.Definition(d).Code, d => months[d], StringComparer.Ordinal);

    /// <summary>True when no dataset is capped.</summary>
    public bool IsNone => months.All(m => m == int.MaxValue);

    /// <summary>
    /// The caps that keep every source dataset's look-back whole at every as-of date from
    /// <paramref name="earliestAsOf"/> on, in a hub whose newest extract is of <paramref name="extractDate"/>: for each
    /// dataset the most whole months k for which <paramref name="earliestAsOf"/> − k months is on or after the first
    /// start date the hub keeps (extract date − retention months). A dataset whose retention reaches back that far
    /// anyway is not capped; one that keeps nothing before the earliest date gets 0. Statutory outcomes are never
    /// capped: they are kept 75 years, and they decide eligibility, which must not depend on the schedule.
    /// </summary>
    public static LookBackCaps FromRetention(DateOnly extractDate, DateOnly earliestAsOf)
    {
        var caps = new int[DatasetIndex.Count];
        Array.Fill(caps, int.MaxValue);
        for (var dataset = 0; dataset < DatasetIndex.SourceCount; dataset++)
        {
            var retention = DatasetIndex.Definition(dataset).RetentionMonths;
            var oldestKept = extractDate.AddMonths(-retention);
            if (earliestAsOf.AddMonths(-retention) >= oldestKept)
                continue;
            var cap = retention;
            while (cap > 0 && earliestAsOf.AddMonths(-cap) < oldestKept)
                cap--;
            caps[dataset] = cap;
        }
        return new LookBackCaps(caps);
    }

    /// <summary>
    /// Caps read back from their stored form: source dataset code → months (0 or more). Throws
    /// <see cref="ArgumentException"/> naming the entry when a code is not a source dataset or a cap is negative.
    /// </summary>
    public static LookBackCaps Of(IReadOnlyDictionary<string, int>? byDataset)
    {
        if (byDataset is null || byDataset.Count == 0)
            return None;
        var caps = new int[DatasetIndex.Count];
        Array.Fill(caps, int.MaxValue);
        foreach (var (code, cap) in byDataset)
        {
            if (!DatasetIndex.TryOf(code, out var dataset) || DatasetIndex.IsOutcome(dataset))
                throw new ArgumentException($"A look-back cap must name a source dataset. Got '{code}' instead.", nameof(byDataset));
            if (cap < 0)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The look-back cap of '{code}' must be 0 or more months. Got {cap} instead."), nameof(byDataset));
            caps[dataset] = cap;
        }
        return new LookBackCaps(caps);
    }

    /// <summary>
    /// Why a model should leave <paramref name="feature"/> out under these caps, or null to keep it: every feature of a
    /// dataset capped at 0 months is always empty, and a dataset's count over a window longer than its cap would only
    /// repeat its count over the cap while its name and evidence text claimed the longer window. Features summed over
    /// several datasets (a headline problem, all problems) are kept: they count each dataset within its own cap.
    /// </summary>
    public string? WhyLeftOut(FeatureDefinition feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (feature.Dataset is not { } code || !DatasetIndex.TryOf(code, out var dataset) || months[dataset] == int.MaxValue)
            return null;
        var cap = months[dataset];
        if (cap == 0)
            return $"{code} keeps no records before the earliest training date";
        return feature.Kind == FeatureKind.RecordCount && feature.Months > cap
            ? string.Create(CultureInfo.InvariantCulture, $"counts {feature.Months} months, but {code} is capped at {cap}")
            : null;
    }

    /// <summary>The cap of a dataset in months, or <see cref="int.MaxValue"/> when it is not capped.</summary>
    public int MonthsOf(int dataset) => months[dataset];

    /// <summary>The months a record of <paramref name="dataset"/> may lie before T: the shorter of its retention and its cap.</summary>
    internal int ReachOf(int dataset) => Math.Min(DatasetIndex.Definition(dataset).RetentionMonths, months[dataset]);
}
