using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>Progress of boosting: trees grown so far and, with a validation set, its log loss now.</summary>
/// <param name="TreesGrown">Trees grown so far.</param>
/// <param name="NumberOfTrees">Trees asked for (fewer are grown when early stopping ends the run).</param>
/// <param name="ValidationLogLoss">Mean log loss on the validation set after the last tree, or null without one.</param>
public readonly record struct BoostingProgress(int TreesGrown, int NumberOfTrees, double? ValidationLogLoss);

/// <summary>
/// Trains gradient-boosted trees for binary classification with logistic loss on histograms of
/// binned features, as XGBoost's <c>hist</c> method and LightGBM do. The result depends on the
/// data, the options and the seed only, not on the thread count.
/// </summary>
public sealed class GradientBoostingTrainer
{
    /// <summary>A trainer with the given options.</summary>
    /// <exception cref="ArgumentException">An option is out of range (every such option is named).</exception>
    public GradientBoostingTrainer(GradientBoostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        Options = options;
    }

    /// <summary>The hyperparameters.</summary>
    public GradientBoostingOptions Options { get; }

    /// <summary>Bins the training data (and the validation data with the same bins), then trains.</summary>
    public TreeEnsemble Fit(DenseDataset training, DenseDataset? validation = null, IProgress<BoostingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        CheckLabels(training.Labels, training.Weights, nameof(training), needsBothClasses: true);
        if (validation is not null)
            CheckLabels(validation.Labels, validation.Weights, nameof(validation));
        var threads = ParallelWork.ThreadCount(Options.NumberOfThreads);
        var binning = FeatureBinning.Fit(training, Options.MaximumBinCountPerFeature, threads);
        return Fit(
            BinnedDataset.Create(training, binning, threads),
            validation is null ? null : BinnedDataset.Create(validation, binning, threads),
            progress);
    }

    /// <summary>Trains on data already binned; <paramref name="validation"/> must share the training data's binning.</summary>
    public TreeEnsemble Fit(BinnedDataset training, BinnedDataset? validation = null, IProgress<BoostingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        var labels = CheckLabels(training.Labels, training.Weights, nameof(training), needsBothClasses: true);
        if (validation is not null)
        {
            CheckLabels(validation.Labels, validation.Weights, nameof(validation));
            if (!ReferenceEquals(validation.Binning, training.Binning))
                throw new ArgumentException("The validation data must be binned with the training data's binning.", nameof(validation));
        }

        if (Options.EarlyStoppingRounds is not null && validation is null)
            throw new ArgumentException($"The '{nameof(GradientBoostingOptions.EarlyStoppingRounds)}' option needs a validation set.", nameof(validation));

        var run = new BoostingRun(Options, training, labels, validation, MonotoneDirections(training.Binning.FeatureNames));
        return run.Train(progress);
    }

    private int[] MonotoneDirections(IReadOnlyList<string> featureNames)
    {
        var unknown = Options.MonotoneConstraints.Keys.Except(featureNames, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"The '{nameof(GradientBoostingOptions.MonotoneConstraints)}' option names features the data does not have: {string.Join(", ", unknown.Select(n => $"'{n}'"))}.");
        }

        return [.. featureNames.Select(name => Options.MonotoneConstraints.TryGetValue(name, out var direction) ? direction : 0)];
    }

    private static float[] CheckLabels(float[]? labels, float[]? weights, string dataset, bool needsBothClasses = false)
    {
        if (labels is null)
            throw new ArgumentException($"The {dataset} data has no labels.", dataset);
        bool positive = false, negative = false;
        for (var row = 0; row < labels.Length; row++)
        {
            if (labels[row] is not (0f or 1f))
                throw new ArgumentException($"The {dataset} label of row {row} is {labels[row]}; labels must be 0 or 1.", dataset);
            positive |= labels[row] == 1f;
            negative |= labels[row] == 0f;
            if (weights is not null && !(weights[row] >= 0 && float.IsFinite(weights[row])))
                throw new ArgumentException($"The {dataset} weight of row {row} is {weights[row]}; weights must be finite and at least 0.", dataset);
        }

        if (needsBothClasses && !(positive && negative))
            throw new ArgumentException($"The {dataset} labels must include both 0 and 1.", dataset);
        return labels;
    }
}
