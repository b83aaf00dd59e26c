using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Metrics;
using EarlyHelp.Analytics.Learning.Models;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// Gradient-boosted trees for a binary label through ML.NET: the features are gathered into one
/// vector, NaN becomes a sentinel below (or, where <see cref="GradientBoostingOptions.MissingValues"/>
/// learned so, above) every value by a transform saved with the model,
/// and FastTree (or LightGbm) grows the trees. Fitting returns an uncalibrated
/// <see cref="ScoringModel"/> whose probabilities are the trainer's own; calibration is a separate
/// step (<see cref="ScoringModel.Calibrate"/>).
/// </summary>
public sealed class GradientBoostingTrainer
{
    private readonly GradientBoostingOptions options;

    /// <summary>A trainer with <paramref name="options"/>, checked here.</summary>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    public GradientBoostingTrainer(GradientBoostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        this.options = options;
    }

    /// <summary>
    /// Trains on <paramref name="training"/>. With <see cref="GradientBoostingOptions.EarlyStoppingRounds"/>,
    /// the round with the lowest log loss on <paramref name="validation"/> is found from the trees
    /// themselves, and the model is grown again to that round (ML.NET cannot cut a trained ensemble
    /// short; the second fit repeats the first's trees, as both trainers are deterministic for a seed).
    /// </summary>
    /// <remarks>
    /// FastTree's own early stopping watches the error rate at a score of zero, which barely moves
    /// when one row in fifty is positive, so the search is done here on log loss. Growing the whole
    /// <see cref="GradientBoostingOptions.NumberOfTrees"/> first would cost five times the trees
    /// kept at the pipeline's settings (1,000 grown for about 190 kept), so the search grows a first
    /// budget (<see cref="FirstSearchBudget"/>) and doubles it only while the loss is still falling
    /// within the patience at its end.
    /// </remarks>
    /// <exception cref="ArgumentException">The data lacks labels, or early stopping lacks validation data.</exception>
    public ScoringModel Fit(DenseDataset training, DenseDataset? validation = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Labels is null)
            throw new ArgumentException("The training data needs labels.", nameof(training));
        if (options.EarlyStoppingRounds is not null && validation?.Labels is null)
            throw new ArgumentException("Early stopping needs labelled validation data.", nameof(validation));
        var placement = options.MissingValues == MissingValuePolicy.LearnedPerFeature
            ? MissingValuePlacement.Learn(training)
            : MissingValuePlacement.AllLow(training.FeatureCount);
        var features = new FilledFeatureView(training, placement);
        var fitted = options.EarlyStoppingRounds is { } patience && validation is not null
            ? FitEarlyStopped(features, training.FeatureNames, placement, validation, patience)
            : FitOnce(features, training.FeatureNames, placement, options.NumberOfTrees);
        return new ScoringModel(fitted.Context, fitted.Pipeline, fitted.Ensemble.WithCounts(training, options.NumberOfThreads))
        {
            TrainingOptions = options,
        };
    }

    /// <summary>Trees grown before the search for the best round first looks at the validation loss: four times the patience, and at least 256.</summary>
    internal static int FirstSearchBudget(int patience) => Math.Max(256, 4 * patience);

    private (MLContext Context, ITransformer Pipeline, TreeEnsemble Ensemble) FitEarlyStopped(
        FilledFeatureView features, IReadOnlyList<string> featureNames, MissingValuePlacement placement, DenseDataset validation, int patience)
    {
        var budget = Math.Min(options.NumberOfTrees, FirstSearchBudget(patience));
        while (true)
        {
            var fitted = FitOnce(features, featureNames, placement, budget);
            var grown = fitted.Ensemble.Trees.Count;
            var (best, patienceRanOut) = BestRound(fitted.Ensemble, validation, patience);
            // Fewer trees than asked for means FastTree could grow no more: a larger budget adds nothing.
            if (patienceRanOut || budget == options.NumberOfTrees || grown < budget)
                return best < grown ? FitOnce(features, featureNames, placement, best) : fitted;
            budget = (int)Math.Min(options.NumberOfTrees, 2L * budget);
        }
    }

    /// <summary>The view the trainer reads: the feature vector with NaN filled as the model's saved transform fills it (every feature low unless <paramref name="placement"/> says otherwise), and the label.</summary>
    public static IDataView Featurize(DenseDataset data, MissingValuePlacement? placement = null) =>
        new FilledFeatureView(data, placement ?? MissingValuePlacement.AllLow(data.FeatureCount));

    /// <summary>The model's saved missing-value transform applied to <paramref name="data"/>'s frame: what scoring feeds the trees.</summary>
    public static IDataView FeaturizeForScoring(DenseDataset data, MissingValuePlacement? placement = null) =>
        Featurizer(new MLContext(0), data.FeatureNames, placement ?? MissingValuePlacement.AllLow(data.FeatureCount))
            .Fit(FeatureFrame.From(data)).Transform(FeatureFrame.From(data));

    /// <summary>
    /// Gathers the named feature columns into <see cref="FeatureFrame.FeaturesColumn"/> and fills their NaN: a
    /// feature placed high is filled on its own column first, and every NaN left in the vector goes low.
    /// </summary>
    internal static IEstimator<ITransformer> Featurizer(MLContext context, IReadOnlyList<string> featureNames, MissingValuePlacement placement)
    {
        var gathered = new string[featureNames.Count];
        IEstimator<ITransformer> featurizer = new EstimatorChain<ITransformer>();
        for (var feature = 0; feature < gathered.Length; feature++)
        {
            gathered[feature] = featureNames[feature];
            if (placement.Sides[feature] != MissingValueSide.High)
                continue;
            gathered[feature] = HighFilledColumn(featureNames, feature);
            featurizer = featurizer.Append(context.Transforms.Expression(gathered[feature], MissingValues.HighExpression, featureNames[feature]));
        }

        return featurizer
            .Append(context.Transforms.Concatenate("RawFeatures", gathered))
            .Append(context.Transforms.Expression(FeatureFrame.FeaturesColumn, MissingValues.Expression, "RawFeatures"));
    }

    /// <summary>The scratch column a feature placed high is filled into; it must not shadow a feature.</summary>
    private static string HighFilledColumn(IReadOnlyList<string> featureNames, int feature)
    {
        var name = $"{featureNames[feature]}.MissingHigh";
        return featureNames.Contains(name)
            ? throw new ArgumentException($"A feature may not be named '{name}': the model fills '{featureNames[feature]}' into a column of that name.")
            : name;
    }

    /// <summary>
    /// One fit. The saved pipeline starts with the featurizer, fitted on the frame's schema alone (it learns
    /// nothing from the rows), so scoring fills NaN from a frame; the trainer reads <paramref name="features"/>,
    /// the same filled values without the frame's copy and the transforms' pass.
    /// </summary>
    private (MLContext Context, ITransformer Pipeline, TreeEnsemble Ensemble) FitOnce(
        FilledFeatureView features, IReadOnlyList<string> featureNames, MissingValuePlacement placement, int numberOfTrees)
    {
        // A fresh context per fit: LightGbm's bins come from a sample drawn with the context's random state.
        var context = new MLContext(options.Seed);
        var schemaOnly = new DenseDataset(featureNames, [], []);
        var featurizer = Featurizer(context, featureNames, placement).Fit(FeatureFrame.From(schemaOnly));
        var (predictor, trees, calibrator) = options.Trainer switch
        {
            TreeTrainer.LightGbm => LightGbm(context, features, numberOfTrees),
            _ => FastTree(context, features, numberOfTrees),
        };
        var pipeline = new TransformerChain<ITransformer>(featurizer, predictor);
        return (context, pipeline, TreeEnsemble.Read(featureNames, trees, calibrator.Slope, calibrator.Offset, null, options.NumberOfThreads, placement));
    }

    private (ITransformer, TreeEnsembleModelParametersBasedOnRegressionTree, PlattCalibrator) FastTree(MLContext context, IDataView features, int numberOfTrees)
    {
        var trainer = context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = FeatureFrame.LabelColumn,
            FeatureColumnName = FeatureFrame.FeaturesColumn,
            NumberOfTrees = numberOfTrees,
            NumberOfLeaves = options.NumberOfLeaves,
            MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
            LearningRate = options.LearningRate,
            MaximumBinCountPerFeature = options.MaximumBinCountPerFeature,
            FeatureFraction = options.FeatureSubsampleFraction,
            // A new bag of rows for every tree when subsampling (FastTree's BaggingSize counts trees per bag).
            BaggingSize = options.RowSubsampleFraction < 1 ? 1 : 0,
            BaggingExampleFraction = options.RowSubsampleFraction,
            NumberOfThreads = options.NumberOfThreads,
            Seed = options.Seed,
        });
        return Fitted(trainer, features);
    }

    private (ITransformer, TreeEnsembleModelParametersBasedOnRegressionTree, PlattCalibrator) LightGbm(MLContext context, IDataView features, int numberOfTrees)
    {
        var trainer = context.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = FeatureFrame.LabelColumn,
            FeatureColumnName = FeatureFrame.FeaturesColumn,
            NumberOfIterations = numberOfTrees,
            NumberOfLeaves = options.NumberOfLeaves,
            MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
            LearningRate = options.LearningRate,
            MaximumBinCountPerFeature = options.MaximumBinCountPerFeature,
            NumberOfThreads = options.NumberOfThreads,
            Seed = options.Seed,
            Booster = new GradientBooster.Options
            {
                SubsampleFraction = options.RowSubsampleFraction,
                SubsampleFrequency = options.RowSubsampleFraction < 1 ? 1 : 0,
                FeatureFraction = options.FeatureSubsampleFraction,
            },
        });
        return Fitted(trainer, features);
    }

    /// <summary>Fits a tree trainer: the prediction transformer, its trees, and the fixed Platt calibrator it wraps them in.</summary>
    private static (ITransformer, TreeEnsembleModelParametersBasedOnRegressionTree, PlattCalibrator) Fitted<TTrees>(
        IEstimator<BinaryPredictionTransformer<CalibratedModelParametersBase<TTrees, PlattCalibrator>>> trainer, IDataView features)
        where TTrees : TreeEnsembleModelParametersBasedOnRegressionTree
    {
        var fitted = trainer.Fit(features);
        return (fitted, fitted.Model.SubModel, fitted.Model.Calibrator);
    }

    /// <summary>
    /// The number of trees with the lowest validation log loss, scanning rounds until the loss has
    /// not improved for <paramref name="patience"/> rounds (at least one tree); and whether the scan
    /// stopped for that reason rather than at the last tree.
    /// </summary>
    internal static (int Best, bool PatienceRanOut) BestRound(TreeEnsemble ensemble, DenseDataset validation, int patience)
    {
        var labels = validation.Labels!;
        var scores = new double[validation.RowCount];
        Array.Fill(scores, ensemble.Bias);
        var probabilities = new double[validation.RowCount];
        var width = validation.FeatureCount;
        var filled = ensemble.MissingValues.FillRows(validation.Values);
        var (best, bestLoss) = (1, double.PositiveInfinity);
        for (var round = 1; round <= ensemble.Trees.Count; round++)
        {
            if (round - best > patience)
                return (best, true);
            var tree = ensemble.Trees[round - 1];
            for (var row = 0; row < scores.Length; row++)
            {
                scores[row] += tree.LeafValues[tree.LeafIndex(filled.AsSpan(row * width, width))];
                probabilities[row] = ensemble.Probability(scores[row]);
            }

            var loss = BinaryMetrics.LogLoss<float, double>(labels, probabilities);
            if (loss < bestLoss)
                (best, bestLoss) = (round, loss);
        }

        return (best, ensemble.Trees.Count - best >= patience);
    }
}
