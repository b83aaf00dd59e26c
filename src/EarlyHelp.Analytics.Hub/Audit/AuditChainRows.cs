using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Audit;

/// <summary>A review record as stored, with the text of its time exactly as signed.</summary>
/// <param name="Id">The review id; ids run 1, 2, 3, ….</param>
/// <param name="Reference">The prompt reviewed.</param>
/// <param name="Outcome">The outcome code.</param>
/// <param name="Reason">The reviewer's reason.</param>
/// <param name="Reviewer">Who reviewed.</param>
/// <param name="At">When, as stored.</param>
/// <param name="Supersedes">The review it amends, or null.</param>
/// <param name="PreviousMac">The MAC of the review before (or the unkeyed reviews' head); null for an unkeyed review.</param>
/// <param name="Mac">This review's MAC; null for an unkeyed review.</param>
internal sealed record ReviewRow(
    long Id, string Reference, string Outcome, string Reason, string Reviewer, string At, long? Supersedes, string? PreviousMac, string? Mac)
{
    /// <summary>The signed fields after the domain word and the previous MAC, in order.</summary>
    public object?[] Fields(string previous) => ["review", previous, Id, Reference, Outcome, Reason, Reviewer, At, Supersedes];
}

/// <summary>Reads the audit chain's rows: entries, reviews and the record of where the keyed chain starts.</summary>
internal static class AuditChainRows
{
    /// <summary>The audit columns in the order <see cref="AuditEntry"/> takes them.</summary>
    public const string EntryColumns = "id, at, actor, action, subject, detail, prev_hash, hash";

    private const string ReviewColumns = "review_id, reference, outcome, reason, reviewer, at, supersedes, prev_mac, mac";

    /// <summary>Every audit entry, oldest first, read one at a time.</summary>
    public static IEnumerable<AuditEntry> Entries(DbConnection connection, DbTransaction? transaction)
    {
        using var command = connection.Command(transaction, $"SELECT {EntryColumns} FROM audit_log ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return ReadEntry(reader);
    }

    /// <summary>An entry from a reader positioned on a row of <see cref="EntryColumns"/>.</summary>
    public static AuditEntry ReadEntry(DbDataReader reader) =>
        new(reader.GetInt64(0), HubQueries.ParseTime(reader.GetString(1)),
            reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7));

    /// <summary>Every review record, oldest first, read one at a time.</summary>
    public static IEnumerable<ReviewRow> Reviews(DbConnection connection, DbTransaction? transaction)
    {
        using var command = connection.Command(transaction, $"SELECT {ReviewColumns} FROM review ORDER BY review_id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new ReviewRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt64(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8));
        }
    }

    /// <summary>The record of where the keyed chain starts (written once, by the schema step that keyed the trail).</summary>
    public static AuditChainStart Start(DbConnection connection, DbTransaction? transaction)
    {
        using var command = connection.Command(transaction,
            "SELECT unkeyed_entries, unkeyed_head, unkeyed_reviews, unkeyed_review_head, unkeyed_problem, keyed_at FROM audit_chain");
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            throw new InvalidDataException("The hub's audit_chain table is empty: the record of where the keyed audit chain starts has been removed.");
        var start = new AuditChainStart(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), HubQueries.ParseTime(reader.GetString(5)));
        if (reader.Read())
            throw new InvalidDataException("The hub's audit_chain table holds more than one row: the keyed audit chain starts once.");
        return start;
    }

    /// <summary>The last entry's id and hash (0 and the genesis hash for an empty log).</summary>
    public static (long Id, string Hash) LastEntry(DbConnection connection, DbTransaction? transaction)
    {
        using var command = connection.Command(transaction, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditEntry.GenesisHash);
    }

    /// <summary>
    /// The last review's id and MAC (null when it is unkeyed). With no review left, where retention last cut the reviews:
    /// the next review follows the last one removed, never starting again at 1; id 0 when there never was one.
    /// </summary>
    public static (long Id, string? Mac) LastReview(DbConnection connection, DbTransaction? transaction)
    {
        using (var command = connection.Command(transaction, "SELECT review_id, mac FROM review ORDER BY review_id DESC LIMIT 1"))
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
                return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }
        var cut = LatestCut(connection, transaction);
        return cut.Reviews == 0 ? (0, null) : (cut.Reviews, cut.ReviewHash);
    }

    /// <summary>The newest entry with <paramref name="action"/>, or null when there is none.</summary>
    public static AuditEntry? LatestEntry(DbConnection connection, DbTransaction? transaction, string action)
    {
        using var command = connection.Command(transaction, $"SELECT {EntryColumns} FROM audit_log WHERE action = @p0 ORDER BY id DESC LIMIT 1", action);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadEntry(reader) : null;
    }

    /// <summary>The newest cut entry's state (<see cref="AuditCut.None"/> when the trail was never cut).</summary>
    public static AuditCut LatestCut(DbConnection connection, DbTransaction? transaction)
    {
        using var command = connection.Command(transaction, "SELECT id, detail FROM audit_log WHERE action = @p0 ORDER BY id DESC LIMIT 1", AuditCut.Action);
        using var reader = command.ExecuteReader();
        return reader.Read() ? AuditCut.Parse(reader.GetString(1), reader.GetInt64(0)) : AuditCut.None;
    }

    /// <summary>The condition on an audit entry that it records a review being added or amended.</summary>
    public const string ReviewEntryCondition = "action IN ('review.add', 'review.amend')";

    /// <summary>How many entries record a review being added or amended.</summary>
    public static long ReviewEntries(DbConnection connection, DbTransaction? transaction) =>
        Convert.ToInt64(connection.Scalar(transaction, $"SELECT COUNT(*) FROM audit_log WHERE {ReviewEntryCondition}"), CultureInfo.InvariantCulture);
}
