using System.Diagnostics;

namespace EarlyHelp.Analytics.Pipelines.Tests.Notebooks;

/// <summary>
/// The repository's local tool dotnet-repl (<c>.config/dotnet-tools.json</c>), which runs a Polyglot notebook
/// headless and writes a copy with its outputs. It exits 2 when a cell fails, yet still runs the later cells.
/// </summary>
internal static class DotnetRepl
{
    /// <summary>The most one notebook may take; the retrain walk-through trains two models.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    private static readonly Lazy<string?> RestoreFailure = new(() =>
    {
        var (exitCode, output) = Run(Repository.Root, TimeSpan.FromMinutes(5), new Dictionary<string, string>(), "tool", "restore");
        return exitCode == 0 ? null : $"'dotnet tool restore' could not restore dotnet-repl (exit code {exitCode}): {output.Trim()}";
    });

    /// <summary>Why the tool cannot be used here, or null once it is restored.</summary>
    public static string? Unavailable => RestoreFailure.Value;

    /// <summary>
    /// Runs <paramref name="notebook"/> from <paramref name="workingDirectory"/> (by default the notebook's own folder,
    /// as its <c>#r</c> paths are relative to it; it must lie inside the repository, where the tool manifest is),
    /// writing the executed copy to <paramref name="executed"/>, with the given environment variables.
    /// </summary>
    public static (int ExitCode, string Output) RunNotebook(string notebook, string executed, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null) =>
        Run(workingDirectory ?? Path.GetDirectoryName(notebook)!, Patience, environment, "repl", "--run", notebook, "--exit-after-run", "--output-path", executed);

    private static (int ExitCode, string Output) Run(string workingDirectory, TimeSpan patience, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(patience))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"(timed out after {patience.TotalMinutes:0} minutes)");
        }
        return (process.ExitCode, output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult());
    }
}
