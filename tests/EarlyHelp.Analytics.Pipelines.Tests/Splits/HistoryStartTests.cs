using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Tests.Splits;

public sealed class HistoryStartTests
{
    [Fact]
    public void FirstSteadyMonth_OpenRecordsBeforeTheHistory_StartsWhereRecordingDoes()
    {
        // Months 2020-06..2020-12 hold a few records still open when the extract's history began (2 each);
        // 2021-01..2021-12 hold 100 each. Over the 19 months the median is 100, half of it 50: the first month
        // with 50 or more is 2021-01.
        var counts = new Dictionary<int, long>();
        for (var month = new YearMonth(2020, 6); month.CompareTo(new YearMonth(2020, 12)) <= 0; month = month.AddMonths(1))
            counts[month.Ordinal] = 2;
        for (var month = new YearMonth(2021, 1); month.CompareTo(new YearMonth(2021, 12)) <= 0; month = month.AddMonths(1))
            counts[month.Ordinal] = 100;

        Assert.Equal(new DateOnly(2021, 1, 1), HistoryStart.FirstSteadyMonth(counts, new YearMonth(2021, 12).Ordinal));
    }

    [Fact]
    public void FirstSteadyMonth_EmptyMonthsCount_AsZero()
    {
        // 2021-01: 10, 2021-02 and -03: nothing, 2021-04: 10. Counts 10, 0, 0, 10: median (0 + 10) / 2 = 5, so
        // 2021-01 (10 ≥ 2.5) is already steady.
        var counts = new Dictionary<int, long> { [new YearMonth(2021, 1).Ordinal] = 10, [new YearMonth(2021, 4).Ordinal] = 10 };

        Assert.Equal(new DateOnly(2021, 1, 1), HistoryStart.FirstSteadyMonth(counts, new YearMonth(2021, 4).Ordinal));
    }

    [Fact]
    public void FirstSteadyMonth_NoRecords_IsTheExtractMonth()
    {
        Assert.Equal(new DateOnly(2024, 6, 1), HistoryStart.FirstSteadyMonth(new Dictionary<int, long>(), new YearMonth(2024, 6).Ordinal));
    }
}
