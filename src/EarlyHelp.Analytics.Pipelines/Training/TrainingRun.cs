using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Training;

/// <summary>One run of <see cref="TrainingPipeline"/>: the stages in order, each reading what the ones before produced.</summary>
internal sealed partial class TrainingRun : IDisposable
{
    private readonly IHubStore store;
    private readonly TrainingRequest request;
    private readonly TrainingOptions options;
    private readonly IProgress<WorkProgress>? progress;
    private readonly CancellationToken cancellation;
    private readonly TrainingHooks hooks;
    private readonly StageClock clock = new();
    private readonly string folder;
    private readonly string name;

    private HubHistory history = null!;
    private AsOfSchedule schedule = null!;
    private CappedFeatures capped = null!;
    private FeatureTable table = null!;
    private IReadOnlyList<ExtraFeature> extras = [];
    private ConnectedFamilies groups = null!;
    private DataSplit split = null!;
    private FeedbackExclusion feedback = FeedbackExclusion.None;
    private BacktestReport? backtest;
    private string[] featureNames = [];
    private readonly Dictionary<RowRole, DenseDataset> data = [];

    public TrainingRun(IHubStore store, TrainingRequest request, TrainingOptions options, IProgress<WorkProgress>? progress, CancellationToken cancellation, TrainingHooks hooks)
    {
        this.store = store;
        this.request = request;
        this.options = options;
        this.progress = progress;
        this.cancellation = cancellation;
        this.hooks = hooks;
        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.ModelFolder));
        name = ModelFolderLayout.NameOf(folder);
    }

    public TrainingResult Execute()
    {
        ModelFolderWriter.EnsureFree(store, request.ModelFolder, name);
        Stage("read hub", ReadHub);
        Stage("build features", BuildFeatures);
        Stage("split", Split);
        Stage("train model", TrainModel);
        Stage("calibrate", Calibrate);
        Stage("train baselines", TrainBaselines);
        Stage("evaluate", Evaluate);
        Stage("audit", Audit);
        Stage("drift", MeasureDrift);
        if (options.BacktestQuarters > 0)
            Stage("backtest", RunBacktest);
        TrainingResult? result = null;
        Stage("write and register", () => result = WriteAndRegister());
        return result! with { StageTimings = clock.Timings.ToArray() };
    }

    public void Dispose() => clock.Dispose();

    private void Stage(string stage, Action work)
    {
        cancellation.ThrowIfCancellationRequested();
        hooks.BeforeStage?.Invoke(stage);
        clock.Time(stage, work);
    }

    private void ReadHub()
    {
        history = HubHistory.Read(store.OpenReader(), store.Name, progress);
        schedule = AsOfSchedule.Plan(store.Name, options.AsOf, history.ExtractDate, HistoryStart.Of(history),
            options.HorizonMonths, options.EveryMonths, options.MinimumHistoryMonths);
        // Planned now as well as at its stage, so a hub too short for the backtest is refused before any model is trained.
        if (options.BacktestQuarters > 0)
            BacktestPlan.Plan(store.Name, schedule, options.BacktestQuarters, options);
        // Retention has cut the short-lived datasets' look-back at the first training date: cap it there for every date.
        capped = CappedFeatures.For(LookBackCaps.FromRetention(history.ExtractDate, schedule.TrainingDates[0]));
    }

    private void BuildFeatures()
    {
        // A partitioned PostgreSQL hub builds partition by partition with parallel workers (docs/scale.md); the table is the same.
        table = PartitionedFeatureTableBuilder.Build(history, Hub.Postgres.HubPartitions.OpenReaders(store), store.Name, new FeatureTableOptions
        {
            AsOfDates = schedule.AllDates,
            HorizonMonths = options.HorizonMonths,
            LookBackCaps = capped.Caps,
            MaxDegreeOfParallelism = options.Threads ?? Environment.ProcessorCount,
        }, progress);
        extras = hooks.ExtraFeatures?.Invoke(table, schedule) ?? [];
        featureNames = [.. capped.Kept, .. extras.Select(e => e.Name)];
    }

    private void Split()
    {
        groups = ConnectedFamilies.From(history);
        feedback = FeedbackExclusion.From(store.Prompts.HelpOffers(), options.HorizonMonths);
        split = DataSplit.Of(table, schedule, groups, options.Seed, options.Shares, feedback);
        foreach (var role in Enum.GetValues<RowRole>())
            data[role] = TableRows.Gather(table, split.Rows(role), capped.Kept, extras, labelled: role != RowRole.Scoring);
        RequireBothOutcomes(RowRole.Training, "train");
        RequireBothOutcomes(RowRole.Test, "test");
    }

    /// <summary>The rolling-origin backtest over the quarters asked for, refitting the kind of model the run saves, on the run's families, partition and feedback exclusion.</summary>
    private void RunBacktest() =>
        backtest = Backtest.Run(new BacktestInput(store.Name, history, groups, feedback, schedule, options, monthlyCapacity, model.Kind)
        {
            Fitted = hooks.BacktestFitted,
        }, options.BacktestQuarters, cancellation);

    private void RequireBothOutcomes(RowRole role, string purpose)
    {
        var labels = data[role].Labels!;
        var escalated = labels.Count(l => l == 1f);
        if (escalated == 0 || escalated == labels.Length)
            throw new BadInputException(store.Name,
                $"the {role.ToString().ToLowerInvariant()} rows ({labels.Length:N0} families) hold {(escalated == 0 ? "no" : "only")} escalations, so there is nothing to {purpose} on; load more history or a larger area");
    }
}
