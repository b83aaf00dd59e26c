namespace EarlyHelp.Analytics.Pipelines.Tests.Notebooks;

/// <summary>
/// A theory that needs the local tool dotnet-repl; where <c>dotnet tool restore</c> cannot restore it (no
/// package source, say) the test is reported as skipped with the reason, rather than passing without running.
/// </summary>
public sealed class NotebookTheoryAttribute : TheoryAttribute
{
    /// <summary>Marks the test skipped when dotnet-repl cannot be restored.</summary>
    public NotebookTheoryAttribute()
    {
        if (DotnetRepl.Unavailable is { } reason)
            Skip = reason;
    }
}

/// <summary>A fact that needs the local tool dotnet-repl; skipped with the reason where it cannot be restored.</summary>
public sealed class NotebookFactAttribute : FactAttribute
{
    /// <summary>Marks the test skipped when dotnet-repl cannot be restored.</summary>
    public NotebookFactAttribute()
    {
        if (DotnetRepl.Unavailable is { } reason)
            Skip = reason;
    }
}
