using System.Data.Common;
using System.Text;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>
/// Statements that carry many rows at once (<c>VALUES (…), (…), …</c>), in chunks: a writer holding the hub's write
/// lock makes one round trip per chunk instead of one per row, which on a PostgreSQL server over TCP is most of a
/// scoring run's save.
/// </summary>
internal static class RowBatches
{
    /// <summary>
    /// Rows per statement. With at most eight values a row this stays far below SQLite's limit of 32,766 parameters and
    /// PostgreSQL's of 65,535, and a chunk's text stays small enough to parse quickly.
    /// </summary>
    public const int RowsPerStatement = 100;

    /// <summary>
    /// Runs <paramref name="head"/> <c>VALUES (…), …</c> <paramref name="tail"/> once per chunk of <paramref name="rows"/>,
    /// each row's values bound as parameters; returns the rows changed. Every row has the same number of values.
    /// </summary>
    public static int Execute(DbConnection connection, DbTransaction transaction, string head, IReadOnlyList<object?[]> rows, string tail = "")
    {
        var changed = 0;
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var chunk = rows.Skip(start).Take(RowsPerStatement).ToArray();
            changed += connection.Execute(transaction, $"{head} VALUES {Placeholders(chunk)} {tail}", chunk.SelectMany(row => row).ToArray());
        }
        return changed;
    }

    /// <summary><c>(@p0, @p1), (@p2, @p3)</c> for two rows of two values.</summary>
    private static string Placeholders(IReadOnlyList<object?[]> rows)
    {
        var text = new StringBuilder();
        var next = 0;
        foreach (var row in rows)
        {
            if (row.Length != rows[0].Length)
                throw new ArgumentException("Every row of a batch must have the same number of values.", nameof(rows));
            text.Append(next == 0 ? "(" : ", (");
            text.AppendJoin(", ", row.Select(_ => $"@p{next++}"));
            text.Append(')');
        }
        return text.ToString();
    }
}
