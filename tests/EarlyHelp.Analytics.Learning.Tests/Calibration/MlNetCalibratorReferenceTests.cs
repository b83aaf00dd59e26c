using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace EarlyHelp.Analytics.Learning.Tests.Calibration;

/// <summary>
/// The calibrators the pipeline relies on are ML.NET's; these tests hold them to independent
/// references. expected.json: Platt's sigmoid fitted by scikit-learn 1.2.1 on the first 2,500 rows
/// of scores.csv.
/// </summary>
public sealed class MlNetCalibratorReferenceTests
{
    private const int FitRows = 2500;

    [SharedFact(MetricsReference.ScoresFile, MetricsReference.ExpectedFile)]
    public void Platt_FirstHalfOfReferenceScores_MatchesScikitLearnParameters()
    {
        var reference = MetricsReference.Load();

        var platt = Fit(reference, CalibrationMethod.Platt);

        // ML.NET fits Platt's targets by its own optimiser; the parameters agree with scikit-learn's to 1e-3.
        Assert.Equal(CalibratorDescription.PlattKind, platt.Kind);
        Assert.Equal(reference.Number("platt", "a"), platt.A!.Value, 1e-3);
        Assert.Equal(reference.Number("platt", "b"), platt.B!.Value, 1e-3);
    }

    [SharedFact(MetricsReference.ScoresFile, MetricsReference.ExpectedFile)]
    public void Isotonic_FirstHalfOfReferenceScores_StepsAreMonotoneAndMatchTheirRowsMeans()
    {
        var reference = MetricsReference.Load();

        var isotonic = Fit(reference, CalibrationMethod.Isotonic);

        // Pool-adjacent-violators: non-decreasing steps, each the share of positives among the rows it pools.
        var (x, upper, y) = (isotonic.X!, isotonic.XUpper!, isotonic.Y!);
        Assert.True(y.Zip(y.Skip(1)).All(pair => pair.First <= pair.Second));
        for (var step = 0; step < y.Count; step += Math.Max(1, y.Count / 10))
        {
            var rows = Enumerable.Range(0, FitRows).Where(i => (float)reference.Scores[i] >= x[step] && (float)reference.Scores[i] <= upper[step]).ToArray();
            Assert.Equal(rows.Average(i => reference.Labels[i]), y[step], 1e-6);
        }
    }

    /// <summary>Fits ML.NET's calibrator on the reference scores through a one-column model whose score is the reference score.</summary>
    private static CalibratorDescription Fit(MetricsReference reference, CalibrationMethod method)
    {
        var data = new DenseDataset(["score"], [.. reference.Scores[..FitRows].Select(s => (float)s)], [.. reference.Labels[..FitRows].Select(l => (float)l)]);
        var context = new MLContext(0);
        var scored = context.Transforms.CopyColumns("Score", "score").Fit(FeatureFrame.From(data)).Transform(FeatureFrame.From(data));
        var calibrators = context.BinaryClassification.Calibrators;
        ISingleFeaturePredictionTransformer<object> fitted = method == CalibrationMethod.Platt
            ? calibrators.Platt(FeatureFrame.LabelColumn, "Score").Fit(scored)
            : calibrators.Isotonic(FeatureFrame.LabelColumn, "Score").Fit(scored);
        return CalibratorDescription.Of(fitted.Model);
    }
}
