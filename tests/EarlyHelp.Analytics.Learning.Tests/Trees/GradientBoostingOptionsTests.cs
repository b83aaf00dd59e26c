using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Learning.Tests.Trees;

public sealed class GradientBoostingOptionsTests
{
    [Fact]
    public void Defaults_AreFastTreesAndValid()
    {
        var options = new GradientBoostingOptions();

        Assert.Equal((20, 100, 10, 0.2, 255), (options.NumberOfLeaves, options.NumberOfTrees, options.MinimumExampleCountPerLeaf, options.LearningRate, options.MaximumBinCountPerFeature));
        Assert.Equal(TreeTrainer.FastTree, options.Trainer);
        Assert.Empty(options.Validate());
    }

    public static TheoryData<GradientBoostingOptions, string> InvalidOptions => new()
    {
        { new() { NumberOfLeaves = 1 }, "The 'NumberOfLeaves' option must be at least 2. Got 1 instead." },
        { new() { NumberOfTrees = 0 }, "The 'NumberOfTrees' option must be at least 1. Got 0 instead." },
        { new() { MinimumExampleCountPerLeaf = 0 }, "The 'MinimumExampleCountPerLeaf' option must be at least 1. Got 0 instead." },
        { new() { LearningRate = 0 }, "The 'LearningRate' option must be in the range (0, 1]. Got 0 instead." },
        { new() { LearningRate = double.NaN }, "The 'LearningRate' option must be in the range (0, 1]. Got NaN instead." },
        { new() { LearningRate = 1.5 }, "The 'LearningRate' option must be in the range (0, 1]. Got 1.5 instead." },
        { new() { MaximumBinCountPerFeature = 65_536 }, "The 'MaximumBinCountPerFeature' option must be in the range [2, 65535]. Got 65536 instead." },
        { new() { MaximumBinCountPerFeature = 1 }, "The 'MaximumBinCountPerFeature' option must be in the range [2, 65535]. Got 1 instead." },
        { new() { Trainer = (TreeTrainer)7 }, "The 'Trainer' option must be FastTree or LightGbm. Got 7 instead." },
        { new() { RowSubsampleFraction = 0 }, "The 'RowSubsampleFraction' option must be in the range (0, 1]. Got 0 instead." },
        { new() { FeatureSubsampleFraction = 1.5 }, "The 'FeatureSubsampleFraction' option must be in the range (0, 1]. Got 1.5 instead." },
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
