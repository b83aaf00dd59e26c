using EarlyHelp.Analytics.Evaluation.Charts;
using EarlyHelp.Analytics.Evaluation.Statistics;
using static EarlyHelp.Analytics.Evaluation.Html.ReportFormat;

namespace EarlyHelp.Analytics.Evaluation.Html;

/// <summary>ROC and precision–recall curves of one or more scores on the same people.</summary>
public static class RankingCharts
{
    /// <summary>A chart of one rate against another: both axes from 0% to 100%, a little taller than wide in its data area.</summary>
    internal static LineChartSpecification RateAgainstRate(string title, string xAxisTitle, string yAxisTitle, IReadOnlyList<ChartSeries> series) => new()
    {
        Title = title,
        XAxisTitle = xAxisTitle,
        YAxisTitle = yAxisTitle,
        Series = series,
        XDomain = (0, 1),
        YDomain = (0, 1),
        XFormat = AxisPercent,
        YFormat = AxisPercent,
        Height = 480,
    };

    /// <summary>The ROC curves, each series named with its AUC.</summary>
    public static ChartImage Roc(IEnumerable<(string Name, double Auc, RankingCurves Curves)> scores) =>
        LineChart.Render(RateAgainstRate("ROC curve", "False positive rate (share without the outcome who are selected)", "True positive rate (recall)",
            scores.Select(s => new ChartSeries($"{s.Name} (AUC {Number(s.Auc)})",
                s.Curves.Points.Select(p => new ChartPoint(p.FalsePositiveRate, p.TruePositiveRate)).ToArray())).ToArray()) with
        {
            Name = "roc-curve",
            Markers = false,
            Diagonal = "Chance (AUC 0.5)",
        });

    /// <summary>The precision–recall curves, each series named with its average precision, and the base rate as the chance line.</summary>
    public static ChartImage PrecisionRecall(IEnumerable<(string Name, RankingCurves Curves)> scores)
    {
        var list = scores.ToArray();
        // The first point (nobody selected) has no precision; it is left out.
        var series = list.Select(s => new ChartSeries($"{s.Name} (AP {Number(s.Curves.AveragePrecision)})",
            s.Curves.Points.Where(p => double.IsFinite(p.Precision)).Select(p => new ChartPoint(p.TruePositiveRate, p.Precision)).ToArray())).ToArray();
        return LineChart.Render(RateAgainstRate("Precision–recall curve", "Recall (share with the outcome who are selected)",
            "Precision (share of the selected with the outcome)", series) with
        {
            Name = "precision-recall-curve",
            Markers = false,
            ReferenceLines = list.Length == 0 ? [] : [new ReferenceLine(list[0].Curves.BaseRate, $"Base rate {Percent(list[0].Curves.BaseRate)}")],
        });
    }
}
