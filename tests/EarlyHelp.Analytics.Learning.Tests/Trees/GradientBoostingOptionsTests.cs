using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Learning.Tests.Trees;

public sealed class GradientBoostingOptionsTests
{
    [Fact]
    public void Defaults_AreFastTreesAndValid()
    {
        var options = new GradientBoostingOptions();

        Assert.Equal((20, 100, 10, 0.2, 255), (options.NumberOfLeaves, options.NumberOfTrees, options.MinimumExampleCountPerLeaf, options.LearningRate, options.MaximumBinCountPerFeature));
        Assert.Empty(options.Validate());
    }

    public static TheoryData<GradientBoostingOptions, string> InvalidOptions => new()
    {
        { new() { NumberOfLeaves = 1 }, "The 'NumberOfLeaves' option must be at least 2. Got 1 instead." },
        { new() { NumberOfTrees = 0 }, "The 'NumberOfTrees' option must be at least 1. Got 0 instead." },
        { new() { MinimumExampleCountPerLeaf = 0 }, "The 'MinimumExampleCountPerLeaf' option must be at least 1. Got 0 instead." },
        { new() { LearningRate = 0 }, "The 'LearningRate' option must be a finite number greater than 0. Got 0 instead." },
        { new() { LearningRate = double.NaN }, "The 'LearningRate' option must be a finite number greater than 0. Got NaN instead." },
        { new() { MaximumBinCountPerFeature = 256 }, "The 'MaximumBinCountPerFeature' option must be in the range [2, 255]. Got 256 instead." },
        { new() { MaximumBinCountPerFeature = 1 }, "The 'MaximumBinCountPerFeature' option must be in the range [2, 255]. Got 1 instead." },
        { new() { MaximumDepth = 0 }, "The 'MaximumDepth' option must be at least 1. Got 0 instead." },
        { new() { MinimumHessianPerLeaf = -1 }, "The 'MinimumHessianPerLeaf' option must be a finite number of at least 0. Got -1 instead." },
        { new() { L2Regularization = double.PositiveInfinity }, "The 'L2Regularization' option must be a finite number of at least 0. Got Infinity instead." },
        { new() { RowSubsampleFraction = 0 }, "The 'RowSubsampleFraction' option must be in the range (0, 1]. Got 0 instead." },
        { new() { FeatureSubsampleFraction = 1.5 }, "The 'FeatureSubsampleFraction' option must be in the range (0, 1]. Got 1.5 instead." },
        { new() { MonotoneConstraints = new Dictionary<string, int> { ["age"] = 2 } }, "The 'MonotoneConstraints' option must give -1, 0 or +1 per feature. Got 2 for 'age' instead." },
        { new() { EarlyStoppingRounds = 0 }, "The 'EarlyStoppingRounds' option must be at least 1. Got 0 instead." },
        { new() { NumberOfThreads = 0 }, "The 'NumberOfThreads' option must be at least 1. Got 0 instead." },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_OptionOutOfRange_NamesItWithTheValue(GradientBoostingOptions options, string message)
    {
        Assert.Equal([message], options.Validate());
    }

    [Fact]
    public void Trainer_InvalidOptions_ThrowsListingEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => new GradientBoostingTrainer(new GradientBoostingOptions { NumberOfLeaves = 1, NumberOfTrees = 0 }));

        Assert.Equal(
            "The 'NumberOfLeaves' option must be at least 2. Got 1 instead." + Environment.NewLine +
            "The 'NumberOfTrees' option must be at least 1. Got 0 instead.",
            error.Message);
    }
}
