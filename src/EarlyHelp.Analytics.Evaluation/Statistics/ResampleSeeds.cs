namespace EarlyHelp.Analytics.Evaluation.Statistics;

/// <summary>
/// One independent, reproducible random stream per bootstrap resample, so results do not depend on
/// how resamples are spread over threads. Seeds are mixed with SplitMix64 (Steele, Lea and Flood
/// 2014) so that neighbouring resample numbers give unrelated streams.
/// </summary>
public static class ResampleSeeds
{
    /// <summary>A random generator for resample <paramref name="resample"/> of a run seeded with <paramref name="seed"/>.</summary>
    public static Random For(int seed, int resample)
    {
        var state = unchecked(((ulong)(uint)seed << 32) ^ (ulong)(uint)resample);
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        state = unchecked((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9UL);
        state = unchecked((state ^ (state >> 27)) * 0x94D049BB133111EBUL);
        state ^= state >> 31;
        return new Random(unchecked((int)state & int.MaxValue));
    }
}
