using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Tests;

/// <summary>Seeded random datasets for tests that need many rows but no particular values.</summary>
internal static class RandomDatasets
{
    /// <summary>
    /// Rows of <paramref name="featureCount"/> features (uniform on [0, 10), some rounded to
    /// small integers, a share missing) and labels drawn from a logistic model of the first few.
    /// </summary>
    public static DenseDataset Classification(int rows, int featureCount, int seed, double missingShare = 0.05)
    {
        var random = new Random(seed);
        var values = new float[rows * featureCount];
        var labels = new float[rows];
        for (var row = 0; row < rows; row++)
        {
            for (var feature = 0; feature < featureCount; feature++)
            {
                var value = random.NextDouble() * 10;
                if (feature % 3 == 2)
                    value = Math.Floor(value / 2);
                values[row * featureCount + feature] = random.NextDouble() < missingShare ? float.NaN : (float)value;
            }

            var logit = -1.0;
            for (var feature = 0; feature < Math.Min(3, featureCount); feature++)
            {
                var value = values[row * featureCount + feature];
                logit += float.IsNaN(value) ? 0.5 : (feature % 2 == 0 ? 0.4 : -0.3) * (value - 5);
            }

            labels[row] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
        }

        var names = Enumerable.Range(0, featureCount).Select(feature => $"x{feature}").ToArray();
        return new DenseDataset(names, values, labels);
    }
}
