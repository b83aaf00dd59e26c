using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Tests.Support;

namespace EarlyHelp.Analytics.Pipelines.Tests.Training;

/// <summary>Same hub, as-of date and seed: the same model (the same fingerprint) on any number of threads.</summary>
[Collection(TrainedCityCollection.Name)]
public sealed class TrainingPipelineReproducibilityTests(BiasedCity city)
{
    [Fact]
    public void Run_SameHubAsOfAndSeed_IdenticalModelFingerprint()
    {
        var again = city.Train("again", city.Options with { Threads = 1 });

        var first = File.ReadAllText(Path.Combine(city.Reference.Folder, ModelFolderLayout.Fingerprint));
        var second = File.ReadAllText(Path.Combine(again.Folder, ModelFolderLayout.Fingerprint));
        Assert.Equal(first, second);
        Assert.Equal(ModelFolderWriter.Fingerprint(city.Reference.Folder) + "\n", first);
        // The readable export of the kind the run saved: trees.json, or linear.json when the regression was recommended.
        var export = ModelFiles.ExportFor(city.Reference.Report.ModelKind);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(city.Reference.Folder, export)),
            File.ReadAllBytes(Path.Combine(again.Folder, export)));
        Assert.Equal(city.Reference.Report.ModelSha256, again.Report.ModelSha256);
        Assert.Equal(city.Reference.TrainingData.TableSha256, again.TrainingData.TableSha256);
    }
}
