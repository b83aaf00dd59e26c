namespace EarlyHelp.Analytics.Core;

/// <summary>What a dataset's records say about a family.</summary>
public enum DatasetKind
{
    /// <summary>A sign of a problem (an incident, an arrear, an absence).</summary>
    Issue,

    /// <summary>Involvement with a support service (early help, a treatment service).</summary>
    Service,

    /// <summary>A statutory outcome that defines escalation (CIN plan, CP plan, looked after).</summary>
    Outcome,
}

/// <summary>Codes of <see cref="DatasetKind"/> values.</summary>
public static class DatasetKinds
{
    /// <summary>The hub code: <c>issue</c>, <c>service</c> or <c>outcome</c>.</summary>
    public static string Code(this DatasetKind kind) => kind switch
    {
        DatasetKind.Issue => "issue",
        DatasetKind.Service => "service",
        DatasetKind.Outcome => "outcome",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown dataset kind."),
    };
}
