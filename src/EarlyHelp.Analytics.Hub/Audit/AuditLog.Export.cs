using System.Globalization;

namespace EarlyHelp.Analytics.Hub.Audit;

public sealed partial class AuditLog
{
    /// <summary>
    /// Checks entries read back from an export (<see cref="AuditCsv.Read"/>), oldest first: each one's MAC (its SHA-256
    /// when written before the trail was keyed) matches its fields, and each that follows the one before it by id links
    /// to it. An export of a filtered search has gaps; each of its entries is still shown to be unchanged.
    /// </summary>
    public AuditVerification VerifyExport(IReadOnlyList<AuditEntry> exported)
    {
        ArgumentNullException.ThrowIfNull(exported);
        var start = AuditChainRows.Start(connection, null);
        AuditEntry? previous = null;
        for (var i = 0; i < exported.Count; i++)
        {
            var entry = exported[i];
            var expectedHash = ExpectedHash(entry, key, start);
            var problem =
                previous is not null && entry.Id <= previous.Id
                    ? string.Create(CultureInfo.InvariantCulture, $"it comes after entry {previous.Id}; an export lists entries oldest first")
                : previous is not null && entry.Id == previous.Id + 1 && entry.PreviousHash != previous.Hash ? "its previous hash does not match the entry before"
                : !AuditKey.SameMac(expectedHash, entry.Hash) ? "its hash does not match its contents"
                : null;
            if (problem is not null)
                return new AuditVerification(i, entry.Id, problem);
            previous = entry;
        }
        return new AuditVerification(exported.Count, null, null);
    }
}
