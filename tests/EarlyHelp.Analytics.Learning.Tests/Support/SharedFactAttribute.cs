namespace EarlyHelp.Analytics.Learning.Tests.Support;

/// <summary>A fact that reads files from the shared reference folder, and skips, saying why, when they are absent.</summary>
public class SharedFactAttribute : FactAttribute
{
    /// <summary>Names the files (relative to the shared folder) that the test reads.</summary>
    public SharedFactAttribute(params string[] relativePaths)
    {
        var reason = SharedFolder.SkipReason(relativePaths);
        if (reason is not null)
            Skip = reason;
    }
}

/// <summary>A theory that reads files from the shared reference folder, and skips, saying why, when they are absent.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    /// <summary>Names the files (relative to the shared folder) that the test reads.</summary>
    public SharedTheoryAttribute(params string[] relativePaths)
    {
        var reason = SharedFolder.SkipReason(relativePaths);
        if (reason is not null)
            Skip = reason;
    }
}
