namespace EarlyHelp.Analytics.Core;

/// <summary>How a source's extracts relate to what the hub already holds of it.</summary>
public enum ExtractRefresh
{
    /// <summary>
    /// Each extract is the whole current truth for its retention period: a stored record missing from a newer
    /// extract was deleted at source and is deleted from the hub; a record that differs was amended and is updated.
    /// </summary>
    FullRefresh,

    /// <summary>
    /// Each extract holds records new or changed since an earlier one: records are added and amended, and a record
    /// missing from the extract says nothing (it leaves the hub by retention only).
    /// </summary>
    ChangesOnly,
}

/// <summary>Codes of <see cref="ExtractRefresh"/> values.</summary>
public static class ExtractRefreshes
{
    /// <summary>The code shown in the hub and the docs: <c>full_refresh</c> or <c>changes_only</c>.</summary>
    public static string Code(this ExtractRefresh refresh) => refresh switch
    {
        ExtractRefresh.FullRefresh => "full_refresh",
        ExtractRefresh.ChangesOnly => "changes_only",
        _ => throw new ArgumentOutOfRangeException(nameof(refresh), refresh, "Unknown extract refresh."),
    };
}
