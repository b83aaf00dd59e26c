namespace EarlyHelp.Analytics.Synthetic.Output;

/// <summary>Fields that may be blank, and the truth row naming the person behind a record.</summary>
internal static class CsvFields
{
    /// <summary>Writes <paramref name="text"/>, or an empty field when it is null.</summary>
    public static void Optional(this CsvBuffer row, string? text)
    {
        if (text is null) row.Empty(); else row.Field(text);
    }

    /// <summary>Writes <paramref name="utf8"/>, or an empty field when it is null.</summary>
    public static void Optional(this CsvBuffer row, byte[]? utf8)
    {
        if (utf8 is null) row.Empty(); else row.Field(utf8);
    }

    /// <summary>Writes the date with day number <paramref name="day"/>, or an empty field when it is negative.</summary>
    public static void OptionalDate(this CsvBuffer row, int day, CompiledDateFormat format)
    {
        if (day < 0) row.Empty(); else row.Date(day, format);
    }

    /// <summary>Writes a truth row: <paramref name="dataset"/>, <paramref name="recordId"/>, <paramref name="personId"/>.</summary>
    public static void TruthRow(this CsvBuffer row, string dataset, string recordId, long personId)
    {
        row.Field(dataset);
        row.Field(recordId);
        row.Field(personId);
        row.EndRow();
    }
}
