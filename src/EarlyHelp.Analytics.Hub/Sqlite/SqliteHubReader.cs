using System.Text;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>
/// Streams a SQLite hub as domain records. Each enumeration opens its own read-only connection, so
/// enumerations may run at the same time on several threads. Events are read through the native
/// statement API and carry the catalogue's own instance of their dataset code, so ten million events
/// allocate no strings.
/// </summary>
internal sealed class SqliteHubReader(string path, string connectionString, DateOnly extractDate) : DbHubReader(extractDate)
{
    /// <inheritdoc />
    public override IEnumerable<AgencyEvent> Events()
    {
        using var database = SqliteReading.OpenNative(path);
        using var statement = new SqliteStatement(database, EventsQuery);
        var codes = new DatasetCodeCache();
        while (statement.Step())
            yield return ReadEvent(statement, codes);
    }

    /// <inheritdoc />
    protected override System.Data.Common.DbConnection Open() => SqliteReading.Open(connectionString);

    private static AgencyEvent ReadEvent(SqliteStatement row, DatasetCodeCache codes)
    {
        // A NULL end reads as no bytes, and a stored date is never empty: one native call fewer per row.
        var end = row.Utf8(4);
        return new AgencyEvent(
            row.Int64(0),
            new PersonId(row.Int64(1)),
            codes.Find(row.Utf8(2)),
            IsoDate.Read(row.Utf8(3)),
            end.IsEmpty ? null : IsoDate.Read(end),
            row.IsNull(5) ? null : row.Double(5),
            row.IsNull(6) ? null : IsoDate.Read(row.Utf8(6)));
    }

    /// <summary>
    /// Finds the catalogue's instance of a dataset code from its UTF-8 bytes. Events come in runs of one
    /// dataset (each file is loaded in one go), so the last match is tried first.
    /// </summary>
    private sealed class DatasetCodeCache
    {
        private static readonly (byte[] Utf8, string Code)[] Catalogue =
            DatasetCatalogue.All.Select(d => (Encoding.UTF8.GetBytes(d.Code), d.Code)).ToArray();

        private (byte[] Utf8, string Code) last = Catalogue[0];

        public string Find(ReadOnlySpan<byte> utf8)
        {
            if (utf8.SequenceEqual(last.Utf8))
                return last.Code;
            foreach (var entry in Catalogue)
            {
                if (utf8.SequenceEqual(entry.Utf8))
                {
                    last = entry;
                    return entry.Code;
                }
            }
            // A code the catalogue no longer has: keep it readable rather than fail.
            return Encoding.UTF8.GetString(utf8);
        }
    }
}
