using EarlyHelp.Analytics.Synthetic.Identity;

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

    /// <summary>Writes a keyed person's reference, forename, surname and (unless <paramref name="birthDate"/> is false) date of birth.</summary>
    public static void Person(this CsvBuffer row, in KeyedIdentity keyed, CompiledDateFormat format, bool birthDate = true)
    {
        row.Field(keyed.Reference);
        row.Optional(keyed.Forename);
        row.Optional(keyed.Surname);
        if (birthDate)
            row.OptionalDate(keyed.BirthDate, format);
    }

    /// <summary>Writes a keyed person's address line and postcode.</summary>
    public static void Home(this CsvBuffer row, in KeyedIdentity keyed)
    {
        row.Optional(keyed.Address);
        row.Optional(keyed.Postcode);
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
