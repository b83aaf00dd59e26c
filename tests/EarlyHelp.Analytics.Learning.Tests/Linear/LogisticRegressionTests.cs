using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Linear;

namespace EarlyHelp.Analytics.Learning.Tests.Linear;

public sealed class LogisticRegressionTests
{
    private static readonly string[] Names = ["age", "visits"];

    // Eight rows (age, visits). Positives at (2,1), (4,3), (6,0), (8,2) and negatives at (1,2),
    // (3,0), (5,3), (7,1): the two convex hulls overlap, so no line separates the classes and the
    // unpenalised maximum-likelihood fit is finite.
    private static readonly float[] Values = [1, 2, 2, 1, 3, 0, 4, 3, 5, 3, 6, 0, 7, 1, 8, 2];
    private static readonly float[] Labels = [0, 1, 0, 1, 0, 1, 0, 1];

    [Fact]
    public void Fit_OnlyAnIntercept_MatchesTheLogOddsOfTheBaseRate()
    {
        // With every feature 0 the penalised terms vanish and the intercept is unpenalised, so the
        // fit is the maximum-likelihood constant: logit(3/8) = ln(3/5) = −0.5108256237659907.
        var dataset = new DenseDataset(["zero"], new float[8], [0, 0, 1, 0, 1, 0, 0, 1]);

        var model = new LogisticRegressionTrainer().Fit(dataset);

        Assert.Equal(Math.Log(3.0 / 5.0), model.Intercept, 12);
        Assert.Equal(0.375, model.PredictProbability([0f]), 12);
    }

    [Fact]
    public void Fit_MissingValues_EqualsTheFitWithTheColumnMeanFilledIn()
    {
        // Column 'visits' misses rows 0 and 1; the mean of the other six is (0+3+3+0+1+2)/6 = 1.5.
        // 'age' misses nothing; its mean is 36/8 = 4.5.
        var withMissing = (float[])Values.Clone();
        withMissing[1] = float.NaN;
        withMissing[3] = float.NaN;
        var filled = (float[])Values.Clone();
        filled[1] = 1.5f;
        filled[3] = 1.5f;

        var fromMissing = new LogisticRegressionTrainer().Fit(new DenseDataset(Names, withMissing, Labels));
        var fromFilled = new LogisticRegressionTrainer().Fit(new DenseDataset(Names, filled, Labels));

        Assert.Equal([4.5, 1.5], fromMissing.ImputationValues);
        Assert.Equal(fromFilled.Coefficient("visits"), fromMissing.Coefficient("visits"), 12);
        Assert.Equal(fromFilled.Intercept, fromMissing.Intercept, 12);
        Assert.Equal(fromFilled.PredictProbability([4f, 1.5f]), fromMissing.PredictProbability([4f, float.NaN]), 12);
    }

    [Fact]
    public void Fit_StandardisedWithNegligiblePenalty_GivesTheSameModelAsUnstandardised()
    {
        // Without a penalty the maximum-likelihood fit does not depend on the features' scale, so
        // fitting on standardised columns and mapping back must give the same coefficients.
        var options = new LogisticRegressionOptions { InverseRegularisation = 1e9 };
        var dataset = new DenseDataset(Names, Values, Labels);

        var plain = new LogisticRegressionTrainer(options).Fit(dataset);
        var standardised = new LogisticRegressionTrainer(options with { Standardise = true }).Fit(dataset);

        Assert.Equal(plain.Coefficient("age"), standardised.Coefficient("age"), 6);
        Assert.Equal(plain.Coefficient("visits"), standardised.Coefficient("visits"), 6);
        Assert.Equal(plain.Intercept, standardised.Intercept, 6);
    }

    [Fact]
    public void PredictProbabilities_ColumnsInAnotherOrder_MatchesByName()
    {
        var model = new LogisticRegressionModel(Names, [0.5, -1.0], 0.25, [0, 0]);
        var swapped = new DenseDataset(["visits", "age"], [2f, 4f]);

        var probability = model.PredictProbabilities(swapped)[0];

        // log-odds 0.25 + 0.5·4 − 1·2 = 0.25; 1 / (1 + e^−0.25) = 0.5621765008857981.
        Assert.Equal(0.5621765008857981, probability, 15);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new LogisticRegressionOptions { InverseRegularisation = 0, MaximumIterations = 0 };

        var error = Assert.Throws<ArgumentException>(() => new LogisticRegressionTrainer(options));

        Assert.Equal(
            "The 'InverseRegularisation' option must be a positive number. Got 0 instead. " +
            "The 'MaximumIterations' option must be at least 1. Got 0 instead.",
            error.Message);
    }

    [Fact]
    public void Fit_LabelOutsideZeroAndOne_Throws()
    {
        var dataset = new DenseDataset(["x"], [1f, 2f], [0f, 2f]);

        var error = Assert.Throws<ArgumentException>(() => new LogisticRegressionTrainer().Fit(dataset));

        Assert.StartsWith("The label of row 1 is 2; labels must be 0 or 1.", error.Message);
    }
}
