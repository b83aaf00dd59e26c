using System.CommandLine;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Cli.Learn;

/// <summary>The command-line options of <c>learn fit</c> that set <see cref="GradientBoostingOptions"/>, defaults taken from it.</summary>
internal sealed class HyperparameterOptions
{
    private static readonly GradientBoostingOptions Defaults = new();

    private readonly Option<string> trainer = new("--trainer") { Description = "fasttree (the production trainer) or lightgbm (the challenger).", DefaultValueFactory = _ => "fasttree" };
    private readonly Option<int> trees = new("--trees") { Description = "Boosting rounds, one tree each.", DefaultValueFactory = _ => Defaults.NumberOfTrees };
    private readonly Option<int> leaves = new("--leaves") { Description = "Most leaves per tree.", DefaultValueFactory = _ => Defaults.NumberOfLeaves };
    private readonly Option<double> learningRate = new("--learning-rate") { Description = "Shrinkage of each tree, in (0, 1].", DefaultValueFactory = _ => Defaults.LearningRate };
    private readonly Option<int> bins = new("--bins") { Description = "Most value bins per feature.", DefaultValueFactory = _ => Defaults.MaximumBinCountPerFeature };
    private readonly Option<int> minimumLeaf = new("--min-leaf") { Description = "Fewest training rows per leaf.", DefaultValueFactory = _ => Defaults.MinimumExampleCountPerLeaf };
    private readonly Option<double> rowSubsample = new("--row-subsample") { Description = "Fraction of rows each tree is grown on, in (0, 1].", DefaultValueFactory = _ => Defaults.RowSubsampleFraction };
    private readonly Option<double> featureSubsample = new("--feature-subsample") { Description = "Fraction of features each tree may split on, in (0, 1].", DefaultValueFactory = _ => Defaults.FeatureSubsampleFraction };
    private readonly Option<int?> earlyStopping = new("--early-stopping") { Description = "Keep the round with the lowest validation log loss, searching until this many rounds bring no better one (needs --valid)." };
    private readonly Option<int?> threads = new("--threads") { Description = "Threads to train with (default: every core); FastTree's model does not depend on it." };
    private readonly Option<int> seed = new("--seed") { Description = "Seed of the row and feature subsampling (and of LightGbm's bin sample).", DefaultValueFactory = _ => Defaults.Seed };

    /// <summary>Adds every hyperparameter option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { trainer, trees, leaves, learningRate, bins, minimumLeaf, rowSubsample, featureSubsample, earlyStopping, threads, seed })
            command.Options.Add(option);
    }

    /// <summary>The options the call gave.</summary>
    /// <exception cref="UsageException">A value is out of range (the message names the option).</exception>
    public GradientBoostingOptions Read(ParseResult parse)
    {
        var options = new GradientBoostingOptions
        {
            Trainer = parse.GetValue(trainer)?.ToLowerInvariant() switch
            {
                "fasttree" => TreeTrainer.FastTree,
                "lightgbm" => TreeTrainer.LightGbm,
                var other => throw new UsageException($"The '--trainer' option must be fasttree or lightgbm. Got '{other}' instead."),
            },
            NumberOfTrees = parse.GetValue(trees),
            NumberOfLeaves = parse.GetValue(leaves),
            LearningRate = parse.GetValue(learningRate),
            MaximumBinCountPerFeature = parse.GetValue(bins),
            MinimumExampleCountPerLeaf = parse.GetValue(minimumLeaf),
            RowSubsampleFraction = parse.GetValue(rowSubsample),
            FeatureSubsampleFraction = parse.GetValue(featureSubsample),
            EarlyStoppingRounds = parse.GetValue(earlyStopping),
            NumberOfThreads = parse.GetValue(threads),
            Seed = parse.GetValue(seed),
        };
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
            throw new UsageException(string.Join(" ", problems));
        return options;
    }
}
