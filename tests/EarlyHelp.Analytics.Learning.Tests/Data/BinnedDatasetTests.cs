using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Tests.Data;

public sealed class BinnedDatasetTests
{
    [Fact]
    public void Create_AnyData_StoresEachColumnsBins()
    {
        var data = RandomDatasets.Classification(3000, 4, seed: 2, missingShare: 0.1);
        var binning = FeatureBinning.Fit(data, 30);

        var binned = BinnedDataset.Create(data, binning, numberOfThreads: 2);

        for (var feature = 0; feature < 4; feature++)
        {
            var column = binned.Column(feature);
            for (var row = 0; row < data.RowCount; row++)
                Assert.Equal(binning.BinOf(feature, data[row, feature]), column[row]);
        }

        Assert.Same(data.Labels, binned.Labels);
    }

    [Fact]
    public void Create_OtherFeatures_Throws()
    {
        var binning = FeatureBinning.Fit(new DenseDataset(["a", "b"], [1, 2, 3, 4]), 255);

        var error = Assert.Throws<ArgumentException>(() => BinnedDataset.Create(new DenseDataset(["b", "a"], [1, 2, 3, 4]), binning));

        Assert.StartsWith("The data's features are not those the binning was fitted on, in the same order.", error.Message);
    }
}
