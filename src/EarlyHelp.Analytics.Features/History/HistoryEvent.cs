using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Features.History;

/// <summary>
/// One agency record in a person's history, packed into 16 bytes: a Bristol-sized hub holds tens
/// of millions of them, and feature building is a scan over these.
/// </summary>
public readonly struct HistoryEvent : IComparable<HistoryEvent>
{
    /// <summary>End day stored for a record that has no end (a one-day record, or one still open).</summary>
    internal const int NoEnd = int.MaxValue;

    /// <summary>Packs a record.</summary>
    /// <param name="dataset">The dataset's <see cref="DatasetIndex"/>.</param>
    /// <param name="start">Date the record starts.</param>
    /// <param name="end">Date it ends, or null.</param>
    /// <param name="value">Its numeric value, or null.</param>
    /// <param name="loadedOn">Extract date of the later load that first brought it (<see cref="AgencyEvent.LoadedOn"/>), or null.</param>
    public HistoryEvent(int dataset, DateOnly start, DateOnly? end = null, double? value = null, DateOnly? loadedOn = null)
    {
        if ((uint)dataset >= (uint)DatasetIndex.Count)
            throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Not a dataset index.");
        DatasetNumber = (short)dataset;
        StartDay = start.DayNumber;
        EndDay = end?.DayNumber ?? NoEnd;
        RawValue = value is { } v ? (float)v : float.NaN;
        // Kept as days after the start in the struct's two spare bytes, so a record stays 16 bytes; a load 179 years
        // after the start saturates, which no real record reaches.
        LoadDelay = loadedOn is { } loaded && loaded > start ? (ushort)Math.Min(loaded.DayNumber - start.DayNumber, ushort.MaxValue) : (ushort)0;
    }

    /// <summary>Day number (<see cref="DateOnly.DayNumber"/>) of the start.</summary>
    internal int StartDay { get; }

    /// <summary>Day number of the end, or <see cref="NoEnd"/>.</summary>
    internal int EndDay { get; }

    /// <summary>The value, NaN when there is none.</summary>
    internal float RawValue { get; }

    private short DatasetNumber { get; }

    /// <summary>Days from the start to the extract date of the later load that first brought the record; 0 when it was back-filled.</summary>
    private ushort LoadDelay { get; }

    /// <summary>
    /// The day number from which the record was known, such that it is known at T when this day is before T: its start
    /// for a back-filled record, the extract date of the load that first brought it otherwise.
    /// </summary>
    internal int KnownDay => StartDay + LoadDelay;

    /// <summary>The extract date of the later load that first brought the record, or null when it was back-filled.</summary>
    public DateOnly? LoadedOn => LoadDelay == 0 ? null : DateOnly.FromDayNumber(KnownDay);

    /// <summary>The dataset's <see cref="DatasetIndex"/>.</summary>
    public int Dataset => DatasetNumber;

    /// <summary>The dataset's definition.</summary>
    public DatasetDefinition Definition => DatasetIndex.Definition(DatasetNumber);

    /// <summary>Date the record starts.</summary>
    public DateOnly Start => DateOnly.FromDayNumber(StartDay);

    /// <summary>Date the record ends, or null.</summary>
    public DateOnly? End => EndDay == NoEnd ? null : DateOnly.FromDayNumber(EndDay);

    /// <summary>The record's value (percent absent, arrears in pounds), or null.</summary>
    public double? Value => float.IsNaN(RawValue) ? null : RawValue;

    /// <summary>Packs a hub event; the dataset code must be in the catalogue.</summary>
    public static HistoryEvent From(AgencyEvent agencyEvent) =>
        new(DatasetIndex.Of(agencyEvent.Dataset), agencyEvent.Start, agencyEvent.End, agencyEvent.Value, agencyEvent.LoadedOn);

    /// <summary>Orders by start, then dataset, then end, then value, then load, so that a history has one order whatever the hub's.</summary>
    public int CompareTo(HistoryEvent other)
    {
        var byStart = StartDay.CompareTo(other.StartDay);
        if (byStart != 0) return byStart;
        var byDataset = DatasetNumber.CompareTo(other.DatasetNumber);
        if (byDataset != 0) return byDataset;
        var byEnd = EndDay.CompareTo(other.EndDay);
        if (byEnd != 0) return byEnd;
        var byValue = RawValue.CompareTo(other.RawValue);
        return byValue != 0 ? byValue : LoadDelay.CompareTo(other.LoadDelay);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Definition.Code} {Start:yyyy-MM-dd}{(End is { } end ? $"..{end:yyyy-MM-dd}" : "")}";
}
