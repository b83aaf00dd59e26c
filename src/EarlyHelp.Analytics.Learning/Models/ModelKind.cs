namespace EarlyHelp.Analytics.Learning.Models;

/// <summary>
/// The kinds of model a training run can save, as the model folder, the report and the registry name them. The kind
/// decides how the folder is loaded and how a family's score is explained.
/// </summary>
public static class ModelKind
{
    /// <summary>Gradient-boosted trees, explained by exact TreeSHAP.</summary>
    public const string Trees = "gradient_boosted_trees";

    /// <summary>An L2-penalised logistic regression on standardised features, explained by linear contributions.</summary>
    public const string LogisticRegression = "logistic_regression";

    /// <summary>Whether <paramref name="kind"/> is one of the kinds above.</summary>
    public static bool IsKnown(string? kind) => kind is Trees or LogisticRegression;
}
