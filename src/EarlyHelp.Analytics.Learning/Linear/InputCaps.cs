using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Linear;

/// <summary>
/// Bounds on a logistic regression's inputs: each feature, after its "never" fill, is held within the lower and upper
/// percentiles of its present values in the training rows. A linear model extrapolates without limit, so one count far
/// beyond anything seen in training would otherwise push a family's margin, and its calibrated probability, towards
/// certainty. NaN bounds leave a feature uncapped (no present training value).
/// </summary>
/// <param name="Lower">Each feature's lowest allowed value.</param>
/// <param name="Upper">Each feature's highest allowed value.</param>
public sealed record InputCaps(IReadOnlyList<float> Lower, IReadOnlyList<float> Upper)
{
    /// <summary>The lower percentile, as a fraction: the 0.5th.</summary>
    public const double LowerFraction = 0.005;

    /// <summary>The upper percentile, as a fraction: the 99.5th.</summary>
    public const double UpperFraction = 0.995;

    /// <summary>
    /// The caps of <paramref name="training"/>: per feature, the <see cref="LowerFraction"/> and <see cref="UpperFraction"/>
    /// percentiles of its values with a missing value replaced by its fill in <paramref name="fills"/> (NaN: no fill, the
    /// value is left out, since the mean it later takes lies within the caps anyway).
    /// </summary>
    public static InputCaps Of(DenseDataset training, IReadOnlyList<float> fills)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(fills);
        if (fills.Count != training.FeatureCount)
            throw new ArgumentException($"There are {training.FeatureCount} features but {fills.Count} fill values.", nameof(fills));
        var lower = new float[training.FeatureCount];
        var upper = new float[training.FeatureCount];
        var values = new List<double>(training.RowCount);
        for (var feature = 0; feature < training.FeatureCount; feature++)
        {
            values.Clear();
            for (var row = 0; row < training.RowCount; row++)
            {
                var value = training[row, feature];
                if (float.IsNaN(value))
                    value = fills[feature];
                if (!float.IsNaN(value))
                    values.Add(value);
            }
            values.Sort();
            lower[feature] = (float)Percentile(values, LowerFraction);
            upper[feature] = (float)Percentile(values, UpperFraction);
        }
        return new InputCaps(lower, upper);
    }

    /// <summary>
    /// The <paramref name="fraction"/> percentile of <paramref name="sorted"/> values by linear interpolation between order
    /// statistics at position (n − 1)·fraction (Hyndman and Fan 1996, definition 7; numpy's default); NaN when empty.
    /// </summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (!(fraction is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The 'fraction' must lie in [0, 1].");
        if (sorted.Count == 0)
            return double.NaN;
        var position = (sorted.Count - 1) * fraction;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /// <summary>Feature <paramref name="feature"/>'s <paramref name="value"/> held within its caps; NaN stays NaN.</summary>
    public float Apply(int feature, float value) =>
        value < Lower[feature] ? Lower[feature] : value > Upper[feature] ? Upper[feature] : value;
}
