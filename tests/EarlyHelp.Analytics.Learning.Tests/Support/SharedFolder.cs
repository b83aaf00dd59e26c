namespace EarlyHelp.Analytics.Learning.Tests.Support;

/// <summary>
/// Finds the shared reference folder that independent expected values come from: <c>$EARLYHELP_SHARED</c>
/// when set, otherwise <c>../shared</c> beside the repository root (the folder holding
/// EarlyHelp.Analytics.sln, found by walking up from the test assembly). The folder is not part of the
/// repository, so a clone with nothing beside it skips the tests that need it (see <see cref="SharedFactAttribute"/>),
/// saying why. Where the folder must be present (CI sets <c>EARLYHELP_REQUIRE_SHARED=1</c>), nothing skips and a
/// missing file fails its test instead, so a misplaced folder cannot pass unnoticed.
/// </summary>
public static class SharedFolder
{
    /// <summary>The environment variable that overrides the location.</summary>
    public const string EnvironmentVariable = "EARLYHELP_SHARED";

    /// <summary>The environment variable that, set to 1, turns a missing shared file into a failure rather than a skip.</summary>
    public const string RequiredVariable = "EARLYHELP_REQUIRE_SHARED";

    /// <summary>The repository root: the nearest folder above the test assembly that holds EarlyHelp.Analytics.sln.</summary>
    public static DirectoryInfo RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EarlyHelp.Analytics.sln")))
            folder = folder.Parent;
        return folder ?? throw new InvalidOperationException("No EarlyHelp.Analytics.sln above the test assembly.");
    }

    /// <summary>The shared folder's path, whether or not it exists.</summary>
    public static string Location()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(RepositoryRoot().Parent?.FullName ?? "/", "shared")
            : configured;
    }

    /// <summary>Why a test that reads <paramref name="relativePaths"/> should skip, or null when it should run.</summary>
    public static string? SkipReason(params string[] relativePaths)
    {
        if (Environment.GetEnvironmentVariable(RequiredVariable) == "1")
            return null;
        var missing = relativePaths.Where(p => !File.Exists(Path.Combine(Location(), p))).ToArray();
        return missing.Length == 0
            ? null
            : $"needs the shared reference folder ({string.Join(", ", missing)} absent under {Location()}): "
              + $"place it beside the repository as ../shared or set {EnvironmentVariable}";
    }

    /// <summary>The full path of <paramref name="relativePath"/> inside the shared folder; fails the test, saying why, when it is absent.</summary>
    public static string PathOf(string relativePath)
    {
        var path = Path.Combine(Location(), relativePath);
        if (!File.Exists(path))
            Assert.Fail($"The reference file '{path}' is absent: these tests need the shared reference folder beside the repository, or {EnvironmentVariable} set to it.");
        return path;
    }
}
