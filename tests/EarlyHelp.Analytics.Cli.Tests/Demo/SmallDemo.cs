using EarlyHelp.Analytics.Cli.Tests.CommandLine;
using EarlyHelp.Analytics.Hub.Audit;

namespace EarlyHelp.Analytics.Cli.Tests.Demo;

/// <summary>
/// <c>earlyhelp demo --no-serve</c> on a small city (3,000 people, 60 months), run once per test run; tests that
/// change its hub work on a copy.
/// </summary>
internal static class SmallDemo
{
    private static readonly Lazy<(string Folder, int Exit, string Output, string Error)> Run = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), $"earlyhelp-demo-tests-{Guid.NewGuid():N}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var (exit, output, error) = CommandRunner.Run("demo", "--out", folder, "--people", "3000", "--months", "60", "--no-serve");
        return (folder, exit, output, error);
    });

    /// <summary>The demo folder.</summary>
    public static string Folder => Run.Value.Folder;

    /// <summary>The demo's exit code, output and errors.</summary>
    public static (int Exit, string Output, string Error) Result => (Run.Value.Exit, Run.Value.Output, Run.Value.Error);

    /// <summary>The demo's hub.</summary>
    public static string Hub => Path.Combine(Folder, "earlyhelp.db");

    /// <summary>A copy of the demo's hub in a new folder.</summary>
    public static string CopyHub()
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("earlyhelp-demo-hub-").FullName, "earlyhelp.db");
        File.Copy(Hub, copy);
        File.Copy(Hub + AuditKey.DefaultSuffix, copy + AuditKey.DefaultSuffix);
        return copy;
    }
}
