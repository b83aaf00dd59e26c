using System.Text.Json;
using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Tests.Support;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.Tests.Training;

[Collection(TrainedCityCollection.Name)]
public sealed class TrainingPipelineBacktestTests(BiasedCity city)
{
    [Fact]
    public void Run_FourQuarterBacktest_WritesEachQuarterWithIntervalsThatHoldTheirValues()
    {
        // Fewer, faster trees than the default: the test is of the backtest's bookkeeping, not of the model's quality.
        var options = city.Options with
        {
            BacktestQuarters = 4,
            Boosting = TrainingOptions.DefaultBoosting with { NumberOfTrees = 150, LearningRate = 0.1, EarlyStoppingRounds = 20 },
        };

        var result = city.Train("backtest", options);

        var backtest = Assert.IsType<BacktestReport>(result.Backtest);
        var run = result.Report.Schedule;
        // The run's test date and the three quarters before it, each a horizon after its calibration date.
        Assert.Equal(Enumerable.Range(0, 4).Select(q => run.TestDate.AddMonths(-3 * (3 - q))), backtest.Results.Select(q => q.TestDate));
        Assert.All(backtest.Results, q => Assert.Equal(q.TestDate.AddMonths(-12), q.CalibrationDate));
        Assert.Equal(run.TrainingDates, backtest.Results[^1].TrainingDates);
        // The last quarter is the run's own test families.
        Assert.Equal(result.Report.Test.Rows, backtest.Results[^1].TestFamilies);
        Assert.Equal(result.Report.Test.Positives, backtest.Results[^1].Escalations);

        // Each quarter's test families hold about 60 escalations on this city, well above the minimum of 10.
        var assessed = backtest.Results.Where(q => q.Status == BacktestQuarter.Assessed).ToArray();
        Assert.Equal(4, assessed.Length);
        foreach (var quarter in backtest.Results)
            Assert.Equal(quarter.Status == BacktestQuarter.NotAssessable, quarter.Retrained is null && quarter.Reason is not null);
        foreach (var quarter in assessed)
        {
            AssertHolds(quarter.Retrained!);
            if (quarter.TestDate == backtest.Results[0].TestDate)
                Assert.Null(quarter.Aged);
            else
            {
                var aged = Assert.IsType<BacktestAgeing>(quarter.Aged);
                Assert.Equal((quarter.TestDate.Year - backtest.Results[0].TestDate.Year) * 12 + quarter.TestDate.Month - backtest.Results[0].TestDate.Month, aged.MonthsSinceTraining);
                AssertHolds(aged.Score);
                Assert.All(aged.RetrainedMinusAged.Values, AssertHolds);
            }
        }

        Assert.Contains(ModelFolderLayout.BacktestJson, result.Files);
        Assert.Contains(ModelFolderLayout.BacktestHtml, result.Files);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.Folder, ModelFolderLayout.BacktestJson)));
        Assert.Equal(4, json.RootElement.GetProperty("results").GetArrayLength());
        var card = File.ReadAllText(Path.Combine(result.Folder, ModelFolderLayout.CardMarkdown));
        Assert.Contains("Backtest: how the model ages", card, StringComparison.Ordinal);
        // This city's run saves the regression, and the card says the quarters retrained the trees instead.
        Assert.True(result.Report.IsLogistic);
        Assert.Contains("the backtest retrains the gradient-boosted trees at each origin", card, StringComparison.Ordinal);
    }

    private static void AssertHolds(BacktestScore score)
    {
        Assert.All(score.Metrics.Values, AssertHolds);
        Assert.True(Holds(score.Calibration.Slope, score.Calibration.SlopeInterval), $"slope {score.Calibration.Slope} outside {score.Calibration.SlopeInterval}");
        Assert.True(Holds(score.Calibration.ObservedOverExpected, score.Calibration.ObservedOverExpectedInterval),
            $"O/E {score.Calibration.ObservedOverExpected} outside {score.Calibration.ObservedOverExpectedInterval}");
    }

    private static void AssertHolds(MetricEstimate estimate) =>
        Assert.True(Holds(estimate.Value, estimate.Interval), $"{estimate.Value} outside {estimate.Interval}");

    private static bool Holds(double value, Interval interval) => interval.IsDefined && interval.Lower <= value && value <= interval.Upper;
}
