using Xunit.Abstractions;

namespace EarlyHelp.Analytics.Learning.Tests.Support;

/// <summary>
/// Finds the shared reference folder: <c>$EARLYHELP_SHARED</c> when set, otherwise <c>../shared</c>
/// beside the repository root (the folder holding EarlyHelp.Analytics.sln, found by walking up
/// from the test assembly). Reference files are not part of the repository, so tests that need
/// them return early, saying why, when they are absent.
/// </summary>
public static class SharedFolder
{
    /// <summary>The environment variable that overrides the location.</summary>
    public const string EnvironmentVariable = "EARLYHELP_SHARED";

    /// <summary>The shared folder, or null (with the reason) when it cannot be found.</summary>
    public static string? Locate(out string reason)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            reason = $"{EnvironmentVariable} is set to '{configured}', which is not a folder.";
            return Directory.Exists(configured) ? configured : null;
        }

        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EarlyHelp.Analytics.sln")))
            folder = folder.Parent;
        if (folder?.Parent is null)
        {
            reason = "No EarlyHelp.Analytics.sln above the test assembly, so no ../shared beside it.";
            return null;
        }

        var shared = Path.Combine(folder.Parent.FullName, "shared");
        reason = $"The shared folder '{shared}' does not exist; set {EnvironmentVariable} to its location.";
        return Directory.Exists(shared) ? shared : null;
    }

    /// <summary>
    /// The full path of <paramref name="relativePath"/> inside the shared folder, or null after
    /// writing to <paramref name="output"/> why the test is not checking anything.
    /// </summary>
    public static string? PathOf(string relativePath, ITestOutputHelper output)
    {
        var shared = Locate(out var reason);
        if (shared is null)
        {
            output.WriteLine($"Not run: {reason}");
            return null;
        }

        var path = Path.Combine(shared, relativePath);
        if (File.Exists(path))
            return path;
        output.WriteLine($"Not run: the reference file '{path}' is absent.");
        return null;
    }
}
