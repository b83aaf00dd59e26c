namespace EarlyHelp.Analytics.Hub.Audit;

/// <summary>How far the trail had got: counts and the chain value at the end of each chain.</summary>
/// <param name="Entries">Entries.</param>
/// <param name="Head">The last entry's hash; null when the hub does not hold that many.</param>
/// <param name="Reviews">Review records.</param>
/// <param name="ReviewHead">The last review's chain value; null when the hub does not hold that many.</param>
internal sealed record AuditChainState(long Entries, string? Head, long Reviews, string? ReviewHead);
