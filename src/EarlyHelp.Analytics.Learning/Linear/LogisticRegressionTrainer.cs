using EarlyHelp.Analytics.Learning.Data;
using MathNet.Numerics.LinearAlgebra;

namespace EarlyHelp.Analytics.Learning.Linear;

/// <summary>
/// Fits an L2-penalised logistic regression, the transparent baseline, by Newton's method (iteratively
/// reweighted least squares) with a backtracking line search, to rounding-level precision.
/// </summary>
/// <param name="options">Settings; validated when the trainer is made.</param>
public sealed class LogisticRegressionTrainer(LogisticRegressionOptions options)
{
    private readonly LogisticRegressionOptions options = Validated(options);

    /// <summary>A trainer with the default settings (C = 1, no standardisation).</summary>
    public LogisticRegressionTrainer() : this(new LogisticRegressionOptions())
    {
    }

    /// <summary>
    /// Fits the model on a labelled dataset (labels 0/1, optional row weights). Missing values are
    /// replaced by the column's mean over the rows that have it, learned here and kept in the model.
    /// </summary>
    public LogisticRegressionModel Fit(DenseDataset training)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Labels is null)
            throw new ArgumentException("Logistic regression needs a labelled dataset.", nameof(training));
        if (training.RowCount == 0)
            throw new ArgumentException("Logistic regression needs at least one row.", nameof(training));
        for (var i = 0; i < training.RowCount; i++)
        {
            if (training.Labels[i] is not (0f or 1f))
                throw new ArgumentException($"The label of row {i} is {training.Labels[i]}; labels must be 0 or 1.", nameof(training));
        }

        var design = DesignMatrix.Build(training, options.Standardise);
        var parameters = Solve(design, training.Labels, training.Weights);
        return design.ToModel(training.FeatureNames, parameters);
    }

    private double[] Solve(DesignMatrix design, float[] labels, float[]? weights)
    {
        var width = design.FeatureCount + 1;
        var parameters = new double[width];
        var value = Objective(design, labels, weights, parameters);
        for (var iteration = 0; iteration < options.MaximumIterations; iteration++)
        {
            var (gradient, hessian) = GradientAndHessian(design, labels, weights, parameters);
            var step = hessian.Cholesky().Solve(gradient).Negate();
            var slope = gradient.DotProduct(step);

            var length = 1.0;
            var candidate = new double[width];
            while (true)
            {
                for (var j = 0; j < width; j++)
                    candidate[j] = parameters[j] + length * step[j];
                var candidateValue = Objective(design, labels, weights, candidate);
                // Armijo sufficient decrease. Once the predicted decrease is below the rounding of the
                // objective, the objective cannot judge the step, and the full Newton step is taken.
                if (candidateValue <= value + 1e-4 * length * slope || -slope <= 1e-13 * (1 + Math.Abs(value)) || length < 1e-10)
                {
                    value = candidateValue;
                    break;
                }

                length /= 2;
            }

            (parameters, candidate) = (candidate, parameters);
            var largestMove = length * step.AbsoluteMaximum();
            var largestParameter = parameters.Max(Math.Abs);
            if (largestMove <= options.Tolerance * (1 + largestParameter))
                break;
        }

        return parameters;
    }

    /// <summary>0.5·‖w‖² + C·Σ weight·(log(1 + e^z) − y·z); the last parameter is the unpenalised intercept.</summary>
    private double Objective(DesignMatrix design, float[] labels, float[]? weights, double[] parameters)
    {
        var featureCount = design.FeatureCount;
        double penalty = 0;
        for (var j = 0; j < featureCount; j++)
            penalty += parameters[j] * parameters[j];

        double loss = 0;
        for (var i = 0; i < design.RowCount; i++)
        {
            var z = design.LogOdds(i, parameters);
            var softplus = z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
            loss += (weights?[i] ?? 1f) * (softplus - labels[i] * z);
        }

        return 0.5 * penalty + options.InverseRegularisation * loss;
    }

    /// <summary>Rows per block of the gradient and Hessian sums: each block's partial sums are added in block order.</summary>
    private const int RowsPerBlock = 4096;

    /// <summary>
    /// The gradient and Hessian of <see cref="Objective"/>. The Hessian's lower triangle is accumulated
    /// packed (row j holds columns 0..j), one vectorised axpy per row and column, in fixed blocks of rows
    /// whose partial sums are added in block order — so the result does not depend on the thread count.
    /// </summary>
    private (Vector<double> Gradient, Matrix<double> Hessian) GradientAndHessian(
        DesignMatrix design, float[] labels, float[]? weights, double[] parameters)
    {
        var featureCount = design.FeatureCount;
        var width = featureCount + 1;
        var triangle = width * (width + 1) / 2;
        var blocks = ParallelWork.BlockCount(design.RowCount, RowsPerBlock);
        var gradients = new double[blocks][];
        var hessians = new double[blocks][];
        ParallelWork.ForBlocks(design.RowCount, RowsPerBlock, ParallelWork.ThreadCount(null), (block, start, end) =>
        {
            var gradient = gradients[block] = new double[width];
            var packed = hessians[block] = new double[triangle];
            var row = new double[width];
            row[featureCount] = 1;
            for (var i = start; i < end; i++)
            {
                design.CopyRow(i, row);
                var probability = LogisticRegressionModel.Logistic(design.LogOdds(i, parameters));
                var weight = options.InverseRegularisation * (weights?[i] ?? 1f);
                var residual = weight * (probability - labels[i]);
                var curvature = weight * probability * (1 - probability);
                for (var j = 0; j < width; j++)
                {
                    gradient[j] += residual * row[j];
                    AddScaled(packed.AsSpan(j * (j + 1) / 2, j + 1), curvature * row[j], row.AsSpan(0, j + 1));
                }
            }
        });

        var totalGradient = new double[width];
        var hessian = new double[width, width];
        for (var block = 0; block < blocks; block++)
        {
            for (var j = 0; j < width; j++)
            {
                totalGradient[j] += gradients[block][j];
                var offset = j * (j + 1) / 2;
                for (var k = 0; k <= j; k++)
                    hessian[j, k] += hessians[block][offset + k];
            }
        }

        for (var j = 0; j < width; j++)
        {
            for (var k = 0; k < j; k++)
                hessian[k, j] = hessian[j, k];
        }

        for (var j = 0; j < featureCount; j++)
        {
            totalGradient[j] += parameters[j];
            hessian[j, j] += 1;
        }

        return (Vector<double>.Build.DenseOfArray(totalGradient), Matrix<double>.Build.DenseOfArray(hessian));
    }

    /// <summary>target += scale · source, with hardware vectors.</summary>
    private static void AddScaled(Span<double> target, double scale, ReadOnlySpan<double> source)
    {
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && target.Length >= System.Numerics.Vector<double>.Count)
        {
            var factor = new System.Numerics.Vector<double>(scale);
            for (; i <= target.Length - System.Numerics.Vector<double>.Count; i += System.Numerics.Vector<double>.Count)
            {
                var sum = new System.Numerics.Vector<double>(target[i..]) + factor * new System.Numerics.Vector<double>(source[i..]);
                sum.CopyTo(target[i..]);
            }
        }

        for (; i < target.Length; i++)
            target[i] += scale * source[i];
    }

    private static LogisticRegressionOptions Validated(LogisticRegressionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        return options;
    }
}
