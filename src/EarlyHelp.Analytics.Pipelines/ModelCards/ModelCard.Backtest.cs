using EarlyHelp.Analytics.Evaluation.Charts;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.ModelCards;

public static partial class ModelCard
{
    private static readonly (string Metric, string Label, string Format)[] BacktestColumns =
    [
        (MetricNames.Auc, "AUC", "0.000"), (MetricNames.PrecisionAtCapacity, "precision at capacity", "0.0%"), (MetricNames.Brier, "Brier", "0.0000"),
    ];

    /// <summary>The backtest as its own page (<c>backtest.html</c>): the method, each quarter with intervals, and how the first origin's model ages.</summary>
    public static CardDocument BacktestDocument(string modelName, BacktestReport backtest)
    {
        ArgumentNullException.ThrowIfNull(backtest);
        return new CardDocument($"Backtest: {modelName}", [BacktestSection(backtest)]);
    }

    /// <summary>The backtest's section: which kind of model was backtested, method, quarter table, ageing table and the AUC chart.</summary>
    internal static CardSection BacktestSection(BacktestReport backtest)
    {
        var blocks = new List<CardBlock>();
        blocks.AddRange(
        [
            new CardBlock.Paragraph(BacktestedKind(backtest)),
            new CardBlock.Paragraph(backtest.Method),
            new CardBlock.Paragraph(Invariant($"{backtest.Quarters} test quarters need {backtest.MonthsNeeded} calendar months of records, from the first month of steady recording to the extract's. Calibration figures judge nothing below the calibration gate's 100 escalations and 100 families without (marked \"indicative\")."))
        ]);
        blocks.Add(new CardBlock.Table("The model retrained at each origin, on that quarter's test families; 95% intervals",
            ["test date", "training dates", "test families (escalated)", "K", "status", .. BacktestColumns.Select(c => c.Label), "calibration slope", "observed / expected"],
            backtest.Results.Select(q => (IReadOnlyList<string>)
            [
                Invariant($"{q.TestDate:yyyy-MM-dd}"), Invariant($"{q.TrainingDates.Count} ({q.TrainingDates[0]:yyyy-MM-dd} to {q.TrainingDates[^1]:yyyy-MM-dd})"),
                Invariant($"{q.TestFamilies:N0} ({q.Escalations:N0})"), Invariant($"{q.Capacity:N0}"),
                q.Retrained is null ? "not assessable: " + q.Reason : "assessed",
                .. ScoreCells(q.Retrained),
            ]).ToArray()));
        var aged = backtest.Results.Where(q => q.Aged is not null).ToArray();
        if (aged.Length > 0)
        {
            blocks.Add(new CardBlock.Table(Invariant($"Ageing: the model trained at the first origin ({backtest.Results[0].TestDate:yyyy-MM-dd}), not retrained, on later quarters; and the retrained model's lead over it on the same families"),
                ["test date", "months since first origin", .. BacktestColumns.Select(c => c.Label), "calibration slope", "observed / expected", .. BacktestColumns.Select(c => "retrained − aged " + c.Label)],
                aged.Select(q => (IReadOnlyList<string>)
                [
                    Invariant($"{q.TestDate:yyyy-MM-dd}"), Invariant($"{q.Aged!.MonthsSinceTraining}"), .. ScoreCells(q.Aged.Score),
                    .. BacktestColumns.Select(c => WithInterval(q.Aged.RetrainedMinusAged[c.Metric], c.Format)),
                ]).ToArray()));
        }
        if (backtest.Results.Any(q => q.Retrained is not null))
            blocks.Add(new CardBlock.Figure(BacktestChart(backtest), "AUC by test quarter with 95% intervals: the model retrained at each origin, and the first origin's model as it ages."));
        return new CardSection("Backtest: how the model ages", blocks);
    }

    /// <summary>Which kind of model the quarters refitted, and for a regression the penalty each quarter chose.</summary>
    private static string BacktestedKind(BacktestReport backtest)
    {
        if (backtest.ModelKind != ModelKind.LogisticRegression)
            return "Backtested model: the gradient-boosted trees, the kind this folder holds, refitted at each origin.";
        var penalties = string.Join(", ", backtest.Results.Where(q => q.Penalty is not null).Select(q => Invariant($"{q.TestDate:yyyy-MM-dd}: {q.Penalty:G4}")));
        return "Backtested model: the logistic regression, the kind this folder holds, refitted at each origin with its L2 penalty tuned on that quarter's validation families"
            + (penalties.Length > 0 ? $" (penalty chosen: {penalties})." : ".");
    }

    private static IEnumerable<string> ScoreCells(BacktestScore? score)
    {
        if (score is null)
            return Enumerable.Repeat("—", BacktestColumns.Length + 2);
        var calibration = score.Calibration;
        var note = calibration.Assessable ? "" : " indicative";
        return
        [
            .. BacktestColumns.Select(c => WithInterval(score.Metrics[c.Metric], c.Format)),
            Invariant($"{calibration.Slope:0.00} ({calibration.SlopeInterval.Lower:0.00} to {calibration.SlopeInterval.Upper:0.00}){note}"),
            Invariant($"{calibration.ObservedOverExpected:0.00} ({calibration.ObservedOverExpectedInterval.Lower:0.00} to {calibration.ObservedOverExpectedInterval.Upper:0.00}){note}"),
        ];
    }

    private static ChartImage BacktestChart(BacktestReport backtest)
    {
        var first = backtest.Results[0].TestDate;
        double X(DateOnly date) => (date.Year - first.Year) * 12 + date.Month - first.Month;
        static ChartPoint Point(double x, MetricEstimate auc) => new(x, auc.Value, auc.Interval.Lower, auc.Interval.Upper);
        var retrained = backtest.Results.Where(q => q.Retrained is not null).Select(q => Point(X(q.TestDate), q.Retrained!.Metrics[MetricNames.Auc])).ToArray();
        var aged = backtest.Results.Where(q => q.Aged is not null).Select(q => Point(X(q.TestDate), q.Aged!.Score.Metrics[MetricNames.Auc])).ToArray();
        return LineChart.Render(new LineChartSpecification
        {
            Title = "AUC by test quarter",
            Name = "backtest-auc",
            XAxisTitle = Invariant($"months after the first test date, {first:yyyy-MM-dd}"),
            YAxisTitle = "AUC",
            Series = aged.Length > 0 ? [new ChartSeries("retrained each quarter", retrained), new ChartSeries("first origin's model", aged)] : [new ChartSeries("retrained each quarter", retrained)],
            YFormat = v => v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        });
    }
}
