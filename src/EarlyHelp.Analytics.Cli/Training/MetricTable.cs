using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Pipelines.Comparison;

namespace EarlyHelp.Analytics.Cli.Training;

/// <summary>
/// Test metrics as a terminal table a metric a row and a scorer a column, each cell an estimate and its 95% interval to
/// three decimals, so that three scorers fit in 80 columns (metrics.json keeps every digit).
/// </summary>
internal static class MetricTable
{
    private static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [MetricNames.Auc] = "AUC",
        [MetricNames.AveragePrecision] = "avg precision",
        [MetricNames.Brier] = "Brier",
        [MetricNames.ExpectedCalibrationError] = "ECE",
        [MetricNames.PrecisionAtCapacity] = "precision@K",
        [MetricNames.RecallAtCapacity] = "recall@K",
    };

    /// <summary>Writes one column per scorer; a signed column shows a sign on every figure (a difference).</summary>
    public static void Write(TextWriter output, IReadOnlyList<(string Column, IReadOnlyDictionary<string, MetricEstimate> Metrics, bool Signed)> columns)
    {
        var table = new TextTable(["metric", .. columns.Select(c => c.Column)]);
        foreach (var metric in MetricNames.All)
            table.Add([Labels[metric], .. columns.Select(c => Cell(c.Metrics[metric], c.Signed))]);
        table.WriteTo(output);
    }

    private static string Cell(MetricEstimate estimate, bool signed)
    {
        var format = signed ? "+0.000;-0.000;0.000" : "0.000";
        string Figure(double value) => value.ToString(format, CultureInfo.InvariantCulture);
        return $"{Figure(estimate.Value)} [{Figure(estimate.Interval.Lower)}, {Figure(estimate.Interval.Upper)}]";
    }
}
