namespace EarlyHelp.Analytics.Learning.Calibration;

/// <summary>Which of ML.NET's calibrators maps raw scores to probabilities.</summary>
public enum CalibrationMethod
{
    /// <summary>Platt scaling (Platt 1999): p = 1 / (1 + exp(a·score + b)), two parameters fitted by maximum likelihood.</summary>
    Platt,

    /// <summary>Isotonic regression by pool-adjacent-violators (Zadrozny and Elkan 2002): a non-decreasing step function.</summary>
    Isotonic,
}
