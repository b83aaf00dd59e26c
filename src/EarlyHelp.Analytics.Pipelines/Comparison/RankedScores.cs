using EarlyHelp.Analytics.Learning.Metrics;

namespace EarlyHelp.Analytics.Pipelines.Comparison;

/// <summary>
/// One scorer's probabilities on a fixed set of rows, ranked once — highest first, equal scores in
/// ascending tie key — with the runs of equal scores and each row's calibration bin, so that every
/// bootstrap resample is a linear sweep with row weights instead of a sort.
/// </summary>
internal sealed class RankedScores
{
    /// <summary>Equal-width bins of the expected calibration error, as <see cref="BinaryMetrics.ExpectedCalibrationError"/> uses by default.</summary>
    public const int CalibrationBins = 10;

    public RankedScores(string name, double[] probabilities, long[] tieKeys)
    {
        Name = name;
        Probabilities = probabilities;
        Order = BinaryMetrics.RankDescending<double>(probabilities, tieKeys);
        var groupStarts = new List<int>();
        for (var i = 0; i < Order.Length; i++)
        {
            if (i == 0 || probabilities[Order[i]] != probabilities[Order[i - 1]])
                groupStarts.Add(i);
        }
        groupStarts.Add(Order.Length);
        GroupStarts = [.. groupStarts];
        Bins = probabilities.Select(BinOf).ToArray();
    }

    /// <summary>The scorer's name.</summary>
    public string Name { get; }

    /// <summary>The probability of each row.</summary>
    public double[] Probabilities { get; }

    /// <summary>Row indices, highest probability first, ties by tie key.</summary>
    public int[] Order { get; }

    /// <summary>Positions in <see cref="Order"/> where each run of equal probabilities starts, then the row count.</summary>
    public int[] GroupStarts { get; }

    /// <summary>The equal-width bin of each row.</summary>
    public int[] Bins { get; }

    /// <summary>
    /// The bin of a probability as numpy's <c>searchsorted(linspace(0, 1, B + 1)[1:-1], p)</c> places it:
    /// the number of inner edges k/B strictly below p, so bins are (lower, upper] and the first also holds 0.
    /// </summary>
    public static int BinOf(double probability)
    {
        var bin = 0;
        for (var k = 1; k < CalibrationBins; k++)
        {
            if (k * (1.0 / CalibrationBins) < probability)
                bin++;
        }
        return bin;
    }
}
