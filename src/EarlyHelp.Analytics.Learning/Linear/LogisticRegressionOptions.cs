using System.Globalization;

namespace EarlyHelp.Analytics.Learning.Linear;

/// <summary>Settings for <see cref="LogisticRegressionTrainer"/>.</summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>
    /// C, the inverse regularisation strength: the objective is 0.5·‖w‖² + C·Σ weight·log loss, with the
    /// intercept not penalised (scikit-learn's convention). Default 1; must be positive.
    /// </summary>
    public double InverseRegularisation { get; init; } = 1.0;

    /// <summary>
    /// Fit on features centred and scaled to unit variance, so that the penalty treats features alike.
    /// Coefficients are still reported on the original scale. Default false (the plain textbook fit).
    /// </summary>
    public bool Standardise { get; init; }

    /// <summary>Newton iterations at most. Default 100; at least 1.</summary>
    public int MaximumIterations { get; init; } = 100;

    /// <summary>
    /// Stop when no parameter moves by more than Tolerance · (1 + the largest parameter). Default 1e-10;
    /// must be positive. Newton's method converges quadratically, so the fit is then exact to rounding.
    /// </summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Every problem with the settings, one message each; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (!(InverseRegularisation > 0) || double.IsInfinity(InverseRegularisation))
            yield return Invariant($"The 'InverseRegularisation' option must be a positive number. Got {InverseRegularisation} instead.");
        if (MaximumIterations < 1)
            yield return Invariant($"The 'MaximumIterations' option must be at least 1. Got {MaximumIterations} instead.");
        if (!(Tolerance > 0))
            yield return Invariant($"The 'Tolerance' option must be positive. Got {Tolerance} instead.");
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, or returns when valid.</summary>
    public void EnsureValid()
    {
        var problems = Validate().ToList();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
