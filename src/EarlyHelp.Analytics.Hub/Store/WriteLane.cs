namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>
/// What a lane writer (<see cref="DbConnectionExtensions.BeginLaneWriteTransaction"/>) must have to itself on PostgreSQL:
/// the first half of an advisory lock whose second half is the hub's schema. Lanes are always taken in this order
/// (a scoring run, then the chain), so two lane writers never wait for each other in a circle.
/// </summary>
public enum WriteLane
{
    /// <summary>Scoring runs: the next run number and fresh prompt references are read before they are written (the bytes of "EHrn").</summary>
    ScoringRuns = 0x4548_726E,

    /// <summary>The audit log's and the reviews' keyed chains: each record is sealed to the one before it (the bytes of "EHch").</summary>
    AuditChain = 0x4548_6368,
}
