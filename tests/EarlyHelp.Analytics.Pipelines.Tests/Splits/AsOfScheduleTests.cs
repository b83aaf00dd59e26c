using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Tests.Splits;

public sealed class AsOfScheduleTests
{
    [Fact]
    public void Plan_SeventyTwoMonthsOfHistory_TestsOnTheLastObservedQuarter()
    {
        // History 2021-01-01 to the extract 2026-12-31, run on 2027-01-01. The cut-off is the extract date
        // (earlier than the as-of), so the test date is 2026-12-31 less 12 months = 2025-12-31; stepping back
        // 3 months at a time from it while 24 months of history lie before (from 2023-01-01): 2025-12-31,
        // 09-30, 06-30, 03-31, 2024-12-31, 09-30, 06-30, 03-31, 2023-12-31, 09-30, 06-30, 03-31 (2022-12-31 is
        // before 2023-01-01). The scoring date is the as-of, the day after the extract.
        var schedule = AsOfSchedule.Plan("hub", new DateOnly(2027, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2021, 1, 1), 12, 3, 24);

        Assert.Equal(new DateOnly(2025, 12, 31), schedule.TestDate);
        Assert.Equal(new DateOnly(2025, 9, 30), schedule.CalibrationDate);
        Assert.Equal(
            [new(2023, 3, 31), new(2023, 6, 30), new(2023, 9, 30), new(2023, 12, 31), new(2024, 3, 31), new(2024, 6, 30), new(2024, 9, 30), new(2024, 12, 31), new(2025, 3, 31), new(2025, 6, 30)],
            schedule.TrainingDates);
        Assert.Equal(new DateOnly(2027, 1, 1), schedule.ScoringDate);
        Assert.Equal(13, schedule.AllDates.Count);
    }

    [Fact]
    public void Plan_AsOfBeforeTheExtract_UsesNoOutcomeAfterTheAsOf()
    {
        // Retraining a past quarter: the cut-off is the as-of 2026-04-01, so the test date is 2025-04-01 and its
        // outcome year ends on the as-of; nothing the hub learned later is used. Scoring happens at the as-of.
        var schedule = AsOfSchedule.Plan("hub", new DateOnly(2026, 4, 1), new DateOnly(2026, 12, 31), new DateOnly(2021, 1, 1), 12, 3, 24);

        Assert.Equal(new DateOnly(2025, 4, 1), schedule.TestDate);
        Assert.Equal(new DateOnly(2025, 1, 1), schedule.CalibrationDate);
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
        // 36 months of history to 2023-12-31: test 2022-12-31, and dates from 2023-01-01 (24 months after the
        // start) — none fits, so no date at all.
        var error = Assert.Throws<BadInputException>(() =>
            AsOfSchedule.Plan("hub.db", new DateOnly(2024, 1, 1), new DateOnly(2023, 12, 31), new DateOnly(2021, 1, 1), 12, 3, 24));

        Assert.Equal("hub.db", error.File);
        Assert.Equal("too little history to train: with records from 2021-01-01, 24 months of look-back and a 12-month label horizon ending by 2023-12-31, only 0 as-of date(s) every 3 months fit, and training needs 3 (train, calibrate, test): that takes records from 2021-01-01 to at least 2024-07-01 (42 months)", error.Reason);
    }

    [Fact]
    public void Plan_TooLittleHistory_TheDateItNamesIsTheFirstThatSuffices()
    {
        // The refusal above says records to 2024-07-01 are needed: a cut-off there gives exactly three dates, a day before none.
        var enough = AsOfSchedule.Plan("hub.db", new DateOnly(2024, 7, 2), new DateOnly(2024, 7, 1), new DateOnly(2021, 1, 1), 12, 3, 24);
        Assert.Equal([new DateOnly(2023, 1, 1), new DateOnly(2023, 4, 1), new DateOnly(2023, 7, 1)], enough.LabelledDates);

        Assert.Throws<BadInputException>(() =>
            AsOfSchedule.Plan("hub.db", new DateOnly(2024, 7, 1), new DateOnly(2024, 6, 30), new DateOnly(2021, 1, 1), 12, 3, 24));
    }
}
