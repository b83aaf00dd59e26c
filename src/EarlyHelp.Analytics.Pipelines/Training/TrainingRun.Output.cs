using System.Globalization;
using System.Text;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Evaluation.Html;
using EarlyHelp.Analytics.Evaluation.Output;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Learning.Linear;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.Fairness;
using EarlyHelp.Analytics.Pipelines.ModelCards;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Training;

internal sealed partial class TrainingRun
{
    private double[]? importance;

    private TrainingResult WriteAndRegister()
    {
        var modelFiles = ModelFiles.Serialize(model);
        var sha256 = modelFiles.Fingerprint;
        var trainingData = Fingerprint();
        var report = Report(sha256);
        var files = new List<ModelFolderFile>
        {
            new(ModelFolderLayout.Model, modelFiles.ModelZip),
            new(modelFiles.ExportFile, modelFiles.TreeExport),
            new(ModelFolderLayout.Fingerprint, Utf8(sha256 + "\n")),
            new(ModelFolderLayout.Metrics, Utf8(ReportJson.Serialize(report))),
            new(ModelFolderLayout.TrainingData, Utf8(ReportJson.Serialize(trainingData))),
            new(ModelFolderLayout.FeatureCatalogue, Utf8(FeatureCatalogueCsv())),
            new(ModelFolderLayout.Drift, Utf8(ReportJson.Serialize(drift))),
            new(ModelFolderLayout.FairnessJson, Utf8(ReportJson.Serialize(fairness))),
            new(ModelFolderLayout.CalibrationJson, Utf8(ReportJson.Serialize(calibration))),
        };
        // Each HTML report comes with its charts' PNG files under charts/ beside it.
        AddReport(files, ModelFolderLayout.FairnessHtml, FairnessPage.Build(fairness));
        AddReport(files, ModelFolderLayout.CalibrationHtml, CalibrationPage.Build(calibration));
        if (trueNeedFairness is not null)
        {
            files.Add(new(Path.Combine(ModelFolderLayout.TrueNeedFolder, ModelFolderLayout.FairnessJson), Utf8(ReportJson.Serialize(trueNeedFairness))));
            AddReport(files, Path.Combine(ModelFolderLayout.TrueNeedFolder, ModelFolderLayout.FairnessHtml), FairnessPage.Build(trueNeedFairness));
        }
        if (backtest is not null)
        {
            files.Add(new(ModelFolderLayout.BacktestJson, Utf8(ReportJson.Serialize(backtest))));
            AddReport(files, ModelFolderLayout.BacktestHtml, ModelCard.BacktestDocument(name, backtest).ToReport());
        }
        var card = ModelCard.Build(new ModelCardContent(report, trainingData, fairness, calibration, drift, trueNeedFairness, backtest));
        files.Add(new(ModelFolderLayout.CardMarkdown, Utf8(card.ToMarkdown())));
        AddReport(files, ModelFolderLayout.CardHtml, card.ToReport());

        var registration = new ModelRegistration(name, folder, sha256, options.AsOf, schedule.TestDate, report.HeadlineMetrics());
        var final = ModelFolderWriter.Write(store, folder, files, registration, request.Actor, hooks.BeforeRegistryCommit);
        return new TrainingResult(name, final, report, trainingData, files.Select(f => f.Path).ToArray(), report.StageTimings, backtest);
    }

    private TrainingReport Report(string sha256)
    {
        var modelMetrics = comparison.Scorer(TrainingReport.ModelScorer);
        var escalated = modelMetrics.PromptedWhoEscalated;
        var precision = modelMetrics.Metrics[MetricNames.PrecisionAtCapacity];
        var recall = modelMetrics.Metrics[MetricNames.RecallAtCapacity];
        var eligible = table.Snapshots.Single(s => s.AsOf == schedule.ScoringDate).Eligible;
        // Group miscalibration is unequal treatment too: a score that overstates one group's risk needs the same answer as a disparity.
        IReadOnlyList<FairnessFlag> flags = [.. FairnessFlag.From(fairness, FairnessFlag.EscalationReport), .. FairnessFlag.From(calibration)];
        var importance = Importance();
        var total = Math.Max(importance.Sum(), double.Epsilon);
        return new TrainingReport
        {
            Name = name,
            ModelSha256 = sha256,
            CreatedAt = request.Clock.GetUtcNow(),
            CreatedBy = request.Actor,
            AsOf = options.AsOf,
            Schedule = new ScheduleSummary(schedule.HistoryStart, schedule.TrainingDates, schedule.CalibrationDate, schedule.TestDate, schedule.ScoringDate, options.HorizonMonths),
            Split = new SplitSummary(options.Seed, Shares(),
                Enum.GetValues<RowRole>().ToDictionary(role => RoleName(role), role => RoleSize(role)),
                SplitMethod()),
            Capacity = new CapacitySummary(monthlyCapacity, eligible, testCapacity, string.Create(CultureInfo.InvariantCulture,
                $"Of the {testCapacity:N0} test families the model ranked highest (the panel's {monthlyCapacity:N0} a month, scaled to the test families), {escalated:N0} escalated within {options.HorizonMonths} months: precision {precision.Value:0.0%} (95% interval {precision.Interval.Lower:0.0%} to {precision.Interval.Upper:0.0%}). Of all test families that escalated, {recall.Value:0.0%} were among them (95% interval {recall.Interval.Lower:0.0%} to {recall.Interval.Upper:0.0%}). Across the city that is about {precision.Value * monthlyCapacity:N0} of {monthlyCapacity:N0} prompted families.")),
            Test = comparison,
            NewAndKnown = newAndKnown,
            Recommendation = recommendation,
            ModelKind = model.Kind,
            Boosting = new BoostingSummary(ensemble.Trees.Count, options.Boosting.NumberOfTrees, validationLogLoss,
                Learning.Metrics.BinaryMetrics.RocAuc<float, double>(data[RowRole.Training].Labels, calibratedTrees.PredictProbability(data[RowRole.Training]))),
            Calibrator = model.Calibrator!,
            CalibrationGate = calibration.Verdict,
            Leakage = leakage,
            Champion = champion,
            FairnessFlags = flags,
            FairnessEvidence = FairnessEvidence.From(fairness),
            LogisticTuning = Baselines.LogisticTuning.Of(logistic),
            RegressionTest = regressionTest,
            Feedback = FeedbackSummary.Of(feedback, split),
            TrueNeed = trueNeedSummary,
            Linkage = linkage,
            Drift = new DriftSummary(drift.Score.Index, drift.Score.Level, drift.Shifted.Select(f => f.Name).ToArray()),
            FeatureImportance = Enumerable.Range(0, featureNames.Length).OrderByDescending(f => importance[f]).Take(20)
                .Select(f => new FeatureShare(featureNames[f], importance[f] / total)).ToArray(),
            StageTimings = clock.Timings.ToArray(),
        };
    }

