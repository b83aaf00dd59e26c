using System.Globalization;
using System.Text;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Explanations;

namespace EarlyHelp.Analytics.Cli.Learn;

/// <summary>
/// Writes predictions as CSV, rows in input order: the id columns, <c>probability</c>, and with
/// explanations the top reasons as <c>reason_k_feature</c>, <c>reason_k_value</c>,
/// <c>reason_k_contribution</c> (the feature's contribution to the log-odds).
/// </summary>
internal static class PredictionCsvWriter
{
    public static void Write(string path, CsvDataset input, double[] probabilities, ShapValues? explanations, int reasons)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var header = input.IdColumnNames.Select(CsvText.Field).Append("probability");
        for (var k = 1; k <= reasons; k++)
            header = header.Concat([$"reason_{k}_feature", $"reason_{k}_value", $"reason_{k}_contribution"]);
        writer.Write(string.Join(',', header));
        writer.Write('\n');

        var data = input.Dataset;
        var line = new StringBuilder();
        for (var row = 0; row < data.RowCount; row++)
        {
            line.Clear();
            foreach (var ids in input.IdValues)
                line.Append(CsvText.Field(ids[row])).Append(',');
            line.Append(Number(probabilities[row]));
            if (explanations is not null)
            {
                foreach (var (feature, contribution) in explanations.Top(row, reasons))
                {
                    var value = data[row, feature];
                    line.Append(',').Append(CsvText.Field(data.FeatureNames[feature]))
                        .Append(',').Append(float.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture))
                        .Append(',').Append(Number(contribution));
                }
            }

            writer.Write(line);
            writer.Write('\n');
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

}
