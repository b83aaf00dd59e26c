using System.Globalization;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Training;

/// <summary>What a backtest works on: the hub's families and the run it belongs to.</summary>
/// <param name="Hub">The hub's name, for messages.</param>
/// <param name="History">The hub's families, indexed.</param>
/// <param name="Groups">Families grouped by the people they share, as the run splits them.</param>
/// <param name="Feedback">Rows left out because the panel offered early help in their outcome window.</param>
/// <param name="Run">The run's schedule: its test date is the backtest's last.</param>
/// <param name="Options">The run's options: horizon, spacing, seed, shares, boosting, resamples.</param>
/// <param name="MonthlyCapacity">The panel's monthly capacity, scaled to each quarter's test families.</param>
/// <param name="ModelKind">The kind of model the run saves (<see cref="Learning.Models.ModelKind"/>): each quarter refits that kind.</param>
public sealed record BacktestInput(string Hub, HubHistory History, ConnectedFamilies Groups, FeedbackExclusion Feedback, AsOfSchedule Run,
    TrainingOptions Options, int MonthlyCapacity, string ModelKind)
{
    /// <summary>Called with each quarter's fit and rows; tests use it to check the fit against a direct one.</summary>
    internal Action<BacktestQuarterFit>? Fitted { get; init; }
}

/// <summary>
/// A rolling-origin backtest: at each of several consecutive quarterly test dates, a model of the kind the run saves is
/// trained and calibrated as <see cref="TrainingPipeline"/> trains it (<see cref="BacktestModels"/>), on the schedule a deployment then would have had, and tested on that
/// quarter's test families; the model trained at the first origin is also scored on every later quarter, so analysts see
/// how a model ages when it is not retrained. The family partition is the run's, so test families stay test families.
/// </summary>
public static class Backtest
{
    /// <summary>The retrained model's scorer name in the paired comparisons.</summary>
    public const string RetrainedScorer = "retrained";

    /// <summary>The first origin's model's scorer name.</summary>
    public const string AgedScorer = "first_origin";

    /// <summary>Runs a backtest over <paramref name="quarters"/> test dates (at least 1).</summary>
    public static BacktestReport Run(BacktestInput input, int quarters, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(quarters, 1);
        var options = input.Options;
        var schedules = BacktestPlan.Plan(input.Hub, input.Run, quarters, options);
        // The earliest quarter trains on dates before the run's first, where retention has cut more: every quarter's
        // look-backs are capped to what the earliest of them keeps, so that all quarters read features alike.
        var capped = CappedFeatures.For(LookBackCaps.FromRetention(input.History.ExtractDate, schedules.Min(s => s.TrainingDates[0])));
        var table = FeatureTableBuilder.Build(input.History, new FeatureTableOptions
        {
            AsOfDates = [.. schedules.SelectMany(s => s.LabelledDates).Distinct().Order()],
            HorizonMonths = options.HorizonMonths,
            MaxDegreeOfParallelism = options.Threads ?? Environment.ProcessorCount,
            LookBackCaps = capped.Caps,
        });
        (IScoringModel Model, DateOnly TestDate)? first = null;
        var results = new List<BacktestQuarter>();
        foreach (var schedule in schedules)
        {
            cancellation.ThrowIfCancellationRequested();
            var split = DataSplit.Of(table, schedule, input.Groups, options.Seed, options.Shares, input.Feedback);
            var fit = TrainAt(table, split, capped.Kept, schedule, input, out var cannotTrain);
            if (results.Count == 0 && fit is not null)
                first = (fit.Model, schedule.TestDate);
            results.Add(Judge(table, capped.Kept, schedule, split, fit?.Model, cannotTrain, first, input, cancellation) with { Penalty = fit?.Penalty });
        }
        return new BacktestReport(quarters, BacktestPlan.MonthsNeeded(quarters, options), BacktestEvidence.MinimumEscalations, Method(options, input.ModelKind), results)
        {
            ModelKind = input.ModelKind,
        };
    }

