using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Features.PointInTime;

namespace EarlyHelp.Analytics.Pipelines.ModelFolders;

/// <summary>
/// What a model was trained on, written as <c>training_data.json</c>: the hub (its extract date, schema
/// version and row counts), the as-of dates, the split, and SHA-256 hashes of the stacked table and of the
/// test rows (see <see cref="TableHash"/>). With these, anyone can rebuild and check the exact rows, and
/// <c>models compare</c> and promotion can re-score other models on this model's test families.
/// </summary>
public sealed record TrainingDataFingerprint
{
    /// <summary>The hub, as named to the run.</summary>
    [JsonPropertyName("hub")] public required string Hub { get; init; }

    /// <summary>The hub's newest extract date.</summary>
    [JsonPropertyName("hub_extract_date")] public required DateOnly ExtractDate { get; init; }

    /// <summary>The hub's schema version.</summary>
    [JsonPropertyName("hub_schema_version")] public required int SchemaVersion { get; init; }

    /// <summary>Rows per hub table.</summary>
    [JsonPropertyName("hub_tables")] public required IReadOnlyDictionary<string, long> HubTables { get; init; }

    /// <summary>Event rows per dataset.</summary>
    [JsonPropertyName("hub_datasets")] public required IReadOnlyDictionary<string, long> HubDatasets { get; init; }

    /// <summary>The run's as-of date.</summary>
    [JsonPropertyName("as_of")] public required DateOnly AsOf { get; init; }

    /// <summary>First month of steady recording.</summary>
    [JsonPropertyName("history_start")] public required DateOnly HistoryStart { get; init; }

    /// <summary>Every as-of date in the stacked table, oldest first (the scoring date last).</summary>
    [JsonPropertyName("as_of_dates")] public required IReadOnlyList<DateOnly> AsOfDates { get; init; }

    /// <summary>Training dates.</summary>
    [JsonPropertyName("training_dates")] public required IReadOnlyList<DateOnly> TrainingDates { get; init; }

    /// <summary>Validation and calibration date.</summary>
    [JsonPropertyName("calibration_date")] public required DateOnly CalibrationDate { get; init; }

    /// <summary>Test date.</summary>
    [JsonPropertyName("test_date")] public required DateOnly TestDate { get; init; }

    /// <summary>Scoring (drift) date.</summary>
    [JsonPropertyName("scoring_date")] public required DateOnly ScoringDate { get; init; }

    /// <summary>Label horizon in months.</summary>
    [JsonPropertyName("horizon_months")] public required int HorizonMonths { get; init; }

    /// <summary>Months between as-of dates.</summary>
    [JsonPropertyName("every_months")] public required int EveryMonths { get; init; }

    /// <summary>Months of history required before an as-of date.</summary>
    [JsonPropertyName("minimum_history_months")] public required int MinimumHistoryMonths { get; init; }

    /// <summary>Seed of the family partition.</summary>
    [JsonPropertyName("seed")] public required int Seed { get; init; }

    /// <summary>Share of families per partition.</summary>
    [JsonPropertyName("partition_shares")] public required IReadOnlyDictionary<string, double> PartitionShares { get; init; }

    /// <summary>The panel's monthly capacity the run assumed.</summary>
    [JsonPropertyName("monthly_capacity")] public required int MonthlyCapacity { get; init; }

    /// <summary>
    /// Each capped source dataset's look-back in months (<see cref="LookBackCaps.FromRetention"/> at the
    /// first training date), applied at every as-of date and when the model scores; absent for a model trained without caps.
    /// </summary>
    [JsonPropertyName("look_back_caps")] public IReadOnlyDictionary<string, int>? LookBackCapMonths { get; init; }

    /// <summary>Catalogue features the model leaves out because of the caps, each with why; absent when none.</summary>
    [JsonPropertyName("features_left_out")] public IReadOnlyDictionary<string, string>? FeaturesLeftOut { get; init; }

    /// <summary>Features in the model, in column order.</summary>
    [JsonPropertyName("features")] public required IReadOnlyList<string> Features { get; init; }

    /// <summary>Rows of the stacked table.</summary>
    [JsonPropertyName("table_rows")] public required int TableRows { get; init; }

    /// <summary>SHA-256 of the whole stacked table.</summary>
    [JsonPropertyName("table_sha256")] public required string TableSha256 { get; init; }

    /// <summary>Test rows.</summary>
    [JsonPropertyName("test_rows")] public required int TestRows { get; init; }

    /// <summary>SHA-256 of the test rows alone.</summary>
    [JsonPropertyName("test_rows_sha256")] public required string TestRowsSha256 { get; init; }

    /// <summary>The caps as the feature builders take them; <see cref="LookBackCaps.None"/> when none were recorded. Throws <see cref="ArgumentException"/> when a stored cap is not valid.</summary>
    public LookBackCaps Caps() => global::EarlyHelp.Analytics.Features.PointInTime.LookBackCaps.Of(LookBackCapMonths);
}
