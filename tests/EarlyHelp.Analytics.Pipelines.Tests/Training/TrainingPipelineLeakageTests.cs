using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Pipelines.Splits;
using EarlyHelp.Analytics.Pipelines.Tests.Support;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.Tests.Training;

/// <summary>
/// A planted leak is caught. The leak is the commonest in practice: a column taken from a table that holds
/// the state of things when it was extracted, joined to historical rows. Here it counts the statutory
/// outcomes of the family's children after T, as a snapshot made on the test date would hold them. At every
/// training date it knows part or all of the outcome year; at the test date it knows nothing — as it would
/// know nothing when scoring.
/// </summary>
[Collection(TrainedCityCollection.Name)]
public sealed class TrainingPipelineLeakageTests(BiasedCity city)
{
    [Fact]
    public void Run_FeatureFromTheFuture_TestAucCollapsesAndTheRunSaysSo()
    {
        var history = HubHistory.Read(city.Store.OpenReader(), city.Store.Name);
        var hooks = new TrainingHooks { ExtraFeatures = (table, schedule) => [SnapshotLeak(history, table, schedule.TestDate, city.Options.HorizonMonths)] };

        var leaky = city.Train("leaky", hooks: hooks).Report.Leakage;

        // The leak all but gives the outcome away where it is known, so the model leans on it, and on
        // unseen families at the training dates it ranks almost perfectly; at the test date the column is
        // 0 for everyone and the model is left with what it learned beside it.
        Assert.True(leaky.InPeriodAuc > 0.95, leaky.Message);
        Assert.True(leaky.Drop > leaky.Threshold, leaky.Message);
        Assert.True(leaky.Warning);
        Assert.StartsWith("POSSIBLE LEAKAGE", leaky.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PointInTimeFeatures_NoGapBetweenTrainingPeriodAndTest()
    {
        var real = city.Reference.Report.Leakage;

        // The catalogue's features use only what was recorded before T: moving forward a year costs the model
        // no more than sampling noise (a few hundredths either way on a city this size), below the 0.10 that warns.
        Assert.False(real.Warning, real.Message);
        Assert.True(real.Drop < real.Threshold, real.Message);
        Assert.StartsWith("No sign of leakage", real.Message, StringComparison.Ordinal);
    }

    /// <summary>Per row, outcome records of the children at T starting in (T, min(T + horizon, snapshot)].</summary>
    private static ExtraFeature SnapshotLeak(HubHistory history, FeatureTable table, DateOnly snapshot, int horizonMonths)
    {
        var values = new float[table.RowCount];
        for (var row = 0; row < values.Length; row++)
        {
            var asOf = table.AsOfDates[row];
            var end = asOf.AddMonths(horizonMonths) < snapshot ? asOf.AddMonths(horizonMonths) : snapshot;
            var family = history.Find(table.Families[row])!;
            foreach (var child in MembersAtDate.Children(family, new AsOfDate(asOf)))
            {
                foreach (var record in child.Events.Span)
                {
                    if (DatasetIndex.IsOutcome(record.Dataset) && record.Start > asOf && record.Start <= end)
                        values[row]++;
                }
            }
        }
        return new ExtraFeature("statutory_outcomes_in_snapshot", values);
    }
}
