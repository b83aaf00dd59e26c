using System.Globalization;
using EarlyHelp.Analytics.Features.PointInTime;

namespace EarlyHelp.Analytics.Features.Tables;

/// <summary>What <see cref="FeatureTableBuilder"/> builds: the as-of dates, the label horizon and the parallelism.</summary>
public sealed record FeatureTableOptions
{
    /// <summary>Longest label horizon accepted, in months.</summary>
    public const int MaximumHorizonMonths = 60;

    /// <summary>The as-of dates, one stacked snapshot each; at least one, all distinct. No default.</summary>
    public required IReadOnlyList<DateOnly> AsOfDates { get; init; }

    /// <summary>Months after T in which an escalation counts. Default 12; 1 to 60.</summary>
    public int HorizonMonths { get; init; } = 12;

    /// <summary>
    /// Each dataset's look-back cap, applied at every date of the table. Default <see cref="LookBackCaps.None"/>; a
    /// training run sets <see cref="LookBackCaps.FromRetention"/> for its earliest date, and scoring the model's own.
    /// </summary>
    public LookBackCaps LookBackCaps { get; init; } = LookBackCaps.None;

    /// <summary>Families built at once. Default: the number of processors; at least 1.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Every problem with these options for a hub extracted on <paramref name="extractDate"/>; empty
    /// when they are valid. An as-of date may be at most the day after the extract date: later, the
    /// hub would know nothing of the last months before it and every recent count would read zero.
    /// </summary>
    public IEnumerable<string> Validate(DateOnly extractDate)
    {
        if (AsOfDates is null || AsOfDates.Count == 0)
            yield return "The 'AsOfDates' option must hold at least one date. Got none instead.";
        else
        {
            if (AsOfDates.Distinct().Count() != AsOfDates.Count)
                yield return "The 'AsOfDates' option must hold distinct dates. Got a date more than once instead.";
            var latest = AsOfDates.Max();
            if (latest > extractDate.AddDays(1))
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"The 'AsOfDates' option must hold dates no later than the day after the hub's extract date ({extractDate:yyyy-MM-dd}). Got {latest:yyyy-MM-dd} instead.");
        }
        if (HorizonMonths is < 1 or > MaximumHorizonMonths)
            yield return string.Create(CultureInfo.InvariantCulture,
                $"The 'HorizonMonths' option must be between 1 and {MaximumHorizonMonths}. Got {HorizonMonths} instead.");
        if (MaxDegreeOfParallelism < 1)
            yield return string.Create(CultureInfo.InvariantCulture,
                $"The 'MaxDegreeOfParallelism' option must be at least 1. Got {MaxDegreeOfParallelism} instead.");
    }

    /// <summary>
    /// <paramref name="count"/> as-of dates <paramref name="everyMonths"/> months apart ending at
    /// <paramref name="latest"/>, oldest first: latest − (count − 1)·every, …, latest − every, latest.
    /// </summary>
    public static IReadOnlyList<DateOnly> Snapshots(DateOnly latest, int count, int everyMonths)
    {
        if (count < 1)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The 'count' argument must be at least 1. Got {count} instead.");
        if (everyMonths < 1)
            throw new ArgumentOutOfRangeException(nameof(everyMonths), everyMonths, $"The 'everyMonths' argument must be at least 1. Got {everyMonths} instead.");
        return Enumerable.Range(0, count).Select(i => latest.AddMonths(-(count - 1 - i) * everyMonths)).ToArray();
    }
}
