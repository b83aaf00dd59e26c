using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Linear;

/// <summary>
/// A fitted logistic regression: p = 1 / (1 + exp(−(intercept + Σ coefficient·x))), where a missing
/// x is replaced by the value learned at fit (the feature's mean over the training rows that had it).
/// Immutable; every number is on the features' original scale so it can be read directly.
/// </summary>
public sealed class LogisticRegressionModel
{
    private readonly double[] coefficients;
    private readonly double[] imputationValues;
    private readonly Dictionary<string, int> indexByName;

    /// <summary>A model from its parts (for loading a stored model).</summary>
    public LogisticRegressionModel(IReadOnlyList<string> featureNames, IReadOnlyList<double> coefficients, double intercept, IReadOnlyList<double> imputationValues)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(coefficients);
        ArgumentNullException.ThrowIfNull(imputationValues);
        if (coefficients.Count != featureNames.Count || imputationValues.Count != featureNames.Count)
            throw new ArgumentException($"A model over {featureNames.Count} features needs as many coefficients and imputation values; got {coefficients.Count} and {imputationValues.Count}.");

        FeatureNames = [.. featureNames];
        this.coefficients = [.. coefficients];
        this.imputationValues = [.. imputationValues];
        Intercept = intercept;
        indexByName = FeatureNames.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
    }

    /// <summary>The features, in coefficient order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>One coefficient per feature (change in log-odds per unit of the feature).</summary>
    public IReadOnlyList<double> Coefficients => coefficients;

    /// <summary>The log-odds when every feature is 0.</summary>
    public double Intercept { get; }

    /// <summary>The value used in place of a missing feature: its mean over the training rows that had it (0 when none did).</summary>
    public IReadOnlyList<double> ImputationValues => imputationValues;

    /// <summary>The coefficient of the named feature.</summary>
    public double Coefficient(string featureName) =>
        indexByName.TryGetValue(featureName, out var index)
            ? coefficients[index]
            : throw new KeyNotFoundException($"The model has no feature named '{featureName}'.");

    /// <summary>The log-odds for one row whose values are in <see cref="FeatureNames"/> order.</summary>
    public double LogOdds(ReadOnlySpan<float> row)
    {
        if (row.Length != coefficients.Length)
            throw new ArgumentException($"The row has {row.Length} values; the model has {coefficients.Length} features.", nameof(row));
        var sum = Intercept;
        for (var j = 0; j < coefficients.Length; j++)
            sum += coefficients[j] * (float.IsNaN(row[j]) ? imputationValues[j] : row[j]);
        return sum;
    }

    /// <summary>The probability of the positive class for one row in <see cref="FeatureNames"/> order.</summary>
    public double PredictProbability(ReadOnlySpan<float> row) => Logistic(LogOdds(row));

    /// <summary>The probability for every row of a dataset; its columns are matched to the model's by name.</summary>
    public double[] PredictProbabilities(DenseDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = FeatureNames.Select(name =>
        {
            var column = IndexOf(dataset.FeatureNames, name);
            return column >= 0 ? column : throw new ArgumentException($"The dataset has no column named '{name}', which the model needs.", nameof(dataset));
        }).ToArray();

        var probabilities = new double[dataset.RowCount];
        for (var i = 0; i < dataset.RowCount; i++)
        {
            var sum = Intercept;
            for (var j = 0; j < columns.Length; j++)
            {
                var value = dataset[i, columns[j]];
                sum += coefficients[j] * (float.IsNaN(value) ? imputationValues[j] : value);
            }

            probabilities[i] = Logistic(sum);
        }

        return probabilities;
    }

    internal static double Logistic(double logOdds) =>
        logOdds >= 0 ? 1 / (1 + Math.Exp(-logOdds)) : Math.Exp(logOdds) / (1 + Math.Exp(logOdds));

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
                return i;
        }

        return -1;
    }
}
