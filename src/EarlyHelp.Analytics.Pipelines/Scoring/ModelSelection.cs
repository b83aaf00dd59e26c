using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Pipelines.ModelFolders;

namespace EarlyHelp.Analytics.Pipelines.Scoring;

/// <summary>A model chosen for a scoring run: loaded and checked, with the reference the run records.</summary>
/// <param name="Loaded">The model folder, loaded.</param>
/// <param name="Registered">Its row in the registry.</param>
/// <param name="Reference">Name, version (its training as-of date) and file hash, as the run stores them.</param>
public sealed record SelectedModel(LoadedModel Loaded, RegisteredModel Registered, ModelReference Reference);

/// <summary>
/// Which model a scoring run uses: the registry's champion, or a model named explicitly by its folder. Either way the
/// model must be registered and its file must be the one registered, so that a run always names a model the registry
/// can account for; an unregistered or changed folder is refused.
/// </summary>
public static class ModelSelection
{
    /// <summary>The champion when <paramref name="folder"/> is null, else the registered model in that folder. Throws <see cref="BadInputException"/>.</summary>
    public static SelectedModel Select(IHubStore store, string? folder)
    {
        ArgumentNullException.ThrowIfNull(store);
        var registered = folder is null ? Champion(store) : Named(store, folder);
        var location = folder ?? registered.Registration.Folder;
        var loaded = ModelFolder.Load(location);
        if (loaded.ModelSha256 != registered.Registration.ModelSha256)
        {
            throw new BadInputException(location,
                $"the model file's SHA-256 is {loaded.ModelSha256} but the registry holds {registered.Registration.ModelSha256} for '{registered.Name}': the folder is not the model that was registered");
        }
        var version = registered.Registration.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new SelectedModel(loaded, registered, new ModelReference(registered.Name, version, loaded.ModelSha256));
    }

    private static RegisteredModel Champion(IHubStore store) =>
        store.Models.Champion() ?? throw new BadInputException(store.Name,
            "no model is the champion; promote one with 'earlyhelp models promote NAME', or name a registered model with --model models/NAME");

    private static RegisteredModel Named(IHubStore store, string folder)
    {
        var name = ModelFolderLayout.NameOf(folder);
        return store.Models.Find(name) ?? throw new BadInputException(folder,
            $"no model named '{name}' is registered in this hub; a run uses only registered models ('earlyhelp models list' shows them)");
    }
}
