using System.Globalization;

namespace EarlyHelp.Analytics.Hub.Audit;

public sealed partial class AuditLog
{
    /// <summary>Entries an export reads at a time, so that memory stays bounded however many it holds.</summary>
    public const int ExportPageSize = 1_000;

    /// <summary>
    /// How many entries pass <paramref name="filter"/> (its limit aside) and the newest one's id (0 when none): what an
    /// export of it will hold. Entries written later have higher ids, so paging up to that id gives exactly these.
    /// </summary>
    public (long Count, long LastId) ExportRange(AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var command = FilteredCommand(filter, "SELECT COUNT(*), COALESCE(MAX(id), 0)", "");
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// The next page of an export, oldest first: at most <see cref="ExportPageSize"/> entries that pass
    /// <paramref name="filter"/> (its limit aside) with ids after <paramref name="afterId"/> and up to <paramref name="lastId"/>.
    /// </summary>
    public IReadOnlyList<AuditEntry> ExportPage(AuditFilter filter, long afterId, long lastId)
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var command = FilteredCommand(filter, "SELECT " + Columns,
            string.Create(CultureInfo.InvariantCulture, $"ORDER BY id LIMIT {ExportPageSize}"), ["id > @p5", "id <= @p6"], afterId, lastId);
        return ReadEntries(command);
    }

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
