using System.Globalization;
using System.Text;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Pipelines.Sensitivity;

/// <summary>Writes the sensitivity table as CSV: one row per measure (and group), both arms with their intervals, and the difference.</summary>
public static class SensitivityTable
{
    /// <summary>The header, in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["measure", "group", "linked", "linked_lower", "linked_upper", "truth_linked", "truth_linked_lower", "truth_linked_upper", "truth_minus_linked"];

    /// <summary>
    /// Writes <paramref name="rows"/> to <paramref name="path"/>; absent values and intervals are empty cells. Group names such
    /// as "asian, IMD quintiles 1-2" hold commas, so fields are quoted as RFC 4180 says.
    /// </summary>
    public static void Write(string path, IReadOnlyList<SensitivityRow> rows)
    {
        var text = new StringBuilder().AppendJoin(',', Columns).Append('\n');
        foreach (var row in rows)
            text.AppendJoin(',', [CsvText.Field(row.Measure), CsvText.Field(row.Group), .. Cells(row.Linked), .. Cells(row.TruthLinked), Number(row.Difference)]).Append('\n');
        File.WriteAllText(path, text.ToString());
    }

    private static string[] Cells(SensitivityValue? value) =>
        [Number(value?.Value), Number(value?.Interval?.Lower), Number(value?.Interval?.Upper)];

    private static string Number(double? value) => value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : "";
}
