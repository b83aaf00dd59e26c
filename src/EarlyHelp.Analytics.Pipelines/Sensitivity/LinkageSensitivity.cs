using System.Text.Json;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.Sensitivity;

/// <summary>What a sensitivity run needs.</summary>
public sealed record LinkageSensitivityRequest
{
    /// <summary>The synthetic city's extract folder.</summary>
    public required string CityFolder { get; init; }

    /// <summary>The city's truth folder (written by the generator beside the extracts).</summary>
    public required string TruthFolder { get; init; }

    /// <summary>The folder to create for both hubs, both models and the table; an existing, non-empty folder is refused.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Who runs it (recorded in both hubs' audit logs).</summary>
    public required string Actor { get; init; }
}

/// <summary>Both runs' results and the table comparing them.</summary>
/// <param name="Rows">Linkage quality, the model's test metrics and the selection rate by group, on both hubs.</param>
/// <param name="Linked">The training run on the model-linked hub.</param>
/// <param name="TruthLinked">The training run on the truth-linked hub.</param>
public sealed record LinkageSensitivityResult(IReadOnlyList<SensitivityRow> Rows, TrainingResult Linked, TrainingResult TruthLinked);

/// <summary>
/// The sensitivity of the model to linkage error, for analysts (synthetic cities only): the same city is loaded twice,
/// once linked by the hub's linkage model and once by the truth (<see cref="TruthLinkage"/>), the same training run is
/// made on each, and the test metrics and the panel's selection rate by group are set side by side with their
/// difference. The two hubs' families differ (linkage builds them), so the runs are not paired: a difference inside
/// both intervals is not evidence that linkage error matters.
/// </summary>
public static class LinkageSensitivity
{
    /// <summary>The hub, model folder and measures of the model-linked arm.</summary>
    public const string LinkedArm = "linked";

    /// <summary>The hub, model folder and measures of the truth-linked arm.</summary>
    public const string TruthLinkedArm = "truth_linked";

    /// <summary>The table's file in the output folder.</summary>
    public const string TableFile = "sensitivity.csv";

    /// <summary>
    /// Runs both arms with <paramref name="options"/>; its as-of date is used as given, or the extract date when it is
    /// <c>default</c>. Throws <see cref="BadInputException"/> for a missing truth or a taken output folder, before any work.
    /// </summary>
    public static LinkageSensitivityResult Run(LinkageSensitivityRequest request, TrainingOptions options, IProgress<WorkProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var truthLinker = TruthLinkage.From(request.TruthFolder);
        if (Directory.Exists(request.OutputFolder) && Directory.EnumerateFileSystemEntries(request.OutputFolder).Any())
            throw new BadInputException(request.OutputFolder, "the output folder exists and is not empty; a sensitivity run never overwrites one");
        Directory.CreateDirectory(request.OutputFolder);

        var (linked, linkedQuality) = RunArm(request, LinkedArm, linker: null, options, progress, cancellation);
        var (truthLinked, truthQuality) = RunArm(request, TruthLinkedArm, truthLinker, options, progress, cancellation);

        var rows = new List<SensitivityRow>
        {
            new("pairwise_precision", "", new(linkedQuality.Precision, null), new(truthQuality.Precision, null)),
            new("pairwise_recall", "", new(linkedQuality.Recall, null), new(truthQuality.Recall, null)),
        };
        var linkedMetrics = linked.Report.Test.Scorer(TrainingReport.ModelScorer).Metrics;
        var truthMetrics = truthLinked.Report.Test.Scorer(TrainingReport.ModelScorer).Metrics;
        rows.AddRange(MetricNames.All.Select(metric => new SensitivityRow(metric, "",
            new(linkedMetrics[metric].Value, linkedMetrics[metric].Interval), new(truthMetrics[metric].Value, truthMetrics[metric].Interval))));
        var linkedRates = SelectionRates(linked.Folder);
        var truthRates = SelectionRates(truthLinked.Folder);
        foreach (var group in linkedRates.Keys.Union(truthRates.Keys).Order(StringComparer.Ordinal))
        {
            rows.Add(new SensitivityRow("selection_rate", group,
                linkedRates.TryGetValue(group, out var l) ? new(l, null) : null, truthRates.TryGetValue(group, out var t) ? new(t, null) : null));
        }
        SensitivityTable.Write(Path.Combine(request.OutputFolder, TableFile), rows);
        return new LinkageSensitivityResult(rows, linked, truthLinked);
    }

    private static (TrainingResult Training, Linkage.PairwiseQuality Quality) RunArm(LinkageSensitivityRequest request, string arm, RecordLinker? linker,
        TrainingOptions options, IProgress<WorkProgress>? progress, CancellationToken cancellation)
    {
        using var store = HubStore.Open(Path.Combine(request.OutputFolder, arm + ".db"));
        ExtractIngest.Run(store, request.CityFolder, request.Actor, progress, linker: linker);
        var extractDate = store.ExtractDate!.Value;
        var quality = LinkageEvaluation.Evaluate(store.ReadRecordPeople(), request.TruthFolder, extractDate).Pairwise;
        var training = TrainingPipeline.Run(store,
            new TrainingRequest { ModelFolder = Path.Combine(request.OutputFolder, "models", arm), Actor = request.Actor },
            options.AsOf == default ? options with { AsOf = extractDate } : options, progress, cancellation);
        return (training, quality);
    }

    /// <summary>The share of each group's test families the panel's capacity selects, from the run's fairness audit, by <c>dimension/group</c>.</summary>
    private static Dictionary<string, double> SelectionRates(string modelFolder)
    {
        using var fairness = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(modelFolder, ModelFolderLayout.FairnessJson)));
        return fairness.RootElement.GetProperty("groups").EnumerateArray().ToDictionary(
            group => group.GetProperty("dimension").GetString() + "/" + group.GetProperty("group").GetString(),
            group => group.GetProperty("selection_rate").GetDouble(), StringComparer.Ordinal);
    }
}
