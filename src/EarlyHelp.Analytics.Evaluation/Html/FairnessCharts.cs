using EarlyHelp.Analytics.Evaluation.Charts;
using EarlyHelp.Analytics.Evaluation.Fairness;

namespace EarlyHelp.Analytics.Evaluation.Html;

/// <summary>The fairness report's charts: a metric per group with intervals, and ratios across the capacity sweep.</summary>
internal static class FairnessCharts
{
    /// <summary>Series beyond this many make a line chart unreadable (and exhaust the palette); the largest groups are kept.</summary>
    private const int MostSeries = 6;

    public static ChartImage GroupBars(FairnessReport report, IReadOnlyList<GroupResult> groups, RateMetric metric) =>
        IntervalBarChart.Render(new IntervalBarChartSpecification
        {
            Title = $"{metric.Name} by {groups[0].Dimension}",
            XAxisTitle = groups[0].Dimension,
            YAxisTitle = metric.Name,
            Items = groups.Select(g => new BarItem(g.Group, FairnessPage.Rate(g, metric.Key), g.Intervals[metric.Key].Lower, g.Intervals[metric.Key].Upper, g.IsReference)).ToArray(),
            BarLegend = ("Reference group", "Other groups"),
            ReferenceLines = [new ReferenceLine(FairnessPage.Rate(report.Overall, metric.Key), "Whole population")],
            ValueFormat = ReportFormat.AxisPercent,
            MaximumValue = 1,
        });

    public static ChartImage CapacitySweep(FairnessReport report, DimensionResult dimension, string metricKey)
    {
        var metricName = RateMetric.Compared.First(m => m.Key == metricKey).Name;
        var groups = dimension.CapacitySweep.FirstOrDefault()?.Groups.Select(g => g.Group).Where(g => g != dimension.ReferenceGroup).Take(MostSeries).ToArray() ?? [];
        var series = groups.Select(group => new ChartSeries(group, dimension.CapacitySweep.Select(point =>
            new ChartPoint(point.Fraction, point.Groups.First(g => g.Group == group).Ratios[metricKey])).ToArray())).ToArray();
        var band = report.Settings.DisparityBand;
        return LineChart.Render(new LineChartSpecification
        {
            Title = $"{metricName} ratio to {dimension.ReferenceGroup} as capacity grows",
            XAxisTitle = "Capacity: share of people selected (top K scores)",
            YAxisTitle = $"{metricName} ratio",
            Series = series,
            Band = (band.Lower, band.Upper, $"Band {ReportFormat.Number(band.Lower, "0.00")}–{ReportFormat.Number(band.Upper, "0.00")}"),
            ReferenceLines = [new ReferenceLine(1, "Equal to reference")],
            XFormat = ReportFormat.AxisPercent,
            YFormat = ReportFormat.Axis,
        });
    }
}
