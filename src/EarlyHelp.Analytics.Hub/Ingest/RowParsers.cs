using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>Reads the current row of an extract file as a validated hub row.</summary>
/// <typeparam name="T">The hub row type.</typeparam>
internal interface IRowParser<T>
{
    /// <summary>The validated row; false when the row is valid but not to be loaded (older than retention).</summary>
    bool TryRead(out T row);

    /// <summary>Valid rows not loaded because they started before their dataset's retention period.</summary>
    long DroppedByRetention => 0;
}

/// <summary>What row parsers check against: the ids known so far (hub and extract) and the extract date.</summary>
/// <param name="Ids">Ids in the hub, plus those read from this extract's registers so far.</param>
/// <param name="ExtractDate">The manifest's extract date.</param>
internal sealed record IngestContext(HubIds Ids, DateOnly ExtractDate)
{
    /// <summary>The extract date as written in messages.</summary>
    public string ExtractDateText => ExtractDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A person id read from <paramref name="column"/> that must be known.</summary>
    public PersonId Person(ExtractCsv csv, CsvColumn column) =>
        new(Known(csv, column, Ids.People, "a person", RegisterFiles.People.FileName));

    /// <summary>A household id read from <paramref name="column"/> that must be known.</summary>
    public HouseholdId Household(ExtractCsv csv, CsvColumn column) =>
        new(Known(csv, column, Ids.Households, "a household", RegisterFiles.Households.FileName));

    /// <summary>A family id read from <paramref name="column"/> that must be known.</summary>
    public FamilyId Family(ExtractCsv csv, CsvColumn column) =>
        new(Known(csv, column, Ids.Families, "a family", RegisterFiles.Families.FileName));

    /// <summary>An end date that must not be before the start.</summary>
    public static DateOnly? End(ExtractCsv csv, CsvColumn endColumn, string format, CsvColumn startColumn, DateOnly start)
    {
        var end = csv.OptionalDate(endColumn, format);
        if (end < start)
            throw csv.Fault(endColumn, $"'{endColumn.Name}' {Format(end.Value, format)} is before '{startColumn.Name}' {Format(start, format)}");
        return end;
    }

    private static string Format(DateOnly date, string format) => date.ToString(format, CultureInfo.InvariantCulture);

    private static long Known(ExtractCsv csv, CsvColumn column, HashSet<long> known, string what, string register)
    {
        var id = csv.Id(column);
        return known.Contains(id)
            ? id
            : throw csv.Fault(column, string.Create(CultureInfo.InvariantCulture, $"'{column.Name}' {id} is not {what} in {register} or the hub"));
    }
}
