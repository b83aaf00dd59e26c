namespace EarlyHelp.Analytics.Learning.Linear;

/// <summary>
/// The exact additive explanation of a linear margin m(z) = b + Σ w_j z_j against a baseline row z̄ (the training
/// mean of the standardised features): feature j contributes w_j (z_j − z̄_j), so the contributions add up to
/// m(z) − m(z̄). For a linear model with independent features this is also each feature's Shapley value against that
/// baseline (Lundberg and Lee 2017, "linear SHAP"), so it reads on the same footing as TreeSHAP for trees.
/// </summary>
public static class LinearContributions
{
    /// <summary>The margin b + Σ w_j z_j.</summary>
    public static double Margin(double bias, ReadOnlySpan<double> weights, ReadOnlySpan<float> standardised)
    {
        var row = new double[standardised.Length];
        for (var feature = 0; feature < row.Length; feature++)
            row[feature] = standardised[feature];
        return Baseline(bias, weights, row);
    }

    /// <summary>The margin at a row of doubles, such as the baseline row: b + Σ w_j z̄_j, what the contributions start from.</summary>
    public static double Baseline(double bias, ReadOnlySpan<double> weights, ReadOnlySpan<double> means)
    {
        Check(weights.Length, means.Length);
        var margin = bias;
        for (var feature = 0; feature < weights.Length; feature++)
            margin += weights[feature] * means[feature];
        return margin;
    }

    /// <summary>Writes w_j (z_j − z̄_j) for every feature into <paramref name="contributions"/>.</summary>
    public static void Write(ReadOnlySpan<double> weights, ReadOnlySpan<double> means, ReadOnlySpan<float> standardised, Span<double> contributions)
    {
        Check(weights.Length, means.Length);
        Check(weights.Length, standardised.Length);
        Check(weights.Length, contributions.Length);
        for (var feature = 0; feature < weights.Length; feature++)
            contributions[feature] = weights[feature] * (standardised[feature] - means[feature]);
    }

    private static void Check(int expected, int actual)
    {
        if (actual != expected)
            throw new ArgumentException($"The model has {expected} weights but the row has {actual} values.");
    }
}
