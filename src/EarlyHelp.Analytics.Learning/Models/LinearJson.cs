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
    /// 2 — input caps (<see cref="InputCaps"/>: each feature's lower and upper bound after its fill; null when the
    ///     inputs are not capped; a version 1 file reads as uncapped).
    /// </summary>
    public const int FormatVersion = 2;

    private static JsonSerializerOptions OptionsJson => TreeJson.OptionsJson;

    /// <summary>The file's content, as written.</summary>
    internal sealed record Export(
        int FormatVersion, string Kind, IReadOnlyList<string> FeatureNames, string? LabelName, IReadOnlyList<float?> MissingValueFills,
        double Bias, IReadOnlyList<double> Weights, IReadOnlyList<double> StandardisedMeans, float Penalty,
        CalibratorDescription? Calibrator, IReadOnlyDictionary<string, double> Metrics, IReadOnlyDictionary<string, string> Metadata,
        CapsExport? InputCaps = null);

    /// <summary>Input caps as written: a feature with no present training value has null bounds (uncapped).</summary>
    internal sealed record CapsExport(IReadOnlyList<float?> Lower, IReadOnlyList<float?> Upper)
    {
        /// <summary>The export of <paramref name="caps"/>; null when there are none.</summary>
        public static CapsExport? Of(InputCaps? caps) => caps is null ? null : new([.. caps.Lower.Select(Nullable)], [.. caps.Upper.Select(Nullable)]);

        /// <summary>The caps this export records.</summary>
        public InputCaps ToCaps() => new([.. Lower.Select(bound => bound ?? float.NaN)], [.. Upper.Select(bound => bound ?? float.NaN)]);

        private static float? Nullable(float bound) => float.IsNaN(bound) ? null : bound;
    }

    /// <summary>The export's bytes.</summary>
    public static byte[] Write(LogisticModel model)
    {
        var linear = model.Linear;
        var export = new Export(FormatVersion, model.Kind, linear.FeatureNames, model.LabelName,
            [.. linear.Fills.Select(fill => float.IsNaN(fill) ? (float?)null : fill)], linear.Bias, linear.Weights, linear.StandardisedMeans,
            linear.Penalty, model.Calibrator, model.Metrics, model.Metadata, CapsExport.Of(linear.Caps));
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
        if (export.InputCaps is { } caps && (caps.Lower.Count != width || caps.Upper.Count != width))
            throw new InvalidDataException($"the linear export names {width} features but holds {caps.Lower.Count} lower and {caps.Upper.Count} upper input caps");
        return export;
    }

    /// <summary>The weights an export records.</summary>
    public static LinearWeights Weights(Export export) => new(export.FeatureNames,
        [.. export.MissingValueFills.Select(fill => fill ?? float.NaN)], export.Bias, export.Weights, export.StandardisedMeans, export.Penalty)
    {
        Caps = export.InputCaps?.ToCaps(),
    };
}
