using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Tests.Data;

public sealed class FloatRadixSortTests
{
    [Fact]
    public void Sort_MixedSignsZerosAndInfinities_OrdersAsNumbers()
    {
        float[] values = [3.5f, -0f, float.PositiveInfinity, -2.25f, 0f, float.NegativeInfinity, 1e-30f, -1e30f, 7f, -2.25f];

        FloatRadixSort.Sort(values);

        // Array.Sort is the reference order; −0 and +0 compare equal, so only their values are checked.
        var expected = (float[])values.Clone();
        Array.Sort(expected);
        Assert.Equal(expected, values);
        Assert.Equal([float.NegativeInfinity, -1e30f, -2.25f, -2.25f], values[..4]);
    }

    [Fact]
    public void Sort_RandomValues_MatchesArraySort()
    {
        var random = new Random(4);
        var values = Enumerable.Range(0, 50_000).Select(_ => (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-20, 20)))).ToArray();
        var expected = (float[])values.Clone();
        Array.Sort(expected);

        FloatRadixSort.Sort(values);

        Assert.Equal(expected, values);
    }
}
