namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>What an address record says about where a person lived.</summary>
public enum AddressEvidence
{
    /// <summary>An agency event: the address the agency held on the day, often stale after a move.</summary>
    Event,

    /// <summary>A dated register record that says where the person lived on its date (a census day, a birth, a relationship recorded).</summary>
    Point,

    /// <summary>An occupancy with its own start and end (council tax, a tenancy).</summary>
    Occupancy,
}

/// <summary>One record saying a person lived at a gazetteer address.</summary>
/// <param name="Uprn">The gazetteer UPRN the record's address matched.</param>
/// <param name="Period">From the record's date or start; the end of an occupancy (null while open, and for other evidence).</param>
/// <param name="Evidence">What kind of record it is.</param>
/// <param name="Order">A tie-breaker between records with the same start: the larger wins.</param>
public readonly record struct AddressObservation(string Uprn, Period Period, AddressEvidence Evidence, long Order);
