namespace EarlyHelp.Analytics.Synthetic.Randomness;

/// <summary>
/// One independent stream of pseudo-random numbers: xoshiro256** (Blackman and Vigna, 2018,
/// "Scrambled linear pseudorandom number generators"), seeded through SplitMix64 as its authors
/// recommend. Our own small generator rather than <see cref="System.Random"/> so that the same seed
/// gives the same city on every .NET version.
/// </summary>
internal sealed class RandomStream
{
    private ulong state0, state1, state2, state3;

    /// <summary>A stream whose whole sequence is fixed by <paramref name="seed"/>.</summary>
    public RandomStream(ulong seed)
    {
        var splitMix = seed;
        state0 = SeedSequence.NextSplitMix(ref splitMix);
        state1 = SeedSequence.NextSplitMix(ref splitMix);
        state2 = SeedSequence.NextSplitMix(ref splitMix);
        state3 = SeedSequence.NextSplitMix(ref splitMix);
    }

    /// <summary>A stream starting from the raw xoshiro256** state (not all zero), for checking against the reference generator.</summary>
    public RandomStream(ulong state0, ulong state1, ulong state2, ulong state3) =>
        (this.state0, this.state1, this.state2, this.state3) = (state0, state1, state2, state3);

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        var result = ulong.RotateLeft(state1 * 5, 7) * 9;
        var shifted = state1 << 17;
        state2 ^= state0;
        state3 ^= state1;
        state1 ^= state2;
        state0 ^= state3;
        state2 ^= shifted;
        state3 = ulong.RotateLeft(state3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="probability"/> (values outside [0, 1] are clamped).</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A uniform integer in [0, <paramref name="count"/>), by Lemire's multiply-and-reject method.</summary>
    public int NextInt(int count)
    {
        if (count <= 1)
            return 0;
        var bound = (ulong)count;
        var product = Math.BigMul(NextBits(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0UL - bound) % bound;
            while (low < threshold)
                product = Math.BigMul(NextBits(), bound, out low);
        }
        return (int)product;
    }

    /// <summary>A uniform integer in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public int NextInt(int minimum, int maximum) => minimum + NextInt(maximum - minimum + 1);

    /// <summary>
    /// A standard normal deviate by inversion: the top 12 bits pick a cell of a 4,096-cell table of the
    /// normal quantile and the next 41 interpolate within it; the two outermost cells (|z| &gt; 3.3)
    /// are inverted exactly. One random word per deviate, and no transcendental function in most draws.
    /// </summary>
    public double NextGaussian()
    {
        var bits = NextBits();
        var cell = (int)(bits >> 52);
        if (cell == 0 || cell == StandardNormal.TableCells - 1)
            return StandardNormal.Quantile(((bits >> 11) + 0.5) * (1.0 / (1UL << 53)));
        var fraction = ((bits >> 11) & ((1UL << 41) - 1)) * (1.0 / (1UL << 41));
        var table = StandardNormal.QuantileTable;
        return table[cell] + fraction * (table[cell + 1] - table[cell]);
    }

    /// <summary>A normal deviate with the given mean and standard deviation.</summary>
    public double NextGaussian(double mean, double standardDeviation) => mean + standardDeviation * NextGaussian();

    /// <summary>An index drawn with the probabilities whose running totals are <paramref name="cumulative"/> (last entry 1).</summary>
    public int Pick(IReadOnlyList<double> cumulative)
    {
        var u = NextDouble();
        for (var i = 0; i < cumulative.Count - 1; i++)
        {
            if (u < cumulative[i])
                return i;
        }
        return cumulative.Count - 1;
    }

    /// <summary>Months until an event with a constant monthly probability first happens (at least 1).</summary>
    public int NextGeometric(double monthlyProbability, int maximum)
    {
        var months = 1;
        while (months < maximum && !Chance(monthlyProbability))
            months++;
        return months;
    }
}
