using EarlyHelp.Analytics.Learning.Calibration;

namespace EarlyHelp.Analytics.Learning.Tests.Calibration;

public sealed class IsotonicCalibratorTests
{
    [Fact]
    public void Fit_OneViolatingRun_PoolsItAndInterpolatesBetweenThresholds()
    {
        // Scores 1..4 with labels 1, 0, 0, 1. PAV: 1 > 0 pools rows 1-2 (mean 1/2), 1/2 > 0 pools
        // row 3 too (mean 1/3), 1/3 < 1 stops: fitted 1/3, 1/3, 1/3, 1. Score 2 equals both
        // neighbours and is dropped, leaving thresholds 1, 3, 4. Between 3 and 4 the prediction is
        // linear: at 3.5, 1/3 + 0.5·(1 − 1/3) = 2/3.
        double[] scores = [1, 2, 3, 4];
        double[] labels = [1, 0, 0, 1];

        var calibrator = IsotonicCalibrator.Fit(scores, labels);

        Assert.Equal([1.0, 3.0, 4.0], calibrator.Thresholds);
        Assert.Equal(1.0 / 3.0, calibrator.Values[0], 15);
        Assert.Equal(2.0 / 3.0, calibrator.Calibrate(3.5), 15);
    }

    [Fact]
    public void Calibrate_OutsideTheFittedRange_ClipsToTheEnds()
    {
        double[] scores = [1, 2, 3, 4];
        double[] labels = [1, 0, 0, 1];

        var calibrator = IsotonicCalibrator.Fit(scores, labels);

        Assert.Equal(1.0 / 3.0, calibrator.Calibrate(-10), 15);
        Assert.Equal(1.0, calibrator.Calibrate(10), 15);
    }

    [Fact]
    public void Fit_TiedScores_MergesThemIntoTheirMeanLabelFirst()
    {
        // Two rows at score 1 (labels 1, 0) become one point (1, 1/2) of weight 2; then (2, 0)
        // violates it and pools: (2·1/2 + 0) / 3 = 1/3 everywhere.
        double[] scores = [1, 1, 2];
        double[] labels = [1, 0, 0];

        var calibrator = IsotonicCalibrator.Fit(scores, labels);

        Assert.Equal([1.0, 2.0], calibrator.Thresholds);
        Assert.Equal(1.0 / 3.0, calibrator.Values[0], 15);
        Assert.Equal(1.0 / 3.0, calibrator.Values[1], 15);
    }

    [Fact]
    public void Fit_Weights_ActAsRepeatedRows()
    {
        // Weight 3 on the positive at score 1 against a negative at score 2: pooled (3·1 + 0) / 4.
        double[] scores = [1, 2];
        double[] labels = [1, 0];

        var calibrator = IsotonicCalibrator.Fit(scores, labels, [3, 1]);

        Assert.Equal(0.75, calibrator.Calibrate(1.5), 15);
    }

    [Fact]
    public void Describe_RoundTripsThroughTheDescription()
    {
        var calibrator = IsotonicCalibrator.Fit(new double[] { 0.1, 0.4, 0.7 }, new double[] { 0, 1, 1 });

        var rebuilt = calibrator.Describe().ToCalibrator();

        Assert.Equal(calibrator.Calibrate(0.25), rebuilt.Calibrate(0.25));
    }

    [Fact]
    public void Constructor_DecreasingValues_ThrowsNamingThePoint()
    {
        var error = Assert.Throws<InvalidDataException>(() => new IsotonicCalibrator([0.1, 0.2], [0.5, 0.4]));

        Assert.Equal("Isotonic values must not decrease; value 1 (0.4) is below value 0 (0.5).", error.Message);
    }
}
