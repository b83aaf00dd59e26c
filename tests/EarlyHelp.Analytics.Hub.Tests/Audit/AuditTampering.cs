using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Hub.Tests.Audit;

/// <summary>
/// What someone who can write the hub file, but does not hold the audit key, can do to the trail: raw SQL on the
/// file, with the append-only triggers dropped first.
/// </summary>
internal static class AuditTampering
{
    /// <summary>Drops the guards of <paramref name="table"/>.</summary>
    public static void DropGuards(SqliteHubFixture hub, string table)
    {
        hub.Execute($"DROP TRIGGER {table}_no_update");
        hub.Execute($"DROP TRIGGER {table}_no_delete");
    }

    /// <summary>Cuts the log back to its first <paramref name="keep"/> entries.</summary>
    public static void Truncate(SqliteHubFixture hub, long keep)
    {
        DropGuards(hub, "audit_log");
        hub.Execute($"DELETE FROM audit_log WHERE id > {keep}");
    }

    /// <summary>
    /// Removes entry <paramref name="id"/>, then renumbers the later entries and recomputes every link and hash
    /// after it with the unkeyed SHA-256 formula, so that ids run without a gap and each entry links to the one
    /// before: the rewrite that an unkeyed chain cannot tell from the truth.
    /// </summary>
    public static void DeleteAndRehash(SqliteHubFixture hub, long id)
    {
        DropGuards(hub, "audit_log");
        using var connection = hub.Connect();
        var entries = ReadEntries(connection);
        using var transaction = connection.BeginTransaction();
        Run(connection, transaction, "DELETE FROM audit_log WHERE id >= $id", ("$id", id));
        var previous = entries.Single(e => e.Id == id).PreviousHash;
        foreach (var entry in entries.Where(e => e.Id > id))
        {
            var newId = entry.Id - 1;
            var hash = AuditEntry.ComputeHash(previous, newId, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Detail);
            Run(connection, transaction, """
                INSERT INTO audit_log (id, at, actor, action, subject, detail, prev_hash, hash)
                VALUES ($id, $at, $actor, $action, $subject, $detail, $prev, $hash)
                """,
                ("$id", newId), ("$at", AuditEntry.FormatTime(entry.At)), ("$actor", entry.Actor), ("$action", entry.Action),
                ("$subject", entry.Subject), ("$detail", entry.Detail), ("$prev", previous), ("$hash", hash));
            previous = hash;
        }
        transaction.Commit();
    }

    /// <summary>
    /// Rewrites the whole log as if it were written before the trail was keyed: entry <paramref name="deleteId"/> goes,
    /// entry <paramref name="editId"/> is given <paramref name="actor"/>, the rest are renumbered and every hash is
    /// recomputed with plain SHA-256; then <c>audit_chain</c> is set to count them all as unkeyed.
    /// </summary>
    public static void RewriteAsUnkeyed(SqliteHubFixture hub, long deleteId, long editId, string actor)
    {
        DropGuards(hub, "audit_log");
        DropGuards(hub, "audit_chain");
        using var connection = hub.Connect();
        var entries = ReadEntries(connection).Where(e => e.Id != deleteId).Select(e => e.Id == editId ? e with { Actor = actor } : e).ToList();
        using var transaction = connection.BeginTransaction();
        Run(connection, transaction, "DELETE FROM audit_log");
        var previous = AuditEntry.GenesisHash;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var hash = AuditEntry.ComputeHash(previous, i + 1, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Detail);
            Run(connection, transaction, """
                INSERT INTO audit_log (id, at, actor, action, subject, detail, prev_hash, hash)
                VALUES ($id, $at, $actor, $action, $subject, $detail, $prev, $hash)
                """,
                ("$id", i + 1), ("$at", AuditEntry.FormatTime(entry.At)), ("$actor", entry.Actor), ("$action", entry.Action),
                ("$subject", entry.Subject), ("$detail", entry.Detail), ("$prev", previous), ("$hash", hash));
            previous = hash;
        }
        Run(connection, transaction, "UPDATE audit_chain SET unkeyed_entries = $count, unkeyed_head = $head", ("$count", entries.Count), ("$head", previous));
        transaction.Commit();
    }

    /// <summary>Rewrites every review as unkeyed (no MACs, chained by plain SHA-256) and sets <c>audit_chain</c> to count them all as such.</summary>
    public static void RewriteReviewsAsUnkeyed(SqliteHubFixture hub)
    {
        DropGuards(hub, "review");
        DropGuards(hub, "audit_chain");
        using var connection = hub.Connect();
        var head = AuditEntry.GenesisHash;
        var count = 0L;
        foreach (var row in hub.QueryRows("SELECT review_id, reference, outcome, reason, reviewer, at, supersedes FROM review ORDER BY review_id"))
        {
            var review = new ReviewRow((long)row[0]!, (string)row[1]!, (string)row[2]!, (string)row[3]!, (string)row[4]!, (string)row[5]!, (long?)row[6], null, null);
            head = ReviewChain.UnkeyedHash(head, review);
            count = review.Id;
        }
        using var transaction = connection.BeginTransaction();
        Run(connection, transaction, "UPDATE review SET prev_mac = NULL, mac = NULL");
        Run(connection, transaction, "UPDATE audit_chain SET unkeyed_reviews = $count, unkeyed_review_head = $head", ("$count", count), ("$head", head));
        transaction.Commit();
    }

    private static List<AuditEntry> ReadEntries(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, at, actor, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY id";
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            entries.Add(new AuditEntry(reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
        }
        return entries;
    }

    private static void Run(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}
