using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Pipelines.ModelFolders;

namespace EarlyHelp.Analytics.Pipelines.Training;

/// <summary>Where a training run writes and who runs it.</summary>
public sealed record TrainingRequest
{
    /// <summary>The model folder to create, <c>models/NAME</c>; it must not exist (a model is never overwritten).</summary>
    public required string ModelFolder { get; init; }

    /// <summary>Who runs the training, for the registry and the audit log.</summary>
    public required string Actor { get; init; }

    /// <summary>
    /// The synthetic city's truth folder, to audit the model against true need as well as recorded
    /// escalation; null for a real hub (the usual case).
    /// </summary>
    public string? TruthFolder { get; init; }

    /// <summary>The clock that dates the run's report. Default: the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>What a training run made.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Folder">The model folder, full path.</param>
/// <param name="Report">Its metrics (<c>metrics.json</c>).</param>
/// <param name="TrainingData">Its training-data fingerprint (<c>training_data.json</c>).</param>
/// <param name="Files">Every file written, relative to the folder.</param>
/// <param name="StageTimings">Time and memory of every stage, the writing of the folder included (metrics.json has those before it).</param>
/// <param name="Backtest">The rolling-origin backtest (<c>backtest.json</c>), when one was asked for.</param>
public sealed record TrainingResult(string Name, string Folder, TrainingReport Report, TrainingDataFingerprint TrainingData, IReadOnlyList<string> Files,
    IReadOnlyList<StageTiming> StageTimings, BacktestReport? Backtest = null);

/// <summary>
/// The quarterly retrain: from the hub to a registered candidate model with everything information
/// governance needs to judge it. Stages: read the hub; build the stacked feature table at quarterly
/// as-of dates; split by time and by family; train the gradient-boosted trees with early stopping; fit
/// the calibrator on the calibration rows; fit the baselines; evaluate on the test rows against the
/// baselines and the champion, with bootstrap intervals, and check for leakage; audit fairness and
/// calibration by group; measure drift; write the model folder and register the candidate. Nothing
/// reaches the panel until a named person promotes the candidate.
/// </summary>
public static class TrainingPipeline
{
    /// <summary>The stages, in order, as the timing table names them; "backtest" runs only when asked for.</summary>
    public static IReadOnlyList<string> Stages { get; } =
        ["read hub", "build features", "split", "train model", "calibrate", "train baselines", "evaluate", "audit", "drift", "backtest", "write and register"];

    /// <summary>
    /// Runs the pipeline. Throws <see cref="BadInputException"/> when the folder or name is taken or the
    /// hub cannot support a run, and <see cref="OperationCanceledException"/> when cancelled; either way
    /// no model folder and no registry row are left behind.
    /// </summary>
    public static TrainingResult Run(IHubStore store, TrainingRequest request, TrainingOptions options,
        IProgress<WorkProgress>? progress = null, CancellationToken cancellation = default) =>
        Run(store, request, options, progress, cancellation, TrainingHooks.None);

    /// <summary>Runs the pipeline with test hooks.</summary>
    internal static TrainingResult Run(IHubStore store, TrainingRequest request, TrainingOptions options,
        IProgress<WorkProgress>? progress, CancellationToken cancellation, TrainingHooks hooks)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        using var run = new TrainingRun(store, request, options, progress, cancellation, hooks);
        return run.Execute();
    }
}
