using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Learning.Tests.Support;

namespace EarlyHelp.Analytics.Learning.Tests.Calibration;

/// <summary>
/// expected.json: scikit-learn 1.2.1's IsotonicRegression(out_of_bounds="clip") and Platt's sigmoid
/// fitted on the first 2,500 rows of scores.csv, then evaluated on the grid 0, 0.01, …, 1.
/// </summary>
public sealed class CalibratorReferenceTests
{
    private const int FitRows = 2500;
    private const double Tolerance = 1e-9;

    [Fact]
    public void IsotonicCalibrator_FirstHalfOfReferenceScores_MatchesScikitLearnOnGrid()
    {
        var reference = MetricsReference.Load();

        var calibrator = IsotonicCalibrator.Fit(reference.Scores.AsSpan(0, FitRows), reference.Labels.AsSpan(0, FitRows));

        AssertGrid(reference, "isotonic", calibrator);
    }

    [Fact]
    public void PlattCalibrator_FirstHalfOfReferenceScores_MatchesReferenceParametersAndGrid()
    {
        var reference = MetricsReference.Load();

        var calibrator = PlattCalibrator.Fit(reference.Scores.AsSpan(0, FitRows), reference.Labels.AsSpan(0, FitRows));

        // The reference parameters come from scikit-learn's BFGS, which stops at a gradient norm of
        // 1e-5; its gradient there is (−1.0e-8, 1.3e-7) (see the test below), which leaves a and b
        // about 3e-9 from the exact optimum. The calibrated probabilities still agree to 1e-9.
        Assert.Equal(reference.Number("platt", "a"), calibrator.A, 5e-9);
        Assert.Equal(reference.Number("platt", "b"), calibrator.B, 5e-9);
        AssertGrid(reference, "platt", calibrator);
    }

    [Fact]
    public void PlattCalibrator_FirstHalfOfReferenceScores_GradientOfPlattObjectiveVanishes()
    {
        var reference = MetricsReference.Load();
        var scores = reference.Scores[..FitRows];
        var labels = reference.Labels[..FitRows];

        var calibrator = PlattCalibrator.Fit(scores, labels);

        // Platt (1999) section 2.2: targets (N+ + 1)/(N+ + 2) and 1/(N- + 2); the derivatives of the
        // cross-entropy in (a, b) are Σ s·(t − p) and Σ (t − p), written out here apart from the fit.
        var referenceGradient = PlattGradient(scores, labels, reference.Number("platt", "a"), reference.Number("platt", "b"));
        var fittedGradient = PlattGradient(scores, labels, calibrator.A, calibrator.B);
        Assert.True(Math.Abs(referenceGradient.A) + Math.Abs(referenceGradient.B) > 1e-8);
        Assert.True(Math.Abs(fittedGradient.A) + Math.Abs(fittedGradient.B) < 1e-11);
    }

    private static (double A, double B) PlattGradient(double[] scores, double[] labels, double a, double b)
    {
        var positives = labels.Sum();
        var negatives = labels.Length - positives;
        double gradientA = 0, gradientB = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var target = labels[i] == 1 ? (positives + 1) / (positives + 2) : 1 / (negatives + 2);
            var probability = 1 / (1 + Math.Exp(a * scores[i] + b));
            gradientA += scores[i] * (target - probability);
            gradientB += target - probability;
        }

        return (gradientA, gradientB);
    }

    private static void AssertGrid(MetricsReference reference, string key, ICalibrator calibrator)
    {
        var grid = reference.Numbers(key, "grid");
        var expected = reference.Numbers(key, "predict");
        Assert.Equal(expected.Length, grid.Length);
        for (var i = 0; i < grid.Length; i++)
            Assert.Equal(expected[i], calibrator.Calibrate(grid[i]), Tolerance);
    }
}
