using System.Globalization;
using EarlyHelp.Analytics.Learning.Trees;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Training;

/// <summary>What a training run does; each default is stated and <see cref="Validate"/> checks them all in one place.</summary>
public sealed record TrainingOptions
{
    /// <summary>The run's as-of date: no record or outcome after it is used. Required.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Months after T in which an escalation counts. Default 12 (the Supporting Families outcome window); 1 to 60.</summary>
    public int HorizonMonths { get; init; } = 12;

    /// <summary>Months between as-of dates. Default 3 (quarterly, the retraining cycle); 1 to 12.</summary>
    public int EveryMonths { get; init; } = 3;

    /// <summary>
    /// Months of history an as-of date needs before it. Default 24: the longest count window of the
    /// features, so no training date sees a truncated look-back; 0 to 120.
    /// </summary>
    public int MinimumHistoryMonths { get; init; } = 24;

    /// <summary>
    /// The panel's monthly capacity: how many families it can review from one scoring run, in the whole
    /// city. Null (the default) takes half a per cent of the families eligible at the as-of date — a
    /// Bristol-sized city's 56,000 eligible families give 280. At least 1.
    /// </summary>
    public int? Capacity { get; init; }

    /// <summary>Seed of the family partition, the subsampling and the bootstrap. Default 1. Keep it across retrains so test families stay test families.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Shares of families per partition. Default (<see cref="PartitionShares"/>) 0.4 training, 0.1 each validation and calibration, 0.4 test.</summary>
    public PartitionShares Shares { get; init; } = new();

    /// <summary>Bootstrap resamples for the intervals of the metrics and of the fairness disparities. Default 1,000; 100 to 100,000.</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>
    /// The gradient-boosting settings (FastTree). Default: up to 1,000 trees of 15 leaves at learning rate
    /// 0.05, at least 100 rows a leaf, 70% of the rows and half the features per tree, cut back to the round
    /// with the lowest validation log loss (searched until 50 rounds pass without a better one). Escalation
    /// is rare (about 2% a year), so a leaf's rate must rest on many families; slow learning with early
    /// stopping (Friedman 2001) finds the number of trees on the validation families. FastTree has no L2
    /// penalty on leaf values; the large leaves and the subsampling do that work.
    /// </summary>
    public GradientBoostingOptions Boosting { get; init; } = DefaultBoosting;

    /// <summary>The default <see cref="Boosting"/>.</summary>
    public static GradientBoostingOptions DefaultBoosting { get; } = new()
    {
        NumberOfTrees = 1000,
        NumberOfLeaves = 15,
        LearningRate = 0.05,
        MinimumExampleCountPerLeaf = 100,
        RowSubsampleFraction = 0.7,
        FeatureSubsampleFraction = 0.5,
        EarlyStoppingRounds = 50,
    };

    /// <summary>
    /// The largest drop in AUC from the training period to the test period, both on families the model never
    /// saw, that passes without a leakage warning. Default 0.10: a model that does not see the future loses
    /// a little as the city changes (a few hundredths in our runs); one whose feature knew the outcome loses
    /// most of its lead the moment that knowledge is gone. 0.01 to 0.5.
    /// </summary>
    public double LeakageThreshold { get; init; } = 0.10;

    /// <summary>
    /// Test quarters of the rolling-origin backtest written beside the model (<c>backtest.json</c>, <c>backtest.html</c>),
    /// ending at the run's test date. Default 0: none, since it trains one model per quarter. 0, or 2 to 20.
    /// </summary>
    public int BacktestQuarters { get; init; }

    /// <summary>
    /// Whether the logistic regression holds each input within the 0.5th and 99.5th percentiles of its training values
    /// (<see cref="Learning.Linear.InputCaps"/>), so that a family far outside the training range cannot push its
    /// probability towards certainty. Default false: on the 20,000-person city the caps made the regression's test log
    /// loss worse and its calibration slope further from 1, so the rule written before the measurement keeps them off
    /// (docs/learning.md, "Bounded inputs for the regression").
    /// </summary>
    public bool CapRegressionInputs { get; init; }

    /// <summary>Threads for feature building and explanations, or null for every core (training uses every core). Results do not depend on it.</summary>
    public int? Threads { get; init; }

    /// <summary>
    /// The boosting settings with the run's seed. The thread count is left to ML.NET: FastTree writes a
    /// thread count it was given into the model zip, which would make the fingerprint depend on the machine
    /// though the trees do not.
    /// </summary>
    internal GradientBoostingOptions BoostingWithSeed => Boosting with { Seed = Seed };

    /// <summary>Every problem with the options, one message each; empty when they are valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (HorizonMonths is < 1 or > 60)
            yield return Invariant($"The 'HorizonMonths' option must be between 1 and 60. Got {HorizonMonths} instead.");
        if (EveryMonths is < 1 or > 12)
            yield return Invariant($"The 'EveryMonths' option must be between 1 and 12. Got {EveryMonths} instead.");
        if (MinimumHistoryMonths is < 0 or > 120)
            yield return Invariant($"The 'MinimumHistoryMonths' option must be between 0 and 120. Got {MinimumHistoryMonths} instead.");
        if (Capacity < 1)
            yield return Invariant($"The 'Capacity' option must be at least 1. Got {Capacity} instead.");
        if (BootstrapResamples is < 100 or > 100_000)
            yield return Invariant($"The 'BootstrapResamples' option must be between 100 and 100000. Got {BootstrapResamples} instead.");
        if (!(LeakageThreshold >= 0.01 && LeakageThreshold <= 0.5))
            yield return Invariant($"The 'LeakageThreshold' option must be between 0.01 and 0.5. Got {LeakageThreshold} instead.");
        if (BacktestQuarters is < 0 or 1 or > 20)
            yield return Invariant($"The 'BacktestQuarters' option must be 0 (no backtest) or between 2 and 20. Got {BacktestQuarters} instead.");
        if (Threads < 1)
            yield return Invariant($"The 'Threads' option must be at least 1. Got {Threads} instead.");
        if (Boosting is null)
            yield return "The 'Boosting' option must be set.";
        else
        {
            foreach (var problem in Boosting.Validate())
                yield return problem;
            if (Boosting.EarlyStoppingRounds is null)
                yield return "The 'Boosting' option must set 'EarlyStoppingRounds': the number of trees is chosen on the validation families.";
        }
        if (Shares is null)
            yield return "The 'Shares' option must be set.";
        else
        {
            foreach (var problem in Shares.Validate())
                yield return problem;
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, or returns when valid.</summary>
    public void EnsureValid()
    {
        var problems = Validate().ToList();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems));
    }

    /// <summary>The capacity K out of <paramref name="eligible"/> families: the option, or half a per cent of them (at least 1).</summary>
    public int CapacityFor(int eligible) => Capacity ?? Math.Max(1, (int)Math.Round(0.005 * eligible, MidpointRounding.AwayFromZero));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
