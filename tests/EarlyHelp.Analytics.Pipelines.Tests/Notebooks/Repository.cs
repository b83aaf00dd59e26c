namespace EarlyHelp.Analytics.Pipelines.Tests.Notebooks;

/// <summary>The repository the tests were built from.</summary>
internal static class Repository
{
    /// <summary>The folder holding <c>EarlyHelp.Analytics.sln</c>, above the test's output folder.</summary>
    public static readonly string Root = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EarlyHelp.Analytics.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No EarlyHelp.Analytics.sln above {AppContext.BaseDirectory}.");
    }
}
