namespace EarlyHelp.Analytics.Features.Catalogue;

/// <summary>What a feature measures; the builder computes each kind in one way for every feature of that kind.</summary>
public enum FeatureKind
{
    /// <summary>Members of the family at T.</summary>
    Members,

    /// <summary>Members aged 0–17 at T.</summary>
    Children,

    /// <summary>Members aged 0–4 at T.</summary>
    ChildrenUnderFive,

    /// <summary>Age in whole years of the youngest child; missing when there is no child.</summary>
    YoungestChildAge,

    /// <summary>Age in whole years of the oldest child; missing when there is no child.</summary>
    OldestChildAge,

    /// <summary>Members aged 18 or over at T.</summary>
    Adults,

    /// <summary>1 when exactly one member is in the parent role at T, else 0.</summary>
    LoneCarer,

    /// <summary>Distinct dates in the window on which a member moved from one address to another.</summary>
    HouseholdMoves,

    /// <summary>Records starting in the window of <see cref="FeatureDefinition.Months"/> months, summed over members.</summary>
    RecordCount,

    /// <summary>Month offset of the most recent contributing record; missing when there is none.</summary>
    MonthsSinceLatest,

    /// <summary>1 when there are records in the last 12 months and none in the 24 months before them, else 0.</summary>
    NewProblem,

    /// <summary>1 when there are records in the last 12 months and also in the 24 months before them, else 0.</summary>
    PersistentProblem,

    /// <summary>Least-squares slope of the monthly record counts over the window, oldest month first.</summary>
    MonthlySlope,

    /// <summary>Records in the later half of the window minus records in the earlier half.</summary>
    Acceleration,

    /// <summary>Contributing records with a duration whose end is not known before T.</summary>
    OpenRecords,

    /// <summary>Headline problems with at least one record in the window (the "two of six" count).</summary>
    DistinctProblems,

    /// <summary>Agencies with at least one record in the window.</summary>
    DistinctAgencies,

    /// <summary>Members with at least one record in the window.</summary>
    MembersWithRecords,

    /// <summary>Early help episodes that ended before T.</summary>
    EarlyHelpEnded,

    /// <summary>Early help episodes open at T.</summary>
    EarlyHelpOpen,

    /// <summary>Month offset of the latest end of an early help episode; missing when none has ended.</summary>
    MonthsSinceEarlyHelpEnded,

    /// <summary>Records of one statutory outcome (any member) that ended before T.</summary>
    StatutoryEnded,

    /// <summary>Month offset of the latest end of any statutory outcome record; missing when none has ended.</summary>
    MonthsSinceStatutoryEnded,
}
