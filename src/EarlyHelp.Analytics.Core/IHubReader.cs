namespace EarlyHelp.Analytics.Core;

/// <summary>
/// Read access to what the hub holds, as domain records, for the feature builders and scoring.
/// Protected characteristics are deliberately absent: they are read through
/// <see cref="IProtectedCharacteristicsReader"/>, which only the fairness audit uses.
/// </summary>
public interface IHubReader
{
    /// <summary>The date of the newest extract loaded: nothing in the hub is known beyond it.</summary>
    DateOnly ExtractDate { get; }

    /// <summary>Every household.</summary>
    IEnumerable<Household> Households();

    /// <summary>Every person.</summary>
    IEnumerable<Person> People();

    /// <summary>Every residence period.</summary>
    IEnumerable<Residence> Residences();

    /// <summary>Every family membership period.</summary>
    IEnumerable<FamilyMembership> FamilyMemberships();

    /// <summary>Every agency event, source datasets and outcomes alike.</summary>
    IEnumerable<AgencyEvent> Events();

    /// <summary>The opt-out register.</summary>
    IEnumerable<OptOut> OptOuts();
}

/// <summary>Read access to protected characteristics: for the fairness audit only, never for features.</summary>
public interface IProtectedCharacteristicsReader
{
    /// <summary>Every person's recorded protected characteristics.</summary>
    IEnumerable<ProtectedCharacteristics> ProtectedCharacteristics();
}