    /// <summary>
    /// How much the saved model leans on each feature: the trees' split gain, or the regression's mean absolute linear
    /// contribution over the training rows (its weight times the spread of the standardised feature, in log-odds).
    /// </summary>
    private double[] Importance()
    {
        if (importance is not null)
            return importance;
        if (model is not LogisticModel)
            return importance = ensemble.FeatureImportance();
        return importance = model.Explain(data[RowRole.Training], options.Threads).MeanAbsolute();
    }

    private string SplitMethod() => string.Create(CultureInfo.InvariantCulture,
        $"Families that ever shared a person are grouped ({groups.JoinedFamilies:N0} families in groups of two or more), and each group is assigned once, by a seeded hash of its lowest family id, to one partition, so no person has rows on both sides. ")
        + "Training rows are the training partition at the training dates, "
        + "validation rows the validation partition at the training and calibration dates, calibration rows the calibration partition at the calibration date, "
        + "test rows the test partition at the test date (its rows at the training dates serve only the leakage check). No family or person has rows in two roles.";

    private TrainingDataFingerprint Fingerprint()
    {
        var counts = store.Counts();
        return new TrainingDataFingerprint
        {
            Hub = store.Name,
            ExtractDate = history.ExtractDate,
            SchemaVersion = store.SchemaVersion,
            HubTables = counts.Tables.ToDictionary(p => p.Key, p => p.Value),
            HubDatasets = counts.Datasets.ToDictionary(p => p.Key, p => p.Value),
            AsOf = options.AsOf,
            HistoryStart = schedule.HistoryStart,
            AsOfDates = schedule.AllDates,
            TrainingDates = schedule.TrainingDates,
            CalibrationDate = schedule.CalibrationDate,
            TestDate = schedule.TestDate,
            ScoringDate = schedule.ScoringDate,
            HorizonMonths = options.HorizonMonths,
            EveryMonths = options.EveryMonths,
            MinimumHistoryMonths = options.MinimumHistoryMonths,
            Seed = options.Seed,
            PartitionShares = Shares(),
            MonthlyCapacity = monthlyCapacity,
            LookBackCapMonths = capped.Caps.IsNone ? null : capped.Caps.ByDataset,
            FeaturesLeftOut = capped.LeftOut.Count == 0 ? null : capped.LeftOut,
            Features = featureNames,
            TableRows = table.RowCount,
            TableSha256 = TableHash.Of(table),
            TestRows = split.Rows(RowRole.Test).Count,
            TestRowsSha256 = TableHash.Of(table, split.Rows(RowRole.Test)),
        };
    }

    private IReadOnlyDictionary<string, double> Shares() => options.Shares.ByName();

    private RoleSize RoleSize(RowRole role)
    {
        var rows = split.Rows(role);
        var labels = data[role].Labels;
        return new RoleSize(rows.Count, rows.Select(r => table.Families[r]).Distinct().Count(), labels is null ? 0 : (long)labels.Sum(l => (double)l));
    }

    private static string RoleName(RowRole role) => role switch
    {
        RowRole.InPeriodCheck => "in_period_check",
        _ => role.ToString().ToLowerInvariant(),
    };

    private string FeatureCatalogueCsv()
    {
        var csv = new StringBuilder("name,description,category,unit\n");
        foreach (var feature in FeatureCatalogue.All)
            csv.Append(string.Join(',', CsvText.Field(feature.Name), CsvText.Field(feature.Description), CsvText.Field(feature.Category), CsvText.Field(feature.Unit.ToString()))).Append('\n');
        foreach (var extra in extras)
            csv.Append(string.Join(',', CsvText.Field(extra.Name), CsvText.Field("(not in the feature catalogue)"), "extra", "")).Append('\n');
        return csv.ToString();
    }

    private static void AddReport(List<ModelFolderFile> files, string pagePath, HtmlReport report) =>
        files.AddRange(report.Files(pagePath).Select(file => new ModelFolderFile(file.Path, file.Bytes)));

    private static byte[] Utf8(string text) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
}
