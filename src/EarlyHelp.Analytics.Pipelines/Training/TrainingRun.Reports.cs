using EarlyHelp.Analytics.Core;
using System.Globalization;
using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Learning.Linear;
using EarlyHelp.Analytics.Pipelines.Drift;
using EarlyHelp.Analytics.Pipelines.Fairness;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Training;

internal sealed partial class TrainingRun
{
    /// <summary>Features offered to the proxy check: the model's most used, where indirect use would matter most.</summary>
    private const int ProxyCheckFeatures = 20;

    /// <summary>Months of true need before T that define a family's need stratum: the window of the 12-month counts the model leans on most.</summary>
    private const int StandardisedLookBackMonths = 12;

    private FairnessReport fairness = null!;
    private CalibrationReport calibration = null!;
    private FairnessReport? trueNeedFairness;
    private TrueNeedSummary? trueNeedSummary;
    private DriftReport drift = null!;
    private LinkageFinding? linkage;

    /// <summary>
    /// The fairness audit and calibration report on the test rows, by the family's children's ethnicity and
    /// sex, disability in the family, area deprivation, and ethnicity by deprivation; the panel's capacity
    /// is the selection; the linkage finding beside it. With a truth folder, the audit again against true need.
    /// </summary>
    private void Audit()
    {
        var rows = split.Rows(RowRole.Test);
        var families = rows.Select(r => new AuditedFamily(history.Find(table.Families[r])!, table.AsOfDates[r])).ToArray();
        var groups = FamilyGroups.Build(families, store.OpenProtectedCharacteristicsReader(), store.OpenReader().Households());
        var test = data[RowRole.Test];
        var raw = model is LogisticModel ? Probabilities(logisticModel.PredictMargin(test)) : trees.PredictProbability(test);
        var importance = Importance();
        var proxies = Enumerable.Range(0, featureNames.Length).OrderByDescending(f => importance[f]).Take(ProxyCheckFeatures)
            .Select(f => new FeatureColumn(featureNames[f], Column(data[RowRole.Test], f))).ToArray();
        var population = new ScoredPopulation(testProbabilities, testLabels, groups, "calibrated probability")
        {
            RawScores = raw,
            RawScoreName = "probability before calibration",
            TieKeys = testTieKeys,
            Features = proxies,
        };
        var auditOptions = CapacityAudit.ForCapacity(testCapacity, options.BootstrapResamples, options.Seed);
        fairness = new FairnessAudit(auditOptions).Run(population);
        calibration = new CalibrationAudit(new CalibrationReportOptions { Intersections = false }).Run(population);
        linkage = LinkageFinding.Measure(store, request.TruthFolder);
        if (request.TruthFolder is { } truth)
            AuditAgainstTrueNeed(truth, rows, families, auditOptions);
    }

