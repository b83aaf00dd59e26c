using System.Text.Json;
using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Learning.Linear;

namespace EarlyHelp.Analytics.Learning.Models;

/// <summary>
/// The readable export of a logistic regression (<c>linear.json</c>), for auditors and for the linear contributions:
/// every weight on the standardised scale, the intercept, the training mean of each standardised feature (the
/// explanations' baseline), each feature's missing-value fill, the penalty and the calibrator. The numbers are written
/// in their shortest form that reads back to the same bits, so the same model always gives the same bytes.
/// </summary>
internal static class LinearJson
{
    /// <summary>
    /// The format written and read. Bump it on any change an old reader would misread, saying what changed:
    /// 1 — feature names, fills (null: the training mean), intercept, weights, standardised means, penalty,
    ///     calibrator description, label name, metrics and metadata.
    /// </summary>
    public const int FormatVersion = 1;

    private static JsonSerializerOptions OptionsJson => TreeJson.OptionsJson;

    /// <summary>The file's content, as written.</summary>
    internal sealed record Export(
        int FormatVersion, string Kind, IReadOnlyList<string> FeatureNames, string? LabelName, IReadOnlyList<float?> MissingValueFills,
        double Bias, IReadOnlyList<double> Weights, IReadOnlyList<double> StandardisedMeans, float Penalty,
        CalibratorDescription? Calibrator, IReadOnlyDictionary<string, double> Metrics, IReadOnlyDictionary<string, string> Metadata);

    /// <summary>The export's bytes.</summary>
    public static byte[] Write(LogisticModel model)
    {
        var linear = model.Linear;
        var export = new Export(FormatVersion, model.Kind, linear.FeatureNames, model.LabelName,
            [.. linear.Fills.Select(fill => float.IsNaN(fill) ? (float?)null : fill)], linear.Bias, linear.Weights, linear.StandardisedMeans,
            linear.Penalty, model.Calibrator, model.Metrics, model.Metadata);
        return [.. JsonSerializer.SerializeToUtf8Bytes(export, OptionsJson), (byte)'\n'];
    }

    /// <summary>Reads an export; throws <see cref="InvalidDataException"/> or a JSON exception when it is not one.</summary>
    public static Export Read(byte[] bytes)
    {
        var export = JsonSerializer.Deserialize<Export>(bytes, OptionsJson) ?? throw new InvalidDataException("the linear export is empty");
        if (export.FormatVersion is < 1 or > FormatVersion)
            throw new InvalidDataException($"the linear export has format version {export.FormatVersion}; this program reads format version {FormatVersion}");
        if (export.Kind != ModelKind.LogisticRegression)
            throw new InvalidDataException($"the linear export is of a '{export.Kind}' model, not a logistic regression");
        var width = export.FeatureNames.Count;
        if (export.Weights.Count != width || export.StandardisedMeans.Count != width || export.MissingValueFills.Count != width)
            throw new InvalidDataException($"the linear export names {width} features but holds {export.Weights.Count} weights, {export.StandardisedMeans.Count} means and {export.MissingValueFills.Count} fills");
        return export;
    }

    /// <summary>The weights an export records.</summary>
    public static LinearWeights Weights(Export export) => new(export.FeatureNames,
        [.. export.MissingValueFills.Select(fill => fill ?? float.NaN)], export.Bias, export.Weights, export.StandardisedMeans, export.Penalty);
}
