using System.Globalization;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// Settings of <see cref="GradientBoostingTrainer"/>. Names and the first five defaults are ML.NET
/// FastTree's own (<c>FastTreeBinaryTrainer.Options</c>), so an analyst who knows ML.NET reads
/// them as such; each maps onto the option of the same name in FastTree and LightGbm.
/// </summary>
public sealed record GradientBoostingOptions
{
    /// <summary>The trainer. Default <see cref="TreeTrainer.FastTree"/>.</summary>
    public TreeTrainer Trainer { get; init; } = TreeTrainer.FastTree;

    /// <summary>Most leaves per tree. Default 20 (FastTree); at least 2.</summary>
    public int NumberOfLeaves { get; init; } = 20;

    /// <summary>Boosting rounds, one tree each. Default 100 (FastTree); at least 1.</summary>
    public int NumberOfTrees { get; init; } = 100;

    /// <summary>Fewest training rows a leaf may hold. Default 10 (FastTree); at least 1.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 10;

    /// <summary>Shrinkage applied to every tree. Default 0.2 (FastTree); greater than 0 and at most 1.</summary>
    public double LearningRate { get; init; } = 0.2;

    /// <summary>Most value bins per feature. Default 255 (FastTree); 2 to 65,535.</summary>
    public int MaximumBinCountPerFeature { get; init; } = 255;

    /// <summary>
    /// Fraction of rows each tree is grown on, drawn afresh per tree (FastTree's bagging with a bag
    /// per tree; LightGbm's <c>subsample</c>). Default 1 (all rows); in (0, 1].
    /// </summary>
    public double RowSubsampleFraction { get; init; } = 1.0;

    /// <summary>Fraction of features each tree may split on, drawn afresh per tree (FastTree's and LightGbm's <c>FeatureFraction</c>). Default 1; in (0, 1].</summary>
    public double FeatureSubsampleFraction { get; init; } = 1.0;

    /// <summary>
    /// Keep the trees up to the round with the lowest validation log loss, stopping the search when
    /// the loss has not improved for this many rounds; null to keep every tree. Needs validation
    /// data. Default null; at least 1.
    /// </summary>
    public int? EarlyStoppingRounds { get; init; }

    /// <summary>Threads to train with, or null for ML.NET's choice (every core). Default null; at least 1. FastTree's trees do not depend on it.</summary>
    public int? NumberOfThreads { get; init; }

    /// <summary>Seed of the row and feature subsampling, and of LightGbm's context. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Where each feature's missing values go before the trees. Default <see cref="MissingValuePolicy.BelowEveryValue"/>
    /// (the product's "never happened"); <see cref="MissingValuePolicy.LearnedPerFeature"/> fits the side per feature
    /// on the training rows (<see cref="MissingValuePlacement.Learn"/>) and saves it with the model.
    /// </summary>
    public MissingValuePolicy MissingValues { get; init; } = MissingValuePolicy.BelowEveryValue;

    /// <summary>A message for every option out of its range; empty when all are valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(Trainer))
            yield return $"The '{nameof(Trainer)}' option must be FastTree or LightGbm. Got {(int)Trainer} instead.";
        if (NumberOfLeaves < 2)
            yield return AtLeast(nameof(NumberOfLeaves), 2, NumberOfLeaves);
        if (NumberOfTrees < 1)
            yield return AtLeast(nameof(NumberOfTrees), 1, NumberOfTrees);
        if (MinimumExampleCountPerLeaf < 1)
            yield return AtLeast(nameof(MinimumExampleCountPerLeaf), 1, MinimumExampleCountPerLeaf);
        if (!(LearningRate > 0 && LearningRate <= 1))
            yield return $"The '{nameof(LearningRate)}' option must be in the range (0, 1]. Got {Show(LearningRate)} instead.";
        if (MaximumBinCountPerFeature is < 2 or > 65_535)
            yield return $"The '{nameof(MaximumBinCountPerFeature)}' option must be in the range [2, 65535]. Got {MaximumBinCountPerFeature} instead.";
        if (!(RowSubsampleFraction > 0 && RowSubsampleFraction <= 1))
            yield return Fraction(nameof(RowSubsampleFraction), RowSubsampleFraction);
        if (!(FeatureSubsampleFraction > 0 && FeatureSubsampleFraction <= 1))
            yield return Fraction(nameof(FeatureSubsampleFraction), FeatureSubsampleFraction);
        if (EarlyStoppingRounds < 1)
            yield return AtLeast(nameof(EarlyStoppingRounds), 1, EarlyStoppingRounds.Value);
        if (NumberOfThreads < 1)
            yield return AtLeast(nameof(NumberOfThreads), 1, NumberOfThreads.Value);
        if (!Enum.IsDefined(MissingValues))
            yield return $"The '{nameof(MissingValues)}' option must be BelowEveryValue or LearnedPerFeature. Got {(int)MissingValues} instead.";
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
