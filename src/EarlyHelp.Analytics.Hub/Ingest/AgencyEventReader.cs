using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>
/// Rows of one agency extract, read through its dataset's declared <see cref="ExtractLayout"/>: the record
/// reference, the agency's own person reference and identity fields (for linkage), and the event's dates
/// and value. Events older than the dataset's retention period are not kept, nor is their identity.
/// </summary>
internal sealed class AgencyEventReader
{
    private readonly ExtractCsv csv;
    private readonly DatasetDefinition dataset;
    private readonly ExtractLayout layout;
    private readonly DateOnly extractDate;
    private readonly DateOnly oldestKept;
    private readonly IdentityFields identity;
    private readonly CsvColumn record, start;
    private readonly CsvColumn? end, value;
    private readonly CsvColumn?[] contact;

    /// <summary>Finds the layout's columns in the file's header; retention counts back from <paramref name="newest"/>, the newest extract date the hub has seen.</summary>
    public AgencyEventReader(ExtractCsv csv, DatasetDefinition dataset, DateOnly extractDate, DateOnly newest)
    {
        this.csv = csv;
        this.dataset = dataset;
        this.extractDate = extractDate;
        layout = dataset.Layout;
        oldestKept = Lifecycle.RetentionPeriods.EventRetentionStart(dataset, newest);
        var declared = layout.Columns;
        record = csv.Column(layout.RecordIdColumn, declared);
        identity = IdentityFields.Of(csv, layout);
        start = csv.Column(layout.StartDateColumn, declared);
        end = layout.EndDateColumn is { } endName ? csv.Column(endName, declared) : null;
        value = layout.ValueColumn is { } valueName ? csv.Column(valueName, declared) : null;
        // Worker and team columns are optional in the file: extracts made before a system shared them still load.
        contact = layout.Contact is { } columns
            ? new[] { columns.Worker, columns.Role, columns.Team, columns.Phone, columns.Email }.Select(name => name is null ? null : csv.OptionalColumn(name, declared)).ToArray()
            : [];
    }

    /// <summary>Reads every row into <paramref name="contents"/>; returns the rows dropped by retention.</summary>
    public long ReadAll(ExtractContents contents, Action<long> rowsRead)
    {
        if (!contents.Events.TryGetValue(dataset.Code, out var events))
            contents.Events[dataset.Code] = events = [];
        var contacts = contact.Any(column => column is not null) ? Contacts(contents) : null;
        long dropped = 0;
        while (csv.Read())
        {
            var sourceRef = csv.RequiredText(record);
            var startDate = csv.Date(start, layout.DateFormat);
            if (startDate > extractDate)
                throw csv.Fault(start, $"'{start.Name}' {Format(startDate)} is after the extract date {Format(extractDate, "yyyy-MM-dd")}");
            var endDate = end is { } endColumn ? DatedRows.End(csv, endColumn, layout.DateFormat, start, startDate) : null;
            var number = value is { } valueColumn ? csv.OptionalNumber(valueColumn) : null;
            var person = identity.Read(dataset.Code, sourceRef, IdentityRecordKind.Event, startDate, endDate);
            if (startDate >= oldestKept)
            {
                events.Add(new PendingEvent(person, startDate, endDate, number));
                contents.Records.Add(person);
                if (contacts is not null && ReadContact(sourceRef) is { } named)
                    contacts.Add(named);
            }
            else
            {
                dropped++;
            }
            if (csv.Rows % ProgressEvery == 0)
                rowsRead(csv.Rows);
        }
        return dropped;
    }

    private List<RecordContact> Contacts(ExtractContents contents)
    {
        if (!contents.Contacts.TryGetValue(dataset.Code, out var contacts))
            contents.Contacts[dataset.Code] = contacts = [];
        return contacts;
    }

    /// <summary>The current row's worker and team fields, or null when every one is blank.</summary>
    private RecordContact? ReadContact(string sourceRef)
    {
        string? Field(int i) => contact[i] is { } column ? csv.PooledText(column) : null;
        var named = new RecordContact(sourceRef, Field(0), Field(1), Field(2), Field(3), Field(4));
        return named is { Worker: null, Role: null, Team: null, Phone: null, Email: null } ? null : named;
    }

    /// <summary>Rows between progress reports.</summary>
    public const int ProgressEvery = 32_768;

    private string Format(DateOnly date, string? format = null) => date.ToString(format ?? layout.DateFormat, CultureInfo.InvariantCulture);
}

/// <summary>Checks shared by files with periods.</summary>
internal static class DatedRows
{
    /// <summary>An end date that must not be before the start.</summary>
    public static DateOnly? End(ExtractCsv csv, CsvColumn endColumn, string format, CsvColumn startColumn, DateOnly start)
    {
        var end = csv.OptionalDate(endColumn, format);
        if (end < start)
            throw csv.Fault(endColumn, $"'{endColumn.Name}' {Format(end.Value, format)} is before '{startColumn.Name}' {Format(start, format)}");
        return end;
    }

    private static string Format(DateOnly date, string format) => date.ToString(format, CultureInfo.InvariantCulture);
}
