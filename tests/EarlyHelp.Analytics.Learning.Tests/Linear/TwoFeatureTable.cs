using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Tests.Linear;

/// <summary>The small table the regression tests fit on.</summary>
internal static class TwoFeatureTable
{
    /// <summary>
    /// 400 rows: x₀ a count from 0 to 9 (each forty times) that raises the odds, x₁ a "months since" from 0 to 19 (each
    /// twenty times) that lowers them, the label drawn from the logistic of 0.5·x₀ − 0.2·x₁ − 1 with a fixed seed.
    /// </summary>
    public static DenseDataset Rows()
    {
        var random = new Random(5);
        var values = new float[800];
        var labels = new float[400];
        for (var row = 0; row < 400; row++)
        {
            values[2 * row] = row % 10;
            values[2 * row + 1] = row * 7 % 20;
            var odds = 0.5 * values[2 * row] - 0.2 * values[2 * row + 1] - 1;
            labels[row] = random.NextDouble() < 1 / (1 + Math.Exp(-odds)) ? 1 : 0;
        }
        return new DenseDataset(["count", "months_since"], values, labels);
    }
}
