namespace EarlyHelp.Analytics.Core;

/// <summary>Text written as CSV fields (RFC 4180), for every file the product writes with a hand-built line.</summary>
public static class CsvText
{
    /// <summary>
    /// <paramref name="text"/> as one field: unchanged unless it holds a comma, a double quote or a line break, in which
    /// case it is enclosed in double quotes with its own quotes doubled.
    /// </summary>
    public static string Field(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
