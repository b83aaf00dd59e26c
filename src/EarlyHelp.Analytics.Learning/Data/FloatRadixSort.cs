namespace EarlyHelp.Analytics.Learning.Data;

/// <summary>
/// Sorts floats (no NaN) ascending by a least-significant-digit radix sort on their bits: three
/// passes of 11 bits, several times faster than a comparison sort for the 200,000-value samples
/// binning sorts per feature.
/// </summary>
internal static class FloatRadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;

    public static void Sort(Span<float> values)
    {
        var keys = new uint[values.Length];
        var scratch = new uint[values.Length];
        for (var i = 0; i < values.Length; i++)
            keys[i] = Key(values[i]);

        Span<int> starts = stackalloc int[Buckets];
        for (var shift = 0; shift < 32; shift += DigitBits)
        {
            starts.Clear();
            foreach (var key in keys)
                starts[(int)((key >> shift) & (Buckets - 1))]++;
            var total = 0;
            for (var bucket = 0; bucket < Buckets; bucket++)
                (starts[bucket], total) = (total, total + starts[bucket]);
            foreach (var key in keys)
                scratch[starts[(int)((key >> shift) & (Buckets - 1))]++] = key;
            (keys, scratch) = (scratch, keys);
        }

        for (var i = 0; i < values.Length; i++)
            values[i] = Value(keys[i]);
    }

    /// <summary>The float's bits, turned so that unsigned order is numeric order: negatives flipped whole, positives given the top bit.</summary>
    private static uint Key(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }

    private static float Value(uint key) =>
        BitConverter.UInt32BitsToSingle((key & 0x8000_0000u) != 0 ? key & 0x7FFF_FFFFu : ~key);
}
