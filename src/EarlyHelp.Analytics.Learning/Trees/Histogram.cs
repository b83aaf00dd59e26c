using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// Sums of gradient and hessian over the rows of a leaf that fall in one bin: 16 bytes, added to
/// as one vector. Row counts are not kept here (a third lane would double the bytes stored per
/// row and feature); the split search checks them another way (see <see cref="SplitFinder"/>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct HistogramBin
{
    /// <summary>Σ gradient.</summary>
    public double Gradient;

    /// <summary>Σ hessian.</summary>
    public double Hessian;

    /// <summary>What one row adds to its bin.</summary>
    public static Vector128<double> Row(GradientPair pair) => Vector128.Create(pair.Gradient, pair.Hessian);
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
        var sums = MemoryMarshal.Cast<HistogramBin, Vector128<double>>(target);
        var added = MemoryMarshal.Cast<HistogramBin, Vector128<double>>(addend);
        for (var i = 0; i < sums.Length; i++)
            sums[i] += added[i];
    }

    /// <summary><c>larger = parent − smaller</c>, written over the parent's bins.</summary>
    public static void SubtractInPlace(Span<HistogramBin> parentThenLarger, ReadOnlySpan<HistogramBin> smaller)
    {
        var larger = MemoryMarshal.Cast<HistogramBin, Vector128<double>>(parentThenLarger);
        var subtracted = MemoryMarshal.Cast<HistogramBin, Vector128<double>>(smaller);
        for (var i = 0; i < larger.Length; i++)
            larger[i] -= subtracted[i];
    }
}
