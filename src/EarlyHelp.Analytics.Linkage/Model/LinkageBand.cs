namespace EarlyHelp.Analytics.Linkage;

/// <summary>Fellegi and Sunter's three outcomes for a pair.</summary>
public enum LinkageBand
{
    /// <summary>At or above <see cref="LinkageSettings.LinkThreshold"/>: linked.</summary>
    Linked,
    /// <summary>Between the thresholds: waits for a person to decide.</summary>
    ClericalReview,
    /// <summary>Below <see cref="LinkageSettings.ReviewThreshold"/>: not linked.</summary>
    NotLinked,
}
