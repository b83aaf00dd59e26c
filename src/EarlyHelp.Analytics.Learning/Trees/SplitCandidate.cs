namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>One row's gradient and hessian of the loss at the current scores, side by side so that one load fetches both.</summary>
internal readonly record struct GradientPair(float Gradient, float Hessian);

/// <summary>Gradient and hessian sums and row count of a set of rows (the count −1 where a histogram alone gave the sums).</summary>
internal readonly record struct GradientSums(double Gradient, double Hessian, int Count)
{
    public static GradientSums operator +(GradientSums a, GradientSums b) => new(a.Gradient + b.Gradient, a.Hessian + b.Hessian, a.Count + b.Count);

    public static GradientSums operator -(GradientSums a, GradientSums b) => new(a.Gradient - b.Gradient, a.Hessian - b.Hessian, a.Count - b.Count);
}

/// <summary>
/// The best way found to split a leaf: rows whose bin of <see cref="Feature"/> is at most
/// <see cref="BinThreshold"/> go left, missing values go to the side <see cref="DefaultLeft"/> says.
/// The sides' row counts are not part of it (the partition gives them); <see cref="CountsChecked"/>
/// says whether both sides are known to hold enough rows.
/// </summary>
internal readonly record struct SplitCandidate(
    int Feature,
    int BinThreshold,
    bool DefaultLeft,
    double Gain,
    GradientSums Left,
    GradientSums Right,
    double LeftWeight,
    double RightWeight,
    bool CountsChecked)
{
    /// <summary>No split: any real split beats it.</summary>
    public static SplitCandidate None { get; } = new(-1, 0, false, double.NegativeInfinity, default, default, 0, 0, true);

    /// <summary>Whether a split was found.</summary>
    public bool IsValid => Feature >= 0;
}

/// <summary>What the split search needs to know about a leaf besides its histogram.</summary>
/// <param name="Totals">The leaf's sums and exact row count.</param>
/// <param name="Lower">Lowest value a child may take (monotone constraints), or −∞.</param>
/// <param name="Upper">Highest value a child may take, or +∞.</param>
/// <param name="MaximumRowHessian">No row of the leaf has a larger hessian, so a side with hessian sum H holds at least H / this many rows.</param>
internal readonly record struct LeafSearch(GradientSums Totals, double Lower, double Upper, double MaximumRowHessian)
{
    /// <summary>Whether the children's values are free.</summary>
    public bool Unbounded => double.IsNegativeInfinity(Lower) && double.IsPositiveInfinity(Upper);
}
