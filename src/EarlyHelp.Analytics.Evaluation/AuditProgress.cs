namespace EarlyHelp.Analytics.Evaluation;

/// <summary>Progress of an audit stage, for a progress bar or log lines.</summary>
/// <param name="Stage">What is being done, e.g. "Bootstrap resamples".</param>
/// <param name="Done">Units done so far.</param>
/// <param name="Total">Units in all; 0 when unknown.</param>
public readonly record struct AuditProgress(string Stage, long Done, long Total);
