using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Training;

/// <summary>Points where tests reach into a run: to plant a leaking feature, or to interrupt it at a stage.</summary>
internal sealed class TrainingHooks
{
    /// <summary>No hooks: what every real run uses.</summary>
    public static TrainingHooks None { get; } = new();

    /// <summary>Extra feature columns computed from the table (and its labels) once it is built.</summary>
    public Func<FeatureTable, AsOfSchedule, IReadOnlyList<ExtraFeature>>? ExtraFeatures { get; init; }

    /// <summary>Called with each stage's name before it starts; throwing there interrupts the run.</summary>
    public Action<string>? BeforeStage { get; init; }

    /// <summary>Called with each backtest quarter's fit and rows.</summary>
    public Action<BacktestQuarterFit>? BacktestFitted { get; init; }

    /// <summary>Called once the model folder is in place and before its registry row commits.</summary>
    public Action? BeforeRegistryCommit { get; init; }
}
