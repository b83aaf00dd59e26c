namespace EarlyHelp.Analytics.Linkage;

/// <summary>A person's decision on whether two records are the same person.</summary>
public enum ClericalDecision
{
    /// <summary>The same person: a must-link that overrides the model and the guards.</summary>
    Same,
    /// <summary>Different people: a cannot-link that no chain may cross.</summary>
    Different,
    /// <summary>Undecided: the model decides.</summary>
    Unsure,
}

/// <summary>A clerical decision on a pair of records named by source and record id.</summary>
/// <param name="SourceLeft">Source of the first record.</param>
/// <param name="RecordLeft">Record id of the first record.</param>
/// <param name="SourceRight">Source of the second record.</param>
/// <param name="RecordRight">Record id of the second record.</param>
/// <param name="Decision">The decision.</param>
public sealed record PairDecision(string SourceLeft, string RecordLeft, string SourceRight, string RecordRight, ClericalDecision Decision);
