namespace EarlyHelp.Analytics.Learning.Data;

/// <summary>
/// A dense matrix of features in row-major order with <see cref="float.NaN"/> as missing, its
/// feature names, and optional labels and row weights: the input every trainer and predictor takes.
/// </summary>
public sealed class DenseDataset
{
    private readonly float[] values;

    /// <summary>Wraps <paramref name="values"/> (row-major, <c>rows × featureNames.Count</c>) without copying.</summary>
    /// <param name="featureNames">Name of each column; names must be distinct.</param>
    /// <param name="values">Feature values, row after row; NaN marks a missing value.</param>
    /// <param name="labels">One label per row (0 or 1 for binary tasks), or null when unlabelled.</param>
    /// <param name="weights">One non-negative weight per row, or null for equal weights.</param>
    public DenseDataset(IReadOnlyList<string> featureNames, float[] values, float[]? labels = null, float[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(values);
        if (featureNames.Count == 0)
            throw new ArgumentException("A dataset needs at least one feature.", nameof(featureNames));
        if (values.Length % featureNames.Count != 0)
            throw new ArgumentException(
                $"The value count {values.Length} is not a multiple of the feature count {featureNames.Count}.", nameof(values));
        var duplicate = featureNames.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"The feature name '{duplicate.Key}' appears more than once.", nameof(featureNames));

        FeatureNames = featureNames;
        this.values = values;
        RowCount = values.Length / featureNames.Count;
        if (labels is not null && labels.Length != RowCount)
            throw new ArgumentException($"There are {labels.Length} labels for {RowCount} rows.", nameof(labels));
        if (weights is not null && weights.Length != RowCount)
            throw new ArgumentException($"There are {weights.Length} weights for {RowCount} rows.", nameof(weights));
        Labels = labels;
        Weights = weights;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of feature columns.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>Column names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Labels, one per row, or null when the dataset is unlabelled.</summary>
    public float[]? Labels { get; }

    /// <summary>Row weights, or null when every row weighs 1.</summary>
    public float[]? Weights { get; }

    /// <summary>All values, row-major.</summary>
    public ReadOnlySpan<float> Values => values;

    /// <summary>The feature values of one row.</summary>
    public ReadOnlySpan<float> Row(int row) => values.AsSpan(row * FeatureCount, FeatureCount);

    /// <summary>The value at a row and column (NaN when missing).</summary>
    public float this[int row, int feature] => values[row * FeatureCount + feature];

    /// <summary>A dataset of the given rows, in the given order (for splits and resampling).</summary>
    public DenseDataset Select(IReadOnlyList<int> rows)
    {
        var width = FeatureCount;
        var selected = new float[rows.Count * width];
        for (var i = 0; i < rows.Count; i++)
            values.AsSpan(rows[i] * width, width).CopyTo(selected.AsSpan(i * width, width));
        return new DenseDataset(FeatureNames, selected,
            Labels is null ? null : rows.Select(r => Labels[r]).ToArray(),
            Weights is null ? null : rows.Select(r => Weights[r]).ToArray());
    }
}
