using EarlyHelp.Analytics.Evaluation.Charts;
using EarlyHelp.Analytics.Evaluation.Fairness;

namespace EarlyHelp.Analytics.Evaluation.Html;

/// <summary>The fairness report's charts: a metric per group with intervals, and ratios across the capacity sweep.</summary>
internal static class FairnessCharts
{
    /// <summary>Series beyond this many make a line chart unreadable; the largest groups are kept.</summary>
    private const int MostSeries = 7;

    public static string GroupBars(FairnessReport report, IReadOnlyList<GroupResult> groups, RateMetric metric) =>
        IntervalBarChart.Render(new IntervalBarChartSpecification
        {
            Title = $"{metric.Name} by {groups[0].Dimension}",
            YAxisTitle = metric.Name,
            Items = groups.Select(g => new BarItem(g.Group, FairnessPage.Rate(g, metric.Key), g.Intervals[metric.Key].Lower, g.Intervals[metric.Key].Upper, g.IsReference)).ToArray(),
            ReferenceValue = FairnessPage.Rate(report.Overall, metric.Key),
            YFormat = ReportFormat.AxisPercent,
        });

    public static string CapacitySweep(FairnessReport report, DimensionResult dimension, string metricKey)
    {
        var metricName = RateMetric.Compared.First(m => m.Key == metricKey).Name;
        var groups = dimension.CapacitySweep.FirstOrDefault()?.Groups.Select(g => g.Group).Where(g => g != dimension.ReferenceGroup).Take(MostSeries).ToArray() ?? [];
        var series = groups.Select(group => new ChartSeries(group, dimension.CapacitySweep.Select(point =>
            new ChartPoint(point.Fraction, point.Groups.First(g => g.Group == group).Ratios[metricKey])).ToArray())).ToArray();
        return LineChart.Render(new LineChartSpecification
        {
            Title = $"{metricName} ratio to {dimension.ReferenceGroup} as capacity grows",
            XAxisTitle = "Capacity: share of people selected (top K scores)",
            YAxisTitle = $"{metricName} ratio",
            Series = series,
            Band = (report.Settings.DisparityBand.Lower, report.Settings.DisparityBand.Upper),
            ReferenceY = 1,
            XFormat = ReportFormat.AxisPercent,
            YFormat = ReportFormat.Axis,
        });
    }
}
