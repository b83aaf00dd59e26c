using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// Sums of gradient, hessian and row count over the rows of a leaf that fall in one bin, laid out
/// as one 32-byte vector so that adding a row is a single vector addition.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct HistogramBin
{
    /// <summary>Σ gradient.</summary>
    public double Gradient;

    /// <summary>Σ hessian.</summary>
    public double Hessian;

    /// <summary>Number of rows (a whole number, exact in a double).</summary>
    public double Count;

    /// <summary>Unused: pads the bin to a whole vector.</summary>
    public double Padding;

    /// <summary>What one row adds to its bin.</summary>
    public static Vector256<double> Row(GradientPair pair) => Vector256.Create(pair.Gradient, pair.Hessian, 1.0, 0.0);
}

/// <summary>Where each feature's bins start in a flat histogram array (bin 0, missing, first).</summary>
internal sealed class HistogramLayout
{
    public HistogramLayout(FeatureBinning binning)
    {
        Offsets = new int[binning.FeatureCount];
        BinCounts = new int[binning.FeatureCount];
        var offset = 0;
        for (var feature = 0; feature < binning.FeatureCount; feature++)
        {
            Offsets[feature] = offset;
            BinCounts[feature] = binning.ValueBinCount(feature) + 1;
            offset += BinCounts[feature];
        }

        TotalBins = offset;
    }

    /// <summary>Start of each feature's bins.</summary>
    public int[] Offsets { get; }

    /// <summary>Bins of each feature, the missing bin included.</summary>
    public int[] BinCounts { get; }

    /// <summary>Length of a whole histogram.</summary>
    public int TotalBins { get; }

    /// <summary>The bins of one feature within <paramref name="histogram"/>.</summary>
    public Span<HistogramBin> Of(HistogramBin[] histogram, int feature) => histogram.AsSpan(Offsets[feature], BinCounts[feature]);
}

/// <summary>Histogram arithmetic beyond accumulation: merging row chunks and sibling subtraction.</summary>
internal static class HistogramArithmetic
{
    /// <summary><c>target += addend</c>, bin by bin.</summary>
    public static void AddInPlace(Span<HistogramBin> target, ReadOnlySpan<HistogramBin> addend)
    {
        var sums = MemoryMarshal.Cast<HistogramBin, Vector256<double>>(target);
        var added = MemoryMarshal.Cast<HistogramBin, Vector256<double>>(addend);
        for (var i = 0; i < sums.Length; i++)
            sums[i] += added[i];
    }

    /// <summary><c>larger = parent − smaller</c>, written over the parent's bins.</summary>
    public static void SubtractInPlace(Span<HistogramBin> parentThenLarger, ReadOnlySpan<HistogramBin> smaller)
    {
        var larger = MemoryMarshal.Cast<HistogramBin, Vector256<double>>(parentThenLarger);
        var subtracted = MemoryMarshal.Cast<HistogramBin, Vector256<double>>(smaller);
        for (var i = 0; i < larger.Length; i++)
        {
            var difference = larger[i] - subtracted[i];
            // An emptied bin is exactly empty, not left with rounding residue.
            larger[i] = difference.GetElement(2) == 0 ? Vector256<double>.Zero : difference;
        }
    }
}
