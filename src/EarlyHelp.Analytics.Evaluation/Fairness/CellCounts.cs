using EarlyHelp.Analytics.Learning.Metrics;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>
/// Confusion counts per cell of the finest partition (every group column taken together), from
/// which any dimension's group counts are sums. One instance per thread, reused across resamples.
/// </summary>
internal sealed class CellCounts(int cellCount)
{
    public long[] SelectedPositives { get; } = new long[cellCount];

    public long[] SelectedNegatives { get; } = new long[cellCount];

    public long[] OtherPositives { get; } = new long[cellCount];

    public long[] OtherNegatives { get; } = new long[cellCount];

    public void Clear()
    {
        Array.Clear(SelectedPositives);
        Array.Clear(SelectedNegatives);
        Array.Clear(OtherPositives);
        Array.Clear(OtherNegatives);
    }

    /// <summary>Adds <paramref name="copies"/> rows of a class (cell · 2 + label) to the selected or the other side.</summary>
    public void Add(int rowClass, bool selected, long copies)
    {
        var cell = rowClass >> 1;
        var positive = (rowClass & 1) == 1;
        var target = (selected, positive) switch
        {
            (true, true) => SelectedPositives,
            (true, false) => SelectedNegatives,
            (false, true) => OtherPositives,
            (false, false) => OtherNegatives,
        };
        target[cell] += copies;
    }

    /// <summary>Sums the cells of each group of a dimension.</summary>
    public void SumInto(int[] groupOfCell, ConfusionCounts[] groups)
    {
        Array.Clear(groups);
        for (var cell = 0; cell < groupOfCell.Length; cell++)
        {
            groups[groupOfCell[cell]] += new ConfusionCounts(
                SelectedPositives[cell], SelectedNegatives[cell], OtherNegatives[cell], OtherPositives[cell]);
        }
    }
}
