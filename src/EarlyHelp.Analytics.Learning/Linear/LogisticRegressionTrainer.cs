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

    private (Vector<double> Gradient, Matrix<double> Hessian) GradientAndHessian(
        DesignMatrix design, float[] labels, float[]? weights, double[] parameters)
    {
        var featureCount = design.FeatureCount;
        var width = featureCount + 1;
        var gradient = new double[width];
        var hessian = new double[width, width];
        var row = new double[width];
        row[featureCount] = 1;
        for (var i = 0; i < design.RowCount; i++)
        {
            design.CopyRow(i, row);
            var probability = LogisticRegressionModel.Logistic(design.LogOdds(i, parameters));
            var weight = options.InverseRegularisation * (weights?[i] ?? 1f);
            var residual = weight * (probability - labels[i]);
            var curvature = weight * probability * (1 - probability);
            for (var j = 0; j < width; j++)
            {
                gradient[j] += residual * row[j];
                var scaled = curvature * row[j];
                for (var k = 0; k <= j; k++)
                    hessian[j, k] += scaled * row[k];
            }
        }

        for (var j = 0; j < width; j++)
        {
            for (var k = 0; k < j; k++)
                hessian[k, j] = hessian[j, k];
        }

        for (var j = 0; j < featureCount; j++)
        {
            gradient[j] += parameters[j];
            hessian[j, j] += 1;
        }

        return (Vector<double>.Build.DenseOfArray(gradient), Matrix<double>.Build.DenseOfArray(hessian));
    }

    private static LogisticRegressionOptions Validated(LogisticRegressionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        return options;
    }
}
