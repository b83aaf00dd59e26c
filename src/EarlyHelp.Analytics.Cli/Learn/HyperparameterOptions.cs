using System.CommandLine;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Cli.Learn;

/// <summary>The command-line options of <c>learn fit</c> that set <see cref="GradientBoostingOptions"/>, defaults taken from it.</summary>
internal sealed class HyperparameterOptions
{
    private static readonly GradientBoostingOptions Defaults = new();

    private readonly Option<int> trees = new("--trees") { Description = "Boosting rounds, one tree each.", DefaultValueFactory = _ => Defaults.NumberOfTrees };
    private readonly Option<int> leaves = new("--leaves") { Description = "Most leaves per tree.", DefaultValueFactory = _ => Defaults.NumberOfLeaves };
    private readonly Option<double> learningRate = new("--learning-rate") { Description = "Shrinkage of each tree.", DefaultValueFactory = _ => Defaults.LearningRate };
    private readonly Option<int> bins = new("--bins") { Description = "Most value bins per feature, 2 to 255.", DefaultValueFactory = _ => Defaults.MaximumBinCountPerFeature };
    private readonly Option<int> minimumLeaf = new("--min-leaf") { Description = "Fewest training rows per leaf.", DefaultValueFactory = _ => Defaults.MinimumExampleCountPerLeaf };
    private readonly Option<double> minimumHessian = new("--min-hessian") { Description = "Smallest hessian sum per leaf.", DefaultValueFactory = _ => Defaults.MinimumHessianPerLeaf };
    private readonly Option<double> l2 = new("--l2") { Description = "L2 penalty on leaf values.", DefaultValueFactory = _ => Defaults.L2Regularization };
    private readonly Option<int?> maximumDepth = new("--max-depth") { Description = "Deepest a leaf may lie below the root (default: no limit)." };
    private readonly Option<double> rowSubsample = new("--row-subsample") { Description = "Fraction of rows each tree is grown on, in (0, 1].", DefaultValueFactory = _ => Defaults.RowSubsampleFraction };
    private readonly Option<double> featureSubsample = new("--feature-subsample") { Description = "Fraction of features each tree may split on, in (0, 1].", DefaultValueFactory = _ => Defaults.FeatureSubsampleFraction };
    private readonly Option<string?> monotone = new("--monotone") { Description = "Features the prediction must rise (+1) or fall (-1) with, e.g. 'age:+1,distance:-1'." };
    private readonly Option<int?> earlyStopping = new("--early-stopping") { Description = "Stop when the validation log loss has not improved for this many rounds, keeping the best round (needs --valid)." };
    private readonly Option<int?> threads = new("--threads") { Description = "Threads to use (default: every core); the model does not depend on it." };
    private readonly Option<int> seed = new("--seed") { Description = "Seed of the row and feature subsampling.", DefaultValueFactory = _ => Defaults.Seed };

    /// <summary>Adds every hyperparameter option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { trees, leaves, learningRate, bins, minimumLeaf, minimumHessian, l2, maximumDepth, rowSubsample, featureSubsample, monotone, earlyStopping, threads, seed })
            command.Options.Add(option);
    }

    /// <summary>The options the call gave.</summary>
    /// <exception cref="UsageException">A value is out of range (the message names the option).</exception>
    public GradientBoostingOptions Read(ParseResult parse)
    {
        var options = new GradientBoostingOptions
        {
            NumberOfTrees = parse.GetValue(trees),
            NumberOfLeaves = parse.GetValue(leaves),
            LearningRate = parse.GetValue(learningRate),
            MaximumBinCountPerFeature = parse.GetValue(bins),
            MinimumExampleCountPerLeaf = parse.GetValue(minimumLeaf),
            MinimumHessianPerLeaf = parse.GetValue(minimumHessian),
            L2Regularization = parse.GetValue(l2),
            MaximumDepth = parse.GetValue(maximumDepth),
            RowSubsampleFraction = parse.GetValue(rowSubsample),
            FeatureSubsampleFraction = parse.GetValue(featureSubsample),
            MonotoneConstraints = LearnInput.Monotone(parse.GetValue(monotone)),
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
