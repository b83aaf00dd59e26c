using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Cli.Training;

/// <summary>What <c>earlyhelp train</c> prints: the split, the test metrics against the baselines, the checks, the stage timings and the files.</summary>
internal static class TrainingSummary
{
    /// <summary>One line a backtest quarter: the retrained model's AUC, and the first origin's model on the same families.</summary>
    private static void BacktestLines(TextWriter output, BacktestReport backtest)
    {
        output.WriteLine(Invariant($"Backtest of the {(backtest.ModelKind == Learning.Models.ModelKind.LogisticRegression ? "logistic regression" : "gradient-boosted trees")}, refitted over {backtest.Quarters} test quarters (backtest.html):"));
        foreach (var quarter in backtest.Results)
        {
            var line = Invariant($"  {quarter.TestDate:yyyy-MM-dd}: {quarter.TestFamilies:N0} families, {quarter.Escalations:N0} escalated; ");
            line += quarter.Retrained is { } retrained
                ? "AUC " + Estimate(retrained.Metrics[MetricNames.Auc]) + (quarter.Aged is { } aged ? Invariant($", first origin's model {aged.MonthsSinceTraining} months on: ") + Estimate(aged.Score.Metrics[MetricNames.Auc]) : "")
                : "not assessable: " + quarter.Reason;
            output.WriteLine(line);
        }
    }

    private static string Estimate(MetricEstimate estimate) => Invariant($"{estimate.Value:0.000} ({estimate.Interval.Lower:0.000} to {estimate.Interval.Upper:0.000})");

    /// <summary>Writes the summary of <paramref name="result"/>.</summary>
    public static void Write(TextWriter output, TrainingResult result)
    {
        var report = result.Report;
        var schedule = report.Schedule;
        output.WriteLine(Invariant($"Trained candidate '{result.Name}' as of {report.AsOf:yyyy-MM-dd}: {(report.IsLogistic ? "the logistic regression, recommended over " : "")}{report.Boosting.TreesKept} trees; training dates {schedule.TrainingDates[0]:yyyy-MM-dd} to {schedule.TrainingDates[^1]:yyyy-MM-dd} ({schedule.TrainingDates.Count}), calibration {schedule.CalibrationDate:yyyy-MM-dd}, test {schedule.TestDate:yyyy-MM-dd}."));
        output.WriteLine();
        var roles = new TextTable("role", "rows", "families", "escalated");
        foreach (var (role, size) in report.Split.Roles)
            roles.Add(role, Count(size.Rows), Count(size.Families), Count(size.Positives));
        roles.WriteTo(output);
        output.WriteLine();

        output.WriteLine(Invariant($"Test period: {report.Test.Rows:N0} families, {report.Test.Positives:N0} escalated; capacity {report.Capacity.Monthly:N0} a month, K = {report.Capacity.TestK:N0} of the test families; 95% intervals from {report.Test.Resamples:N0} paired resamples."));
        MetricTable.Write(output, [.. report.Test.Scorers.Select(s => (s.Scorer, s.Metrics, false))]);
        output.WriteLine();
        output.WriteLine("The model minus each baseline:");
        MetricTable.Write(output, [.. report.Test.Differences.Select(d => ($"- {d.Against}", d.Differences, true))]);
        output.WriteLine(report.Capacity.InPanelTerms);
        // Shown apart because earlier agency contact is among the strongest evidence: the model must be judged on new families too.
        foreach (var part in report.NewAndKnown)
            output.WriteLine("- " + part.Describe(report.Capacity.TestK));
        output.WriteLine();

        output.WriteLine(report.Leakage.Message);
        if (report.Feedback is { } feedback)
            output.WriteLine("Feedback: " + feedback.InWords());
        if (result.Backtest is { } backtest)
            BacktestLines(output, backtest);
        if (report.Champion is { } champion)
            output.WriteLine(champion.Test is { } test
                ? Invariant($"Against the champion {champion.Name} on these families: AUC {test.Differences[0].Differences[MetricNames.Auc].Value:+0.000;-0.000}.")
                : $"The champion {champion.Name} could not be compared: {champion.Problem}.");
        output.WriteLine(FairnessLine(report));
        // One id a line: a report can hold dozens, and one line of them runs far past any terminal.
        foreach (var flag in report.FairnessFlags)
            output.WriteLine($"  {flag.Id}");
        output.WriteLine(Invariant($"Drift: score PSI {report.Drift.ScorePsi:0.000} ({report.Drift.ScoreLevel}); {report.Drift.ShiftedFeatures.Count} feature(s) shifted."));
        output.WriteLine();

        var stages = new TextTable("stage", "wall s", "processor s", "peak RSS MB");
        foreach (var stage in result.StageTimings)
            stages.Add(stage.Stage, Seconds(stage.WallSeconds), Seconds(stage.ProcessorSeconds), Megabytes(stage.PeakWorkingSetBytes));
        stages.Add("total", Seconds(result.StageTimings.Sum(s => s.WallSeconds)), Seconds(result.StageTimings.Sum(s => s.ProcessorSeconds)),
            Megabytes(result.StageTimings.Max(s => s.PeakWorkingSetBytes)));
        stages.WriteTo(output);
        output.WriteLine();
        output.WriteLine($"Wrote {result.Folder}: {ModelFolderLayout.CardHtml}, {ModelFolderLayout.FairnessHtml}, {ModelFolderLayout.CalibrationHtml}, {ModelFolderLayout.Metrics} and {result.Files.Count - 4} more files.");
        output.WriteLine($"Registered as a candidate. To put it before the panel, an analyst proposes it (earlyhelp models propose {result.Name} --as ANALYST-ACCOUNT --note TEXT) and an IG reviewer signs it off (earlyhelp models sign-off {result.Name} --as IG-ACCOUNT --note TEXT).");
    }

    /// <summary>
    /// "No flag" only when some group could be judged: when every group was small the audit could raise none, and the
    /// line says the audit was not assessable and why, so nobody reads it as a pass.
    /// </summary>
    internal static string FairnessLine(TrainingReport report)
    {
        var evidence = report.FairnessEvidence;
        if (report.FairnessFlags.Count > 0)
            return $"Fairness: {report.FairnessFlags.Count} flag(s), each to be acknowledged by id in the promotion note:";
        return evidence.IsAssessable
            ? $"Fairness: no flag ({string.Join("; ", evidence.Reasons)})."
            : $"Fairness: not assessable, so no flag could be raised ({string.Join("; ", evidence.Reasons)}); promotion refuses it.";
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / 1_048_576.0).ToString("N0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
