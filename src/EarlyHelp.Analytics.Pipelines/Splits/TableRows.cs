using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Pipelines.Splits;

/// <summary>A feature column added to the catalogue's, one value per table row: only the tests' planted leak uses it.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Values">Its value in each row of the stacked table.</param>
internal sealed record ExtraFeature(string Name, float[] Values);

/// <summary>Gathers rows of the column-stored feature table into the row-major dataset the learning engine takes.</summary>
internal static class TableRows
{
    /// <summary>The rows' catalogue features, then any extra columns, with their labels when <paramref name="labelled"/>.</summary>
    public static DenseDataset Gather(FeatureTable table, IReadOnlyList<int> rows, IReadOnlyList<ExtraFeature> extras, bool labelled) =>
        Gather(table, rows, table.FeatureNames, extras, labelled);

    /// <summary>The rows' catalogue features named in <paramref name="features"/> (in that order), then any extra columns.</summary>
    public static DenseDataset Gather(FeatureTable table, IReadOnlyList<int> rows, IReadOnlyList<string> features, IReadOnlyList<ExtraFeature> extras, bool labelled)
    {
        var width = features.Count + extras.Count;
        var values = new float[rows.Count * width];
        for (var feature = 0; feature < width; feature++)
        {
            var column = feature < features.Count ? table.Column(features[feature]) : extras[feature - features.Count].Values;
            for (var i = 0; i < rows.Count; i++)
                values[i * width + feature] = column[rows[i]];
        }
        string[] names = [.. features, .. extras.Select(e => e.Name)];
        return new DenseDataset(names, values, labelled ? rows.Select(r => table.Labels[r]).ToArray() : null);
    }
}
