using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Pipelines.Splits;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.Tests.Training;

public sealed class BacktestPlanTests
{
    private static TrainingOptions Options(int horizon = 12, int every = 3) =>
        new() { AsOf = new DateOnly(2027, 1, 1), HorizonMonths = horizon, EveryMonths = every };

    [Fact]
    public void Plan_FourQuarters_OriginsCountedBackFromTheRunsTestDate()
    {
        // The run: history from 2021-01-01, extract 2026-12-31, so test date 2025-12-31 (AsOfScheduleTests). Four test
        // quarters end there: 2025-03-31, 06-30, 09-30, 12-31. Each calibration date is 12 months before its test date;
        // training dates step back 3 months from it while 24 months of history lie before (from 2023-01-01), so the first
        // quarter trains at 2023-03-31 .. 2024-03-31 (five dates) and each later quarter adds the next quarter-end.
        var run = AsOfSchedule.Plan("hub", new DateOnly(2027, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2021, 1, 1), 12, 3, 24);

        var plan = BacktestPlan.Plan("hub", run, 4, Options());

        Assert.Equal([new(2025, 3, 31), new(2025, 6, 30), new(2025, 9, 30), new(2025, 12, 31)], plan.Select(s => s.TestDate));
        Assert.Equal([new(2024, 3, 31), new(2024, 6, 30), new(2024, 9, 30), new(2024, 12, 31)], plan.Select(s => s.CalibrationDate));
        Assert.Equal([new(2023, 3, 31), new(2023, 6, 30), new(2023, 9, 30), new(2023, 12, 31), new(2024, 3, 31)], plan[0].TrainingDates);
        Assert.Equal([5, 6, 7, 8], plan.Select(s => s.TrainingDates.Count));
        // The last quarter is the run itself.
        Assert.Equal(run.TrainingDates, plan[^1].TrainingDates);
        // 24 months of look-back, two 12-month outcome years, three steps of 3 months, and the month of the first
        // look-back's start: the first calibration date 2024-03-31 needs records from 2022-03-31, so from March 2022 to
        // December 2026, 58 calendar months.
        Assert.Equal(58, BacktestPlan.MonthsNeeded(4, Options()));
    }

    [Theory]
    [InlineData(12, 3, 4)]
    [InlineData(12, 3, 8)]
    [InlineData(6, 1, 6)]
    [InlineData(12, 6, 4)]
    public void Plan_AnyQuarter_NoTrainingOrCalibrationWindowReachesItsTestWindow(int horizon, int every, int quarters)
    {
        var run = AsOfSchedule.Plan("hub", new DateOnly(2027, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2019, 1, 1), horizon, every, 24);

        var plan = BacktestPlan.Plan("hub", run, quarters, Options(horizon, every));

        Assert.Equal(quarters, plan.Count);
        foreach (var quarter in plan)
        {
            // A training or calibration window (t, t + horizon] ends on or before the test window (T, T + horizon] starts.
            Assert.All(quarter.TrainingDates.Append(quarter.CalibrationDate), t => Assert.True(t.AddMonths(horizon) <= quarter.TestDate, $"{t} + {horizon} months passes {quarter.TestDate}"));
            Assert.Equal(horizon, quarter.GapMonths);
        }
        Assert.Equal(Enumerable.Range(0, quarters).Select(q => run.TestDate.AddMonths(-(quarters - 1 - q) * every)), plan.Select(s => s.TestDate));
    }

    [Fact]
    public void Plan_TooLittleHistory_SaysHowManyMonthsItNeeds()
    {
        // History from 2022-01-01 to 2026-12-31, 60 calendar months (training from 2024-01-01 on), test date 2025-12-31.
        // Four quarters (58 months): the first, 2025-03-31, calibrates at 2024-03-31 and trains there only. Five: the
        // first, 2024-12-31, would calibrate at 2023-12-31, a day short of 24 months of history; 24 + 24 + 4 × 3 + 1 = 61.
        var run = AsOfSchedule.Plan("hub.db", new DateOnly(2027, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2022, 1, 1), 12, 3, 24);

        var four = BacktestPlan.Plan("hub.db", run, 4, Options());
        var five = Assert.Throws<BadInputException>(() => BacktestPlan.Plan("hub.db", run, 5, Options()));

        Assert.Equal([new DateOnly(2024, 3, 31)], four[0].TrainingDates);
        Assert.Equal("hub.db: too little history for a backtest over 5 quarters: its earliest test date 2024-12-31 has no training date, since a backtest needs 61 calendar months of records (24 of look-back before a month-end date, two 12-month outcome years and 4 steps of 3 months) and the hub holds them from 2022-01-01 to 2026-12-31; ask for fewer quarters",
            five.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(21)]
    [InlineData(-1)]
    public void Validate_BacktestQuartersOutOfRange_NamesTheOption(int quarters)
    {
        Assert.Equal([$"The 'BacktestQuarters' option must be 0 (no backtest) or between 2 and 20. Got {quarters} instead."],
            (Options() with { BacktestQuarters = quarters }).Validate());
        Assert.Empty((Options() with { BacktestQuarters = 4 }).Validate());
    }

    [Fact]
    public void Evidence_QuarterWithoutEscalations_IsNotAssessable()
    {
        var none = new float[400];
        var nine = Enumerable.Range(0, 400).Select(i => i < 9 ? 1f : 0f).ToArray();
        var ten = Enumerable.Range(0, 400).Select(i => i < 10 ? 1f : 0f).ToArray();

        Assert.Equal("0 of the 400 test families escalated and 400 did not; at least 10 of each are needed to judge a model on the quarter", BacktestEvidence.CannotJudge(none));
        Assert.NotNull(BacktestEvidence.CannotJudge(nine));
        Assert.Null(BacktestEvidence.CannotJudge(ten));
        Assert.Equal("the calibration rows (400) hold no escalations, so no model could be trained at this origin",
            BacktestEvidence.CannotTrain([("training", ten), ("validation", ten), ("calibration", none)]));
    }
}
