using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Linear;

/// <summary>
/// The training features as doubles with missing values imputed and, when asked, standardised;
/// remembers the transformation so that fitted parameters can be mapped back to the raw scale.
/// </summary>
internal sealed class DesignMatrix
{
    private readonly double[] values;
    private readonly double[] imputationValues;
    private readonly double[] centres;
    private readonly double[] scales;

    private DesignMatrix(double[] values, int rowCount, double[] imputationValues, double[] centres, double[] scales)
    {
        this.values = values;
        RowCount = rowCount;
        this.imputationValues = imputationValues;
        this.centres = centres;
        this.scales = scales;
    }

    public int RowCount { get; }

    public int FeatureCount => imputationValues.Length;

    public static DesignMatrix Build(DenseDataset dataset, bool standardise)
    {
        var rows = dataset.RowCount;
        var width = dataset.FeatureCount;
        var imputation = new double[width];
        for (var j = 0; j < width; j++)
        {
            double sum = 0;
            long present = 0;
            for (var i = 0; i < rows; i++)
            {
                var value = dataset[i, j];
                if (!float.IsNaN(value))
                {
                    sum += value;
                    present++;
                }
            }

            imputation[j] = present == 0 ? 0 : sum / present;
        }

        var values = new double[rows * width];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < width; j++)
            {
                var value = dataset[i, j];
                values[i * width + j] = float.IsNaN(value) ? imputation[j] : value;
            }
        }

        var centres = new double[width];
        var scales = Enumerable.Repeat(1.0, width).ToArray();
        if (standardise)
            Standardise(values, rows, width, centres, scales);
        return new DesignMatrix(values, rows, imputation, centres, scales);
    }

    public double LogOdds(int row, double[] parameters)
    {
        var width = FeatureCount;
        var sum = parameters[width];
        var offset = row * width;
        for (var j = 0; j < width; j++)
            sum += parameters[j] * values[offset + j];
        return sum;
    }

    public void CopyRow(int row, double[] destination) =>
        values.AsSpan(row * FeatureCount, FeatureCount).CopyTo(destination);

    /// <summary>
    /// Maps parameters fitted on standardised columns z = (x − centre) / scale back to x:
    /// w_x = w_z / scale and b_x = b_z − Σ w_z · centre / scale.
    /// </summary>
    public LogisticRegressionModel ToModel(IReadOnlyList<string> featureNames, double[] parameters)
    {
        var width = FeatureCount;
        var coefficients = new double[width];
        var intercept = parameters[width];
        for (var j = 0; j < width; j++)
        {
            coefficients[j] = parameters[j] / scales[j];
            intercept -= coefficients[j] * centres[j];
        }

        return new LogisticRegressionModel(featureNames, coefficients, intercept, imputationValues);
    }

    /// <summary>Centres each column on its mean and divides by its population standard deviation (1 when constant).</summary>
    private static void Standardise(double[] values, int rows, int width, double[] centres, double[] scales)
    {
        for (var j = 0; j < width; j++)
        {
            double sum = 0, squares = 0;
            for (var i = 0; i < rows; i++)
                sum += values[i * width + j];
            var mean = sum / rows;
            for (var i = 0; i < rows; i++)
            {
                var deviation = values[i * width + j] - mean;
                squares += deviation * deviation;
            }

            var deviationScale = Math.Sqrt(squares / rows);
            centres[j] = mean;
            scales[j] = deviationScale > 0 ? deviationScale : 1;
            for (var i = 0; i < rows; i++)
                values[i * width + j] = (values[i * width + j] - mean) / scales[j];
        }
    }
}
