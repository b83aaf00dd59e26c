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
    public HistoryEvent(int dataset, DateOnly start, DateOnly? end = null, double? value = null)
    {
        if ((uint)dataset >= (uint)DatasetIndex.Count)
            throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Not a dataset index.");
        DatasetNumber = (short)dataset;
        StartDay = start.DayNumber;
        EndDay = end?.DayNumber ?? NoEnd;
        RawValue = value is { } v ? (float)v : float.NaN;
    }

    /// <summary>Day number (<see cref="DateOnly.DayNumber"/>) of the start.</summary>
    internal int StartDay { get; }

    /// <summary>Day number of the end, or <see cref="NoEnd"/>.</summary>
    internal int EndDay { get; }

    /// <summary>The value, NaN when there is none.</summary>
    internal float RawValue { get; }

    private short DatasetNumber { get; }

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
        new(DatasetIndex.Of(agencyEvent.Dataset), agencyEvent.Start, agencyEvent.End, agencyEvent.Value);

    /// <summary>Orders by start, then dataset, then end, then value, so that a history has one order whatever the hub's.</summary>
    public int CompareTo(HistoryEvent other)
    {
        var byStart = StartDay.CompareTo(other.StartDay);
        if (byStart != 0) return byStart;
        var byDataset = DatasetNumber.CompareTo(other.DatasetNumber);
        if (byDataset != 0) return byDataset;
        var byEnd = EndDay.CompareTo(other.EndDay);
        return byEnd != 0 ? byEnd : RawValue.CompareTo(other.RawValue);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Definition.Code} {Start:yyyy-MM-dd}{(End is { } end ? $"..{end:yyyy-MM-dd}" : "")}";
}
