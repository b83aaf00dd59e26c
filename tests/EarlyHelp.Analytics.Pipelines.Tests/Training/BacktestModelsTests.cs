using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Linear;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.Tests.Training;

/// <summary>A backtest quarter refits the kind of model the run saves.</summary>
public sealed class BacktestModelsTests
{
    private static readonly TrainingOptions Options = new()
    {
        AsOf = new DateOnly(2025, 12, 31),
        // Small trees for forty rows: the test is of which kind is fitted, not of the trees' quality.
        Boosting = TrainingOptions.DefaultBoosting with { NumberOfTrees = 5, MinimumExampleCountPerLeaf = 2, EarlyStoppingRounds = null, RowSubsampleFraction = 1, FeatureSubsampleFraction = 1 },
    };

    /// <summary>
    /// LogisticBaselineTests' rows solved by hand: training x = +1 with labels 0,1,1,1 and x = −1 with 0,0,0,1, whose weight
    /// solves 6 − 8σ(w) = penalty · w; validation 11 of 20 escalating at +1 and 9 of 20 at −1, whose log loss is least at
    /// σ(w) = 0.55, nearest the weight 0.1667 of penalty 10.
    /// </summary>
    private static (DenseDataset Training, DenseDataset Validation) Rows() =>
        (new DenseDataset(["x"], [1, 1, 1, 1, -1, -1, -1, -1], [0, 1, 1, 1, 0, 0, 0, 1]),
         new DenseDataset(["x"],
            [.. Enumerable.Repeat(1f, 20), .. Enumerable.Repeat(-1f, 20)],
            [.. Enumerable.Range(0, 20).Select(i => i < 11 ? 1f : 0f), .. Enumerable.Range(0, 20).Select(i => i < 9 ? 1f : 0f)]));

    [Fact]
    public void Fit_LogisticRegressionKind_TunesThePenaltyOnTheValidationRowsAndCalibrates()
    {
        var (training, validation) = Rows();

        var fit = BacktestModels.Fit(ModelKind.LogisticRegression, training, validation, validation, Options);
        var capped = BacktestModels.Fit(ModelKind.LogisticRegression, training, validation, validation, Options with { CapRegressionInputs = true });

        var regression = Assert.IsType<LogisticModel>(fit.Model);
        Assert.Equal(10f, fit.Penalty);
        Assert.Equal(10f, regression.Linear.Penalty);
        Assert.NotNull(regression.Calibrator);
        // The run's default leaves the inputs uncapped; asked to cap, x's caps (−1 and +1) hold every training value and
        // the choice of penalty stands.
        Assert.Null(regression.Linear.Caps);
        Assert.Equal(10f, capped.Penalty);
        Assert.Equal([-1f], ((LogisticModel)capped.Model).Linear.Caps!.Lower);
        Assert.Equal([1f], ((LogisticModel)capped.Model).Linear.Caps!.Upper);
    }

    [Fact]
    public void Fit_TreesKind_GrowsCalibratedTreesWithoutAPenalty()
    {
        var (_, validation) = Rows();

        var fit = BacktestModels.Fit(ModelKind.Trees, validation, validation, validation, Options);

        var trees = Assert.IsType<ScoringModel>(fit.Model);
        Assert.Equal(ModelKind.Trees, trees.Kind);
        Assert.Null(fit.Penalty);
        Assert.NotNull(trees.Calibrator);
    }

    [Fact]
    public void Fit_UnknownKind_FailsNamingTheKinds()
    {
        var (training, validation) = Rows();

        var error = Assert.Throws<ArgumentException>(() => BacktestModels.Fit("forest", training, validation, validation, Options));

        Assert.StartsWith("The model kind must be 'gradient_boosted_trees' or 'logistic_regression'. Got 'forest' instead.", error.Message, StringComparison.Ordinal);
    }
}
