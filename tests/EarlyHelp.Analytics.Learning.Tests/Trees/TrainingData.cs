using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Tests.Trees;

/// <summary>Small fits shared by the tree tests.</summary>
internal static class TrainingData
{
    /// <summary>
    /// Rows whose label is 1 exactly when feature x0 is missing (a tenth of the rows), the other
    /// features noise. A trainer that drops rows with a missing value sees no positive row at all;
    /// one that is handed NaN sends them right at every split, mixed with the largest values.
    /// </summary>
    public static DenseDataset MissingnessIsTheSignal(int rows, int seed)
    {
        var random = new Random(seed);
        const int width = 3;
        var values = new float[rows * width];
        var labels = new float[rows];
        for (var row = 0; row < rows; row++)
        {
            var missing = row % 10 == 0;
            values[row * width] = missing ? float.NaN : (float)random.NextDouble() * 10;
            values[row * width + 1] = (float)random.NextDouble();
            values[row * width + 2] = random.NextDouble() < 0.05 ? float.NaN : (float)random.NextDouble();
            labels[row] = missing ? 1 : 0;
        }

        return new DenseDataset(["x0", "x1", "x2"], values, labels);
    }
}
