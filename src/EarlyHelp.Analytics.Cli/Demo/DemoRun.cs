using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Pipelines.Promotion;
using EarlyHelp.Analytics.Pipelines.Scoring;
using EarlyHelp.Analytics.Pipelines.Training;
using EarlyHelp.Analytics.Synthetic;
using Microsoft.AspNetCore.Builder;

namespace EarlyHelp.Analytics.Cli.Demo;

/// <summary>One stage of the demo: its name and what it does with the run's state.</summary>
/// <param name="Name">What the stage does, as printed.</param>
/// <param name="Run">The work.</param>
internal sealed record DemoStage(string Name, Action<DemoRun, IProgress<WorkProgress>> Run);

/// <summary>The demo's folder layout and what its stages have produced so far.</summary>
/// <param name="Folder">The demo folder.</param>
/// <param name="City">The synthetic city to generate.</param>
/// <param name="Output">Where the stages write what they did.</param>
/// <param name="Cancellation">Stops the run.</param>
internal sealed record DemoRun(string Folder, CityOptions City, TextWriter Output, CancellationToken Cancellation)
{
    /// <summary>The model the demo trains and promotes.</summary>
    public const string ModelName = "demo-model";

    /// <summary>Marks a folder as a demo's, so a later run may clear it.</summary>
    public const string MarkerFile = ".earlyhelp-demo";

    /// <summary>The extract folder.</summary>
    public string Extracts => Path.Combine(Folder, "extracts");

    /// <summary>The truth folder, beside the extracts.</summary>
    public string Truth => Path.Combine(Folder, "extracts-truth");

    /// <summary>The hub.</summary>
    public string Hub => Path.Combine(Folder, "earlyhelp.db");

    /// <summary>The model folder.</summary>
    public string ModelFolder => Path.Combine(Folder, "models", ModelName);

    /// <summary>The load, once ingested.</summary>
    public IngestReport? Ingested { get; set; }

    /// <summary>The training run, once trained.</summary>
    public TrainingResult? Trained { get; set; }

    /// <summary>The promotion, once attempted.</summary>
    public PromotionOutcome? Promotion { get; set; }

    /// <summary>Whether the demo ends by serving the panel app (false with --no-serve). Default true.</summary>
    public bool Serve { get; init; } = true;

    /// <summary>The scoring run, once scored.</summary>
    public ScoringResult? Scored { get; set; }

    /// <summary>The demo accounts, once created.</summary>
    public List<DemoAccount> Accounts { get; } = [];

    /// <summary>The panel app, once serving.</summary>
    public WebApplication? Panel { get; set; }
}
