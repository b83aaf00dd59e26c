using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>Where a feature's missing values sit among its values before the trees see them.</summary>
public enum MissingValueSide
{
    /// <summary>Below every value (<see cref="MissingValues.Sentinel"/>): "never happened" for counts and recencies.</summary>
    Low,

    /// <summary>Above every value (<see cref="MissingValues.HighSentinel"/>).</summary>
    High,
}

/// <summary>How <see cref="GradientBoostingTrainer"/> chooses each feature's <see cref="MissingValueSide"/>.</summary>
public enum MissingValuePolicy
{
    /// <summary>Every feature's missing values go low: the product's reading of missing as "never happened".</summary>
    BelowEveryValue,

    /// <summary>Each feature's side is learned from the training rows (<see cref="MissingValuePlacement.Learn"/>).</summary>
    LearnedPerFeature,
}

/// <summary>
/// The side each feature's missing values are placed on, fitted on the training rows and kept with the
/// model, so that training, scoring, the node counts and TreeSHAP all fill a NaN the same way. A
/// placement is a substitution of one value for NaN in the feature's own slot, so TreeSHAP's credit
/// for a missing value stays on the missing feature. Immutable.
/// </summary>
public sealed class MissingValuePlacement
{
    /// <summary>The share of a feature's present values at each end whose label rate is compared with the missing rows': 10%.</summary>
    public const double EndShare = 0.1;

    private readonly MissingValueSide[] sides;
    private readonly float[] fills;

    /// <summary>A placement with one side per feature, in the model's feature order.</summary>
    public MissingValuePlacement(IReadOnlyList<MissingValueSide> sides)
    {
        ArgumentNullException.ThrowIfNull(sides);
        this.sides = [.. sides];
        fills = [.. this.sides.Select(MissingValues.SentinelOf)];
    }

    /// <summary>The side of each feature, in feature order.</summary>
    public IReadOnlyList<MissingValueSide> Sides => sides;

    /// <summary>Whether any feature's missing values go high (otherwise the placement is the product's default).</summary>
    public bool AnyHigh => sides.Contains(MissingValueSide.High);

    /// <summary>Every one of <paramref name="featureCount"/> features placed low.</summary>
    public static MissingValuePlacement AllLow(int featureCount) => new(new MissingValueSide[featureCount]);

    /// <summary>
    /// The side for each feature of <paramref name="training"/>, by a rule fixed in advance: a feature with
    /// missing cells goes high when the label rate of its missing rows is strictly closer to that of its
    /// highest-valued present rows than to that of its lowest (each end the <see cref="EndShare"/> of present
    /// rows, ties at the cut included whole); otherwise, and for a feature with no missing cell or no present
    /// one, it stays low. The trees then split the missing rows off together with the end they resemble,
    /// rather than always with the lowest values (as XGBoost chooses, per split, where missing rows go).
    /// </summary>
    /// <exception cref="ArgumentException">The data lacks labels.</exception>
    public static MissingValuePlacement Learn(DenseDataset training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var labels = training.Labels ?? throw new ArgumentException("Learning where missing values go needs labels.", nameof(training));
        var sides = new MissingValueSide[training.FeatureCount];
        for (var feature = 0; feature < sides.Length; feature++)
            sides[feature] = SideOf(training, labels, feature);
        return new MissingValuePlacement(sides);
    }

    private static MissingValueSide SideOf(DenseDataset data, ReadOnlySpan<float> labels, int feature)
    {
        var width = data.FeatureCount;
        var values = data.Values;
        var present = new List<float>(data.RowCount);
        var (missing, missingPositive) = (0, 0.0);
        for (var row = 0; row < data.RowCount; row++)
        {
            var value = values[row * width + feature];
            if (float.IsNaN(value))
                (missing, missingPositive) = (missing + 1, missingPositive + labels[row]);
            else
                present.Add(value);
        }

        if (missing == 0 || present.Count == 0)
            return MissingValueSide.Low;
        var sorted = present.ToArray();
        Array.Sort(sorted);
        var end = Math.Max(1, (int)Math.Ceiling(EndShare * sorted.Length));
        var (lowCut, highCut) = (sorted[end - 1], sorted[^end]);
        double lowRows = 0, lowPositive = 0, highRows = 0, highPositive = 0;
        for (var row = 0; row < data.RowCount; row++)
        {
            var value = values[row * width + feature];
            if (value <= lowCut)
                (lowRows, lowPositive) = (lowRows + 1, lowPositive + labels[row]);
            if (value >= highCut)
                (highRows, highPositive) = (highRows + 1, highPositive + labels[row]);
        }

        var missingRate = missingPositive / missing;
        var towardsLow = Math.Abs(lowPositive / lowRows - missingRate);
        var towardsHigh = Math.Abs(highPositive / highRows - missingRate);
        return towardsHigh < towardsLow ? MissingValueSide.High : MissingValueSide.Low;
    }

    /// <summary>The value the trees see for <paramref name="value"/> of <paramref name="feature"/>.</summary>
    public float Fill(int feature, float value) => float.IsNaN(value) ? fills[feature] : value;

    /// <summary>Copies <paramref name="row"/> (one row's features) into <paramref name="filled"/> with every NaN placed.</summary>
    public void Fill(ReadOnlySpan<float> row, Span<float> filled)
    {
        for (var i = 0; i < row.Length; i++)
            filled[i] = float.IsNaN(row[i]) ? fills[i] : row[i];
    }

    /// <summary>A filled copy of row-major <paramref name="values"/> whose rows are this placement's features.</summary>
    public float[] FillRows(ReadOnlySpan<float> values)
    {
        var filled = new float[values.Length];
        for (var offset = 0; offset < values.Length; offset += fills.Length)
            Fill(values.Slice(offset, fills.Length), filled.AsSpan(offset, fills.Length));
        return filled;
    }
}
