using System.Globalization;
using System.Text.Json.Serialization;

namespace EarlyHelp.Analytics.Pipelines.Comparison;

/// <summary>
/// Which of the run's two candidate models the analysts should put forward, and why. The tuned logistic
/// regression is the simpler model: its weights can be read whole, and each family's evidence is its features
/// times their weights. Trees are worth their opacity only when they rank better by more than chance, so
/// they are recommended only when the paired interval of their AUC lead over the regression excludes a tie
/// (and they are not behind at the panel's capacity); otherwise the regression is. Breiman's "Occam's
/// dilemma" (Statistical Modeling: The Two Cultures, 2001) and Rudin's case for interpretable models in
/// high-stakes decisions (Nature Machine Intelligence 1, 2019) are the reasoning; the criterion is the one
/// promotion applies, so a candidate the run does not recommend cannot be promoted.
/// </summary>
/// <param name="Model"><see cref="Trees"/> or <see cref="LogisticRegression"/>.</param>
/// <param name="Reason">The figures behind the choice, in a sentence.</param>
public sealed record ModelRecommendation(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("reason")] string Reason)
{
    /// <summary>The gradient-boosted trees.</summary>
    public const string Trees = Learning.Models.ModelKind.Trees;

    /// <summary>The logistic regression tuned on the validation families.</summary>
    public const string LogisticRegression = Learning.Models.ModelKind.LogisticRegression;

    /// <summary>Whether the trees are the recommended model.</summary>
    [JsonIgnore]
    public bool RecommendsTrees => Model == Trees;

    /// <summary>Recommends from the trees' paired comparison with the logistic regression on the test families.</summary>
    /// <param name="treesAgainstLogistic">The trees minus the regression, with paired bootstrap intervals.</param>
    public static ModelRecommendation From(ScorerDifference treesAgainstLogistic)
    {
        ArgumentNullException.ThrowIfNull(treesAgainstLogistic);
        var auc = treesAgainstLogistic.Differences[MetricNames.Auc];
        var precision = treesAgainstLogistic.Differences[MetricNames.PrecisionAtCapacity];
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"the trees' AUC lead over the logistic regression is {auc.Value:+0.000;-0.000} (95% interval {auc.Interval.Lower:+0.000;-0.000} to {auc.Interval.Upper:+0.000;-0.000}) and their precision at capacity differs by {precision.Value:+0.0%;-0.0%}");
        return treesAgainstLogistic.Beats()
            ? new ModelRecommendation(Trees, $"The gradient-boosted trees: {figures}, a lead beyond chance.")
            : new ModelRecommendation(LogisticRegression, $"The logistic regression, the simpler model: {figures}, which does not show the trees ahead beyond chance.");
    }
}
