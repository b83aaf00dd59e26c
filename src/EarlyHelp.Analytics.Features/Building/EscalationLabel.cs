using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;

namespace EarlyHelp.Analytics.Features.Building;

/// <summary>
/// Whether a family escalated after T: a child who is a member at T starts a CIN plan, a CP plan or
/// becomes looked after with a start date in (T, T + horizon]. Only children who are members at T
/// count — a child born or joining later is not part of the family the row describes, and the
/// model would otherwise be asked to predict the arrival of a child. A child who leaves the family
/// after T still counts: becoming looked after usually means leaving it.
/// </summary>
/// <param name="Observed">True when T + horizon is on or before the hub's extract date, so the whole horizon is known.</param>
/// <param name="Escalated">True when a child escalated in the horizon; always false when not observed.</param>
public readonly record struct EscalationLabel(bool Observed, bool Escalated)
{
    /// <summary>The label as a float for a learning table: 1 or 0, NaN when the horizon is not fully observed.</summary>
    public float Value => !Observed ? float.NaN : Escalated ? 1f : 0f;

    /// <summary>
    /// The label of <paramref name="history"/> at <paramref name="asOf"/>. Uses only outcome records
    /// starting after T, and nothing at all when the horizon runs past <paramref name="extractDate"/>.
    /// </summary>
    public static EscalationLabel Of(FamilyHistory history, DateOnly asOf, int horizonMonths, DateOnly extractDate) =>
        Of(history, new AsOfDate(asOf), horizonMonths, extractDate);

    /// <summary>The label at a prepared as-of date.</summary>
    public static EscalationLabel Of(FamilyHistory history, AsOfDate asOf, int horizonMonths, DateOnly extractDate)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(asOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonMonths, 1);
        var horizonEnd = asOf.Date.AddMonths(horizonMonths);
        if (horizonEnd > extractDate)
            return new EscalationLabel(false, false);
        foreach (var child in MembersAtDate.Children(history, asOf))
        {
            foreach (var record in child.Events.Span)
            {
                if (DatasetIndex.IsOutcome(record.Dataset) && record.Start > asOf.Date && record.Start <= horizonEnd)
                    return new EscalationLabel(true, true);
            }
        }
        return new EscalationLabel(true, false);
    }
}
