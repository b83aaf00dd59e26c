namespace EarlyHelp.Analytics.Learning.Tests.Support;

/// <summary>
/// Finds the shared reference folder that independent expected values come from: <c>$EARLYHELP_SHARED</c>
/// when set, otherwise <c>../shared</c> beside the repository root (the folder holding
/// EarlyHelp.Analytics.sln, found by walking up from the test assembly). The reference files are not part of
/// the repository; a test that needs one fails, naming the file and how to point at the folder, rather than
/// passing without having checked anything.
/// </summary>
public static class SharedFolder
{
    /// <summary>The environment variable that overrides the location.</summary>
    public const string EnvironmentVariable = "EARLYHELP_SHARED";

    /// <summary>The repository root: the nearest folder above the test assembly that holds EarlyHelp.Analytics.sln.</summary>
    public static DirectoryInfo RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EarlyHelp.Analytics.sln")))
            folder = folder.Parent;
        return folder ?? throw new InvalidOperationException("No EarlyHelp.Analytics.sln above the test assembly.");
    }

    /// <summary>The full path of <paramref name="relativePath"/> inside the shared folder; fails the test, saying why, when it is absent.</summary>
    public static string PathOf(string relativePath)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var shared = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(RepositoryRoot().Parent?.FullName ?? "/", "shared")
            : configured;
        var path = Path.Combine(shared, relativePath);
        if (!File.Exists(path))
            Assert.Fail($"The reference file '{path}' is absent: these tests need the shared reference folder beside the repository, or {EnvironmentVariable} set to it.");
        return path;
    }
}
