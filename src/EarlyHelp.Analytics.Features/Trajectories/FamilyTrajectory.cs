using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;

namespace EarlyHelp.Analytics.Features.Trajectories;

/// <summary>
/// A family's monthly record counts up to T — the series behind the features, for the panel's small
/// charts. Month i (oldest first) is the window [<see cref="MonthStarts"/>[i], next start), the last
/// one ending the day before T; the same point-in-time and retention rules as the features apply, so
/// the last 3 counts of a problem add up to its <c>_3m</c> feature.
/// </summary>
/// <param name="Family">Which family.</param>
/// <param name="AsOf">The as-of date T.</param>
/// <param name="MonthStarts">First day of each month window, oldest first.</param>
/// <param name="AllProblems">Records about any of the six headline problems.</param>
/// <param name="Problems">One series per headline problem, in headline order.</param>
/// <param name="Datasets">One series per source dataset, in catalogue order.</param>
public sealed record FamilyTrajectory(
    FamilyId Family,
    DateOnly AsOf,
    IReadOnlyList<DateOnly> MonthStarts,
    TrajectorySeries AllProblems,
    IReadOnlyList<TrajectorySeries> Problems,
    IReadOnlyList<TrajectorySeries> Datasets)
{
    /// <summary>Months shown by default.</summary>
    public const int DefaultMonths = 24;

    /// <summary>The family's trajectory over the <paramref name="months"/> months before <paramref name="asOf"/>.</summary>
    /// <param name="history">The family's history.</param>
    /// <param name="asOf">The as-of date T.</param>
    /// <param name="months">Months to show: 1 to 36. Default 24.</param>
    public static FamilyTrajectory Of(FamilyHistory history, DateOnly asOf, int months = DefaultMonths)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (months is < 1 or > FamilyAnalysis.TrackedMonths)
            throw new ArgumentOutOfRangeException(nameof(months), months,
                $"The 'months' argument must be between 1 and {FamilyAnalysis.TrackedMonths}. Got {months} instead.");
        var analysis = new FamilyAnalysis();
        analysis.Analyse(history, new AsOfDate(asOf));

        TrajectorySeries Series(int scope, string code, string name)
        {
            var counts = new int[months];
            for (var i = 0; i < months; i++)
                counts[i] = analysis.Monthly[scope * FamilyAnalysis.TrackedMonths + (months - 1 - i)];
            return new TrajectorySeries(code, name, counts);
        }

        return new FamilyTrajectory(
            history.Family,
            asOf,
            Enumerable.Range(0, months).Select(i => asOf.AddMonths(-(months - i))).ToArray(),
            Series(FamilyAnalysis.AllProblemsScope, "all_problems", "All headline problems"),
            ProblemCategories.Headline.Select(p => Series(FamilyAnalysis.ProblemScope(p), p.Code(), p.PlainName())).ToArray(),
            DatasetCatalogue.Sources.Select(d => Series(DatasetIndex.Of(d.Code), d.Code, d.Name)).ToArray());
    }
}

/// <summary>Monthly record counts for one problem or dataset, oldest month first.</summary>
/// <param name="Code">Problem or dataset code.</param>
/// <param name="Name">Plain-language name.</param>
/// <param name="Counts">Records starting in each month window.</param>
public sealed record TrajectorySeries(string Code, string Name, IReadOnlyList<int> Counts);
