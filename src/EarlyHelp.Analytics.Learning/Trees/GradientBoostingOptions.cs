using System.Globalization;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// Hyperparameters for <see cref="GradientBoostingTrainer"/>. Names and the first five defaults
/// are ML.NET FastTree's; the rest follow XGBoost and LightGBM where FastTree has no equivalent.
/// </summary>
public sealed record GradientBoostingOptions
{
    /// <summary>Most leaves per tree. Default 20 (FastTree); at least 2.</summary>
    public int NumberOfLeaves { get; init; } = 20;

    /// <summary>Boosting rounds, one tree each. Default 100 (FastTree); at least 1.</summary>
    public int NumberOfTrees { get; init; } = 100;

    /// <summary>Fewest training rows a leaf may hold. Default 10 (FastTree); at least 1.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 10;

    /// <summary>Shrinkage applied to every tree's leaf values. Default 0.2 (FastTree); greater than 0.</summary>
    public double LearningRate { get; init; } = 0.2;

    /// <summary>Most value bins per feature (missing values get a bin of their own besides). Default 255 (FastTree); 2 to 255.</summary>
    public int MaximumBinCountPerFeature { get; init; } = 255;

    /// <summary>Deepest a leaf may lie below the root (root at depth 0), or null for no limit. Default null; at least 1.</summary>
    public int? MaximumDepth { get; init; }

    /// <summary>
    /// Smallest sum of hessians (for logistic loss, Σ p(1−p) over the rows) a leaf may hold.
    /// Default 0.001 (LightGBM's <c>min_sum_hessian_in_leaf</c>); at least 0.
    /// </summary>
    public double MinimumHessianPerLeaf { get; init; } = 1e-3;

    /// <summary>L2 penalty λ on leaf values: a leaf's value is −G/(H+λ). Default 1 (XGBoost's <c>lambda</c>); at least 0.</summary>
    public double L2Regularization { get; init; } = 1.0;

    /// <summary>Fraction of rows each tree is grown on, drawn afresh per tree. Default 1 (all rows); in (0, 1].</summary>
    public double RowSubsampleFraction { get; init; } = 1.0;

    /// <summary>Fraction of features each tree may split on, drawn afresh per tree. Default 1 (all features); in (0, 1].</summary>
    public double FeatureSubsampleFraction { get; init; } = 1.0;

    /// <summary>
    /// Required direction of the prediction in each named feature: +1 never decreasing, −1 never
    /// increasing, 0 free. Features not named are free. Default none.
    /// </summary>
    public IReadOnlyDictionary<string, int> MonotoneConstraints { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Stop when the validation log loss has not improved for this many rounds, and keep the best
    /// round's trees; null to grow every tree. Needs a validation set. Default null; at least 1.
    /// </summary>
    public int? EarlyStoppingRounds { get; init; }

    /// <summary>Threads to train and predict with, or null for every core. Default null; at least 1. Results do not depend on it.</summary>
    public int? NumberOfThreads { get; init; }

    /// <summary>Seed of the row and feature subsampling. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>A message for every option out of its range; empty when all are valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (NumberOfLeaves < 2)
            yield return AtLeast(nameof(NumberOfLeaves), 2, NumberOfLeaves);
        if (NumberOfTrees < 1)
            yield return AtLeast(nameof(NumberOfTrees), 1, NumberOfTrees);
        if (MinimumExampleCountPerLeaf < 1)
            yield return AtLeast(nameof(MinimumExampleCountPerLeaf), 1, MinimumExampleCountPerLeaf);
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            yield return $"The '{nameof(LearningRate)}' option must be a finite number greater than 0. Got {Show(LearningRate)} instead.";
        if (MaximumBinCountPerFeature is < 2 or > 255)
            yield return $"The '{nameof(MaximumBinCountPerFeature)}' option must be in the range [2, 255]. Got {MaximumBinCountPerFeature} instead.";
        if (MaximumDepth < 1)
            yield return AtLeast(nameof(MaximumDepth), 1, MaximumDepth.Value);
        if (!(MinimumHessianPerLeaf >= 0) || double.IsInfinity(MinimumHessianPerLeaf))
            yield return $"The '{nameof(MinimumHessianPerLeaf)}' option must be a finite number of at least 0. Got {Show(MinimumHessianPerLeaf)} instead.";
        if (!(L2Regularization >= 0) || double.IsInfinity(L2Regularization))
            yield return $"The '{nameof(L2Regularization)}' option must be a finite number of at least 0. Got {Show(L2Regularization)} instead.";
        if (!(RowSubsampleFraction > 0 && RowSubsampleFraction <= 1))
            yield return Fraction(nameof(RowSubsampleFraction), RowSubsampleFraction);
        if (!(FeatureSubsampleFraction > 0 && FeatureSubsampleFraction <= 1))
            yield return Fraction(nameof(FeatureSubsampleFraction), FeatureSubsampleFraction);
        if (MonotoneConstraints is null)
            yield return $"The '{nameof(MonotoneConstraints)}' option must not be null.";
        else
        {
            foreach (var (feature, direction) in MonotoneConstraints.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                if (direction is < -1 or > 1)
                    yield return $"The '{nameof(MonotoneConstraints)}' option must give -1, 0 or +1 per feature. Got {direction} for '{feature}' instead.";
            }
        }

        if (EarlyStoppingRounds < 1)
            yield return AtLeast(nameof(EarlyStoppingRounds), 1, EarlyStoppingRounds.Value);
        if (NumberOfThreads < 1)
            yield return AtLeast(nameof(NumberOfThreads), 1, NumberOfThreads.Value);
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every invalid option, if any.</summary>
    public void ThrowIfInvalid()
    {
        var problems = Validate().ToList();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(Environment.NewLine, problems));
    }

    private static string AtLeast(string option, int minimum, int value) =>
        $"The '{option}' option must be at least {minimum}. Got {value} instead.";

    private static string Fraction(string option, double value) =>
        $"The '{option}' option must be in the range (0, 1]. Got {Show(value)} instead.";

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
