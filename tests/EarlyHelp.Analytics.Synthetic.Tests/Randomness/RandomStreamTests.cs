using EarlyHelp.Analytics.Synthetic.Randomness;

namespace EarlyHelp.Analytics.Synthetic.Tests.Randomness;

public sealed class RandomStreamTests
{
    [Fact]
    public void NextSplitMix_Seed1234567_MatchesTheReferenceSequence()
    {
        // The published test vector of Vigna's splitmix64.c for seed 1234567.
        var state = 1234567UL;
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];

        var actual = expected.Select(_ => SeedSequence.NextSplitMix(ref state)).ToArray();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void NextBits_State1234_MatchesTheReferenceGenerator()
    {
        // xoshiro256** from state {1, 2, 3, 4}. By hand: the first output is rotl(2 · 5, 7) · 9 = 1280 · 9 = 11520;
        // after one step s1 = 2 ^ (3 ^ 1) = 0, so the second is 0. The rest come from the reference C code.
        var stream = new RandomStream(1, 2, 3, 4);
        ulong[] expected = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600];

        var actual = expected.Select(_ => stream.NextBits()).ToArray();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void NextGaussian_ManyDraws_HaveStandardNormalMomentsAndQuantiles()
    {
        var stream = new RandomStream(42);
        const int count = 400_000;
        var draws = Enumerable.Range(0, count).Select(_ => stream.NextGaussian()).ToArray();

        // Standard errors: mean 1/√n = 0.0016, variance √(2/n) = 0.0022; tolerances are about four of them.
        Assert.InRange(draws.Average(), -0.007, 0.007);
        Assert.InRange(draws.Average(d => d * d), 0.99, 1.01);
        // Φ(1.959964) = 0.975 and Φ(−1) = 0.158655 (standard normal table); standard errors 0.00025 and 0.0006.
        Assert.InRange(draws.Count(d => d < 1.959964) / (double)count, 0.9738, 0.9762);
        Assert.InRange(draws.Count(d => d < -1) / (double)count, 0.1563, 0.1610);
    }

    [Fact]
    public void NextInt_SmallRange_CoversEveryValueEvenly()
    {
        var stream = new RandomStream(7);
        var counts = new int[6];
        for (var i = 0; i < 60_000; i++)
            counts[stream.NextInt(6)]++;

        // Each count is binomial(60,000, 1/6): mean 10,000, standard deviation 91.
        Assert.All(counts, c => Assert.InRange(c, 9_600, 10_400));
    }

    [Fact]
    public void Derive_DifferentPurposes_GiveDifferentStreams()
    {
        var truth = SeedSequence.Stream(1, 5, RandomPurpose.Truth).NextBits();
        var observation = SeedSequence.Stream(1, 5, RandomPurpose.Observation).NextBits();
        var again = SeedSequence.Stream(1, 5, RandomPurpose.Truth).NextBits();

        Assert.NotEqual(truth, observation);
        Assert.Equal(truth, again);
    }
}
