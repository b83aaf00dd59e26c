using System.Text.Json;
using EarlyHelp.Analytics.Learning.Calibration;

namespace EarlyHelp.Analytics.Learning.Tests.Calibration;

public sealed class PlattCalibratorTests
{
    [Fact]
    public void Calibrate_KnownParameters_IsTheLogisticOfMinusAsPlusB()
    {
        // a = −2, b = 1, s = 1: p = 1 / (1 + e^(−1)) = 0.7310585786300049.
        var calibrator = new PlattCalibrator(-2, 1);

        Assert.Equal(0.7310585786300049, calibrator.Calibrate(1), 15);
    }

    [Fact]
    public void Fit_ScoresThatSeparateTheClasses_StaysFiniteThanksToTargetSmoothing()
    {
        // Without Platt's smoothed targets the likelihood of separable data grows without bound as
        // a → −∞; with them the fit is finite and ranks the classes correctly.
        double[] scores = [0.1, 0.2, 0.8, 0.9];
        double[] labels = [0, 0, 1, 1];

        var calibrator = PlattCalibrator.Fit(scores, labels);

        Assert.True(double.IsFinite(calibrator.A) && calibrator.A < 0);
        Assert.True(calibrator.Calibrate(0.9) > 0.5 && calibrator.Calibrate(0.1) < 0.5);
    }

    [Fact]
    public void Fit_AllScoresEqual_ReturnsTheSmoothedBaseRate()
    {
        // With one score value only b matters, and the fit makes the mean prediction equal to the
        // mean smoothed target: one positive of 4 gives targets (1+1)/(1+2) = 2/3 and 1/(3+2) = 1/5,
        // mean (2/3 + 3·1/5) / 4 = 19/60.
        double[] scores = [0.5, 0.5, 0.5, 0.5];
        double[] labels = [1, 0, 0, 0];

        var calibrator = PlattCalibrator.Fit(scores, labels);

        Assert.Equal(19.0 / 60.0, calibrator.Calibrate(0.5), 9);
    }

    [Fact]
    public void Describe_SerialisedAsJson_HasTheStoredShape()
    {
        var description = new PlattCalibrator(-4.5, 2.25).Describe();

        var json = JsonSerializer.Serialize(description);
        var rebuilt = JsonSerializer.Deserialize<CalibratorDescription>(json)!.ToCalibrator();

        Assert.Equal("""{"kind":"platt","a":-4.5,"b":2.25}""", json);
        Assert.Equal(new PlattCalibrator(-4.5, 2.25), rebuilt);
    }

    [Fact]
    public void ToCalibrator_UnknownKind_ThrowsNamingTheKnownKinds()
    {
        var description = new CalibratorDescription { Kind = "beta" };

        var error = Assert.Throws<InvalidDataException>(description.ToCalibrator);

        Assert.Equal("The calibrator kind 'beta' is unknown; expected 'platt' or 'isotonic'.", error.Message);
    }
}
