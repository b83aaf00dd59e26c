using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Pipelines.Baselines;

namespace EarlyHelp.Analytics.Pipelines.Tests.Baselines;

public sealed class TwoOfSixRuleTests
{
    [Fact]
    public void Fit_CalibrationRows_GivesFlaggedAndUnflaggedRates()
    {
        // Problems 0, 1, 2, 3, 2, 1 with labels 0, 1, 1, 0, 1, 0: flagged (≥ 2) rows 3, 4, 5 hold 2 escalations
        // of 3; unflagged rows 1, 2, 6 hold 1 of 3.
        var calibration = new DenseDataset(["members", TwoOfSixRule.FeatureName], [3, 0, 2, 1, 4, 2, 1, 3, 2, 2, 3, 1], [0, 1, 1, 0, 1, 0]);

        var rule = TwoOfSixRule.Fit(calibration);

        Assert.Equal((2.0 / 3, 1.0 / 3), (rule.FlaggedRate, rule.UnflaggedRate));
        Assert.Equal([1.0 / 3, 1.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3, 1.0 / 3], rule.PredictProbability(calibration));
    }

    [Fact]
    public void Fit_NoFamilyFlagged_GivesEveryoneTheOverallRate()
    {
        var calibration = new DenseDataset([TwoOfSixRule.FeatureName], [0, 1, 1, 0], [1, 0, 0, 0]);

        var rule = TwoOfSixRule.Fit(calibration);

        Assert.Equal((0.25, 0.25), (rule.FlaggedRate, rule.UnflaggedRate));
    }

    [Fact]
    public void Fit_WithoutTheColumn_SaysWhichIsMissing()
    {
        var error = Assert.Throws<ArgumentException>(() => TwoOfSixRule.Fit(new DenseDataset(["members"], [1, 2], [0, 1])));

        Assert.StartsWith("The data has no 'distinct_problems_12m' column for the two-of-six rule.", error.Message);
    }
}
