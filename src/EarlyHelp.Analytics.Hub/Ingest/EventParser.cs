using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>
/// Rows of one agency extract, read through its dataset's declared <see cref="ExtractLayout"/>: the
/// agency's column names and date format map to the hub's <c>event</c> columns. The identity columns
/// are for record matching and are not loaded (the register's <c>people_identity.csv</c> is).
/// </summary>
internal sealed class EventParser : IRowParser<SourceEvent>
{
    private readonly ExtractCsv csv;
    private readonly IngestContext context;
    private readonly ExtractLayout layout;
    private readonly DateOnly oldestKept;
    private readonly CsvColumn record, person, start;
    private readonly CsvColumn? end, value;

    /// <summary>Finds the layout's columns in the file's header.</summary>
    public EventParser(ExtractCsv csv, IngestContext context, DatasetDefinition dataset)
    {
        this.csv = csv;
        this.context = context;
        layout = dataset.Layout;
        oldestKept = RetentionStart(dataset, context.ExtractDate);
        var declared = layout.Columns;
        record = csv.Column(layout.RecordIdColumn, declared);
        person = csv.Column(layout.PersonIdColumn, declared);
        start = csv.Column(layout.StartDateColumn, declared);
        end = layout.EndDateColumn is { } endName ? csv.Column(endName, declared) : null;
        value = layout.ValueColumn is { } valueName ? csv.Column(valueName, declared) : null;
    }

    /// <summary>Valid rows not loaded because they started before the retention period.</summary>
    public long DroppedByRetention { get; private set; }

    /// <summary>
    /// The first day of <paramref name="dataset"/>'s retention period for an extract taken on
    /// <paramref name="extractDate"/>: a record that starts before it is not loaded.
    /// </summary>
    public static DateOnly RetentionStart(DatasetDefinition dataset, DateOnly extractDate) => extractDate.AddMonths(-dataset.RetentionMonths);

    /// <inheritdoc />
    public bool TryRead(out SourceEvent row)
    {
        var sourceRef = csv.RequiredText(record);
        var personId = context.Person(csv, person);
        var startDate = csv.Date(start, layout.DateFormat);
        if (startDate > context.ExtractDate)
            throw csv.Fault(start, $"'{start.Name}' {startDate.ToString(layout.DateFormat, System.Globalization.CultureInfo.InvariantCulture)} is after the extract date {context.ExtractDateText}");
        var endDate = end is { } endColumn ? IngestContext.End(csv, endColumn, layout.DateFormat, start, startDate) : null;
        var number = value is { } valueColumn ? csv.OptionalNumber(valueColumn) : null;
        row = new SourceEvent(personId, startDate, endDate, number, sourceRef);
        if (startDate >= oldestKept)
            return true;
        DroppedByRetention++;
        return false;
    }
}
