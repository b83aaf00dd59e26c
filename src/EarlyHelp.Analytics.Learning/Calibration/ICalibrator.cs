namespace EarlyHelp.Analytics.Learning.Calibration;

/// <summary>
/// Maps a model's raw score to a calibrated probability. A calibrator is fitted on held-out scores,
/// apart from the model, and is stored beside it through its <see cref="Describe"/> record.
/// </summary>
public interface ICalibrator
{
    /// <summary>The calibrated probability for a raw score (NaN stays NaN).</summary>
    double Calibrate(double score);

    /// <summary>The plain, serialisable description from which <see cref="CalibratorDescription.ToCalibrator"/> rebuilds this calibrator.</summary>
    CalibratorDescription Describe();
}
