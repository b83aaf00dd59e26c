namespace EarlyHelp.Analytics.Hub.DataQuality;

/// <summary>Where a data-quality query stands. A query starts open; confirmed, fixed at source and not an error are the owner's answers.</summary>
public enum DataQualityStatus
{
    /// <summary>Raised and not yet answered by the dataset's owner.</summary>
    Open,

    /// <summary>The owner agrees the record is wrong; the fix at source is to come.</summary>
    Confirmed,

    /// <summary>The owner corrected the record in their own system; the next full-refresh extract brings the correction in. Final.</summary>
    FixedAtSource,

    /// <summary>The owner checked and the record is right. Final.</summary>
    NotAnError,
}

/// <summary>Codes, plain names and the allowed moves of <see cref="DataQualityStatus"/>.</summary>
public static class DataQualityStatuses
{
    /// <summary>Every status, in the order of a query's life.</summary>
    public static IReadOnlyList<DataQualityStatus> All { get; } =
        [DataQualityStatus.Open, DataQualityStatus.Confirmed, DataQualityStatus.FixedAtSource, DataQualityStatus.NotAnError];

    /// <summary>The stored code, e.g. <c>fixed_at_source</c>.</summary>
    public static string Code(this DataQualityStatus status) => status switch
    {
        DataQualityStatus.Open => "open",
        DataQualityStatus.Confirmed => "confirmed",
        DataQualityStatus.FixedAtSource => "fixed_at_source",
        DataQualityStatus.NotAnError => "not_an_error",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown data-quality status."),
    };

    /// <summary>A plain name, e.g. "Fixed at source".</summary>
    public static string PlainName(this DataQualityStatus status) => status switch
    {
        DataQualityStatus.Open => "Open",
        DataQualityStatus.Confirmed => "Confirmed",
        DataQualityStatus.FixedAtSource => "Fixed at source",
        DataQualityStatus.NotAnError => "Not an error",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown data-quality status."),
    };

    /// <summary>Reads a stored code; returns false for anything else.</summary>
    public static bool TryParse(string? code, out DataQualityStatus status)
    {
        foreach (var candidate in All)
        {
            if (candidate.Code() == code)
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    /// <summary>
    /// The statuses a query may move to from <paramref name="status"/>: an open query may be confirmed, fixed (the owner
    /// fixed it without confirming first) or found not an error; a confirmed one may only be fixed or, on a closer look,
    /// found not an error. Fixed and not-an-error are final: a new problem is a new query.
    /// </summary>
    public static IReadOnlyList<DataQualityStatus> NextSteps(this DataQualityStatus status) => status switch
    {
        DataQualityStatus.Open => [DataQualityStatus.Confirmed, DataQualityStatus.FixedAtSource, DataQualityStatus.NotAnError],
        DataQualityStatus.Confirmed => [DataQualityStatus.FixedAtSource, DataQualityStatus.NotAnError],
        _ => [],
    };
}
