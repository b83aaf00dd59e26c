namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>One row's gradient and hessian of the loss at the current scores, side by side so that one load fetches both.</summary>
internal readonly record struct GradientPair(float Gradient, float Hessian);

/// <summary>Gradient and hessian sums and row count of a set of rows.</summary>
internal readonly record struct GradientSums(double Gradient, double Hessian, int Count)
{
    public static GradientSums operator +(GradientSums a, GradientSums b) => new(a.Gradient + b.Gradient, a.Hessian + b.Hessian, a.Count + b.Count);

    public static GradientSums operator -(GradientSums a, GradientSums b) => new(a.Gradient - b.Gradient, a.Hessian - b.Hessian, a.Count - b.Count);
}

/// <summary>
/// The best way found to split a leaf: rows whose bin of <see cref="Feature"/> is at most
/// <see cref="BinThreshold"/> go left, missing values go to the side <see cref="DefaultLeft"/> says.
/// </summary>
internal readonly record struct SplitCandidate(
    int Feature,
    int BinThreshold,
    bool DefaultLeft,
    double Gain,
    GradientSums Left,
    GradientSums Right,
    double LeftWeight,
    double RightWeight)
{
    /// <summary>No split: any real split beats it.</summary>
    public static SplitCandidate None { get; } = new(-1, 0, false, double.NegativeInfinity, default, default, 0, 0);

    /// <summary>Whether a split was found.</summary>
    public bool IsValid => Feature >= 0;
}
