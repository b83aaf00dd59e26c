using EarlyHelp.Analytics.Pipelines.Tests.Support;

namespace EarlyHelp.Analytics.Pipelines.Tests.ModelFolders;

/// <summary>A model folder (its reports hold figures by protected characteristic) is created owner-only, whatever the umask.</summary>
[Collection(TrainedCityCollection.Name)]
public sealed class ModelFolderModeTests(BiasedCity city)
{
    [Fact]
    public void Train_NewModelFolder_IsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
            return;

        var mode = File.GetUnixFileMode(city.Reference.Folder);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, mode);
        Assert.Equal(mode, File.GetUnixFileMode(Path.GetDirectoryName(city.Reference.Folder)!));
    }
}
