using EarlyHelp.Analytics.Core.Catalogue;

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

    /// <summary>Whom the source covers (a statement and the ages it can hold), so that no record is not read as nothing happened.</summary>
    public required SourceCoverage Coverage { get; init; }

    /// <summary>The role accountable for the data at the agency.</summary>
    public required string InformationAssetOwner { get; init; }

    /// <summary>Reference of the data-sharing agreement the data is shared under.</summary>
    public required string SharingAgreement { get; init; }

    /// <summary>The UK GDPR conditions the data is processed under.</summary>
    public required LawfulBasis LawfulBasis { get; init; }

    /// <summary>How the agency's extract is shaped.</summary>
    public required ExtractLayout Layout { get; init; }
}
