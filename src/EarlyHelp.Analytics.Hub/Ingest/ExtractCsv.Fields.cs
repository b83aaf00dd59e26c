using System.Globalization;
using System.Text;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>Typed, validated reads of the current row's fields; each fault names the column and quotes the value.</summary>
internal sealed partial class ExtractCsv
{
    private const int LongestQuotedValue = 40;

    /// <summary>Non-empty text.</summary>
    public string RequiredText(CsvColumn column)
    {
        var text = reader.GetString(column.Index);
        return text.Length > 0 ? text : throw Fault(column, $"'{column.Name}' is required but empty");
    }

    /// <summary>Text, possibly empty.</summary>
    public string OptionalText(CsvColumn column) => reader.GetString(column.Index);

    /// <summary>
    /// The field trimmed, or null when blank, as one shared string per distinct value of the pool (see <see cref="Open"/>): names,
    /// postcodes and addresses repeat on every row of a person, and millions of copies would each cost a string.
    /// </summary>
    public string? PooledText(CsvColumn column)
    {
        var bytes = reader.GetSpan(column.Index);
        if (bytes.Length > 256)
            return reader.GetString(column.Index).Trim() is { Length: > 0 } longText ? longText : null;
        Span<char> buffer = stackalloc char[256];
        var field = ((ReadOnlySpan<char>)buffer[..Encoding.UTF8.GetChars(bytes, buffer)]).Trim();
        if (field.IsEmpty)
            return null;
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(field, out var pooled))
        {
            pooled = field.ToString();
            pool.Add(pooled);
        }
        return pooled;
    }

    /// <summary>An id: a whole number from 1.</summary>
    public long Id(CsvColumn column)
    {
        var field = reader.GetSpan(column.Index);
        if (field.IsEmpty)
            throw Fault(column, $"'{column.Name}' is required but empty");
        return long.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw Fault(column, $"'{column.Name}' is not an id (a whole number from 1): {Quote(field)}");
    }

    /// <summary>A whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public int WholeNumber(CsvColumn column, int minimum, int maximum)
    {
        var field = reader.GetSpan(column.Index);
        if (field.IsEmpty)
            throw Fault(column, $"'{column.Name}' is required but empty");
        return int.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw Fault(column, string.Create(CultureInfo.InvariantCulture, $"'{column.Name}' is not a whole number from {minimum} to {maximum}: {Quote(field)}"));
    }

    /// <summary>A finite number, or null when the field is empty.</summary>
    public double? OptionalNumber(CsvColumn column)
    {
        var field = reader.GetSpan(column.Index);
        if (field.IsEmpty)
            return null;
        return double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Fault(column, $"'{column.Name}' is not a number: {Quote(field)}");
    }

    /// <summary>A date in <paramref name="format"/> (a .NET custom format, invariant culture).</summary>
    public DateOnly Date(CsvColumn column, string format) =>
        OptionalDate(column, format) ?? throw Fault(column, $"'{column.Name}' is required but empty");

    /// <summary>A date in <paramref name="format"/>, or null when the field is empty.</summary>
    public DateOnly? OptionalDate(CsvColumn column, string format)
    {
        var field = reader.GetSpan(column.Index);
        if (field.IsEmpty)
            return null;
        Span<char> text = stackalloc char[32];
        if (field.Length <= text.Length)
        {
            var length = Encoding.UTF8.GetChars(field, text);
            if (DateOnly.TryParseExact(text[..length], format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
        }
        throw Fault(column, $"'{column.Name}' is not a date in {format}: {Quote(field)}");
    }

    /// <summary>A month written <c>yyyy-MM</c>, or null when the field is empty.</summary>
    public YearMonth? OptionalMonth(CsvColumn column)
    {
        var field = reader.GetSpan(column.Index);
        if (field.IsEmpty)
            return null;
        return YearMonth.TryParse(Encoding.UTF8.GetString(field), out var month)
            ? month
            : throw Fault(column, $"'{column.Name}' is not a month in yyyy-MM: {Quote(field)}");
    }

    /// <summary>One of <paramref name="codes"/>, returned as the list's own instance.</summary>
    public string Code(CsvColumn column, IReadOnlyList<string> codes)
    {
        var field = reader.GetSpan(column.Index);
        foreach (var code in codes)
        {
            if (Ascii.Equals(field, code))
                return code;
        }
        throw Fault(column, field.IsEmpty
            ? $"'{column.Name}' is required but empty"
            : $"'{column.Name}' is not one of {string.Join(", ", codes)}: {Quote(field)}");
    }

    /// <summary>A value as quoted in messages: in single quotes, cut short when long.</summary>
    private static string Quote(ReadOnlySpan<byte> field)
    {
        var text = Encoding.UTF8.GetString(field);
        return text.Length <= LongestQuotedValue ? $"'{text}'" : $"'{text[..LongestQuotedValue]}…'";
    }
}