    /// <summary>
    /// The same ranking judged against what families truly needed. A group that agencies record more often
    /// for the same need is selected more often without it: its false positive rate against true need is
    /// higher. The selection is widened to as many families as had the need, so that each group's rate rests
    /// on enough selected families to be measured; the capacity's handful could not show it. Its flags are
    /// evidence about the synthetic city's planted bias, reported in the card and metrics.json; they are not
    /// among the flags a promotion note must acknowledge, which come from the audit a real council can run.
    /// </summary>
    private void AuditAgainstTrueNeed(string truthFolder, IReadOnlyList<int> rows, IReadOnlyList<AuditedFamily> families, FairnessAuditOptions auditOptions)
    {
        // The hub's families are linked, not given: the truth's need is keyed by the truth's own family ids.
        // The links alone, and the true person behind each hub person read once: the truth's record file is millions of rows.
        var truePeople = TruthFamilies.TruePeople(truthFolder, store.ReadRecordPeople());
        var truthFamilies = TruthFamilies.Match(truthFolder, truePeople,
            rows.Select(r => table.Families[r]).Distinct().Select(f => history.Find(f)!), schedule.TestDate);
        // Groups by the children's true characteristics. The hub knows a child's ethnicity only from the school census
        // and social care, so its recorded groups are partly chosen by contact with services: on the 60,000-person
        // city generated without any recording bias, recorded-Mixed families were selected 1.62 times as often as
        // families with the same true need and families with no recorded ethnicity 0.12 times, while the same ranking
        // grouped by the truth gave Mixed 1.16 [0.90, 1.46] (docs/identity.md). The recorded groups stay in the audit a
        // council runs; this audit asks whether a group is selected beyond its true need.
        var groups = FamilyGroups.Build(families, TruthFamilies.Characteristics(truthFolder, truePeople),
            store.OpenReader().Households());
        var trueFamilies = rows.Select(r => new FamilyId(truthFamilies.GetValueOrDefault(table.Families[r].Value, -1))).ToArray();
        var need = TrueNeed.Read(truthFolder, trueFamilies.Select(f => f.Value).ToHashSet());
        var labels = rows.Select((r, i) => need.HadNeed(trueFamilies[i], table.AsOfDates[r], options.HorizonMonths) ? 1.0 : 0.0).ToArray();
        var withNeed = (long)labels.Sum();
        if (withNeed == 0)
            return;
        var selected = (int)withNeed;
        var population = new ScoredPopulation(testProbabilities, labels, groups, "calibrated probability") { TieKeys = testTieKeys };
        trueNeedFairness = new FairnessAudit(auditOptions with { Selection = new SelectionRule.TopK(selected), Intervention = InterventionKind.Burdensome }).Run(population);

        var top = (int)Math.Round(StandardisedSelection.SelectedShare * rows.Count, MidpointRounding.AwayFromZero);
        var chosen = Learning.Metrics.BinaryMetrics.SelectTopK<double>(testProbabilities, top, testTieKeys);
        var strata = rows.Select((r, i) =>
        {
            var asOf = table.AsOfDates[r];
            var children = Features.PointInTime.MembersAtDate.Children(history.Find(table.Families[r])!, new Features.PointInTime.AsOfDate(asOf)).Count();
            return StandardisedSelection.Stratum(need.Before(trueFamilies[i], asOf, StandardisedLookBackMonths), children);
        }).ToArray();
        var standardised = StandardisedSelection.Run(groups, chosen, strata, options.BootstrapResamples, options.Seed);
        trueNeedSummary = new TrueNeedSummary(TrueNeed.Definition(options.HorizonMonths), rows.Count, withNeed,
            string.Create(CultureInfo.InvariantCulture, $"the {selected:N0} highest-scored test families, as many as had true need"),
            FairnessFlag.From(trueNeedFairness, FairnessFlag.TrueNeedReport),
            string.Create(CultureInfo.InvariantCulture, $"the {top:N0} highest-scored test families (a tenth), against families with the same true need in the {StandardisedLookBackMonths} months before the test date and as many children"),
            standardised, StandardisedSelection.Flags(standardised));
    }

    private void MeasureDrift()
    {
        var training = data[RowRole.Training];
        var scoring = data[RowRole.Scoring];
        drift = DriftReport.Compute(
            string.Create(CultureInfo.InvariantCulture, $"training rows ({training.RowCount:N0} rows at {schedule.TrainingDates.Count} as-of dates, {schedule.TrainingDates[0]:yyyy-MM-dd} to {schedule.TrainingDates[^1]:yyyy-MM-dd})"),
            training, model.PredictProbability(training),
            string.Create(CultureInfo.InvariantCulture, $"every eligible family at {schedule.ScoringDate:yyyy-MM-dd} ({scoring.RowCount:N0})"),
            scoring, model.PredictProbability(scoring));
    }

    /// <summary>The logistic of each margin: a regression's probability before its Platt calibrator.</summary>
    private static double[] Probabilities(double[] margins) => [.. margins.Select(m => 1 / (1 + Math.Exp(-m)))];

    private static double[] Column(Learning.Data.DenseDataset dataset, int feature)
    {
        var values = new double[dataset.RowCount];
        for (var row = 0; row < values.Length; row++)
            values[row] = dataset[row, feature];
        return values;
    }
}
