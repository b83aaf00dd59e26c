using Microsoft.Data.Analysis;

namespace EarlyHelp.Analytics.Learning.Data;

/// <summary>
/// A <see cref="DenseDataset"/> as a Microsoft.Data.Analysis <see cref="DataFrame"/>, which ML.NET
/// reads as an <c>IDataView</c>: one <see cref="SingleDataFrameColumn"/> per feature (NaN missing),
/// the label as a <see cref="BooleanDataFrameColumn"/> named <see cref="LabelColumn"/>. Every
/// column's type is set here, never guessed from the data.
/// </summary>
public static class FeatureFrame
{
    /// <summary>The label column's name (ML.NET's convention).</summary>
    public const string LabelColumn = "Label";

    /// <summary>The feature vector's name inside a model (ML.NET's convention).</summary>
    public const string FeaturesColumn = "Features";

    /// <summary>Names a feature may not take, since the model's own columns use them.</summary>
    public static IReadOnlyList<string> ReservedNames { get; } = [LabelColumn, FeaturesColumn, "RawFeatures", "Score", "Probability", "PredictedLabel"];

    /// <summary>The frame of <paramref name="data"/>, with the label column when <paramref name="withLabel"/> and the data has labels.</summary>
    /// <exception cref="ArgumentException">A feature takes a reserved name.</exception>
    public static DataFrame From(DenseDataset data, bool withLabel = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        var reserved = data.FeatureNames.FirstOrDefault(name => ReservedNames.Contains(name, StringComparer.Ordinal));
        if (reserved is not null)
            throw new ArgumentException($"A feature may not be named '{reserved}': the model uses that name for its own column. Rename the column.", nameof(data));
        var width = data.FeatureCount;
        var values = data.Values;
        var columns = new List<DataFrameColumn>(width + 1);
        for (var feature = 0; feature < width; feature++)
        {
            var column = new float[data.RowCount];
            for (var row = 0; row < column.Length; row++)
                column[row] = values[row * width + feature];
            columns.Add(new SingleDataFrameColumn(data.FeatureNames[feature], column));
        }

        if (withLabel && data.Labels is { } labels)
            columns.Add(new BooleanDataFrameColumn(LabelColumn, labels.Select(label => label == 1f)));
        return new DataFrame(columns);
    }
}
