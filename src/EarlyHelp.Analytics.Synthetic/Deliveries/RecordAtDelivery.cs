namespace EarlyHelp.Analytics.Synthetic.Deliveries;

/// <summary>What a delivery holds of one record.</summary>
public enum RecordAtDelivery
{
    /// <summary>Not yet entered in the agency's system: the delivery leaves it out.</summary>
    NotYetRecorded,

    /// <summary>Entered, but its end (if it has one) not yet: the delivery holds it with a blank end, as still open.</summary>
    Open,

    /// <summary>Entered as the full history holds it.</summary>
    AsRecorded,
}

/// <summary>The rule that decides what each delivery holds of a record.</summary>
public static class RecordAvailability
{
    /// <summary>
    /// What a delivery dated <paramref name="delivery"/> holds of a record that starts on <paramref name="start"/> and ends
    /// on <paramref name="end"/> (null: open at the extract date), when the agency enters it <paramref name="lagDays"/>
    /// days after it starts. An end is entered on its day: the hub keeps one load date per record, not one per field,
    /// so an end entered late would be read as known from its own date (docs/synthetic-city.md, <i>Reporting lags</i>).
    /// </summary>
    public static RecordAtDelivery At(DateOnly start, DateOnly? end, int lagDays, DateOnly delivery)
    {
        if (start.AddDays(lagDays) > delivery)
            return RecordAtDelivery.NotYetRecorded;
        return end is { } ended && ended > delivery ? RecordAtDelivery.Open : RecordAtDelivery.AsRecorded;
    }

    /// <summary>
    /// The first delivery of <paramref name="deliveries"/> (oldest first) that holds the record, or null when none does
    /// (it is entered after the last).
    /// </summary>
    public static DateOnly? FirstDelivery(DateOnly start, int lagDays, IReadOnlyList<DateOnly> deliveries)
    {
        var recorded = start.AddDays(lagDays);
        foreach (var date in deliveries)
        {
            if (recorded <= date)
                return date;
        }
        return null;
    }
}
