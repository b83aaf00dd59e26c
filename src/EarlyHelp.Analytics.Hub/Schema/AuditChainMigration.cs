using System.Globalization;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Keys the audit trail. The entries and reviews written so far are chained by plain SHA-256, which anyone who can
/// write the hub can recompute; they are checked once here, and their count, head and what the check found are
/// recorded in <c>audit_chain</c>. Every later entry and review is chained by a MAC under a key kept outside the
/// hub, the first of each linking to the recorded head. Reviews gain the columns of their chain.
/// </summary>
internal static class AuditChainMigration
{
    /// <summary>Applies the step.</summary>
    public static void Apply(MigrationContext context)
    {
        context.Execute("ALTER TABLE review ADD COLUMN prev_mac TEXT");
        context.Execute("ALTER TABLE review ADD COLUMN mac TEXT");
        context.Execute("""
            CREATE TABLE audit_chain (
                unkeyed_entries {id} NOT NULL, unkeyed_head TEXT NOT NULL, unkeyed_reviews {id} NOT NULL,
                unkeyed_review_head TEXT NOT NULL, unkeyed_problem TEXT, keyed_at TEXT NOT NULL)
            """);
        foreach (var guard in context.Dialect.AppendOnlyGuards("audit_chain"))
            context.Execute(guard);

        var heads = new Dictionary<long, string?>();
        var entries = AuditLog.CheckEntries(
            AuditChainRows.Entries(context.Connection, context.Transaction), AuditChainStart.BeforeKeying, key: null, heads);
        var (reviews, reviewHead) = (0L, AuditEntry.GenesisHash);
        foreach (var review in AuditChainRows.Reviews(context.Connection, context.Transaction))
        {
            reviewHead = ReviewChain.UnkeyedHash(reviewHead, review);
            reviews = review.Id;
        }
        var problem = entries.IsIntact ? null : string.Create(CultureInfo.InvariantCulture, $"entry {entries.FirstBrokenId}: {entries.Problem}");
        // A broken unkeyed chain is recorded as it was found and the keyed chain starts after the last entry all the same:
        // the hub stays usable, and every later check reports the break.
        var last = AuditChainRows.LastEntry(context.Connection, context.Transaction);
        context.Execute("""
            INSERT INTO audit_chain (unkeyed_entries, unkeyed_head, unkeyed_reviews, unkeyed_review_head, unkeyed_problem, keyed_at)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
            """,
            last.Id, last.Hash, reviews, reviewHead, problem, HubQueries.FormatTime(DateTimeOffset.UtcNow));
    }
}
