using System.Globalization;
using EarlyHelp.Analytics.Learning.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace EarlyHelp.Analytics.Learning.Linear;

/// <summary>
/// The missing-value transform and standardisation a logistic regression reads its features through, saved inside
/// its model zip so that scoring fills and scales a row exactly as training did. A feature given a fill value (e.g.
/// "longer ago than anything seen" for a "months since" with no record) has its NaN replaced by it on its own column;
/// with <see cref="InputCaps"/>, each feature is then held within its caps on that column too; every NaN left takes the
/// training mean (of the capped values, so within the caps); then each feature is scaled by ML.NET's mean–variance
/// normaliser, fitted on the capped values, so every standardised input lies within its standardised caps.
/// </summary>
public static class LinearFeaturizer
{
    /// <summary>The column holding the features after filling, before scaling.</summary>
    public const string ImputedColumn = "Imputed";

    /// <summary>
    /// The transform, fitted on <paramref name="training"/> (the means and scales are learned there);
    /// <paramref name="fills"/> holds one value per feature, NaN for "take the training mean"; <paramref name="caps"/>,
    /// when given, bounds each feature after its fill.
    /// </summary>
    public static ITransformer Fit(MLContext context, DenseDataset training, IReadOnlyList<float> fills, InputCaps? caps = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(fills);
        var names = training.FeatureNames;
        if (fills.Count != names.Count)
            throw new ArgumentException($"There are {names.Count} features but {fills.Count} fill values.", nameof(fills));
        if (caps is not null && (caps.Lower.Count != names.Count || caps.Upper.Count != names.Count))
            throw new ArgumentException($"There are {names.Count} features but {caps.Lower.Count} lower and {caps.Upper.Count} upper caps.", nameof(caps));
        var gathered = new string[names.Count];
        IEstimator<ITransformer> estimator = new EstimatorChain<ITransformer>();
        for (var feature = 0; feature < names.Count; feature++)
        {
            gathered[feature] = names[feature];
            var expression = Expression(fills[feature], caps, feature);
            if (expression is null)
                continue;
            gathered[feature] = FilledColumn(names, feature);
            estimator = estimator.Append(context.Transforms.Expression(gathered[feature], expression, names[feature]));
        }

        return estimator
            .Append(context.Transforms.Concatenate("RawFeatures", gathered))
            .Append(context.Transforms.ReplaceMissingValues(ImputedColumn, "RawFeatures", MissingValueReplacingEstimator.ReplacementMode.Mean))
            .Append(context.Transforms.NormalizeMeanVariance(FeatureFrame.FeaturesColumn, ImputedColumn))
            .Fit(FeatureFrame.From(training));
    }

    /// <summary>The mean of every standardised feature over <paramref name="training"/>: the baseline row of the contributions.</summary>
    public static double[] StandardisedMeans(ITransformer featurizer, DenseDataset training)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(training);
        var sums = new double[training.FeatureCount];
        var rows = 0;
        foreach (var row in featurizer.Transform(FeatureFrame.From(training, withLabel: false)).GetColumn<VBuffer<float>>(FeatureFrame.FeaturesColumn))
        {
            var feature = 0;
            foreach (var value in row.DenseValues())
                sums[feature++] += value;
            rows++;
        }

        return [.. sums.Select(sum => sum / Math.Max(1, rows))];
    }

    /// <summary>ML.NET's expression for "NaN becomes <paramref name="fill"/>"; the literal reads back to the same float.</summary>
    internal static string FillExpression(float fill) => $"x => isna(x) ? {Literal(fill)} : x";

    /// <summary>
    /// The feature's fill and cap as one ML.NET expression, or null when it has neither. A fill is itself capped; a NaN
    /// without a fill fails both comparisons and stays NaN for the mean imputation.
    /// </summary>
    internal static string? Expression(float fill, InputCaps? caps, int feature)
    {
        var capped = caps is not null && !float.IsNaN(caps.Lower[feature]) && !float.IsNaN(caps.Upper[feature]);
        if (!capped)
            return float.IsNaN(fill) ? null : FillExpression(fill);
        var (lower, upper) = (Literal(caps!.Lower[feature]), Literal(caps.Upper[feature]));
        var bounded = $"(x < {lower} ? {lower} : (x > {upper} ? {upper} : x))";
        return float.IsNaN(fill) ? "x => " + bounded : $"x => isna(x) ? {Literal(caps.Apply(feature, fill))} : {bounded}";
    }

    /// <summary>A float literal ML.NET's expression language reads back to the same bits: shortest round-trip digits, negatives bracketed.</summary>
    private static string Literal(float value)
    {
        var digits = value.ToString("R", CultureInfo.InvariantCulture);
        return value < 0 ? $"({digits})" : digits;
    }

    /// <summary>The scratch column a filled feature is written into; it must not shadow a feature.</summary>
    private static string FilledColumn(IReadOnlyList<string> names, int feature)
    {
        var name = $"{names[feature]}.Filled";
        return names.Contains(name)
            ? throw new ArgumentException($"A feature may not be named '{name}': the model fills '{names[feature]}' into a column of that name.")
            : name;
    }
}
