using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace EarlyHelp.Analytics.Learning.Linear;

/// <summary>
/// ML.NET's L-BFGS logistic regression with an L2 penalty only, set up so that a fit is the same on every machine.
/// Its objective is the summed log loss plus <c>penalty / 2 · ‖w‖²</c> with the intercept unpenalised, which is
/// scikit-learn's <c>0.5 · ‖w‖² + C · Σ log loss</c> divided by C: a penalty λ is scikit-learn's C = 1 / λ.
/// </summary>
public static class PenalisedLogisticRegression
{
    /// <summary>
    /// The L2 penalties a tuned regression tries, a decade apart from almost none (C = 100) to very strong
    /// (C = 0.0001). On a few thousand escalations and over a hundred correlated features the unpenalised fit
    /// overfits badly, and the best penalty can lie in the thousands; the grid reaches far enough that the
    /// chosen value is not its edge in the runs measured (docs/validation.md).
    /// </summary>
    public static IReadOnlyList<float> Grid { get; } = [0.01f, 0.1f, 1f, 10f, 100f, 1_000f, 10_000f];

    /// <summary>The trainer for <paramref name="penalty"/>, reading <paramref name="labelColumn"/> and <paramref name="featureColumn"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="penalty"/> is negative or not finite.</exception>
    public static LbfgsLogisticRegressionBinaryTrainer Trainer(MLContext context, float penalty, string labelColumn, string featureColumn)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!(penalty >= 0 && float.IsFinite(penalty)))
            throw new ArgumentOutOfRangeException(nameof(penalty), penalty, "The 'penalty' must be a finite number of at least 0.");
        return context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = labelColumn,
            FeatureColumnName = featureColumn,
            L2Regularization = penalty,
            L1Regularization = 0,
            // One thread: the gradient is then summed in one order, so the fit is the same on every machine.
            NumberOfThreads = 1,
        });
    }

    /// <summary>scikit-learn's C for <paramref name="penalty"/>: its reciprocal.</summary>
    public static double InverseStrength(float penalty) => 1.0 / penalty;
}
