using System.Diagnostics;
using EarlyHelp.Analytics.Cli.CommandLine;

namespace EarlyHelp.Analytics.Cli.Tests.Catalogue;

/// <summary>
/// The command line run as its own process, for what a process decides once at start-up (the catalogue named by
/// <c>EARLYHELP_CATALOGUE</c>): this test process has already read the shipped one.
/// </summary>
internal static class CliProcess
{
    /// <summary>Runs <c>earlyhelp</c> with <paramref name="arguments"/> and the given environment; returns the exit code and everything it wrote.</summary>
    public static (int ExitCode, string Output) Run(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        // The program's assembly runs on this test's runtime configuration and dependency list, which include its own.
        var folder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["exec", "--runtimeconfig", Path.Combine(folder, "EarlyHelp.Analytics.Cli.Tests.runtimeconfig.json"),
                     "--depsfile", Path.Combine(folder, "EarlyHelp.Analytics.Cli.Tests.deps.json"), typeof(EarlyHelpCommand).Assembly.Location, .. arguments])
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"earlyhelp {string.Join(' ', arguments)} did not finish in 5 minutes");
        }
        return (process.ExitCode, output.Result + error.Result);
    }
}
