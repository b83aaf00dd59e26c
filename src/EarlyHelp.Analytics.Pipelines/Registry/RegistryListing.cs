using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.Registry;

/// <summary>The state of a listed model's folder.</summary>
public enum FolderState
{
    /// <summary>The folder is there and its model file has the registered hash.</summary>
    Intact,

    /// <summary>The registry names a folder that is not there (moved or deleted).</summary>
    Missing,

    /// <summary>The folder's model file does not have the registered hash.</summary>
    Changed,

    /// <summary>A model folder with no registry row: a run interrupted between putting the folder in place and committing its row, or a folder copied in by hand. Never used for scoring.</summary>
    NotRegistered,

    /// <summary>A hidden partial folder of a run that is still going or died before its rename.</summary>
    Partial,
}

/// <summary>A model in the listing: a registry row, a folder on disk, or both.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Folder">Its folder, when known.</param>
/// <param name="Registered">Its registry row, or null for a folder without one.</param>
/// <param name="State">The state of its folder.</param>
public sealed record ListedModel(string Name, string? Folder, RegisteredModel? Registered, FolderState State)
{
    /// <summary>The kind of model its folder holds (<c>metrics.json</c>'s <c>model_kind</c>; trees in a folder from before it was recorded), or null when the folder cannot be read.</summary>
    public string? Kind { get; init; }
}

/// <summary>What <c>earlyhelp models list</c> shows: every registry row with its folder's state, and any model folder the registry does not know.</summary>
public static class RegistryListing
{
    /// <summary>Lists the registry, then folders under <paramref name="modelsDirectory"/> that it does not hold (when given and present).</summary>
    public static IReadOnlyList<ListedModel> List(IHubStore store, string? modelsDirectory)
    {
        ArgumentNullException.ThrowIfNull(store);
        var registered = store.Models.List();
        var listed = registered.Select(m => new ListedModel(m.Name, m.Registration.Folder, m, StateOf(m)) { Kind = KindOf(m.Registration.Folder) }).ToList();
        if (modelsDirectory is null || !Directory.Exists(modelsDirectory))
            return listed;
        var known = registered.Select(m => Path.GetFullPath(m.Registration.Folder)).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(modelsDirectory).Order(StringComparer.Ordinal))
        {
            var leaf = Path.GetFileName(folder);
            if (leaf.StartsWith(ModelFolderLayout.PartialPrefix, StringComparison.Ordinal) && leaf.Contains(ModelFolderLayout.PartialSuffix, StringComparison.Ordinal))
                listed.Add(new ListedModel(leaf, folder, null, FolderState.Partial));
            else if (!known.Contains(Path.GetFullPath(folder)) && File.Exists(Path.Combine(folder, ModelFolderLayout.Model)))
                listed.Add(new ListedModel(leaf, folder, null, FolderState.NotRegistered) { Kind = KindOf(folder) });
        }
        return listed;
    }

    private static string? KindOf(string folder)
    {
        try
        {
            return ModelFolder.ReadJson<TrainingReport>(folder, ModelFolderLayout.Metrics).ModelKind;
        }
        catch (Core.BadInputException)
        {
            return null;
        }
    }

    private static FolderState StateOf(RegisteredModel model)
    {
        if (!File.Exists(Path.Combine(model.Registration.Folder, ModelFolderLayout.Model)))
            return FolderState.Missing;
        return ModelFolderWriter.Fingerprint(model.Registration.Folder) == model.Registration.ModelSha256 ? FolderState.Intact : FolderState.Changed;
    }
}
