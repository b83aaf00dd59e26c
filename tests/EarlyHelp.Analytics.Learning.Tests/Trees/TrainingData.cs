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

    /// <summary>
    /// Rows whose label rate rises with x0 (x0 uniform on [0, 10), rate x0 / 10), where x0 is missing in a
    /// fifth of the rows at rate <paramref name="missingRate"/>; x1 is noise. With a rate of 0.9 the missing
    /// rows are like x0's highest values (the top tenth's rate is about 0.95, the bottom tenth's 0.05); with
    /// 0.1, like its lowest.
    /// </summary>
    public static DenseDataset MissingLikeOneEnd(int rows, int seed, double missingRate)
    {
        var random = new Random(seed);
        const int width = 2;
        var values = new float[rows * width];
        var labels = new float[rows];
        for (var row = 0; row < rows; row++)
        {
            var x0 = random.NextDouble() * 10;
            var missing = row % 5 == 0;
            values[row * width] = missing ? float.NaN : (float)x0;
            values[row * width + 1] = (float)random.NextDouble();
            labels[row] = random.NextDouble() < (missing ? missingRate : x0 / 10) ? 1 : 0;
        }

        return new DenseDataset(["x0", "x1"], values, labels);
    }
}
