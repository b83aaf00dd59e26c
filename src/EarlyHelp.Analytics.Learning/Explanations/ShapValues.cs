namespace EarlyHelp.Analytics.Learning.Explanations;

/// <summary>
/// Per-feature contributions for a set of rows (TreeSHAP for trees, linear contributions for a regression): one
/// value per row and feature, which with <see cref="ExpectedValue"/> add up to the log-odds of each row's score.
/// </summary>
public sealed class ShapValues
{
    private readonly double[] values;

    internal ShapValues(IReadOnlyList<string> featureNames, double expectedValue, double[] values)
    {
        FeatureNames = featureNames;
        ExpectedValue = expectedValue;
        this.values = values;
        RowCount = values.Length / featureNames.Count;
    }

    /// <summary>Feature names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The log-odds the contributions start from: with no feature known (TreeSHAP), or at the training mean (linear).</summary>
    public double ExpectedValue { get; }

    /// <summary>Number of rows explained.</summary>
    public int RowCount { get; }

    /// <summary>The contributions to one row's log-odds, one per feature.</summary>
    public ReadOnlySpan<double> Row(int row) => values.AsSpan(row * FeatureNames.Count, FeatureNames.Count);

    /// <summary>The contribution of a feature to a row's log-odds.</summary>
    public double this[int row, int feature] => values[row * FeatureNames.Count + feature];

    /// <summary>Global importance: each feature's mean absolute contribution over the rows.</summary>
    public double[] MeanAbsolute()
    {
        var width = FeatureNames.Count;
        var sums = new double[width];
        for (var row = 0; row < RowCount; row++)
        {
            for (var feature = 0; feature < width; feature++)
                sums[feature] += Math.Abs(values[row * width + feature]);
        }

        for (var feature = 0; feature < width; feature++)
            sums[feature] /= Math.Max(1, RowCount);
        return sums;
    }

    /// <summary>
    /// The <paramref name="count"/> features with the largest absolute contribution to a row,
    /// largest first (ties by column order): the reasons behind one prediction.
    /// </summary>
    public IReadOnlyList<(int Feature, double Contribution)> Top(int row, int count)
    {
        var contributions = Row(row).ToArray();
        return [.. Enumerable.Range(0, contributions.Length)
            .OrderByDescending(feature => Math.Abs(contributions[feature]))
            .ThenBy(feature => feature)
            .Take(count)
            .Select(feature => (feature, contributions[feature]))];
    }
}
