using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Tests.Support;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.Tests.Training;

/// <summary>An interrupted run leaves no model folder, no hidden partial folder and no registry row.</summary>
[Collection(TrainedCityCollection.Name)]
public sealed class TrainingPipelineAtomicityTests(BiasedCity city)
{
    [Fact]
    public void Run_CancelledBeforeWriting_LeavesNoFolderAndNoRow()
    {
        using var cancellation = new CancellationTokenSource();
        var folder = city.ModelFolder("cancelled");
        var hooks = new TrainingHooks { BeforeStage = stage => { if (stage == "drift") cancellation.Cancel(); } };

        Assert.ThrowsAny<OperationCanceledException>(() => Run(folder, hooks, cancellation.Token));

        AssertNothingLeft(folder);
    }

    [Fact]
    public void Run_FailsBetweenFolderRenameAndRegistryCommit_LeavesNoFolderAndNoRow()
    {
        var folder = city.ModelFolder("interrupted");
        var renamed = false;
        // The last moment anything can go wrong: every file written, the folder renamed into place, the registry
        // row written but not committed.
        var hooks = new TrainingHooks
        {
            BeforeRegistryCommit = () =>
            {
                renamed = Directory.Exists(folder);
                throw new IOException("disk full");
            },
        };

        var thrown = Assert.Throws<IOException>(() => Run(folder, hooks, CancellationToken.None));

        Assert.Equal("disk full", thrown.Message);
        Assert.True(renamed, "the hook should run with the folder in place");
        AssertNothingLeft(folder);
    }

    private TrainingResult Run(string folder, TrainingHooks hooks, CancellationToken cancellation) =>
        TrainingPipeline.Run(city.Store, new TrainingRequest { ModelFolder = folder, Actor = "pipeline tests" }, city.Options, null, cancellation, hooks);

    private void AssertNothingLeft(string folder)
    {
        var name = ModelFolderLayout.NameOf(folder);
        Assert.False(Directory.Exists(folder));
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(folder)!, $"{ModelFolderLayout.PartialPrefix}{name}*"));
        Assert.Null(city.Store.Models.Find(name));
    }
}