    /// <summary>The run's kind of model fitted on the quarter's rows (<see cref="BacktestModels"/>); null with the reason when the rows cannot train.</summary>
    private static BacktestFit? TrainAt(FeatureTable table, DataSplit split, IReadOnlyList<string> features, AsOfSchedule schedule, BacktestInput input, out string? cannotTrain)
    {
        var training = Gather(table, features, split, RowRole.Training);
        var validation = Gather(table, features, split, RowRole.Validation);
        var calibration = Gather(table, features, split, RowRole.Calibration);
        cannotTrain = BacktestEvidence.CannotTrain([("training", training.Labels!), ("validation", validation.Labels!), ("calibration", calibration.Labels!)]);
        if (cannotTrain is not null)
            return null;
        var fit = BacktestModels.Fit(input.ModelKind, training, validation, calibration, input.Options);
        input.Fitted?.Invoke(new BacktestQuarterFit(schedule.TestDate, fit, training, validation, calibration, Gather(table, features, split, RowRole.Test)));
        return fit;
    }

    private static BacktestQuarter Judge(FeatureTable table, IReadOnlyList<string> features, AsOfSchedule schedule, DataSplit split, IScoringModel? model, string? cannotTrain,
        (IScoringModel Model, DateOnly TestDate)? first, BacktestInput input, CancellationToken cancellation)
    {
        var options = input.Options;
        var rows = split.Rows(RowRole.Test);
        var test = Gather(table, features, split, RowRole.Test);
        var labels = test.Labels!.Select(l => (double)l).ToArray();
        var eligible = table.Snapshots.Single(s => s.AsOf == schedule.TestDate).Eligible;
        var capacity = TestRowKeys.Capacity(input.MonthlyCapacity, rows.Count, eligible);
        var helped = DataSplit.LearningRoles.Sum(role => split.ExcludedAsHelped(role).Count);
        var reason = cannotTrain ?? BacktestEvidence.CannotJudge(test.Labels!);
        if (model is null || reason is not null)
            return new BacktestQuarter(schedule.TestDate, schedule.CalibrationDate, schedule.TrainingDates, BacktestQuarter.NotAssessable, reason,
                rows.Count, (long)labels.Sum(), capacity, helped, null, null);

        var retrained = model.PredictProbability(test);
        var aged = first is { } origin && origin.TestDate != schedule.TestDate ? origin.Model.PredictProbability(test) : null;
        List<Scorer> scorers = [new(RetrainedScorer, retrained)];
        if (aged is not null)
            scorers.Add(new(AgedScorer, aged));
        var tieKeys = TestRowKeys.TieKeys(rows.Select(r => table.Families[r]), options.Seed);
        var comparison = PairedBootstrap.Run(scorers, labels, tieKeys, capacity, options.BootstrapResamples, options.Seed, cancellation: cancellation);
        var ageing = aged is null ? null : new BacktestAgeing(Months(first!.Value.TestDate, schedule.TestDate),
            BacktestScoring.Score(comparison, AgedScorer, aged, labels), comparison.Against(AgedScorer).Differences);
        return new BacktestQuarter(schedule.TestDate, schedule.CalibrationDate, schedule.TrainingDates, BacktestQuarter.Assessed, null,
            rows.Count, (long)labels.Sum(), capacity, helped, BacktestScoring.Score(comparison, RetrainedScorer, retrained, labels), ageing);
    }

    private static DenseDataset Gather(FeatureTable table, IReadOnlyList<string> features, DataSplit split, RowRole role) =>
        TableRows.Gather(table, split.Rows(role), features, [], labelled: true);

    private static int Months(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month;

    private static string Method(TrainingOptions options, string kind) => string.Create(CultureInfo.InvariantCulture,
        $"Rolling origin: each test date a quarter after the one before, ending at the run's test date. At each, the schedule is planned as a run whose cut-off is that test date plus {options.HorizonMonths} months would plan it (calibration date {options.HorizonMonths} months before the test date, training dates every {options.EveryMonths} months back from it with {options.MinimumHistoryMonths} months of look-back), so no training or calibration outcome window reaches past the test date; ")
        + "the model refitted is the kind the run saves, " + BacktestModels.Describe(kind) + ", and the run's family partition (seed and shares) is kept, so test families are never trained on. "
        + "Each quarter reports the test report's metrics with 95% paired bootstrap intervals, the calibration slope with its Wald interval and observed / expected outcomes with its interval; "
        + "from the second quarter on, the model trained at the first origin is scored on the same families (ageing), with the retrained model's lead over it. "
        + $"A quarter whose rows cannot train a model, or whose test families hold fewer than {BacktestEvidence.MinimumEscalations} escalations or non-escalations, is not assessable, with the reason.";
}
