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
/// <param name="Trial">True when the model is not the champion, so the run is a trial.</param>
public sealed record SelectedModel(LoadedModel Loaded, RegisteredModel Registered, ModelReference Reference, bool Trial);

/// <summary>
/// Which model a scoring run uses: the registry's champion, or a model named explicitly by its folder. Either way the
/// model must be registered and its file must be the one registered, so that a run always names a model the registry
/// can account for; an unregistered or changed folder is refused. Promotion is the gate to the panel, so a named model
/// that is not the champion runs only as an explicit trial, which the run records and every page shows.
/// </summary>
public static class ModelSelection
{
    /// <summary>
    /// The champion when <paramref name="folder"/> is null, else the registered model in that folder, which must be the
    /// champion unless <paramref name="trial"/> is set (and must not be the champion when it is). Throws <see cref="BadInputException"/>.
    /// </summary>
    public static SelectedModel Select(IHubStore store, string? folder, bool trial = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        var registered = folder is null ? Champion(store, trial) : Named(store, folder);
        if (folder is not null)
            CheckTrial(store, registered, folder, trial);
        var location = folder ?? registered.Registration.Folder;
        var loaded = ModelFolder.Load(location);
        if (loaded.ModelSha256 != registered.Registration.ModelSha256)
        {
            throw new BadInputException(location,
                $"the model file's SHA-256 is {loaded.ModelSha256} but the registry holds {registered.Registration.ModelSha256} for '{registered.Name}': the folder is not the model that was registered");
        }
        var version = registered.Registration.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new SelectedModel(loaded, registered, new ModelReference(registered.Name, version, loaded.ModelSha256), trial);
    }

    private static RegisteredModel Champion(IHubStore store, bool trial)
    {
        if (trial)
            throw new BadInputException(store.Name, "a trial runs a model that is not the champion: name it with --model models/NAME");
        return store.Models.Champion() ?? throw new BadInputException(store.Name,
            "no model is the champion; an analyst proposes one ('earlyhelp models propose NAME') and an information governance reviewer signs it off ('earlyhelp models sign-off NAME'), or run a registered model as a trial with --model models/NAME --trial");
    }

    private static void CheckTrial(IHubStore store, RegisteredModel named, string folder, bool trial)
    {
        var champion = store.Models.Champion();
        var isChampion = champion?.Name == named.Name;
        if (isChampion && trial)
            throw new BadInputException(folder, $"'{named.Name}' is the champion, so its run is not a trial: leave out --trial");
        if (!isChampion && !trial)
        {
            var who = champion is null ? "no model is" : $"'{champion.Name}' is";
            throw new BadInputException(folder,
                $"'{named.Name}' is not the champion ({who}): only the champion's prompts go to the panel; to score it for evaluation add --trial, and the run is marked as a trial on every page and in the audit log");
        }
    }

    private static RegisteredModel Named(IHubStore store, string folder)
    {
        var name = ModelFolderLayout.NameOf(folder);
        return store.Models.Find(name) ?? throw new BadInputException(folder,
            $"no model named '{name}' is registered in this hub; a run uses only registered models ('earlyhelp models list' shows them)");
    }
}
