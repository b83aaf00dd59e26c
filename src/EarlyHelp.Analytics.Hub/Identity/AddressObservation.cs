namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>
/// One record saying a person lived at a gazetteer address: from a register or relationship extract with
/// its own dates (council tax, housing, school census, social care, health visiting), or from an agency
/// event, which only says where the person was recorded on the day.
/// </summary>
/// <param name="Uprn">The gazetteer UPRN the record's address matched.</param>
/// <param name="Period">From the record's start; its end when the record has one (an event has none).</param>
/// <param name="IsDated">Whether the record is a dated address record (a register or relationship), not an event.</param>
/// <param name="Order">A tie-breaker between records with the same start: the larger wins.</param>
public readonly record struct AddressObservation(string Uprn, Period Period, bool IsDated, long Order);
