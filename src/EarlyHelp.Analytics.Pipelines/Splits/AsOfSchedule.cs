using System.Globalization;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Pipelines.Splits;

/// <summary>
/// The as-of dates of a training run, all on one quarterly grid: training dates, then the calibration
/// date, then the test date — the latest date whose label horizon is fully observed — and apart from
/// them the scoring date, the population the model will meet next, compared with the training rows for drift.
/// </summary>
/// <param name="TrainingDates">Dates whose rows train the model, oldest first.</param>
/// <param name="CalibrationDate">The date after the last training date: its rows stop the boosting and fit the calibrator.</param>
/// <param name="TestDate">The latest date with a fully observed label horizon: its rows judge the model.</param>
/// <param name="ScoringDate">The run's as-of date (at most the day after the extract): unlabelled, for drift only.</param>
/// <param name="HistoryStart">First month of the hub's steady recording, from which the look-back is counted.</param>
public sealed record AsOfSchedule(IReadOnlyList<DateOnly> TrainingDates, DateOnly CalibrationDate, DateOnly TestDate, DateOnly ScoringDate, DateOnly HistoryStart)
{
    /// <summary>Every labelled date, oldest first: training dates, calibration, test.</summary>
    public IReadOnlyList<DateOnly> LabelledDates => [.. TrainingDates, CalibrationDate, TestDate];

    /// <summary>Every date whose features are built: the labelled dates and the scoring date.</summary>
    public IReadOnlyList<DateOnly> AllDates => LabelledDates.Contains(ScoringDate) ? LabelledDates : [.. LabelledDates, ScoringDate];

    /// <summary>
    /// Plans the dates. The test date is the run's cut-off less the horizon, where the cut-off is the
    /// earlier of <paramref name="asOf"/> and the extract date, so every label used lies before both.
    /// Earlier dates step back <paramref name="everyMonths"/> at a time while at least
    /// <paramref name="minimumHistoryMonths"/> of history lie before them, so early dates do not see a
    /// truncated look-back. Throws <see cref="BadInputException"/> naming <paramref name="hub"/> when fewer
    /// than three dates (one to train on, one to calibrate on, one to test on) fit.
    /// </summary>
    public static AsOfSchedule Plan(string hub, DateOnly asOf, DateOnly extractDate, DateOnly historyStart, int horizonMonths, int everyMonths, int minimumHistoryMonths)
    {
        var cutOff = asOf < extractDate ? asOf : extractDate;
        var test = cutOff.AddMonths(-horizonMonths);
        var earliest = historyStart.AddMonths(minimumHistoryMonths);
        var dates = new List<DateOnly>();
        for (var step = 0; test.AddMonths(-step * everyMonths) >= earliest; step++)
            dates.Add(test.AddMonths(-step * everyMonths));
        dates.Reverse();
        if (dates.Count < 3)
        {
            // Three dates every k months after the look-back, the last one a full horizon before the cut-off.
            var needed = minimumHistoryMonths + 2 * everyMonths + horizonMonths;
            throw new BadInputException(hub, string.Create(CultureInfo.InvariantCulture,
                $"too little history to train: with records from {historyStart:yyyy-MM-dd}, {minimumHistoryMonths} months of look-back and a {horizonMonths}-month label horizon ending by {cutOff:yyyy-MM-dd}, only {dates.Count} as-of date(s) every {everyMonths} months fit, and training needs 3 (train, calibrate, test): that takes records from {historyStart:yyyy-MM-dd} to at least {historyStart.AddMonths(needed):yyyy-MM-dd} ({needed} months)"));
        }
        var latestScorable = extractDate.AddDays(1);
        var scoring = asOf < latestScorable ? asOf : latestScorable;
        return new AsOfSchedule(dates[..^2], dates[^2], dates[^1], scoring, historyStart);
    }
}
