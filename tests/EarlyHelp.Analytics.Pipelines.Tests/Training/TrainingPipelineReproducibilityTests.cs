using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Tests.Support;

namespace EarlyHelp.Analytics.Pipelines.Tests.Training;

/// <summary>Same hub, as-of date and seed: the same model, byte for byte, on any number of threads.</summary>
[Collection(TrainedCityCollection.Name)]
public sealed class TrainingPipelineReproducibilityTests(BiasedCity city)
{
    [Fact]
    public void Run_SameHubAsOfAndSeed_IdenticalModelFileHash()
    {
        var again = city.Train("again", city.Options with { Threads = 1 });

        var first = File.ReadAllBytes(Path.Combine(city.Reference.Folder, ModelFolderLayout.Model));
        var second = File.ReadAllBytes(Path.Combine(again.Folder, ModelFolderLayout.Model));
        Assert.Equal(ModelFolderWriter.Sha256(first), ModelFolderWriter.Sha256(second));
        Assert.Equal(city.Reference.Report.ModelSha256, again.Report.ModelSha256);
        Assert.Equal(city.Reference.TrainingData.TableSha256, again.TrainingData.TableSha256);
    }
}
