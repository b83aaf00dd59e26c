using System.Data.Common;

namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>Reads a query's rows under the store, for the fixtures of every database.</summary>
public static class HubRows
{
    /// <summary>Every row's values (null for SQL NULL), each passed through <paramref name="normalise"/> when given.</summary>
    public static IReadOnlyList<object?[]> Read(DbConnection connection, string sql, Func<object, object>? normalise = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? null : normalise is null ? reader.GetValue(i) : normalise(reader.GetValue(i))).ToArray());
        }
        return rows;
    }
}
