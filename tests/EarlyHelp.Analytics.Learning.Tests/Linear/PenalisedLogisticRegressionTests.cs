using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Linear;
using EarlyHelp.Analytics.Learning.Tests.Support;
using Microsoft.ML;

namespace EarlyHelp.Analytics.Learning.Tests.Linear;

/// <summary>The penalised regression's fits against scikit-learn's reference and a problem solved by hand.</summary>
public sealed class PenalisedLogisticRegressionTests
{
    private const string TrainingFile = "reference/metrics/logreg_train.csv";

    [SharedFact(TrainingFile, MetricsReference.ExpectedFile)]
    public void Trainer_PenaltyOne_MatchesScikitLearnAtCOne()
    {
        // expected.json: scikit-learn 1.2.1 LogisticRegression(C=1) on logreg_train.csv, unscaled, intercept
        // unpenalised. A penalty of 1 is C = 1 if ML.NET's objective is scikit-learn's divided by C.
        var reference = MetricsReference.Load();
        var data = CsvDatasetReader.Read(SharedFolder.PathOf(TrainingFile), new CsvColumns { Label = "label" }).Dataset;

        var (weights, bias) = Fit(data, penalty: 1f);

        var expected = reference.Numbers("logistic_regression", "coef");
        Assert.Equal(expected.Length, weights.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], weights[i], 1e-3);
        Assert.Equal(reference.Number("logistic_regression", "intercept"), bias, 1e-3);
        Assert.Equal(1.0, PenalisedLogisticRegression.InverseStrength(1f));
    }

    [Theory]
    // Eight rows: x = +1 with labels 0,1,1,1 and x = −1 with labels 0,0,0,1. By symmetry the intercept is 0, and
    // the weight w solves Σ (y − σ(w·x))·x = λ·w, i.e. 6 − 8σ(w) = λw: unpenalised σ(w) = 3/4, w = ln 3; else
    // solved by bisection by hand to the digits shown.
    [InlineData(1f, 0.683624)]
    [InlineData(10f, 0.166731)]
    [InlineData(100f, 0.019608)]
    [InlineData(10_000f, 0.000200)]
    public void Trainer_SymmetricEightRows_WeightSolvesThePenalisedScoreEquation(float penalty, double expectedWeight)
    {
        float[] x = [1, 1, 1, 1, -1, -1, -1, -1];
        float[] y = [0, 1, 1, 1, 0, 0, 0, 1];
        var data = new DenseDataset(["x"], x, y);

        var (weights, bias) = Fit(data, penalty);

        Assert.Equal(expectedWeight, weights[0], 1e-4);
        Assert.Equal(0, bias, 1e-4);
    }

    [Fact]
    public void Trainer_NegativePenalty_IsRefusedNamingIt()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PenalisedLogisticRegression.Trainer(new MLContext(1), -1f, "Label", "Features"));
        Assert.Equal("penalty", error.ParamName);
    }

    private static (float[] Weights, double Bias) Fit(DenseDataset data, float penalty)
    {
        var context = new MLContext(1);
        var frame = FeatureFrame.From(data);
        var model = context.Transforms.Concatenate(FeatureFrame.FeaturesColumn, [.. data.FeatureNames])
            .Append(PenalisedLogisticRegression.Trainer(context, penalty, FeatureFrame.LabelColumn, FeatureFrame.FeaturesColumn))
            .Fit(frame);
        var linear = model.LastTransformer.Model.SubModel;
        return ([.. linear.Weights], linear.Bias);
    }
}
