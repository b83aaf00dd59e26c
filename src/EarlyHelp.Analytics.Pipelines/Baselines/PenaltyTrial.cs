using System.Text.Json.Serialization;

namespace EarlyHelp.Analytics.Pipelines.Baselines;

/// <summary>One L2 penalty the logistic baseline tried, with how it did on the validation families.</summary>
/// <param name="Penalty">ML.NET's L2 weight on standardised features.</param>
/// <param name="InverseRegularization">The same as scikit-learn's C, its reciprocal.</param>
/// <param name="ValidationLogLoss">Log loss (natural log) of the uncalibrated probabilities on the validation families.</param>
/// <param name="ValidationAuc">ROC AUC on the validation families.</param>
public sealed record PenaltyTrial(
    [property: JsonPropertyName("penalty")] float Penalty,
    [property: JsonPropertyName("c")] double InverseRegularization,
    [property: JsonPropertyName("validation_log_loss")] double ValidationLogLoss,
    [property: JsonPropertyName("validation_auc")] double ValidationAuc);

/// <summary>How the logistic baseline's penalty was chosen, as <c>metrics.json</c> records it.</summary>
/// <param name="Penalty">The chosen L2 weight: the lowest validation log loss.</param>
/// <param name="InverseRegularization">The chosen penalty as scikit-learn's C.</param>
/// <param name="TrainingRows">Rows the regression was fitted on.</param>
/// <param name="Trials">Every penalty tried.</param>
public sealed record LogisticTuning(
    [property: JsonPropertyName("penalty")] float Penalty,
    [property: JsonPropertyName("c")] double InverseRegularization,
    [property: JsonPropertyName("training_rows")] int TrainingRows,
    [property: JsonPropertyName("grid")] IReadOnlyList<PenaltyTrial> Trials)
{
    /// <summary>The tuning of a fitted baseline.</summary>
    public static LogisticTuning Of(LogisticBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return new LogisticTuning(baseline.Regularization, baseline.InverseRegularization, baseline.TrainingRows, baseline.Trials);
    }
}
