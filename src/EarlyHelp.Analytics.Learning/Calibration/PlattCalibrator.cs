using System.Numerics;
using EarlyHelp.Analytics.Learning.Metrics;

namespace EarlyHelp.Analytics.Learning.Calibration;

/// <summary>
/// Platt scaling: p = 1 / (1 + exp(a·s + b)), fitted by maximum likelihood against Platt's (1999)
/// smoothed targets (N₊ + 1)/(N₊ + 2) for positives and 1/(N₋ + 2) for negatives, which keep the
/// fit finite when the scores separate the classes.
/// </summary>
/// <param name="A">The slope a (negative when higher scores mean higher risk).</param>
/// <param name="B">The offset b.</param>
public sealed record PlattCalibrator(double A, double B) : ICalibrator
{
    private const int MaximumIterations = 100;
    private const double MinimumStep = 1e-10;

    // Lin, Lin & Weng (2007), "A note on Platt's probabilistic outputs for support vector machines",
    // Algorithm 1: a tiny ridge keeps the Hessian invertible when all scores are equal.
    private const double HessianRidge = 1e-12;
    private const double RoundingLevel = 1e-13;

    /// <summary>
    /// Fits a and b by Newton's method with backtracking line search (Lin, Lin and Weng 2007),
    /// iterated until the step is at rounding level rather than stopping at their gradient
    /// tolerance of 1e-5, so the fit is reproducible to about 1e-12.
    /// </summary>
    public static PlattCalibrator Fit<TScore, TLabel>(ReadOnlySpan<TScore> scores, ReadOnlySpan<TLabel> labels, ReadOnlySpan<double> weights = default)
        where TScore : INumberBase<TScore>
        where TLabel : INumberBase<TLabel>
    {
        var data = LabelledScores.From(labels, scores, weights);
        var positives = data.PositiveWeight;
        var negatives = data.NegativeWeight;
        var targets = new double[data.Count];
        for (var i = 0; i < targets.Length; i++)
            targets[i] = data.Labels[i] == 1.0 ? (positives + 1) / (positives + 2) : 1 / (negatives + 2);

        double a = 0, b = Math.Log((negatives + 1) / (positives + 1));
        var value = Objective(data, targets, a, b);
        for (var iteration = 0; iteration < MaximumIterations; iteration++)
        {
            var (g1, g2, h11, h22, h21) = GradientAndHessian(data, targets, a, b);
            if (g1 == 0 && g2 == 0)
                break;
            var determinant = h11 * h22 - h21 * h21;
            var stepA = -(h22 * g1 - h21 * g2) / determinant;
            var stepB = -(-h21 * g1 + h11 * g2) / determinant;
            var slope = g1 * stepA + g2 * stepB;

            var length = 1.0;
            while (length >= MinimumStep)
            {
                var candidate = Objective(data, targets, a + length * stepA, b + length * stepB);
                // Armijo sufficient decrease. Once the predicted decrease is below the rounding of the
                // objective, the objective cannot judge the step, and the full Newton step is taken.
                if (candidate <= value + 1e-4 * length * slope || -slope <= RoundingLevel * (1 + Math.Abs(value)))
                {
                    a += length * stepA;
                    b += length * stepB;
                    value = candidate;
                    break;
                }

                length /= 2;
            }

            var moved = length * Math.Max(Math.Abs(stepA), Math.Abs(stepB));
            if (length < MinimumStep || moved <= 1e-14 * (1 + Math.Max(Math.Abs(a), Math.Abs(b))))
                break;
        }

        return new PlattCalibrator(a, b);
    }

    /// <inheritdoc />
    public double Calibrate(double score)
    {
        var z = A * score + B;
        return z >= 0 ? Math.Exp(-z) / (1 + Math.Exp(-z)) : 1 / (1 + Math.Exp(z));
    }

    /// <inheritdoc />
    public CalibratorDescription Describe() => new() { Kind = CalibratorDescription.PlattKind, A = A, B = B };

    /// <summary>Weighted cross-entropy against the smoothed targets, written to avoid overflow.</summary>
    private static double Objective(LabelledScores data, double[] targets, double a, double b)
    {
        double sum = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            var z = data.Scores[i] * a + b;
            var term = z >= 0
                ? targets[i] * z + Math.Log(1 + Math.Exp(-z))
                : (targets[i] - 1) * z + Math.Log(1 + Math.Exp(z));
            sum += data.Weight(i) * term;
        }

        return sum;
    }

    private static (double G1, double G2, double H11, double H22, double H21) GradientAndHessian(
        LabelledScores data, double[] targets, double a, double b)
    {
        double g1 = 0, g2 = 0, h11 = HessianRidge, h22 = HessianRidge, h21 = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            var score = data.Scores[i];
            var z = score * a + b;
            double p, q;
            if (z >= 0)
            {
                var e = Math.Exp(-z);
                p = e / (1 + e);
                q = 1 / (1 + e);
            }
            else
            {
                var e = Math.Exp(z);
                p = 1 / (1 + e);
                q = e / (1 + e);
            }

            var weight = data.Weight(i);
            var curvature = weight * p * q;
            h11 += score * score * curvature;
            h22 += curvature;
            h21 += score * curvature;
            var residual = weight * (targets[i] - p);
            g1 += score * residual;
            g2 += residual;
        }

        return (g1, g2, h11, h22, h21);
    }
}
