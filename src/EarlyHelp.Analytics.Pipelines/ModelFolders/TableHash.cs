using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using EarlyHelp.Analytics.Features.Tables;

namespace EarlyHelp.Analytics.Pipelines.ModelFolders;

/// <summary>
/// SHA-256 of a stacked feature table's rows, so a model can be tied to the exact data it was trained
/// and tested on. What is hashed, in order: the feature names joined by line feeds (UTF-8); then for the
/// chosen rows, in table order, the family ids (64-bit), the as-of dates (32-bit day numbers) and the
/// labels (32-bit floats); then each feature column over those rows (32-bit floats) — all little-endian.
/// </summary>
public static class TableHash
{
    /// <summary>The hash (lower-case hex) of <paramref name="rows"/> of <paramref name="table"/> (all rows when null).</summary>
    public static string Of(FeatureTable table, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var selected = rows?.ToArray() ?? Enumerable.Range(0, table.RowCount).ToArray();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\n', table.FeatureNames)));
        Append(hash, selected.Select(r => table.Families[r].Value).ToArray());
        Append(hash, selected.Select(r => table.AsOfDates[r].DayNumber).ToArray());
        Append(hash, selected.Select(r => table.Labels[r]).ToArray());
        var buffer = new float[selected.Length];
        for (var feature = 0; feature < table.FeatureCount; feature++)
        {
            var column = table.Column(feature);
            for (var i = 0; i < selected.Length; i++)
                buffer[i] = column[selected[i]];
            Append(hash, buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append<T>(IncrementalHash hash, T[] values) where T : unmanaged
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("The table hash is defined on little-endian bytes.");
        hash.AppendData(MemoryMarshal.AsBytes(values.AsSpan()));
    }
}
