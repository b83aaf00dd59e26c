using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Training;

/// <summary>
/// The origins of a rolling-origin backtest (Tashman 2000, Int J Forecasting 16:437): consecutive test dates a quarter
/// apart ending at the run's test date, each with the schedule a model deployed then would have had — planned as if the
/// run's cut-off were that test date plus the horizon, so its calibration date is a horizon before it and its training
/// dates step back from there. No training or calibration outcome window of a quarter reaches past its test date.
/// </summary>
public static class BacktestPlan
{
    /// <summary>
    /// Calendar months of records a backtest over <paramref name="quarters"/> test dates needs, from the first month of
    /// steady recording to the month its last outcome year ends: the look-back, the earliest quarter's training outcome
    /// year and test outcome year, the steps between the test dates, and one month more because as-of dates fall on month
    /// ends while the look-back is counted from the first of a month (a calibration date of 31 March 2022 needs records
    /// from March 2020).
    /// </summary>
    public static int MonthsNeeded(int quarters, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MinimumHistoryMonths + 2 * options.HorizonMonths + options.EveryMonths * (quarters - 1) + 1;
    }

    /// <summary>
    /// The schedule of each of <paramref name="quarters"/> test dates, oldest first, the last being
    /// <paramref name="run"/>'s. Every date is counted back from the run's test date in whole months, so a month-end grid
    /// stays on month ends (stepping from one date to the next would turn 30 June into 30 March). Throws
    /// <see cref="BadInputException"/> naming <paramref name="hub"/> when the earliest quarter has no training date,
    /// saying how many months the backtest needs.
    /// </summary>
    public static IReadOnlyList<AsOfSchedule> Plan(string hub, AsOfSchedule run, int quarters, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var anchor = run.TestDate;
        var earliest = run.HistoryStart.AddMonths(options.MinimumHistoryMonths);
        var schedules = new List<AsOfSchedule>();
        for (var back = quarters - 1; back >= 0; back--)
        {
            var testMonths = back * options.EveryMonths;
            var calibrationMonths = testMonths + options.HorizonMonths;
            var training = new List<DateOnly>();
            for (var months = calibrationMonths; anchor.AddMonths(-months) >= earliest; months += options.EveryMonths)
                training.Insert(0, anchor.AddMonths(-months));
            var testDate = anchor.AddMonths(-testMonths);
            if (training.Count == 0)
            {
                var needed = MonthsNeeded(quarters, options);
                throw new BadInputException(hub, string.Create(CultureInfo.InvariantCulture,
                    $"too little history for a backtest over {quarters} quarters: its earliest test date {testDate:yyyy-MM-dd} has no training date, since a backtest needs {needed} calendar months of records ({options.MinimumHistoryMonths} of look-back before a month-end date, two {options.HorizonMonths}-month outcome years and {quarters - 1} steps of {options.EveryMonths} months) and the hub holds them from {run.HistoryStart:yyyy-MM-dd} to {anchor.AddMonths(options.HorizonMonths):yyyy-MM-dd}; ask for fewer quarters"));
            }
            // The scoring date is the test date itself: a backtest scores no unlabelled population.
            schedules.Add(new AsOfSchedule(training, anchor.AddMonths(-calibrationMonths), testDate, testDate, run.HistoryStart));
        }
        return schedules;
    }
}
