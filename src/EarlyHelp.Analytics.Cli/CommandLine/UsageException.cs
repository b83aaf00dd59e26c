namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>A call the parser accepts but that makes no sense (e.g. two options that exclude each other); exit code 2.</summary>
/// <param name="message">What is wrong with the call, in one line.</param>
public sealed class UsageException(string message) : Exception(message);
