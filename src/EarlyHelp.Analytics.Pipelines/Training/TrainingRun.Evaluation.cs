using System.Globalization;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Metrics;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Training;

internal sealed partial class TrainingRun
{
    private double[] testLabels = [];
    private long[] testTieKeys = [];
    private double[] testProbabilities = [];
    private int monthlyCapacity;
    private int testCapacity;
    private int eligibleAtTest;
    private ScorerComparison comparison = null!;
    private IReadOnlyList<SubgroupPerformance> newAndKnown = [];
    private LeakageCheck leakage = null!;
    private ChampionComparison? champion;
    private ModelRecommendation recommendation = null!;
    private RegressionTestFigures regressionTest = null!;

    /// <summary>
    /// Chooses the model to save — the trees, or the tuned logistic regression when the trees do not beat it beyond
    /// chance (<see cref="ModelRecommendation"/>) — then judges it on the test rows beside the other candidate and the
    /// two-of-six rule, resampled together; on families new to and known to children's social care; the leakage
    /// check; and the champion, re-scored on the same rows. Everything after this stage measures the saved model.
    /// </summary>
    private void Evaluate()
    {
        var test = data[RowRole.Test];
        testLabels = test.Labels!.Select(l => (double)l).ToArray();
        testTieKeys = TestRowKeys.TieKeys(split.Rows(RowRole.Test).Select(r => table.Families[r]), options.Seed);

        var eligibleAtAsOf = table.Snapshots.Single(s => s.AsOf == schedule.ScoringDate).Eligible;
        eligibleAtTest = table.Snapshots.Single(s => s.AsOf == schedule.TestDate).Eligible;
        monthlyCapacity = options.CapacityFor(eligibleAtAsOf);
        testCapacity = TestRowKeys.Capacity(monthlyCapacity, test.RowCount, eligibleAtTest);

        var treeProbabilities = calibratedTrees.PredictProbability(test);
        var logisticProbabilities = logisticModel.PredictProbability(test);
        var ruleProbabilities = rule.PredictProbability(test);
        regressionTest = RegressionTestFigures.Of(options.CapRegressionInputs, logisticProbabilities, testLabels);
        comparison = Compare(new Scorer(TrainingReport.ModelScorer, treeProbabilities), new Scorer(TrainingReport.LogisticScorer, logisticProbabilities), ruleProbabilities);
        recommendation = ModelRecommendation.From(comparison.Against(TrainingReport.LogisticScorer));
        testProbabilities = treeProbabilities;
        if (!recommendation.RecommendsTrees)
        {
            // The same seed draws the same resamples, so the trees' figures beside the regression are those the choice rested on.
            model = logisticModel;
            testProbabilities = logisticProbabilities;
            comparison = Compare(new Scorer(TrainingReport.ModelScorer, logisticProbabilities), new Scorer(TrainingReport.TreesScorer, treeProbabilities), ruleProbabilities);
        }

        newAndKnown = SubgroupPerformance.NewAndKnown(PriorInvolvement.Known(table, split.Rows(RowRole.Test)), testLabels, testProbabilities,
            testTieKeys, testCapacity, options.BootstrapResamples, options.Seed);
        leakage = CheckLeakage(comparison.Scorer(TrainingReport.ModelScorer).Metrics[MetricNames.Auc].Value);
        champion = CompareWithChampion(test);
    }

    /// <summary>The saved model (first), the other candidate and the two-of-six rule on the test rows, resampled together.</summary>
    private ScorerComparison Compare(Scorer saved, Scorer other, double[] ruleProbabilities) => PairedBootstrap.Run(
        [saved, other, new Scorer(TrainingReport.RuleScorer, ruleProbabilities)],
        testLabels, testTieKeys, testCapacity, options.BootstrapResamples, options.Seed, cancellation: cancellation);

    /// <summary>
    /// Families the model never saw, in the period it learned from and in the test period. A model that
    /// knows only the past loses a little moving forward; a feature that knew the future stops knowing it
    /// at the test date, and the model's AUC falls far.
    /// </summary>
    private LeakageCheck CheckLeakage(double testAuc)
    {
        var inPeriod = data[RowRole.InPeriodCheck];
        var inPeriodAuc = BinaryMetrics.RocAuc<float, double>(inPeriod.Labels, model.PredictProbability(inPeriod));
        var drop = inPeriodAuc - testAuc;
        var warning = drop > options.LeakageThreshold;
        var message = warning
            ? string.Create(CultureInfo.InvariantCulture, $"POSSIBLE LEAKAGE: on families the model never saw, AUC is {inPeriodAuc:0.000} in the training period but {testAuc:0.000} in the test period, a drop of {drop:0.000} (more than {options.LeakageThreshold:0.00}). A feature may be computed from records dated after its as-of date; do not promote this model until that is ruled out.")
            : string.Create(CultureInfo.InvariantCulture, $"No sign of leakage: on families the model never saw, AUC is {inPeriodAuc:0.000} in the training period and {testAuc:0.000} in the test period (a drop of {drop:0.000}; the warning is given above {options.LeakageThreshold:0.00}).");
        return new LeakageCheck(inPeriodAuc, testAuc, drop, options.LeakageThreshold, warning, message);
    }

    /// <summary>The current champion scored on the candidate's test rows that were its test rows too (<see cref="ChampionTestRows"/>), or null when there is none.</summary>
    private ChampionComparison? CompareWithChampion(DenseDataset test)
    {
        if (store.Models.Champion() is not { } current)
            return null;
        LoadedModel loaded;
        try
        {
            loaded = ModelFolder.Load(current.Registration.Folder);
        }
        catch (Core.BadInputException e)
        {
            return new ChampionComparison(current.Name, current.Registration.ModelSha256, null, $"the champion could not be loaded: {e.Message}");
        }
        if (!loaded.Model.FeatureNames.SequenceEqual(featureNames, StringComparer.Ordinal))
            return new ChampionComparison(current.Name, loaded.ModelSha256, null, "the champion was trained on other features, so it cannot score these rows");
        if (!loaded.TrainingData.Caps().ByDataset.SequenceEqual(capped.Caps.ByDataset))
            return new ChampionComparison(current.Name, loaded.ModelSha256, null, "the champion's features count other look-back periods, so it cannot score these rows");
        var rows = new ChampionTestRows(split.Rows(RowRole.Test).Select(r => table.Families[r]).ToArray(), testLabels, testTieKeys,
            n => TestRowKeys.Capacity(monthlyCapacity, n, eligibleAtTest), groups);
        var (scores, problem) = rows.Compare(testProbabilities, loaded.Model.PredictProbability(test), loaded.TrainingData,
            options.BootstrapResamples, options.Seed, cancellation);
        return new ChampionComparison(current.Name, loaded.ModelSha256, scores, problem);
    }
}
