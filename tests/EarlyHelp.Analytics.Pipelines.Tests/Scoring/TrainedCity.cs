using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Pipelines.Training;
using EarlyHelp.Analytics.Synthetic;

namespace EarlyHelp.Analytics.Pipelines.Tests.Scoring;

/// <summary>
/// A small synthetic city (10,000 people, 48 months to 2024-12-31) loaded into a hub with a model trained on it and
/// registered as a candidate, made once per test run; each test works on its own copy of the hub.
/// </summary>
internal static class TrainedCity
{
    /// <summary>The as-of date of the training run and of the scoring runs: the day after the extract date.</summary>
    public static readonly DateOnly AsOf = new(2025, 1, 1);

    private static readonly Lazy<(string Hub, string ModelFolder, RegisteredModel Model)> Template = new(Build);

    /// <summary>The trained model's folder.</summary>
    public static string ModelFolder => Template.Value.ModelFolder;

    /// <summary>The model's registry row, to register the same model in another hub.</summary>
    public static RegisteredModel Model => Template.Value.Model;

    /// <summary>A copy of the hub in a new folder; the model is the champion when <paramref name="promoted"/>.</summary>
    public static string CopyHub(bool promoted)
    {
        var folder = Directory.CreateTempSubdirectory("earlyhelp-scoring-").FullName;
        var hub = Path.Combine(folder, "hub.db");
        File.Copy(Template.Value.Hub, hub);
        File.Copy(Template.Value.Hub + AuditKey.DefaultSuffix, hub + AuditKey.DefaultSuffix);
        if (promoted)
        {
            using var store = HubStore.Open(hub);
            ProposeAndSignOff(store, Model.Name);
        }
        return hub;
    }

    /// <summary>Registers the trained model in another hub as champion.</summary>
    public static void RegisterChampion(IHubStore store)
    {
        using (var pending = store.Models.Begin(Model.Registration, "tester"))
            pending.Commit();
        ProposeAndSignOff(store, Model.Name);
    }

    /// <summary>Both steps of a promotion, by a test analyst and a test reviewer (added when absent); the evidence checks are the promotion tests' concern.</summary>
    internal static void ProposeAndSignOff(IHubStore store, string model)
    {
        foreach (var (name, role) in new[] { ("test.analyst", UserRole.Analyst), ("test.reviewer", UserRole.Governance) })
            if (store.Users.Find(name) is null)
                store.Users.Add(new NewUser(name, "A test account", role), "a long test passphrase", "tester");
        store.Models.Propose(model, "test.analyst", "Proposed for a test.", new ProposalEvidence([], []));
        store.Models.Promote(model, "test.reviewer", "Promoted for a test.");
    }

    private static (string, string, RegisteredModel) Build()
    {
        var folder = Directory.CreateTempSubdirectory("earlyhelp-scoring-city-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var extracts = Path.Combine(folder, "extracts");
        CityGenerator.Generate(new CityOptions { People = 10_000, Months = 60, Start = new(2020, 1), Seed = 1 }, extracts, Path.Combine(folder, "truth"));
        var hub = Path.Combine(folder, "hub.db");
        using var store = HubStore.Open(hub);
        ExtractIngest.Run(store, extracts, "tester");
        var modelFolder = Path.Combine(folder, "models", "city-model");
        TrainingPipeline.Run(store, new TrainingRequest { ModelFolder = modelFolder, Actor = "tester" }, new TrainingOptions { AsOf = AsOf, BootstrapResamples = 100 });
        return (hub, modelFolder, store.Models.Find("city-model")!);
    }
}
