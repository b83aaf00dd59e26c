namespace EarlyHelp.Analytics.Learning.Data;

/// <summary>
/// How each feature's values map to small integer bins: bin 0 holds missing values (NaN) and bins
/// 1…k hold values in ascending ranges separated by the stored upper bounds. Fitted once on the
/// training data and kept with the model, so that new data is binned exactly as the training data was.
/// </summary>
public sealed class FeatureBinning
{
    /// <summary>The bin of a missing value.</summary>
    public const byte MissingBin = 0;

    /// <summary>The most value bins a feature can have: bin numbers, the missing bin included, fit in a byte.</summary>
    public const int MaximumValueBinCount = 255;

    /// <summary>
    /// Rows sampled to choose the bounds when the data is larger: the quantiles of 200,000 values
    /// are within about 0.2% of the full data's (LightGBM samples the same number by default).
    /// </summary>
    public const int SampleSize = 200_000;

    private readonly float[][] upperBounds;

    /// <summary>A binning with the given bounds per feature (each ascending, distinct, not NaN).</summary>
    public FeatureBinning(IReadOnlyList<string> featureNames, IReadOnlyList<float[]> upperBounds)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(upperBounds);
        if (featureNames.Count != upperBounds.Count)
            throw new ArgumentException($"There are {upperBounds.Count} bound lists for {featureNames.Count} features.", nameof(upperBounds));
        for (var feature = 0; feature < upperBounds.Count; feature++)
        {
            var bounds = upperBounds[feature];
            if (bounds.Length > MaximumValueBinCount - 1)
                throw new ArgumentException($"Feature '{featureNames[feature]}' has {bounds.Length + 1} bins; at most {MaximumValueBinCount} are allowed.", nameof(upperBounds));
            for (var i = 0; i < bounds.Length; i++)
            {
                if (float.IsNaN(bounds[i]) || (i > 0 && !(bounds[i - 1] < bounds[i])))
                    throw new ArgumentException($"The bin bounds of feature '{featureNames[feature]}' are not strictly ascending numbers.", nameof(upperBounds));
            }
        }

        FeatureNames = featureNames;
        this.upperBounds = [.. upperBounds.Select(b => (float[])b.Clone())];
    }

    /// <summary>Feature names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Number of features.</summary>
    public int FeatureCount => upperBounds.Length;

    /// <summary>The upper bounds of the value bins of <paramref name="feature"/> but the last, ascending.</summary>
    public ReadOnlySpan<float> UpperBounds(int feature) => upperBounds[feature];

    /// <summary>Number of value bins of <paramref name="feature"/> (the missing bin not counted).</summary>
    public int ValueBinCount(int feature) => upperBounds[feature].Length + 1;

    /// <summary>The bin of <paramref name="value"/> for <paramref name="feature"/>: 0 when missing, else 1…<see cref="ValueBinCount"/>.</summary>
    public byte BinOf(int feature, float value) => BinOf(upperBounds[feature], value);

    /// <summary>
    /// The largest value that falls in <paramref name="bin"/> or below, as a split threshold:
    /// <c>value ≤ threshold</c> exactly when <c>BinOf(value) ≤ bin</c> (positive infinity for the last bin).
    /// </summary>
    public float Threshold(int feature, int bin)
    {
        var bounds = upperBounds[feature];
        if (bin < 1 || bin > bounds.Length + 1)
            throw new ArgumentOutOfRangeException(nameof(bin), bin, $"Feature '{FeatureNames[feature]}' has value bins 1 to {bounds.Length + 1}.");
        return bin <= bounds.Length ? bounds[bin - 1] : float.PositiveInfinity;
    }

    /// <summary>
    /// Fits bounds for every feature of <paramref name="data"/>: exact bins when a feature has at
    /// most <paramref name="maximumBinCountPerFeature"/> distinct values, quantile bins otherwise,
    /// from all rows or a fixed sample of <see cref="SampleSize"/> rows.
    /// </summary>
    public static FeatureBinning Fit(DenseDataset data, int maximumBinCountPerFeature, int? numberOfThreads = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (maximumBinCountPerFeature is < 2 or > MaximumValueBinCount)
            throw new ArgumentOutOfRangeException(nameof(maximumBinCountPerFeature), maximumBinCountPerFeature, $"The bin count must be in [2, {MaximumValueBinCount}].");

        var rows = SampleRows(data.RowCount);
        var threads = ParallelWork.ThreadCount(numberOfThreads);
        var width = data.FeatureCount;
        // The sampled rows column by column, read row by row: one pass over each row's cache lines.
        var columns = new float[width][];
        for (var feature = 0; feature < width; feature++)
            columns[feature] = new float[rows.Length];
        ParallelWork.ForBlocks(rows.Length, 4096, threads, (_, start, end) =>
        {
            var all = data.Values;
            for (var i = start; i < end; i++)
            {
                var row = all.Slice(rows[i] * width, width);
                for (var feature = 0; feature < width; feature++)
                    columns[feature][i] = row[feature];
            }
        });

        var bounds = new float[width][];
        ParallelWork.For(width, threads, feature =>
        {
            var values = columns[feature];
            var present = 0;
            foreach (var value in values)
            {
                if (!float.IsNaN(value))
                    values[present++] = value;
            }

            FloatRadixSort.Sort(values.AsSpan(0, present));
            bounds[feature] = BinBoundaries.Find(values.AsSpan(0, present), maximumBinCountPerFeature);
        });
        return new FeatureBinning(data.FeatureNames, bounds);
    }

    internal static byte BinOf(float[] bounds, float value)
    {
        if (float.IsNaN(value))
            return MissingBin;
        // Lower bound: the number of bounds strictly below the value.
        int low = 0, high = bounds.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (bounds[middle] < value)
                low = middle + 1;
            else
                high = middle;
        }

        return (byte)(low + 1);
    }

    /// <summary>All rows, or a sorted random sample of <see cref="SampleSize"/> rows drawn with a fixed seed.</summary>
    private static int[] SampleRows(int rowCount)
    {
        if (rowCount <= SampleSize)
            return [.. Enumerable.Range(0, rowCount)];
        return Sampling.SortedSubset(new Random(20_240_611), rowCount, SampleSize);
    }
}
