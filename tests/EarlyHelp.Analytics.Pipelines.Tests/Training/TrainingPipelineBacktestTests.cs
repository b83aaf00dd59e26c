using System.Text.Json;
using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Learning.Linear;
using EarlyHelp.Analytics.Learning.Metrics;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Pipelines.Baselines;
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

        var fits = new List<BacktestQuarterFit>();
        var result = city.Train("backtest", options, new TrainingHooks { BacktestFitted = fits.Add });

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
        // This city's run saves the regression, so every quarter refits the regression, and the card and the file say so.
        Assert.True(result.Report.IsLogistic);
        Assert.Equal(ModelKind.LogisticRegression, backtest.ModelKind);
        Assert.Equal(ModelKind.LogisticRegression, json.RootElement.GetProperty("model_kind").GetString());
        Assert.Contains("Backtested model: the logistic regression, the kind this folder holds", card, StringComparison.Ordinal);
        AssertRegressionFits(backtest, fits, result, options);
    }

    /// <summary>
    /// Each quarter's model is the tuned regression: the same weights as a regression fitted directly on that quarter's
    /// rows, the penalty the file records, and the AUC the file records is that regression's on the quarter's test rows.
    /// </summary>
    private static void AssertRegressionFits(BacktestReport backtest, IReadOnlyList<BacktestQuarterFit> fits, TrainingResult result, TrainingOptions options)
    {
        Assert.Equal(backtest.Results.Select(q => q.TestDate), fits.Select(f => f.TestDate));
        foreach (var (quarter, fit) in backtest.Results.Zip(fits))
        {
            var regression = Assert.IsType<LogisticModel>(fit.Fit.Model);
            Assert.Equal(regression.Linear.Penalty, quarter.Penalty);
            Assert.Equal(quarter.TestFamilies, fit.Test.RowCount);
            Assert.Equal(BinaryMetrics.RocAuc<float, double>(fit.Test.Labels, regression.PredictProbability(fit.Test)), quarter.Retrained!.Metrics[MetricNames.Auc].Value, 12);
        }
        // The first origin is not the run's own schedule, so its regression cannot be the run's: a direct fit on its rows.
        var first = fits[0];
        var direct = LogisticBaseline.Fit(first.Training, first.Validation, first.Calibration, options.Seed, options.CapRegressionInputs).Model;
        var fitted = (LogisticModel)first.Fit.Model;
        Assert.Equal(direct.Linear.Penalty, fitted.Linear.Penalty);
        Assert.Equal(direct.Linear.Bias, fitted.Linear.Bias);
        Assert.Equal(direct.Linear.Weights, fitted.Linear.Weights);
        // The last quarter is the run's own schedule: its regression's test AUC lies within the run's interval for the regression.
        var runAuc = result.Report.Test.Scorer(TrainingReport.ModelScorer).Metrics[MetricNames.Auc];
        var lastAuc = backtest.Results[^1].Retrained!.Metrics[MetricNames.Auc].Value;
        Assert.True(runAuc.Interval.Lower <= lastAuc && lastAuc <= runAuc.Interval.Upper, $"last quarter's AUC {lastAuc} outside the run's {runAuc.Interval}");
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
