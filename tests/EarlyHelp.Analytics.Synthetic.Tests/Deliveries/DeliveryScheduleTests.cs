using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Deliveries;
using EarlyHelp.Analytics.Synthetic.Randomness;

namespace EarlyHelp.Analytics.Synthetic.Tests.Deliveries;

public sealed class DeliveryScheduleTests
{
    [Fact]
    public void Dates_ThreeDeliveriesToTheEndOfDecember_AreTheLastDaysOfOctoberToDecember()
    {
        Assert.Equal([new DateOnly(2024, 10, 31), new DateOnly(2024, 11, 30), new DateOnly(2024, 12, 31)],
            DeliverySchedule.Dates(new DateOnly(2024, 12, 31), 3));
        // A leap year's February ends on the 29th.
        Assert.Equal([new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 31)], DeliverySchedule.Dates(new DateOnly(2024, 3, 31), 2));
    }

    [Fact]
    public void At_RecordEnteredTenDaysLate_MissingThenOpenThenEndedOnItsDay()
    {
        // Starts 2024-10-25 and is entered 10 days later, 2024-11-04; ends 2024-12-05, entered that day.
        DateOnly start = new(2024, 10, 25), end = new(2024, 12, 5);

        Assert.Equal(RecordAtDelivery.NotYetRecorded, RecordAvailability.At(start, end, 10, new DateOnly(2024, 10, 31)));
        Assert.Equal(RecordAtDelivery.Open, RecordAvailability.At(start, end, 10, new DateOnly(2024, 11, 30)));
        Assert.Equal(RecordAtDelivery.AsRecorded, RecordAvailability.At(start, end, 10, new DateOnly(2024, 12, 31)));
        Assert.Equal(RecordAtDelivery.AsRecorded, RecordAvailability.At(start, null, 0, new DateOnly(2024, 10, 25)));
        Assert.Equal(new DateOnly(2024, 11, 30), RecordAvailability.FirstDelivery(start, 10, DeliverySchedule.Dates(new DateOnly(2024, 12, 31), 3)));
        Assert.Null(RecordAvailability.FirstDelivery(new DateOnly(2024, 12, 30), 2, DeliverySchedule.Dates(new DateOnly(2024, 12, 31), 3)));
    }

    [Fact]
    public void For_EveryCatalogueDataset_HasALag()
    {
        foreach (var dataset in DatasetCatalogue.All)
            Assert.InRange(ReportingLags.For(dataset.Code).LateShare, 0, 1);
        Assert.Throws<KeyNotFoundException>(() => ReportingLags.For("nobody.nothing"));
    }

    [Fact]
    public void Draw_ManyRecords_MeanAndLateShareMatchTheStatedDistribution()
    {
        // Police: 0 or 1 day (mean 0.5), 5% later by the floor of an exponential of mean 30 days, whose mean is
        // 1 / (e^(1/30) − 1) = 29.5014 days; so the mean is 0.5 + 0.05 × 29.5014 = 1.975 days.
        var lag = ReportingLags.For("police.domestic_abuse_incident");
        var random = new RandomStream(17);
        var draws = Enumerable.Range(0, 200_000).Select(_ => lag.Draw(random)).ToArray();

        Assert.Equal(1.975, lag.MeanDays, 3);
        // Standard deviation of one draw is about sqrt(0.05 × 2 × 30²) ≈ 9.5, so the mean of 200,000 has an error near
        // 0.02: four of those either side.
        Assert.InRange(draws.Average(), lag.MeanDays - 0.085, lag.MeanDays + 0.085);
        // More than a day: late, and the usual 0 or 1 day plus the floored extra delay reaches 2, which happens with
        // probability ½e^(−2/30) + ½e^(−1/30) = 0.95131; 5% × that = 4.757%, whose error over 200,000 is 0.05 points.
        Assert.InRange(draws.Count(d => d > 1) / (double)draws.Length, 0.04757 - 0.002, 0.04757 + 0.002);
        Assert.True(draws.Max() <= ReportingLag.MaximumDays);
    }
}
