using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Tests.Splits;

public sealed class AsOfScheduleTests
{
    [Fact]
    public void Plan_SeventyTwoMonthsOfHistory_TestsOnTheLastObservedQuarter()
    {
        // History 2021-01-01 to the extract 2026-12-31, run on 2027-01-01. The cut-off is the extract date
        // (earlier than the as-of), so the test date is 2026-12-31 less 12 months = 2025-12-31 and the
        // calibration date 12 months before it, 2024-12-31; stepping back 3 months at a time from it while 24
        // months of history lie before (from 2023-01-01): 2024-12-31, 09-30, 06-30, 03-31, 2023-12-31, 09-30,
        // 06-30, 03-31 (2022-12-31 is before 2023-01-01). The scoring date is the as-of, the day after the extract.
        var schedule = AsOfSchedule.Plan("hub", new DateOnly(2027, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2021, 1, 1), 12, 3, 24);

        Assert.Equal(new DateOnly(2025, 12, 31), schedule.TestDate);
        Assert.Equal(new DateOnly(2024, 12, 31), schedule.CalibrationDate);
        Assert.Equal(
            [new(2023, 3, 31), new(2023, 6, 30), new(2023, 9, 30), new(2023, 12, 31), new(2024, 3, 31), new(2024, 6, 30), new(2024, 9, 30), new(2024, 12, 31)],
            schedule.TrainingDates);
        Assert.Equal(new DateOnly(2027, 1, 1), schedule.ScoringDate);
        Assert.Equal(10, schedule.AllDates.Count);
    }

    [Theory]
    [InlineData(2027, 1, 1, 12, 3, 24)]
    [InlineData(2026, 4, 1, 12, 3, 24)]
    [InlineData(2027, 1, 1, 6, 1, 12)]
    [InlineData(2027, 1, 1, 18, 6, 0)]
    public void Plan_AnyHorizon_NoTrainingOrCalibrationOutcomeWindowOverlapsTheTestWindow(int year, int month, int day, int horizon, int every, int lookBack)
    {
        var schedule = AsOfSchedule.Plan("hub", new DateOnly(year, month, day), new DateOnly(2026, 12, 31), new DateOnly(2021, 1, 1), horizon, every, lookBack);

        // Training and calibration outcome windows are (t, t + horizon]; the test window is (test, test + horizon].
        // They are disjoint when every t + horizon is on or before the test date.
        foreach (var date in schedule.TrainingDates.Append(schedule.CalibrationDate))
            Assert.True(date.AddMonths(horizon) <= schedule.TestDate, $"{date:yyyy-MM-dd} + {horizon} months passes the test date {schedule.TestDate:yyyy-MM-dd}");
        // A model retrained on the latest fully observed outcomes first scores a horizon after its last training date.
        Assert.Equal(horizon, schedule.GapMonths);
        Assert.Equal(schedule.CalibrationDate, schedule.TrainingDates[^1]);
    }

    [Fact]
    public void Plan_AsOfBeforeTheExtract_UsesNoOutcomeAfterTheAsOf()
    {
        // Retraining a past quarter: the cut-off is the as-of 2026-04-01, so the test date is 2025-04-01 and its
        // outcome year ends on the as-of; nothing the hub learned later is used. Scoring happens at the as-of.
        var schedule = AsOfSchedule.Plan("hub", new DateOnly(2026, 4, 1), new DateOnly(2026, 12, 31), new DateOnly(2021, 1, 1), 12, 3, 24);

        Assert.Equal(new DateOnly(2025, 4, 1), schedule.TestDate);
        Assert.Equal(new DateOnly(2024, 4, 1), schedule.CalibrationDate);
        Assert.Equal(new DateOnly(2023, 1, 1), schedule.TrainingDates[0]);
        Assert.Equal(new DateOnly(2026, 4, 1), schedule.ScoringDate);
        Assert.True(schedule.TestDate.AddMonths(12) <= new DateOnly(2026, 4, 1));
    }

    [Fact]
    public void Plan_AsOfLongAfterTheExtract_ScoresOnTheDayAfterTheExtract()
    {
        var schedule = AsOfSchedule.Plan("hub", new DateOnly(2030, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2021, 1, 1), 12, 3, 24);

        Assert.Equal(new DateOnly(2027, 1, 1), schedule.ScoringDate);
        Assert.Equal(new DateOnly(2025, 12, 31), schedule.TestDate);
    }

    [Fact]
    public void Plan_TooLittleHistory_IsRefusedWithTheCount()
    {
        // 36 months of history to 2023-12-31: test 2022-12-31, calibration 2021-12-31, and dates from 2023-01-01
        // (24 months after the start) — none fits. Look-back 24 + two outcome years 24 = 48 months: to 2025-01-01.
        var error = Assert.Throws<BadInputException>(() =>
            AsOfSchedule.Plan("hub.db", new DateOnly(2024, 1, 1), new DateOnly(2023, 12, 31), new DateOnly(2021, 1, 1), 12, 3, 24));

        Assert.Equal("hub.db", error.File);
        Assert.Equal("too little history to train: with records from 2021-01-01, 24 months of look-back and a 12-month label horizon ending by 2023-12-31, no training date fits, because training outcomes must end by the test date 2022-12-31: that takes records from 2021-01-01 to at least 2025-01-01 (48 months)", error.Reason);
    }

    [Fact]
    public void Plan_TooLittleHistory_TheDateItNamesIsTheFirstThatSuffices()
    {
        // The refusal above says records to 2025-01-01 are needed: a cut-off there gives one training date
        // (also the calibration date, 2023-01-01) and the test date 2024-01-01; a day before, none.
        var enough = AsOfSchedule.Plan("hub.db", new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 1), new DateOnly(2021, 1, 1), 12, 3, 24);
        Assert.Equal([new DateOnly(2023, 1, 1), new DateOnly(2024, 1, 1)], enough.LabelledDates);

        Assert.Throws<BadInputException>(() =>
            AsOfSchedule.Plan("hub.db", new DateOnly(2025, 1, 1), new DateOnly(2024, 12, 31), new DateOnly(2021, 1, 1), 12, 3, 24));
    }
}
