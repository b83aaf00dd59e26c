using MathNet.Numerics.LinearAlgebra;

namespace EarlyHelp.Analytics.Evaluation.Calibration;

/// <summary>A logistic recalibration fit: logit P(outcome) = intercept + slope · logit(score).</summary>
/// <param name="Intercept">The calibration intercept.</param>
/// <param name="Slope">The calibration slope: 1 when the spread of the scores is right, below 1 when they are too extreme.</param>
/// <param name="SlopeStandardError">Wald standard error of the slope.</param>
/// <param name="InTheLarge">Calibration-in-the-large: the intercept when the slope is held at 1 (0 when the mean is right; negative when the scores are too high).</param>
public readonly record struct LogisticRecalibration(double Intercept, double Slope, double SlopeStandardError, double InTheLarge)
{
    /// <summary>Scores are clipped to [ε, 1 − ε] before the logit, so that 0 and 1 stay finite.</summary>
    public const double Clip = 1e-15;

    private const int MaximumIterations = 50;

    /// <summary>
    /// Fits Cox's (1958) recalibration by Newton's method on the unpenalised likelihood, and
    /// calibration-in-the-large with the logit of the score as an offset (Van Calster et al. 2016,
    /// "A calibration hierarchy for risk models"). NaN when the outcome is all one class or the fit
    /// does not converge (e.g. the scores separate the outcomes perfectly).
    /// </summary>
    public static LogisticRecalibration Fit(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels)
    {
        var logits = new double[scores.Length];
        for (var i = 0; i < logits.Length; i++)
        {
            var p = Math.Clamp(scores[i], Clip, 1 - Clip);
            logits[i] = Math.Log(p / (1 - p));
        }

        var positives = 0.0;
        foreach (var label in labels)
            positives += label;
        if (positives == 0 || positives == labels.Length)
            return new LogisticRecalibration(double.NaN, double.NaN, double.NaN, double.NaN);

        return FitSlope(logits, labels) with { InTheLarge = FitOffsetIntercept(logits, labels) };
    }

    private static LogisticRecalibration FitSlope(double[] logits, ReadOnlySpan<double> labels)
    {
        double intercept = 0, slope = 1;
        for (var iteration = 0; iteration < MaximumIterations; iteration++)
        {
            double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (var i = 0; i < logits.Length; i++)
            {
                var p = Logistic(intercept + slope * logits[i]);
                var residual = labels[i] - p;
                var weight = p * (1 - p);
                g0 += residual;
                g1 += residual * logits[i];
                h00 += weight;
                h01 += weight * logits[i];
                h11 += weight * logits[i] * logits[i];
            }

            var hessian = Matrix<double>.Build.DenseOfArray(new[,] { { h00, h01 }, { h01, h11 } });
            var determinant = h00 * h11 - h01 * h01;
            if (!(determinant > 1e-12 * (1 + h00 * h11)))
                break;
            var step = hessian.Solve(Vector<double>.Build.DenseOfArray([g0, g1]));
            intercept += step[0];
            slope += step[1];
            if (Math.Abs(step[0]) + Math.Abs(step[1]) < 1e-12 * (1 + Math.Abs(intercept) + Math.Abs(slope)))
                return new LogisticRecalibration(intercept, slope, Math.Sqrt(h00 / determinant), double.NaN);
        }

        return new LogisticRecalibration(double.NaN, double.NaN, double.NaN, double.NaN);
    }

    private static double FitOffsetIntercept(double[] logits, ReadOnlySpan<double> labels)
    {
        double intercept = 0;
        for (var iteration = 0; iteration < MaximumIterations; iteration++)
        {
            double gradient = 0, curvature = 0;
            for (var i = 0; i < logits.Length; i++)
            {
                var p = Logistic(intercept + logits[i]);
                gradient += labels[i] - p;
                curvature += p * (1 - p);
            }

            if (!(curvature > 0))
                break;
            var step = gradient / curvature;
            intercept += step;
            if (Math.Abs(step) < 1e-12 * (1 + Math.Abs(intercept)))
                return intercept;
        }

        return double.NaN;
    }

    private static double Logistic(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
