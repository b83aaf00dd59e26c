using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Audit;

/// <summary>An audit entry to append: who did what to which subject.</summary>
/// <param name="Actor">Who (a user name).</param>
/// <param name="Action">What, e.g. <c>prompt.view</c>.</param>
/// <param name="Subject">To what, e.g. a prompt reference.</param>
/// <param name="Detail">Further detail.</param>
public sealed record AuditRecord(string Actor, string Action, string Subject, string Detail);

/// <summary>What to show of the audit log; null fields do not filter.</summary>
public sealed record AuditFilter
{
    /// <summary>Only entries by this actor (exact).</summary>
    public string? Actor { get; init; }

    /// <summary>Only entries with this action, or whose action starts with it followed by a dot (<c>sign_in</c> matches <c>sign_in.failure</c>).</summary>
    public string? Action { get; init; }

    /// <summary>Only entries at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only entries before this time.</summary>
    public DateTimeOffset? Before { get; init; }

    /// <summary>Only entries with an id below this one (for paging back). </summary>
    public long? BeforeId { get; init; }

    /// <summary>The most entries returned, newest first. Default 200.</summary>
    public int Limit { get; init; } = 200;
}

public sealed partial class AuditLog
{
    /// <summary>
    /// Appends several entries in one transaction, in order, and returns them. One commit for many entries is
    /// what lets a busy panel app record every view without waiting for a disk flush per view.
    /// </summary>
    public IReadOnlyList<AuditEntry> Append(IReadOnlyList<AuditRecord> records)
    {
        var entries = new AuditEntry[records.Count];
        using var transaction = connection.BeginLaneWriteTransaction(WriteLane.AuditChain);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            // The tail is read once per batch; each later entry chains to the one just written.
            entries[i] = i == 0
                ? Append(transaction, record.Actor, record.Action, record.Subject, record.Detail)
                : Insert(transaction, entries[i - 1].Id + 1, entries[i - 1].Hash, Required(record.Actor), Required(record.Action), record.Subject, record.Detail);
        }
        transaction.Commit();
        return entries;
    }

    /// <summary>Entries that pass <paramref name="filter"/>, newest first, at most <see cref="AuditFilter.Limit"/>.</summary>
    public IReadOnlyList<AuditEntry> Search(AuditFilter filter)
    {
        using var command = FilteredCommand(filter, "SELECT " + Columns, string.Create(CultureInfo.InvariantCulture,
            $"ORDER BY id DESC LIMIT {Math.Clamp(filter.Limit, 1, 10_000)}"));
        return ReadEntries(command);
    }

    /// <summary>
    /// A command over the entries that pass <paramref name="filter"/> (its limit aside): <paramref name="select"/>, the
    /// filter's conditions and <paramref name="extra"/> conditions on parameters <c>@p5</c> on (<paramref name="values"/>),
    /// then <paramref name="tail"/>.
    /// </summary>
    private DbCommand FilteredCommand(AuditFilter filter, string select, string tail, IReadOnlyList<string>? extra = null, params object?[] values)
    {
        var conditions = new List<string>();
        if (filter.Actor is not null)
            conditions.Add("actor = @p0");
        if (filter.Action is not null)
            conditions.Add("(action = @p1 OR substr(action, 1, length(@p1) + 1) = @p1 || '.')");
        if (filter.From is not null)
            conditions.Add("at >= @p2");
        if (filter.Before is not null)
            conditions.Add("at < @p3");
        if (filter.BeforeId is not null)
            conditions.Add("id < @p4");
        conditions.AddRange(extra ?? []);
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        return connection.Command(null, $"{select} FROM audit_log {where} {tail}",
            [filter.Actor, filter.Action, Time(filter.From), Time(filter.Before), filter.BeforeId, .. values]);
    }

    private static string Required(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value;
    }

    private static string? Time(DateTimeOffset? at) => at is { } value ? AuditEntry.FormatTime(value) : null;

    private static List<AuditEntry> ReadEntries(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
            entries.Add(AuditChainRows.ReadEntry(reader));
        return entries;
    }
}
