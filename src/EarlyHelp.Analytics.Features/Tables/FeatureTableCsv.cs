using System.Globalization;
using System.Text;

namespace EarlyHelp.Analytics.Features.Tables;

/// <summary>
/// Writes a <see cref="FeatureTable"/> as CSV: <c>family_id,as_of,</c> the features in catalogue
/// order, then <c>escalated</c> (1 or 0, empty when the horizon is not fully observed). Rows keep
/// the table's (as-of date, family id) order; numbers use the invariant culture and the shortest
/// text that reads back to the same float; a missing value is an empty cell; lines end in LF.
/// The same table always gives the same bytes.
/// </summary>
public static class FeatureTableCsv
{
    /// <summary>Column of the family id.</summary>
    public const string FamilyIdColumn = "family_id";

    /// <summary>Column of the as-of date (<c>YYYY-MM-DD</c>).</summary>
    public const string AsOfColumn = "as_of";

    /// <summary>Column of the label.</summary>
    public const string LabelColumn = "escalated";

    /// <summary>Writes the table to a file (UTF-8 without a byte-order mark).</summary>
    public static void Write(FeatureTable table, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        Write(table, writer);
    }

    /// <summary>Writes the table to <paramref name="writer"/>.</summary>
    public static void Write(FeatureTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', [FamilyIdColumn, AsOfColumn, .. table.FeatureNames, LabelColumn]));
        writer.Write('\n');
        Span<char> buffer = stackalloc char[32];
        for (var row = 0; row < table.RowCount; row++)
        {
            writer.Write(table.Families[row].ToString());
            writer.Write(',');
            writer.Write(table.AsOfDates[row].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            for (var feature = 0; feature < table.FeatureCount; feature++)
            {
                writer.Write(',');
                WriteNumber(writer, table[row, feature], buffer);
            }
            writer.Write(',');
            WriteNumber(writer, table.Labels[row], buffer);
            writer.Write('\n');
        }
    }

    private static void WriteNumber(TextWriter writer, float value, Span<char> buffer)
    {
        if (float.IsNaN(value))
            return;
        // Most values are small counts: write those as integers without the float formatter.
        if (value == MathF.Floor(value) && MathF.Abs(value) < 1e7f)
        {
            ((int)value).TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
            writer.Write(buffer[..written]);
            return;
        }
        value.TryFormat(buffer, out var length, "R", CultureInfo.InvariantCulture);
        writer.Write(buffer[..length]);
    }
}
