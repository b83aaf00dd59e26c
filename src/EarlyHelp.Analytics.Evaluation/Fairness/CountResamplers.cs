using MathNet.Numerics.Distributions;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>
/// Draws one bootstrap resample of the cell counts. Both resamplers use the Poisson bootstrap: each
/// row appears Poisson(1) times, independently (Hanley and MacGibbon 2006; Chamandy et al. 2012),
/// which for large samples behaves as the classical bootstrap and lets a sum over many rows be drawn
/// at once, since a sum of independent Poisson(1) counts is Poisson(number of rows).
/// </summary>
internal interface ICountResampler
{
    void Resample(Random random, CellCounts destination);
}

/// <summary>
/// For a selection fixed row by row (a threshold or an existing flag), a row's contribution does not
/// depend on the other rows, so a resample is one Poisson draw per cell and confusion cell.
/// </summary>
internal sealed class FixedSelectionResampler : ICountResampler
{
    private readonly CellCounts observed;

    public FixedSelectionResampler(int[] cellOfRow, double[] labels, bool[] selected, int cellCount)
    {
        observed = new CellCounts(cellCount);
        for (var i = 0; i < cellOfRow.Length; i++)
            observed.Add(cellOfRow[i] * 2 + (int)labels[i], selected[i], 1);
    }

    public void Resample(Random random, CellCounts destination)
    {
        Draw(random, observed.SelectedPositives, destination.SelectedPositives);
        Draw(random, observed.SelectedNegatives, destination.SelectedNegatives);
        Draw(random, observed.OtherPositives, destination.OtherPositives);
        Draw(random, observed.OtherNegatives, destination.OtherNegatives);
    }

    private static void Draw(Random random, long[] rows, long[] copies)
    {
        for (var i = 0; i < rows.Length; i++)
            copies[i] = rows[i] == 0 ? 0 : Poisson.Sample(random, rows[i]);
    }
}

/// <summary>
/// For a ranked selection (top K or a top fraction) the resample must be re-ranked: its top K are
/// the rows, in the original order, until the copies add up to K. The ranking is cut into blocks;
/// per block and class (cell and label) one Poisson draw gives the copies, the cumulative copies
/// find the block where the cut falls, and only that block is resolved row by row, by spreading
/// each class's copies uniformly over its rows there (the Poisson counts of the rows given their
/// sum are multinomial with equal chances). The result is the exact Poisson bootstrap.
/// </summary>
internal sealed class RankedSelectionResampler : ICountResampler
{
    private const int BlockSize = 4096;

    private readonly SelectionRule rule;
    private readonly int classCount;
    private readonly int blockCount;
    private readonly int rowCount;
    private readonly int[] classOfPosition;
    private readonly int[] blockClassRows;
    private readonly int[] positionsByClass;
    private readonly int[] classStarts;

    public RankedSelectionResampler(int[] cellOfRow, double[] labels, int[] descending, int cellCount, SelectionRule rule)
    {
        this.rule = rule;
        rowCount = descending.Length;
        classCount = cellCount * 2;
        blockCount = (rowCount + BlockSize - 1) / BlockSize;
        classOfPosition = new int[rowCount];
        blockClassRows = new int[blockCount * classCount];
        for (var p = 0; p < rowCount; p++)
        {
            var row = descending[p];
            classOfPosition[p] = cellOfRow[row] * 2 + (int)labels[row];
            blockClassRows[p / BlockSize * classCount + classOfPosition[p]]++;
        }

        // Within each block, positions grouped by class, so a class's rows in a block are a slice.
        classStarts = new int[blockCount * classCount];
        positionsByClass = new int[rowCount];
        var next = new int[classCount];
        for (var b = 0; b < blockCount; b++)
        {
            var start = b * BlockSize;
            for (var c = 0; c < classCount; c++)
            {
                classStarts[b * classCount + c] = start;
                next[c] = start;
                start += blockClassRows[b * classCount + c];
            }

            for (var p = b * BlockSize; p < Math.Min(rowCount, (b + 1) * BlockSize); p++)
                positionsByClass[next[classOfPosition[p]]++] = p;
        }
    }

    public void Resample(Random random, CellCounts destination)
    {
        destination.Clear();
        var copies = new int[blockCount * classCount];
        var blockCopies = new long[blockCount];
        long total = 0;
        for (var i = 0; i < copies.Length; i++)
        {
            if (blockClassRows[i] == 0)
                continue;
            copies[i] = Poisson.Sample(random, blockClassRows[i]);
            blockCopies[i / classCount] += copies[i];
            total += copies[i];
        }

        var capacity = rule.CountFor(total);
        long taken = 0;
        var cut = -1;
        for (var b = 0; b < blockCount; b++)
        {
            var wholeBlockFits = cut < 0 && taken + blockCopies[b] <= capacity;
            if (cut < 0 && !wholeBlockFits)
                cut = b;
            if (b == cut)
                continue;
            for (var c = 0; c < classCount; c++)
                destination.Add(c, wholeBlockFits, copies[b * classCount + c]);
            if (wholeBlockFits)
                taken += blockCopies[b];
        }

        if (cut >= 0)
            ResolveCutBlock(random, destination, copies, cut, capacity - taken);
    }

    private void ResolveCutBlock(Random random, CellCounts destination, int[] copies, int block, long remaining)
    {
        var start = block * BlockSize;
        var length = Math.Min(rowCount, start + BlockSize) - start;
        var multiplicity = new int[length];
        for (var c = 0; c < classCount; c++)
        {
            var rows = blockClassRows[block * classCount + c];
            var first = classStarts[block * classCount + c];
            for (var copy = 0; copy < copies[block * classCount + c]; copy++)
                multiplicity[positionsByClass[first + random.Next(rows)] - start]++;
        }

        for (var offset = 0; offset < length; offset++)
        {
            var count = multiplicity[offset];
            if (count == 0)
                continue;
            var selected = Math.Min(count, remaining);
            remaining -= selected;
            var rowClass = classOfPosition[start + offset];
            destination.Add(rowClass, true, selected);
            destination.Add(rowClass, false, count - selected);
        }
    }
}
