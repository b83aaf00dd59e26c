using EarlyHelp.Analytics.Evaluation.Charts;
using EarlyHelp.Analytics.Evaluation.Statistics;
using static EarlyHelp.Analytics.Evaluation.Html.ReportFormat;

namespace EarlyHelp.Analytics.Evaluation.Html;

/// <summary>ROC and precision–recall curves of one or more scores on the same people.</summary>
public static class RankingCharts
{
    /// <summary>The ROC curves, each series named with its AUC.</summary>
    public static ChartImage Roc(IEnumerable<(string Name, double Auc, RankingCurves Curves)> scores) =>
        LineChart.Render(new LineChartSpecification
        {
            Title = "ROC curve",
            Name = "roc-curve",
            XAxisTitle = "False positive rate (share without the outcome who are selected)",
            YAxisTitle = "True positive rate (recall)",
            Series = scores.Select(s => new ChartSeries($"{s.Name} (AUC {Number(s.Auc)})",
                s.Curves.Points.Select(p => new ChartPoint(p.FalsePositiveRate, p.TruePositiveRate)).ToArray())).ToArray(),
            Markers = false,
            XDomain = (0, 1),
            YDomain = (0, 1),
            Diagonal = "Chance (AUC 0.5)",
            XFormat = AxisPercent,
            YFormat = AxisPercent,
            Height = 480,
        });

    /// <summary>The precision–recall curves, each series named with its average precision, and the base rate as the chance line.</summary>
    public static ChartImage PrecisionRecall(IEnumerable<(string Name, RankingCurves Curves)> scores)
    {
        var list = scores.ToArray();
        return LineChart.Render(new LineChartSpecification
        {
            Title = "Precision–recall curve",
            Name = "precision-recall-curve",
            XAxisTitle = "Recall (share with the outcome who are selected)",
            YAxisTitle = "Precision (share of the selected with the outcome)",
            // The first point (nobody selected) has no precision; it is left out.
            Series = list.Select(s => new ChartSeries($"{s.Name} (AP {Number(s.Curves.AveragePrecision)})",
                s.Curves.Points.Where(p => double.IsFinite(p.Precision)).Select(p => new ChartPoint(p.TruePositiveRate, p.Precision)).ToArray())).ToArray(),
            Markers = false,
            XDomain = (0, 1),
            YDomain = (0, 1),
            ReferenceLines = list.Length == 0 ? [] : [new ReferenceLine(list[0].Curves.BaseRate, $"Base rate {Percent(list[0].Curves.BaseRate)}")],
            XFormat = AxisPercent,
            YFormat = AxisPercent,
            Height = 480,
        });
    }
}
