namespace EarlyHelp.Analytics.Core;

/// <summary>One source dataset: what it records, who holds it, how long it may be kept, how its extract is shaped.</summary>
public sealed record DatasetDefinition
{
    /// <summary>Stable code, <c>agency.what</c>, e.g. <c>police.asb_incident</c>.</summary>
    public required string Code { get; init; }

    /// <summary>Plain-language name of one record, e.g. "Anti-social behaviour incident".</summary>
    public required string Name { get; init; }

    /// <summary>The agency that holds the data, e.g. "Police".</summary>
    public required string Agency { get; init; }

    /// <summary>The headline problem the record speaks to.</summary>
    public required ProblemCategory Category { get; init; }

    /// <summary>Whether a record is an issue, a service, or a statutory outcome.</summary>
    public required DatasetKind Kind { get; init; }

    /// <summary>Months a record may be kept and used after it starts; older history is never loaded or used.</summary>
    public required int RetentionMonths { get; init; }

    /// <summary>What the value column means (e.g. "percent of sessions missed"); null when records carry no value.</summary>
    public string? ValueMeaning { get; init; }

    /// <summary>Whether each extract is the whole truth for its period or only changes. Default <see cref="ExtractRefresh.FullRefresh"/>.</summary>
    public ExtractRefresh Refresh { get; init; } = ExtractRefresh.FullRefresh;

    /// <summary>Who the source can hold a record about (see <see cref="DatasetCoverage"/>).</summary>
    public required SourceCoverage Coverage { get; init; }

    /// <summary>How the agency's extract is shaped.</summary>
    public required ExtractLayout Layout { get; init; }
}
