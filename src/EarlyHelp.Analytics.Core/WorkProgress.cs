namespace EarlyHelp.Analytics.Core;

/// <summary>
/// Progress of long work, reported through <see cref="IProgress{T}"/> so that libraries stay free
/// of any console: the command line shows it as a bar on a terminal and as log lines otherwise.
/// </summary>
/// <param name="Stage">What is being done, e.g. "Simulating months".</param>
/// <param name="Done">Units done so far.</param>
/// <param name="Total">Units in all; 0 when unknown.</param>
public readonly record struct WorkProgress(string Stage, long Done, long Total);
