namespace EarlyHelp.Analytics.Learning.Metrics;

/// <summary>How a reliability curve places its bin edges.</summary>
public enum ReliabilityBinning
{
    /// <summary>Equal-width bins over [0, 1] (scikit-learn's <c>strategy="uniform"</c>).</summary>
    EqualWidth,

    /// <summary>Edges at score quantiles, so bins hold about equal numbers of rows (<c>strategy="quantile"</c>).</summary>
    Quantile,
}

/// <summary>One non-empty bin of a reliability curve.</summary>
/// <param name="Index">Position of the bin among all bins, empty ones included (0-based).</param>
/// <param name="LowerEdge">Lower edge; the bin holds scores above it (bin 0 also holds the edge itself).</param>
/// <param name="UpperEdge">Upper edge, included in the bin.</param>
/// <param name="Count">Rows in the bin.</param>
/// <param name="Positives">Rows in the bin labelled 1.</param>
/// <param name="MeanScore">Mean score in the bin (what the model predicted).</param>
public sealed record ReliabilityBin(int Index, double LowerEdge, double UpperEdge, long Count, long Positives, double MeanScore)
{
    /// <summary>Share of the bin's rows labelled 1 (what happened).</summary>
    public double ObservedRate => (double)Positives / Count;

    /// <summary>Observed rate minus mean score: positive when the model under-predicts.</summary>
    public double Gap => ObservedRate - MeanScore;
}

/// <summary>
/// Observed rate against mean score per bin, as scikit-learn 1.2's <c>calibration_curve</c>
/// computes it (empty bins dropped), with the counts kept so that intervals can be drawn.
/// </summary>
/// <param name="Binning">How the edges were placed.</param>
/// <param name="Edges">All bin edges, lowest first (one more than the number of bins).</param>
/// <param name="Bins">The non-empty bins, in score order.</param>
public sealed record ReliabilityCurve(ReliabilityBinning Binning, IReadOnlyList<double> Edges, IReadOnlyList<ReliabilityBin> Bins)
{
    /// <summary>Rows over all bins.</summary>
    public long Count => Bins.Sum(b => b.Count);

    /// <summary>Observed rate per non-empty bin (scikit-learn's <c>prob_true</c>).</summary>
    public IReadOnlyList<double> ObservedRates => Bins.Select(b => b.ObservedRate).ToArray();

    /// <summary>Mean score per non-empty bin (scikit-learn's <c>prob_pred</c>).</summary>
    public IReadOnlyList<double> MeanScores => Bins.Select(b => b.MeanScore).ToArray();

    /// <summary>Σ (share of rows in bin) · |observed rate − mean score|.</summary>
    public double ExpectedCalibrationError =>
        Bins.Sum(b => (double)b.Count / Count * Math.Abs(b.ObservedRate - b.MeanScore));

    /// <summary>The largest |observed rate − mean score| over the non-empty bins.</summary>
    public double MaximumCalibrationError => Bins.Max(b => Math.Abs(b.ObservedRate - b.MeanScore));
}
