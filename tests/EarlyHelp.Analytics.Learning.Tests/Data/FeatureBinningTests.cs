using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Tests.Data;

public sealed class FeatureBinningTests
{
    [Fact]
    public void Fit_SmallIntegerFeature_GivesOneBinPerValue()
    {
        // Four distinct values under 255 bins: one bin each, cut half-way between neighbours.
        var data = Column(0, 1, 2, 3, 3, 2, 1, 0, float.NaN, 2);

        var binning = FeatureBinning.Fit(data, 255);

        Assert.Equal([0.5f, 1.5f, 2.5f], binning.UpperBounds(0).ToArray());
        Assert.Equal(4, binning.ValueBinCount(0));
        Assert.Equal([1, 2, 3, 4, 0], new[] { 0f, 1f, 2f, 3f, float.NaN }.Select(v => (int)binning.BinOf(0, v)));
    }

    [Fact]
    public void Fit_ManyDistinctValues_CutsIntoBinsOfEqualCount()
    {
        // 0…999 into 10 bins: 100 values each, so the cuts fall between 99 and 100, 199 and 200, …
        var data = Column([.. Enumerable.Range(0, 1000).Select(v => (float)v)]);

        var binning = FeatureBinning.Fit(data, 10);

        Assert.Equal(Enumerable.Range(1, 9).Select(k => k * 100 - 0.5f), binning.UpperBounds(0).ToArray());
    }

    [Fact]
    public void Fit_FrequentValue_GetsABinOfItsOwn()
    {
        // 500 zeros and 1…500 into 5 bins: an average bin holds 200, so 0 (500 rows) is alone;
        // the other 500 values share the 4 bins left, 125 each: cuts after 0, 125, 250, 375.
        var data = Column([.. Enumerable.Repeat(0f, 500).Concat(Enumerable.Range(1, 500).Select(v => (float)v))]);

        var binning = FeatureBinning.Fit(data, 5);

        Assert.Equal([0.5f, 125.5f, 250.5f, 375.5f], binning.UpperBounds(0).ToArray());
    }

    [Fact]
    public void Threshold_AnyValue_AgreesWithBinOf()
    {
        var data = RandomDatasets.Classification(2000, 3, seed: 5);
        var binning = FeatureBinning.Fit(data, 16);
        var random = new Random(9);

        for (var trial = 0; trial < 2000; trial++)
        {
            var feature = random.Next(3);
            var value = (float)(random.NextDouble() * 12 - 1);
            var bin = random.Next(1, binning.ValueBinCount(feature) + 1);
            Assert.Equal(value <= binning.Threshold(feature, bin), binning.BinOf(feature, value) <= bin);
        }
    }

    [Fact]
    public void BinOf_Infinities_GoToTheEndBins()
    {
        var binning = FeatureBinning.Fit(Column(1, 2, 3), 255);

        Assert.Equal(1, binning.BinOf(0, float.NegativeInfinity));
        Assert.Equal(3, binning.BinOf(0, float.PositiveInfinity));
        Assert.Equal(float.PositiveInfinity, binning.Threshold(0, 3));
    }

    [Fact]
    public void Fit_ConstantOrEmptyFeature_HasOneValueBin()
    {
        var binning = FeatureBinning.Fit(Column(7, 7, float.NaN), 255);

        Assert.Equal(1, binning.ValueBinCount(0));
        Assert.Equal(1, binning.BinOf(0, -100));
    }

    private static DenseDataset Column(params float[] values) => new(["x"], values);
}
