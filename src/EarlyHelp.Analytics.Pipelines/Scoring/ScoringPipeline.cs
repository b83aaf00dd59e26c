using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Pipelines.Scoring;

/// <summary>Which model a scoring run uses and who runs it.</summary>
public sealed record ScoringRequest
{
    /// <summary>A registered model's folder, <c>models/NAME</c>, to use it explicitly; null (the default) for the registry's champion.</summary>
    public string? ModelFolder { get; init; }

    /// <summary>True to score with a registered model that is not the champion; the run is stored and shown as a trial.</summary>
    public bool Trial { get; init; }

    /// <summary>Who runs the scoring, for the run and the audit log.</summary>
    public required string Actor { get; init; }
}

/// <summary>What a scoring run stored.</summary>
/// <param name="Run">The run as stored (its audit entry is written with it).</param>
/// <param name="Model">The model used.</param>
/// <param name="Prompts">Its prompts, by rank.</param>
public sealed record ScoringResult(ScoringRun Run, SelectedModel Model, IReadOnlyList<Prompt> Prompts);

/// <summary>
/// The monthly scoring run: checks the request, picks the model (<see cref="ModelSelection"/>), reads the hub, scores
/// every eligible family at T (<see cref="FamilyScorer"/>) and saves the run with its top K prompts, its comparison set
/// (the next K families, by id and rank only; none for a trial) and an audit entry in one transaction. Every check comes before anything is written, so a refused run stores nothing.
/// </summary>
public static class ScoringPipeline
{
    /// <summary>
    /// Runs the scoring. Throws <see cref="ArgumentException"/> for invalid options and <see cref="BadInputException"/>
    /// for a request the hub cannot serve (nothing loaded, as-of after the extract, no champion, unknown or changed model, a
    /// model that is not the champion without <see cref="ScoringRequest.Trial"/>).
    /// </summary>
    public static ScoringResult Run(IHubStore store, ScoringRequest request, ScoringOptions options, IProgress<WorkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToArray();
        if (problems.Length > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        var extractDate = store.ExtractDate ?? throw new BadInputException(store.Name, "nothing has been loaded into the hub; load extracts with 'earlyhelp ingest' first");
        if (options.CheckAsOf(extractDate) is { } problem)
            throw new BadInputException(store.Name, problem);
        var model = ModelSelection.Select(store, request.ModelFolder, request.Trial);
        if (model.Loaded.FeatureNames.FirstOrDefault(name => FeatureCatalogue.IndexOf(name) < 0) is { } unknown)
            throw new BadInputException(model.Loaded.Folder, $"the model uses the feature '{unknown}', which the feature catalogue does not have");

        var history = HubHistory.Read(store.OpenReader(), store.Name, progress);
        var freshness = SourceFreshnessTable.Build(history, options.AsOf, store.IngestRuns());
        var scored = FamilyScorer.Score(history, model.Loaded.Model, model.Loaded.TrainingData.Caps(), options, freshness, progress);
        var run = store.Prompts.SaveRun(new ScoringRunSubmission
        {
            Model = model.Reference,
            AsOf = options.AsOf,
            Capacity = options.Capacity,
            CreatedBy = request.Actor,
            FamiliesScored = scored.FamiliesScored,
            Excluded = scored.Excluded,
            Prompts = scored.Top,
            Trial = model.Trial,
        }, model.Trial ? [] : scored.Comparison);
        var prompts = store.Prompts.Queue(run.Id, new()).Select(entry => store.Prompts.Find(entry.Reference)!).ToArray();
        return new ScoringResult(run, model, prompts);
    }
}
