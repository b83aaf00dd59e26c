using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace EarlyHelp.Analytics.Hub.Postgres;

/// <summary>Writes one value of a binary COPY row in the column type the hub stores it as; null writes NULL.</summary>
internal static class CopyWriting
{
    /// <summary>Text, or NULL.</summary>
    public static void Text(this NpgsqlBinaryImporter row, string? value)
    {
        if (value is null)
            row.WriteNull();
        else
            row.Write(value, NpgsqlDbType.Text);
    }

    /// <summary>A 64-bit integer, or NULL.</summary>
    public static void Id(this NpgsqlBinaryImporter row, long? value)
    {
        if (value is { } id)
            row.Write(id, NpgsqlDbType.Bigint);
        else
            row.WriteNull();
    }

    /// <summary>A 32-bit integer (an <c>INTEGER</c> column).</summary>
    public static void Integer(this NpgsqlBinaryImporter row, int value) => row.Write(value, NpgsqlDbType.Integer);

    /// <summary>A double, or NULL (NaN is stored as NULL, as on SQLite).</summary>
    public static void Real(this NpgsqlBinaryImporter row, double? value)
    {
        if (value is { } number && !double.IsNaN(number))
            row.Write(number, NpgsqlDbType.Double);
        else
            row.WriteNull();
    }

    /// <summary>A date as the hub stores it, ISO <c>YYYY-MM-DD</c> text, or NULL.</summary>
    public static void Date(this NpgsqlBinaryImporter row, DateOnly? value) =>
        row.Text(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
