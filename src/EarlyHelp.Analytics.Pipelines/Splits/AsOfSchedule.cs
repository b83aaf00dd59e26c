using System.Globalization;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Pipelines.Splits;

/// <summary>
/// The as-of dates of a training run, all on one quarterly grid: training dates, the calibration date, then the
/// test date — the latest date whose label horizon is fully observed — and apart from them the scoring date, the
/// population the model will meet next, compared with the training rows for drift. Every training and
/// calibration label window closes by the test date, so nothing the model learned from overlaps the outcome year
/// it is judged on, and the test date stands where a model trained on what was known then would first score.
/// </summary>
/// <param name="TrainingDates">Dates whose rows train the model, oldest first; the last is the calibration date.</param>
/// <param name="CalibrationDate">The last training date, a horizon before the test date: its calibration families fit the calibrator.</param>
/// <param name="TestDate">The latest date with a fully observed label horizon: its rows judge the model.</param>
/// <param name="ScoringDate">The run's as-of date (at most the day after the extract): unlabelled, for drift only.</param>
/// <param name="HistoryStart">First month of the hub's steady recording, from which the look-back is counted.</param>
public sealed record AsOfSchedule(IReadOnlyList<DateOnly> TrainingDates, DateOnly CalibrationDate, DateOnly TestDate, DateOnly ScoringDate, DateOnly HistoryStart)
{
    /// <summary>Every labelled date once, oldest first: the training dates (the calibration date among them) and the test date.</summary>
    public IReadOnlyList<DateOnly> LabelledDates => [.. TrainingDates.Append(CalibrationDate).Append(TestDate).Distinct().Order()];

    /// <summary>Every date whose features are built: the labelled dates and the scoring date.</summary>
    public IReadOnlyList<DateOnly> AllDates => LabelledDates.Contains(ScoringDate) ? LabelledDates : [.. LabelledDates, ScoringDate];

    /// <summary>
    /// Months from the last training date to the test date: the horizon, as for a model retrained on the
    /// latest fully observed outcomes and then used for scoring.
    /// </summary>
    public int GapMonths => (TestDate.Year - TrainingDates[^1].Year) * 12 + TestDate.Month - TrainingDates[^1].Month;

    /// <summary>
    /// Plans the dates. The test date is the run's cut-off less the horizon, where the cut-off is the
    /// earlier of <paramref name="asOf"/> and the extract date, so every label used lies before both. The
    /// calibration date is the test date less the horizon, so its outcome year ends on the test date; training
    /// dates step back <paramref name="everyMonths"/> at a time from it while at least
    /// <paramref name="minimumHistoryMonths"/> of history lie before them, so early dates do not see a truncated
    /// look-back. Throws <see cref="BadInputException"/> naming <paramref name="hub"/> when no training date fits.
    /// </summary>
    public static AsOfSchedule Plan(string hub, DateOnly asOf, DateOnly extractDate, DateOnly historyStart, int horizonMonths, int everyMonths, int minimumHistoryMonths)
    {
        var cutOff = asOf < extractDate ? asOf : extractDate;
        var test = cutOff.AddMonths(-horizonMonths);
        var calibration = test.AddMonths(-horizonMonths);
        var earliest = historyStart.AddMonths(minimumHistoryMonths);
        var dates = new List<DateOnly>();
        for (var step = 0; calibration.AddMonths(-step * everyMonths) >= earliest; step++)
            dates.Add(calibration.AddMonths(-step * everyMonths));
        dates.Reverse();
        if (dates.Count == 0)
        {
            // The look-back, then the training and calibration outcome year, then the test outcome year.
            var needed = minimumHistoryMonths + 2 * horizonMonths;
            throw new BadInputException(hub, string.Create(CultureInfo.InvariantCulture,
                $"too little history to train: with records from {historyStart:yyyy-MM-dd}, {minimumHistoryMonths} months of look-back and a {horizonMonths}-month label horizon ending by {cutOff:yyyy-MM-dd}, no training date fits, because training outcomes must end by the test date {test:yyyy-MM-dd}: that takes records from {historyStart:yyyy-MM-dd} to at least {historyStart.AddMonths(needed):yyyy-MM-dd} ({needed} months)"));
        }
        var latestScorable = extractDate.AddDays(1);
        var scoring = asOf < latestScorable ? asOf : latestScorable;
        return new AsOfSchedule(dates, calibration, test, scoring, historyStart);
    }
}
