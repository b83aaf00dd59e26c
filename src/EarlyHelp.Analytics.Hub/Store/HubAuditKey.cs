using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>Finds or creates the audit key of a hub as it is opened, whatever its database.</summary>
internal static class HubAuditKey
{
    /// <summary>
    /// The audit key of the hub on <paramref name="connection"/>: read from its file, or created there when the hub
    /// has no keyed entry or review yet. A keyed trail whose key file is missing is refused: a new key would start
    /// a chain nobody could check against the old one.
    /// </summary>
    public static AuditKey For(DbConnection connection, string hubPath, string? explicitPath)
    {
        var keyFile = AuditKey.FileFor(hubPath, explicitPath);
        if (File.Exists(keyFile))
            return AuditKey.Read(keyFile);
        var start = AuditChainRows.Start(connection, null);
        var keyedEntries = Convert.ToInt64(connection.Scalar(null, "SELECT COUNT(*) FROM audit_log WHERE id > @p0", start.UnkeyedEntries), CultureInfo.InvariantCulture);
        var keyedReviews = Convert.ToInt64(connection.Scalar(null, "SELECT COUNT(*) FROM review WHERE mac IS NOT NULL"), CultureInfo.InvariantCulture);
        if (keyedEntries + keyedReviews > 0)
        {
            throw new BadInputException(keyFile,
                $"the audit key file is missing, but the hub's audit trail is keyed; restore it, or name it with --audit-key or {AuditKey.EnvironmentVariable}");
        }
        try
        {
            return AuditKey.Create(keyFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException(keyFile, $"cannot create the audit key: {e.Message}");
        }
    }
}
