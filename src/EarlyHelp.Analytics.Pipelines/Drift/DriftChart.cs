using System.Globalization;
using EarlyHelp.Analytics.Evaluation.Charts;
using EarlyHelp.Analytics.Pipelines.ModelCards;

namespace EarlyHelp.Analytics.Pipelines.Drift;

/// <summary>The drift report as a chart for the model card: the score's and the least stable features' population stability index, against the two reading thresholds.</summary>
public static class DriftChart
{
    /// <summary>Features shown: the least stable ones; drift.json lists them all.</summary>
    public const int MostFeatures = 15;

    /// <summary>The chart and its caption as a card block.</summary>
    public static CardBlock.Figure Figure(DriftReport drift)
    {
        ArgumentNullException.ThrowIfNull(drift);
        var shown = drift.Features.Take(MostFeatures).ToArray();
        var chart = IntervalBarChart.Render(new IntervalBarChartSpecification
        {
            Title = "Population stability of the score and the least stable features",
            Name = "drift",
            YAxisTitle = "Population stability index (PSI)",
            Items = [new BarItem("score", drift.Score.Index, Emphasised: true), .. shown.Select(f => new BarItem(f.Name, f.Index))],
            BarLegend = ("The score", "A feature"),
            ReferenceLines =
            [
                new ReferenceLine(PopulationStability.ModerateShift, Invariant($"Moderate shift ({PopulationStability.ModerateShift:0.00})")),
                new ReferenceLine(PopulationStability.MajorShift, Invariant($"Major shift ({PopulationStability.MajorShift:0.00})"), Warning: true),
            ],
            Horizontal = true,
            ValueFormat = v => v.ToString("0.00", CultureInfo.InvariantCulture),
        });
        var population = Invariant($"How far the {drift.ComparisonRows:N0} rows to be scored ({drift.Comparison}) have moved from the {drift.ReferenceRows:N0} rows the model learned from ({drift.Reference}), ");
        var shownText = Invariant($"for the score and the {shown.Length} least stable of {drift.Features.Count} features. ");
        return new CardBlock.Figure(chart, population + shownText +
            "A bar past the first line is a moderate shift worth a look; past the second, a major shift: check the feature's source data and consider retraining.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
